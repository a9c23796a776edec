// Netwerkzorg Atlas schema, part 4: the Netwerk graph explorer.
// Search over providers (name, address with place, AGB) and networks (name) as Lucene full-text indexes: the search
// box matches word prefixes anywhere in a name ("apoth houten"), which a range index cannot do fast. The bulk load of
// the data generator drops and rebuilds these like the other plain indexes (DeferredIndexes).
CREATE FULLTEXT INDEX provider_search IF NOT EXISTS FOR (n:Provider) ON EACH [n.name, n.address, n.agb];
CREATE FULLTEXT INDEX network_search IF NOT EXISTS FOR (n:Network) ON EACH [n.name];

// Saved canvases of the graph explorer, per user: (:User)-[:SAVED]->(:SavedGraphView {id, name, state, savedAt}).
CREATE CONSTRAINT saved_graph_view_id IF NOT EXISTS FOR (n:SavedGraphView) REQUIRE n.id IS UNIQUE;
CREATE INDEX access_log_client IF NOT EXISTS FOR (n:AccessLogEntry) ON (n.clientId);
