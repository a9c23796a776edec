// Partner search: providers of the wanted types within the radius of the origin, nearest first. Per type slot one
// seek in the point index provider_search_point (provider.SearchPoints: the type's plane, radius widened by the
// projection margin) reads only providers of that type; the exact WGS84 distance then decides. With the availability
// filters, and per candidate its direct collaborations with the anchors and its collaborations with the anchors'
// collaborators (ring). Parameters: slots (of the wanted types), x and y (the origin projected, without type offset),
// seekRadius, origin (WGS84 point), radius (metres), types, onlyAvailable, maxWaitingDays (null: any), anchors, ring
// (provider ids), candidateLimit. Tested by PartnerSearchServiceTest; measured by PartnerBenchmark.
UNWIND $slots AS slot
MATCH (p:Provider)
USING INDEX p:Provider(searchPoint)
WHERE point.distance(p.searchPoint, point({x: slot * 1.0e6 + $x, y: $y})) <= $seekRadius
  AND point.distance(p.location, $origin) <= $radius
  AND p.type IN $types
  AND (NOT $onlyAvailable OR (coalesce(p.acceptingClients, false) AND coalesce(p.available, 1) > 0))
  AND ($maxWaitingDays IS NULL OR p.waitingDays <= $maxWaitingDays)
WITH p, point.distance(p.location, $origin) AS meters
ORDER BY meters, p.id
LIMIT $candidateLimit
RETURN p.id AS id, p.name AS name, p.type AS type, p.agb AS agb, p.kvk AS kvk, p.address AS address,
       p.municipalityCode AS municipalityCode, p.location.latitude AS latitude,
       p.location.longitude AS longitude, meters, p.acceptingClients AS accepting, p.capacity AS capacity,
       p.available AS available, p.waitingDays AS waitingDays, p.capacityUpdatedAt AS updatedAt,
       [(p)-[k:COLLABORATES_WITH]-(q:Provider) WHERE q.id IN $anchors | [q.id, k.kind]] AS direct,
       [(p)-[:COLLABORATES_WITH]-(y:Provider) WHERE y.id IN $ring | y.id] AS via
