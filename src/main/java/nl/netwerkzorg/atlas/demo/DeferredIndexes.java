package nl.netwerkzorg.atlas.demo;

import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops the plain (non-constraint) indexes on the labels a bulk load writes, and builds them again afterwards: one
 * index population at the end is cheaper than an index update for every one of millions of created nodes. Before an
 * index is dropped its own {@code createStatement} (from {@code SHOW INDEXES}) is recorded in an
 * {@code (:AtlasDeferredIndex)} node, so {@link #restore()} brings back exactly the schema the migrations created, also
 * after a crash in the middle of a load (start-up calls it). Constraint-backed indexes stay: they guard uniqueness
 * while loading.
 */
final class DeferredIndexes {

    private static final Logger log = LoggerFactory.getLogger(DeferredIndexes.class);
    /** Seconds to wait for the rebuilt indexes to come online. */
    private static final int AWAIT_SECONDS = 3_600;

    private final Driver driver;

    DeferredIndexes(Driver driver) {
        this.driver = driver;
    }

    /** Records and drops the plain indexes on these labels; returns their names. */
    List<String> defer(List<String> labels) {
        try (Session session = driver.session()) {
            List<Record> indexes = session.run("""
                            SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, owningConstraint, createStatement
                            WHERE owningConstraint IS NULL AND entityType = 'NODE' AND type IN ['RANGE', 'POINT', 'TEXT', 'FULLTEXT']
                              AND any(l IN labelsOrTypes WHERE l IN $labels)
                            RETURN name, createStatement ORDER BY name""", Map.of("labels", labels)).list();
            for (Record index : indexes) {
                session.executeWriteWithoutResult(tx -> tx.run("""
                                MERGE (d:AtlasDeferredIndex {name: $name}) SET d.createStatement = $statement""",
                        Map.of("name", index.get("name").asString(), "statement", index.get("createStatement").asString())));
            }
            for (Record index : indexes) {
                // The name comes from SHOW INDEXES, never from a user; schema commands take no parameters.
                session.run("DROP INDEX " + quoted(index.get("name").asString()) + " IF EXISTS").consume();
            }
            List<String> names = indexes.stream().map(r -> r.get("name").asString()).toList();
            log.info("Bulk load: {} indexes dropped until the load is done: {}", names.size(), names);
            return names;
        }
    }

    /** Creates every recorded index that does not exist, waits until all are online and forgets the records. */
    int restore() {
        try (Session session = driver.session()) {
            List<Record> deferred = session.run(
                    "MATCH (d:AtlasDeferredIndex) RETURN d.name AS name, d.createStatement AS statement ORDER BY name").list();
            if (deferred.isEmpty()) {
                return 0;
            }
            long start = System.nanoTime();
            List<String> existing = session.run("SHOW INDEXES YIELD name RETURN collect(name) AS names").single()
                    .get("names").asList(v -> v.asString());
            int created = 0;
            for (Record index : deferred) {
                if (!existing.contains(index.get("name").asString())) {
                    session.run(index.get("statement").asString()).consume();
                    created++;
                }
            }
            session.run("CALL db.awaitIndexes(" + AWAIT_SECONDS + ")").consume();
            session.executeWriteWithoutResult(tx -> tx.run("MATCH (d:AtlasDeferredIndex) DELETE d"));
            log.info("Bulk load: {} indexes built again and online in {} ms", created, (System.nanoTime() - start) / 1_000_000);
            return created;
        }
    }

    private static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
