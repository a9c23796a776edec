package nl.netwerkzorg.atlas.client;

import java.time.OffsetDateTime;
import java.util.Optional;

import nl.netwerkzorg.atlas.database.DerivedDataMarkers;
import org.springframework.stereotype.Service;

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

    private final DerivedDataMarkers markers;

    ClientConditionCounts(DerivedDataMarkers markers) {
        this.markers = markers;
    }

    /** Replaces the counts of every municipality in one transaction and stamps the {@code AtlasDerived} marker. */
    public long recomputeAll() {
        return markers.recompute(KEY, "MATCH (:Municipality)-[t:CLIENTS_WITH]->(:Condition) DELETE t", """
                MATCH (m:Municipality)
                CALL (m) {
                  MATCH (m)<-[:LIVES_IN]-(:Client)-[:HAS_CONDITION]->(c:Condition)
                  WITH c, count(*) AS n
                  CREATE (m)-[:CLIENTS_WITH {count: n, computedAt: $now}]->(c)
                  RETURN count(*) AS pairs
                }
                RETURN sum(pairs) AS written""");
    }

    /** When the counts were last computed; empty when they never were (e.g. a store from before they existed). */
    public Optional<OffsetDateTime> computedAt() {
        return markers.computedAt(KEY);
    }
}
