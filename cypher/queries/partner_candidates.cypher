// Partner search: providers of the wanted types within the radius of the origin, ranked, the best $top with their
// details. Per type slot one seek in the point index provider_search_point (provider.SearchPoints: the type's plane,
// radius widened by the projection margin) reads only providers of that type; the exact WGS84 distance then decides;
// with the availability filters; the nearest $candidateLimit are candidates (matched counts them).
// The candidates are ranked here with the score of partner.Scoring, term for term and in the same floating-point
// order (distance points from the distance rounded to 0.1 km, availability points halved when stale, network points
// from $network: provider id -> points, worked out from the anchors' side), or for the bed finder ($byBeds) fresh
// before stale, free beds, distance. The service scores the returned rows again in Java and keeps the best $limit, so
// $top (twice the limit) leaves room; PartnerSearchServiceTest checks the two rankings agree.
// Parameters: slots (of the wanted types), x and y (the origin projected, without type offset), seekRadius, origin
// (WGS84 point), radius (metres), radiusKm, types, onlyAvailable, maxWaitingDays (null: any), candidateLimit,
// bedTypes (bed-based type codes), bedsFreshFrom and otherFreshFrom (older reports are stale), network, byBeds, top.
// Tested by PartnerSearchServiceTest; measured by PartnerBenchmark.
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
WITH p, meters, round(meters / 100.0) / 10.0 AS km, p.type IN $bedTypes AS bed
WITH p, meters, km, bed,
     p.capacityUpdatedAt IS NULL
       OR p.capacityUpdatedAt < CASE WHEN bed THEN $bedsFreshFrom ELSE $otherFreshFrom END AS stale,
     CASE
       WHEN bed THEN CASE WHEN coalesce(p.available, 0) <= 0 THEN 0.0
                          ELSE 0.6 + 0.4 * CASE WHEN p.available < 5 THEN p.available ELSE 5 END / 5 END
       WHEN p.acceptingClients THEN 0.5 + 0.5 * (1 - CASE WHEN coalesce(p.waitingDays, 30) < 60
                                                            THEN coalesce(p.waitingDays, 30) ELSE 60 END / 60.0)
       ELSE 0.0 END AS availability,
     1 - km / $radiusKm AS closeness
WITH p, meters, km,
     CASE WHEN $byBeds
       THEN [CASE WHEN stale THEN 1 ELSE 0 END, -coalesce(p.available, -1), km]
       ELSE [-(round(40 * CASE WHEN closeness < 0 THEN 0.0 WHEN closeness > 1 THEN 1.0 ELSE closeness END)
               + round(35 * CASE WHEN stale THEN availability / 2 ELSE availability END)
               + coalesce($network[p.id], 0)), km, 0]
     END AS rank
ORDER BY rank, p.name, p.id
WITH collect([p, meters]) AS ranked
UNWIND ranked[..$top] AS best
WITH size(ranked) AS matched, best[0] AS p, best[1] AS meters
RETURN matched, p.id AS id, p.name AS name, p.type AS type, p.agb AS agb, p.kvk AS kvk, p.address AS address,
       p.municipalityCode AS municipalityCode, p.location.latitude AS latitude,
       p.location.longitude AS longitude, meters, p.acceptingClients AS accepting, p.capacity AS capacity,
       p.available AS available, p.waitingDays AS waitingDays, p.capacityUpdatedAt AS updatedAt
