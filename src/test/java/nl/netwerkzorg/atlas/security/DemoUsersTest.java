package nl.netwerkzorg.atlas.security;

import static org.assertj.core.api.Assertions.assertThat;

import nl.netwerkzorg.atlas.AtlasSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/** Regenerating the data set (atlas.data.reset) deletes the demo professional's provider: the next run links a new one. */
@AtlasSpringTest
class DemoUsersTest {

    @Autowired
    UserService users;
    @Autowired
    Neo4jClient neo4j;

    @Test
    void theDemoCareProfessionalIsLinkedAgainAfterItsProviderWasRegenerated() {
        String provider = users.loadUserByUsername("zorgverlener").providerId();
        assertThat(provider).isNotNull();
        neo4j.query("MATCH (:User {username: 'zorgverlener'})-[w:WORKS_AT]->() DELETE w").run();
        try {
            assertThat(users.loadUserByUsername("zorgverlener").providerId()).isNull();
            users.ensureDemoUsers(provider, "PV26");
        } finally {
            assertThat(users.loadUserByUsername("zorgverlener").providerId()).isEqualTo(provider);
        }
        // Already linked: nothing changes.
        users.ensureDemoUsers("P000001", "PV26");
        assertThat(users.loadUserByUsername("zorgverlener").providerId()).isEqualTo(provider);
    }
}
