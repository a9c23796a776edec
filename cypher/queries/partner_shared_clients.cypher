// Partner search: how many clients each candidate shares with each anchor (the user's organisation and the client's
// current providers) — the patient-sharing tie, counted from the anchors' side (a client has ~6 providers, an anchor
// at most ~1,200 clients at the national preset), for the candidates only.
// Parameters: anchors, candidates (provider ids).
MATCH (a:Provider)-[:CARES_FOR|COORDINATES]->(x:Client)<-[:CARES_FOR|COORDINATES]-(p:Provider)
WHERE a.id IN $anchors AND p.id IN $candidates AND p <> a
RETURN p.id AS id, a.id AS anchor, count(DISTINCT x) AS shared
