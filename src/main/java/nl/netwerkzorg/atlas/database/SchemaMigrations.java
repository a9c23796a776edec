package nl.netwerkzorg.atlas.database;

import ac.simons.neo4j.migrations.core.Migrations;
import ac.simons.neo4j.migrations.core.MigrationsConfig;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the Cypher migrations in {@code cypher/migrations} (shipped on the classpath) with neo4j-migrations' core API;
 * its Spring Boot starter does not resolve from the registry here.
 */
public final class SchemaMigrations {

    static final String LOCATION = "classpath:cypher/migrations";
    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

    private final Migrations migrations;
    private final Driver driver;

    SchemaMigrations(Driver driver) {
        this.driver = driver;
        this.migrations = new Migrations(MigrationsConfig.builder()
                .withLocationsToScan(LOCATION)
                .withAutocrlf(true)
                .build(), driver);
    }

    void apply() {
        long start = System.nanoTime();
        var version = migrations.apply();
        // A new index on a full store populates in the background; searches before it is online would miss rows.
        try (var session = driver.session()) {
            session.run("CALL db.awaitIndexes(600)").consume();
        }
        log.info("Schema migrations applied: database at version {} ({} ms)",
                version.map(Object::toString).orElse("none"), (System.nanoTime() - start) / 1_000_000);
    }
}
