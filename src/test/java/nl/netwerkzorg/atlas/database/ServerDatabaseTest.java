package nl.netwerkzorg.atlas.database;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same contract suite against a Neo4j server (external mode, {@code spring.neo4j.uri} set). Needs Docker;
 * without it JUnit reports the class as skipped ("disabledWithoutDocker").
 */
@SpringBootTest
@DirtiesContext
@Order(Integer.MAX_VALUE)
@Testcontainers(disabledWithoutDocker = true)
class ServerDatabaseTest extends DatabaseContractTests {

    @Container
    static final Neo4jContainer NEO4J = new Neo4jContainer("neo4j:2026.08-community").withAdminPassword("test-password-123");

    @DynamicPropertySource
    static void neo4jProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.neo4j.uri", NEO4J::getBoltUrl);
        registry.add("spring.neo4j.authentication.username", () -> "neo4j");
        registry.add("spring.neo4j.authentication.password", NEO4J::getAdminPassword);
    }

    @Autowired
    ObjectProvider<EmbeddedNeo4j> embedded;

    @Test
    void noEmbeddedDatabaseStartsInExternalMode() {
        assertThat(embedded.getIfAvailable()).isNull();
    }
}
