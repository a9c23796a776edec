// Partner search: providers of the wanted types within the radius of the origin, nearest first, found through the
// point index provider_location (the hint keeps it so at every data size), with the availability filters, and per
// candidate its direct collaborations with the anchors and its collaborations with the anchors' collaborators (ring).
// Parameters: origin (point), radius (metres), types, onlyAvailable, maxWaitingDays (null: any), anchors and ring
// (provider ids), candidateLimit. Tested by PartnerSearchServiceTest; measured by PartnerBenchmark.
MATCH (p:Provider)
USING INDEX p:Provider(location)
WHERE point.distance(p.location, $origin) <= $radius
  AND p.type IN $types
  AND (NOT $onlyAvailable OR (coalesce(p.acceptingClients, false) AND coalesce(p.available, 1) > 0))
  AND ($maxWaitingDays IS NULL OR p.waitingDays <= $maxWaitingDays)
WITH p, point.distance(p.location, $origin) AS meters
ORDER BY meters, p.id
LIMIT $candidateLimit
RETURN p.id AS id, p.name AS name, p.type AS type, p.agb AS agb, p.kvk AS kvk, p.address AS address,
       [(p)-[:LOCATED_IN]->(m:Municipality) | m.name][0] AS municipality, p.location.latitude AS latitude, p.location.longitude AS longitude,
       meters, p.acceptingClients AS accepting, p.capacity AS capacity, p.available AS available,
       p.waitingDays AS waitingDays, p.capacityUpdatedAt AS updatedAt,
       [(p)-[k:COLLABORATES_WITH]-(q:Provider) WHERE q.id IN $anchors | [q.id, k.kind]] AS direct,
       [(p)-[:COLLABORATES_WITH]-(y:Provider) WHERE y.id IN $ring | y.id] AS via
