// Partner search: how many clients providers of the wanted types share with each anchor (the user's organisation and
// the client's current providers) — the patient-sharing tie, counted from the anchors' side, before the candidates are
// ranked (their network points depend on it). Anchors caring for more than $maxAnchorClients clients (a hospital, a
// sociaal wijkteam, a large pharmacy) share clients with nearly everyone nearby, which says nothing about working
// together, and are left out of this count (their direct collaborations still count).
// Parameters: anchors (provider ids), types, maxAnchorClients.
MATCH (a:Provider) WHERE a.id IN $anchors AND COUNT { (a)-[:CARES_FOR|COORDINATES]->() } <= $maxAnchorClients
MATCH (a)-[:CARES_FOR|COORDINATES]->(x:Client)<-[:CARES_FOR|COORDINATES]-(p:Provider)
WHERE p.type IN $types AND p <> a
RETURN p.id AS id, a.id AS anchor, count(DISTINCT x) AS shared
