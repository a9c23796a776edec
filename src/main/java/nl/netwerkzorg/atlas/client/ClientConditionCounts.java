package nl.netwerkzorg.atlas.client;

import java.time.OffsetDateTime;
import java.util.Optional;

import nl.netwerkzorg.atlas.database.DerivedDataMarkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The derived, recomputable count of clients per condition per municipality:
 * {@code (:Municipality)-[:CLIENTS_WITH {count, computedAt}]->(:Condition)}. Regional views sum these few
 * relationships instead of walking every client of a region, so their cost does not grow with the number of clients.
 * Whatever changes clients or their conditions (data generation, imports) recomputes them in the same run; the
 * {@code computedAt} time is shown beside the figures.
 */
@Service
public class ClientConditionCounts {

    static final String KEY = "clientsByCondition";
    private static final Logger log = LoggerFactory.getLogger(ClientConditionCounts.class);

    private final Neo4jClient neo4j;
    private final DerivedDataMarkers markers;

    ClientConditionCounts(Neo4jClient neo4j, DerivedDataMarkers markers) {
        this.neo4j = neo4j;
        this.markers = markers;
    }

    /**
     * Replaces the counts of every municipality in one transaction (readers see the old or the new counts, never a
     * mix), and records when on the {@code AtlasDerived} marker.
     */
    @Transactional
    public long recomputeAll() {
        long start = System.nanoTime();
        OffsetDateTime now = OffsetDateTime.now();
        neo4j.query("MATCH (:Municipality)-[t:CLIENTS_WITH]->(:Condition) DELETE t").run();
        long written = neo4j.query("""
                        MATCH (m:Municipality)
                        CALL (m) {
                          MATCH (m)<-[:LIVES_IN]-(:Client)-[:HAS_CONDITION]->(c:Condition)
                          WITH c, count(*) AS n
                          CREATE (m)-[:CLIENTS_WITH {count: n, computedAt: $now}]->(c)
                          RETURN count(*) AS pairs
                        }
                        RETURN sum(pairs) AS written""")
                .bind(now).to("now")
                .fetchAs(Long.class).one().orElse(0L);
        markers.record(KEY, now, written);
        log.info("Clients per condition per municipality recomputed: {} counts in {} ms", written,
                (System.nanoTime() - start) / 1_000_000);
        return written;
    }

    /** When the counts were last computed; empty when they never were (e.g. a store from before they existed). */
    public Optional<OffsetDateTime> computedAt() {
        return markers.computedAt(KEY);
    }
}
