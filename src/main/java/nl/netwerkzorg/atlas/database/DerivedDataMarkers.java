package nl.netwerkzorg.atlas.database;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Markers of derived, recomputable data ({@code (:AtlasDerived {key, computedAt, relationships})}): when a derived data
 * set was last computed. Views show that time next to figures read from it; caches use it as their version; regenerating
 * the data set deletes the markers so the derived data is computed again.
 */
@Service
public class DerivedDataMarkers {

    private static final Logger log = LoggerFactory.getLogger(DerivedDataMarkers.class);

    private final Neo4jClient neo4j;

    DerivedDataMarkers(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /**
     * Recomputes one derived data set in one transaction (readers see the old or the new data, never a mix): runs
     * {@code deleteStatement}, then {@code computeStatement} (which gets {@code $now} and returns the number of
     * relationships it wrote as its single value), and stamps the marker.
     */
    @Transactional
    public long recompute(String key, String deleteStatement, String computeStatement) {
        long start = System.nanoTime();
        OffsetDateTime now = OffsetDateTime.now();
        neo4j.query(deleteStatement).run();
        long written = neo4j.query(computeStatement).bind(now).to("now").fetchAs(Long.class).one().orElse(0L);
        record(key, now, written);
        log.info("Derived data '{}' recomputed: {} relationships in {} ms", key, written, (System.nanoTime() - start) / 1_000_000);
        return written;
    }

    /** Records a recomputation; joins the caller's transaction so the marker commits with the data. */
    @Transactional
    public void record(String key, OffsetDateTime computedAt, long relationships) {
        neo4j.query("""
                        MERGE (d:AtlasDerived {key: $key})
                        SET d.computedAt = $at, d.relationships = $relationships""")
                .bind(key).to("key").bind(computedAt).to("at").bind(relationships).to("relationships")
                .run();
    }

    /** Removes a marker: the derived data set is being replaced and must not be read until it is recorded again. */
    @Transactional
    public void remove(String key) {
        neo4j.query("MATCH (d:AtlasDerived {key: $key}) DELETE d").bind(key).to("key").run();
    }

    /** When the derived data set was last computed; empty when it never was. */
    @Transactional(readOnly = true)
    public Optional<OffsetDateTime> computedAt(String key) {
        return neo4j.query("MATCH (d:AtlasDerived {key: $key}) RETURN d.computedAt AS at")
                .bind(key).to("key")
                .fetchAs(OffsetDateTime.class)
                .mappedBy((types, record) -> record.get("at").asOffsetDateTime())
                .one();
    }
}
