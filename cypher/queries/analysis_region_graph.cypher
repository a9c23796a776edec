// Analyse: the provider graph of one region, read in one query. Every provider located in a municipality of the region,
// with its outgoing collaborations, its outgoing patient-sharing ties (stored once per pair, from the lower id) of at
// least $minimumShared clients, and the networks it belongs to. Ties to providers outside the region are dropped in
// Java, as are network ties, which become pairs of members there. Parameters: region, minimumShared.
// Tested by AnalysisServiceTest; measured by AnalysisBenchmark.
MATCH (:Region {code: $region})<-[:IN_REGION]-(m:Municipality)<-[:LOCATED_IN]-(p:Provider)
RETURN p.id AS id, p.name AS name, p.type AS type, coalesce(p.domain, '') AS domain, m.code AS municipality,
       [(p)-[c:COLLABORATES_WITH]->(q:Provider) | [q.id, c.kind, coalesce(c.formal, false)]] AS collaborations,
       [(p)-[s:SHARES_CLIENTS]->(q:Provider) WHERE s.count >= $minimumShared | [q.id, s.count]] AS sharing,
       [(p)-[:MEMBER_OF]->(n:Network) | n.id] AS networks
