// Client quality rules (docs/quality-rules.md): the evidence for each flag of the client bound to `c`, and the flags.
// A fragment: the caller binds `c` before it and uses the variables it ends with (c, professionals, missing,
// unlinkedCarers, isolated, prescribers, flags). The professionals are the providers that care for or coordinate the
// client now (ended involvements are CARED_FOR and do not count).
// Parameters: prescriberTypes, pharmacyType, homeNursingType, chronicConditions, frailConditions, oldAgeBands.
CALL (c) {
  OPTIONAL MATCH (c)<-[:CARES_FOR|COORDINATES]-(p:Provider)
  RETURN collect(DISTINCT p) AS professionals
}
CALL (c, professionals) {
  OPTIONAL MATCH (c)-[:HAS_CONDITION]->(k:Condition)<-[:FOR]-(:CarePathway)-[q:REQUIRES]->(t:ProviderType)
  WHERE q.optional = false AND NONE(p IN professionals WHERE p.type = t.code)
  WITH t.code AS type, collect(DISTINCT k.code) AS conditions
  WHERE type IS NOT NULL
  RETURN collect({type: type, conditions: conditions}) AS missing
}
WITH c, professionals, missing,
     EXISTS { (c)<-[:COORDINATES]-(:Provider) } AS coordinated,
     [(c)<-[:SUPPORTS]-(k:InformalCarer)
        WHERE NOT EXISTS { (k)-[:KNOWN_TO]->(kp:Provider) WHERE kp IN professionals } | k.id] AS unlinkedCarers,
     COUNT { (c)<-[:SUPPORTS]-(:InformalCarer) } AS carers,
     [(c)-[:HAS_CONDITION]->(k:Condition) | k.code] AS conditions
WITH c, professionals, missing, coordinated, unlinkedCarers, carers, conditions,
     CASE WHEN size(professionals) < 2 THEN [] ELSE
       [p IN professionals WHERE NONE(o IN professionals WHERE o <> p
          AND EXISTS { (p)-[:COLLABORATES_WITH|SHARES_CLIENTS]-(o) }) | p.id] END AS isolated,
     [p IN professionals WHERE p.type IN $prescriberTypes | p.id] AS prescribers,
     ANY(p IN professionals WHERE p.type = $pharmacyType) AS pharmacy,
     ANY(p IN professionals WHERE p.type = $homeNursingType) AS homeNursing,
     ANY(x IN conditions WHERE x IN $chronicConditions) AS chronic,
     ANY(x IN conditions WHERE x IN $frailConditions) AS frail
WITH c, professionals, missing, unlinkedCarers, isolated, prescribers,
     [f IN [
        CASE WHEN size(missing) > 0 THEN 'PATHWAY_GAP' END,
        CASE WHEN NOT coordinated THEN 'NO_COORDINATOR' END,
        CASE WHEN size(unlinkedCarers) > 0 THEN 'CARER_NOT_LINKED' END,
        CASE WHEN size(isolated) > 0 THEN 'FRAGMENTED' END,
        CASE WHEN chronic AND size(prescribers) >= 2 AND NOT pharmacy THEN 'MEDICATION_SAFETY' END,
        CASE WHEN frail AND c.ageBand IN $oldAgeBands AND carers = 0 AND NOT homeNursing THEN 'ALONE_AT_RISK' END
      ] WHERE f IS NOT NULL] AS flags
