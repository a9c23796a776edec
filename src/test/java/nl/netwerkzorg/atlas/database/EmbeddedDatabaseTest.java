package nl.netwerkzorg.atlas.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import nl.netwerkzorg.atlas.AtlasSpringTest;

/** The contract suite on the embedded Neo4j, plus what only the embedded mode has. */
@AtlasSpringTest
class EmbeddedDatabaseTest extends DatabaseContractTests {

    @Autowired
    EmbeddedNeo4j embedded;

    @Test
    void listensOnLoopbackWithGeneratedOwnerOnlyCredentials() throws Exception {
        assertThat(embedded.boltUri().getHost()).isEqualTo("127.0.0.1");
        var credentials = embedded.directory().resolve(EmbeddedNeo4j.CREDENTIALS_FILE);
        assertThat(Files.getPosixFilePermissions(credentials))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(embedded.password()).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void boltRequiresAuthentication() {
        try (var driver = org.neo4j.driver.GraphDatabase.driver(embedded.boltUri(),
                org.neo4j.driver.AuthTokens.basic("neo4j", "wrong-password"))) {
            assertThatThrownBy(driver::verifyConnectivity).isInstanceOf(org.neo4j.driver.exceptions.AuthenticationException.class);
        }
    }

    @Test
    void aTakenPortGivesAClearErrorNamingTheSetting() {
        int taken = embedded.boltUri().getPort();
        var properties = new DatabaseProperties(embedded.directory().resolveSibling("other-neo4j"), taken,
                org.springframework.util.unit.DataSize.ofMegabytes(8), false);
        assertThatThrownBy(() -> EmbeddedNeo4j.startOrJoin(properties))
                .isInstanceOf(EmbeddedNeo4j.BoltPortInUseException.class)
                .hasMessageContaining("atlas.database.bolt-port").hasMessageContaining(String.valueOf(taken));
    }
}
