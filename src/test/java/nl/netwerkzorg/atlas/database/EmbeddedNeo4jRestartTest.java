package nl.netwerkzorg.atlas.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.util.unit.DataSize;

/** Data and credentials survive a stop and start of the embedded server. */
class EmbeddedNeo4jRestartTest {

    @TempDir
    Path directory;

    @Test
    void dataSurvivesARestartWithTheSameGeneratedPassword() {
        DatabaseProperties properties = new DatabaseProperties(directory.resolve("neo4j"), 0, DataSize.ofMegabytes(16), false);
        String password;
        try (EmbeddedNeo4j first = EmbeddedNeo4j.startOrJoin(properties);
             Driver driver = GraphDatabase.driver(first.boltUri(), AuthTokens.basic(first.username(), first.password()))) {
            password = first.password();
            driver.executableQuery("CREATE (:Probe {value: 42})").execute();
        }
        try (EmbeddedNeo4j second = EmbeddedNeo4j.startOrJoin(properties);
             Driver driver = GraphDatabase.driver(second.boltUri(), AuthTokens.basic(second.username(), second.password()))) {
            assertThat(second.password()).isEqualTo(password);
            long value = driver.executableQuery("MATCH (p:Probe) RETURN p.value AS v").execute()
                    .records().getFirst().get("v").asLong();
            assertThat(value).isEqualTo(42);
        }
    }
}
