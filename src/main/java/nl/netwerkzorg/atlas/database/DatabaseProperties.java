package nl.netwerkzorg.atlas.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code atlas.database.*}: the embedded Neo4j. Ignored when {@code spring.neo4j.uri} points at an external server.
 *
 * @param directory     store, logs and generated Bolt credentials of the embedded database
 * @param boltPort      loopback Bolt port of the embedded database; 0 picks a free one
 * @param pageCache     page cache of the embedded database
 * @param wipeOnStart   delete the store before starting (tests only)
 */
@ConfigurationProperties("atlas.database")
public record DatabaseProperties(
        @DefaultValue("./data/neo4j") Path directory,
        @DefaultValue("7687") int boltPort,
        @DefaultValue("512MB") DataSize pageCache,
        @DefaultValue("false") boolean wipeOnStart) {
}
