package nl.netwerkzorg.atlas.coverage;

import java.time.OffsetDateTime;
import java.util.Optional;

import nl.netwerkzorg.atlas.database.DerivedDataMarkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The derived, recomputable count of providers per type per municipality:
 * {@code (:Municipality)-[:PROVIDERS_OF_TYPE {located, serving, computedAt}]->(:ProviderType)}, where {@code located}
 * counts providers LOCATED_IN the municipality and {@code serving} the distinct providers LOCATED_IN or SERVING it.
 * The coverage matrix for all 342 municipalities reads these few thousand relationships instead of every provider
 * and service-area relationship. Whatever changes providers (generation, imports, edits) recomputes them; their
 * {@code computedAt} is also the version of every cached coverage result.
 */
@Service
public class ProviderTypeCounts {

    static final String KEY = "providersByType";
    private static final Logger log = LoggerFactory.getLogger(ProviderTypeCounts.class);

    private final Neo4jClient neo4j;
    private final DerivedDataMarkers markers;

    ProviderTypeCounts(Neo4jClient neo4j, DerivedDataMarkers markers) {
        this.neo4j = neo4j;
        this.markers = markers;
    }

    /** Replaces all counts in one transaction and records when on the {@code AtlasDerived} marker. */
    @Transactional
    public long recomputeAll() {
        long start = System.nanoTime();
        OffsetDateTime now = OffsetDateTime.now();
        neo4j.query("MATCH (:Municipality)-[t:PROVIDERS_OF_TYPE]->(:ProviderType) DELETE t").run();
        long written = neo4j.query("""
                        MATCH (m:Municipality)
                        CALL (m) {
                          MATCH (m)<-[rel:LOCATED_IN|SERVES]-(p:Provider)
                          WITH p.type AS type, count(DISTINCT p) AS serving,
                               count(DISTINCT CASE WHEN type(rel) = 'LOCATED_IN' THEN p END) AS located
                          MATCH (t:ProviderType {code: type})
                          CREATE (m)-[:PROVIDERS_OF_TYPE {located: located, serving: serving, computedAt: $now}]->(t)
                          RETURN count(*) AS pairs
                        }
                        RETURN sum(pairs) AS written""")
                .bind(now).to("now")
                .fetchAs(Long.class).one().orElse(0L);
        markers.record(KEY, now, written);
        log.info("Providers per type per municipality recomputed: {} counts in {} ms", written,
                (System.nanoTime() - start) / 1_000_000);
        return written;
    }

    /** When the counts were last computed; empty when they never were. */
    public Optional<OffsetDateTime> computedAt() {
        return markers.computedAt(KEY);
    }
}
