package nl.netwerkzorg.atlas.coverage;

import java.time.OffsetDateTime;
import java.util.Optional;

import nl.netwerkzorg.atlas.database.DerivedDataMarkers;
import org.springframework.stereotype.Service;

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

    private final DerivedDataMarkers markers;

    ProviderTypeCounts(DerivedDataMarkers markers) {
        this.markers = markers;
    }

    /** Replaces all counts in one transaction and stamps the {@code AtlasDerived} marker. */
    public long recomputeAll() {
        return markers.recompute(KEY, "MATCH (:Municipality)-[t:PROVIDERS_OF_TYPE]->(:ProviderType) DELETE t", """
                MATCH (m:Municipality)
                CALL (m) {
                  MATCH (m)<-[rel:LOCATED_IN|SERVES]-(p:Provider)
                  WITH p.type AS type, count(DISTINCT p) AS serving,
                       count(DISTINCT CASE WHEN type(rel) = 'LOCATED_IN' THEN p END) AS located
                  MATCH (t:ProviderType {code: type})
                  CREATE (m)-[:PROVIDERS_OF_TYPE {located: located, serving: serving, computedAt: $now}]->(t)
                  RETURN count(*) AS pairs
                }
                RETURN sum(pairs) AS written""");
    }

    /** When the counts were last computed; empty when they never were. */
    public Optional<OffsetDateTime> computedAt() {
        return markers.computedAt(KEY);
    }
}
