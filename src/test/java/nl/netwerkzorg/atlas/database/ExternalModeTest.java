package nl.netwerkzorg.atlas.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.unit.DataSize;

/**
 * External mode without Docker: a separate Neo4j server (started here in-process, reached only over Bolt like any
 * remote server) is configured through {@code spring.neo4j.uri}; the application must start no embedded database
 * of its own and pass the whole contract suite against the server.
 */
@SpringBootTest
@DirtiesContext
@Order(Integer.MAX_VALUE - 1)
class ExternalModeTest extends DatabaseContractTests {

    private static EmbeddedNeo4j server;

    @DynamicPropertySource
    static void externalServer(DynamicPropertyRegistry registry) throws Exception {
        Path directory = Files.createTempDirectory("atlas-external-neo4j");
        server = EmbeddedNeo4j.startOrJoin(new DatabaseProperties(directory, 0, DataSize.ofMegabytes(256), false));
        registry.add("spring.neo4j.uri", () -> server.boltUri().toString());
        registry.add("spring.neo4j.authentication.username", server::username);
        registry.add("spring.neo4j.authentication.password", server::password);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Autowired
    ObjectProvider<EmbeddedNeo4j> embedded;

    @Test
    void noEmbeddedDatabaseStartsWhenAnExternalUriIsSet() {
        assertThat(embedded.getIfAvailable()).isNull();
    }
}
