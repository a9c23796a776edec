package nl.netwerkzorg.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/** A restart regenerates nothing: running the first-start work again leaves every count identical. */
@AtlasSpringTest
class AtlasStartupTest {

    @Autowired
    AtlasStartup startup;
    @Autowired
    Neo4jClient neo4j;

    private Map<String, Object> counts() {
        return neo4j.query("""
                        MATCH (n) WITH count(n) AS nodes
                        MATCH ()-[r]->() WITH nodes, count(r) AS relationships
                        MATCH (d:AtlasDataset)
                        RETURN nodes, relationships, d.generatedAt AS generatedAt, d.seed AS seed""")
                .fetch().one().orElseThrow();
    }

    @Test
    void startingAgainRegeneratesNothing() {
        Map<String, Object> before = counts();
        startup.afterSingletonsInstantiated();
        assertThat(counts()).isEqualTo(before);
        assertThat((Long) before.get("nodes")).isGreaterThan(100_000L);
    }
}
