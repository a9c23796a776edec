package nl.netwerkzorg.atlas.overview;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import nl.netwerkzorg.atlas.overview.RegionOverview.ConditionCount;
import nl.netwerkzorg.atlas.overview.RegionOverview.TypeCount;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.RegionAccess;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Overzicht: counts for one region. Read-only transaction (routable to cluster secondaries); counts of
 * clients are suppressed below 5; a network manager only sees the regions they manage.
 */
@Service
public class OverviewService {

    private final Neo4jClient neo4j;
    private final RegionAccess regionAccess;

    OverviewService(Neo4jClient neo4j, RegionAccess regionAccess) {
        this.neo4j = neo4j;
        this.regionAccess = regionAccess;
    }

    @Transactional(readOnly = true)
    public Optional<RegionOverview> overview(String regionCode, AtlasPrincipal user, Locale locale) {
        if (!mayView(user, regionCode)) {
            throw new AccessDeniedException("No access to region " + regionCode);
        }
        long start = System.nanoTime();
        boolean english = "en".equals(locale.getLanguage());
        Optional<Map<String, Object>> head = neo4j.query("""
                        MATCH (r:Region {code: $code})
                        CALL (r) {
                          MATCH (m:Municipality)-[:IN_REGION]->(r)
                          RETURN count(m) AS municipalities, coalesce(sum(m.inhabitants), 0) AS inhabitants,
                                 count(CASE WHEN m.inhabitantsSource <> 'IMPORT' OR m.inhabitantsSource IS NULL THEN 1 END) AS estimated,
                                 sum(COUNT { (m)<-[:LIVES_IN]-() }) AS clients
                        }
                        CALL (r) {
                          MATCH (r)<-[:IN_REGION]-(:Municipality)<-[:COVERS]-(n:Network)
                          RETURN count(DISTINCT n) AS networks
                        }
                        OPTIONAL MATCH (d:AtlasDerived {key: 'clientsByCondition'})
                        RETURN r.name AS name, r.kind AS kind, municipalities, inhabitants, estimated, clients, networks,
                               d.computedAt AS countedAt""")
                .bind(regionCode).to("code")
                .fetch().one();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        List<TypeCount> byType = List.copyOf(neo4j.query("""
                        MATCH (r:Region {code: $code})<-[:IN_REGION]-(:Municipality)<-[:LOCATED_IN]-(p:Provider)
                        WITH p.type AS type, count(*) AS n
                        OPTIONAL MATCH (t:ProviderType {code: type})
                        RETURN type, CASE WHEN $english THEN coalesce(t.nameEn, t.name, type) ELSE coalesce(t.name, type) END AS name,
                               coalesce(t.domain, 'UNKNOWN') AS domain, n
                        ORDER BY n DESC, name""")
                .bind(regionCode).to("code").bind(english).to("english")
                .fetchAs(TypeCount.class)
                .mappedBy((types, r) -> new TypeCount(r.get("type").asString(), r.get("name").asString(),
                        r.get("domain").asString(), r.get("n").asLong()))
                .all());
        // Summed from the derived per-municipality counts (ClientConditionCounts), not by walking every client.
        List<ConditionCount> byCondition = List.copyOf(neo4j.query("""
                        MATCH (r:Region {code: $code})<-[:IN_REGION]-(:Municipality)-[t:CLIENTS_WITH]->(c:Condition)
                        WITH c, sum(t.count) AS n
                        RETURN c.code AS code, CASE WHEN $english THEN coalesce(c.nameEn, c.name) ELSE c.name END AS name, n
                        ORDER BY n DESC, name""")
                .bind(regionCode).to("code").bind(english).to("english")
                .fetchAs(ConditionCount.class)
                .mappedBy((types, r) -> new ConditionCount(r.get("code").asString(), r.get("name").asString(),
                        SuppressedCount.of(r.get("n").asLong())))
                .all());
        Map<String, Object> h = head.get();
        long providers = byType.stream().mapToLong(TypeCount::count).sum();
        return Optional.of(new RegionOverview(regionCode, (String) h.get("name"), (String) h.get("kind"),
                asLong(h.get("municipalities")), asLong(h.get("inhabitants")), asLong(h.get("estimated")) > 0,
                providers, byType, asLong(h.get("networks")), SuppressedCount.of(asLong(h.get("clients"))), byCondition,
                asOffsetDateTime(h.get("countedAt")),
                (System.nanoTime() - start) / 1_000_000));
    }

    /** A network manager is scoped to the regions they manage and the regions inside those; other roles see all. */
    public boolean mayView(AtlasPrincipal user, String regionCode) {
        return regionAccess.mayView(user, regionCode);
    }

    private static @Nullable OffsetDateTime asOffsetDateTime(@Nullable Object value) {
        if (value instanceof Value v) {
            return v.isNull() ? null : v.asOffsetDateTime();
        }
        return value instanceof ZonedDateTime z ? z.toOffsetDateTime() : (OffsetDateTime) value;
    }

    private static long asLong(Object value) {
        return value instanceof Value v ? v.asLong() : ((Number) value).longValue();
    }
}
