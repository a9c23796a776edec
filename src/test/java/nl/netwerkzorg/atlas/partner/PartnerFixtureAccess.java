package nl.netwerkzorg.atlas.partner;

import org.springframework.data.neo4j.core.Neo4jClient;

/** {@link PartnerFixture} for tests in other packages (views, end-to-end). */
public final class PartnerFixtureAccess {

    private PartnerFixtureAccess() {
    }

    public static void create(Neo4jClient neo4j) {
        PartnerFixture.create(neo4j);
    }

    public static void remove(Neo4jClient neo4j) {
        PartnerFixture.remove(neo4j);
    }
}
