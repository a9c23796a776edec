// Flags stored before V008 lack the flag_<FLAG> properties its indexes read: evaluate all clients again at the next
// start (a separate migration: Neo4j does not mix schema changes and writes in one transaction).
MATCH (d:AtlasDerived {key: 'clientFlags'}) DELETE d;
