package nl.netwerkzorg.atlas.security;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Region scoping: a network manager sees the regions they manage and the regions inside those; other roles see all. */
@Service
public class RegionAccess {

    private final Neo4jClient neo4j;

    RegionAccess(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    @Transactional(readOnly = true)
    public boolean mayView(AtlasPrincipal user, String regionCode) {
        if (user.role() != Role.NETWORK_MANAGER) {
            return true;
        }
        if (user.regionCodes().contains(regionCode)) {
            return true;
        }
        // A region whose municipalities all lie inside managed regions is within scope.
        return neo4j.query("""
                        MATCH (r:Region {code: $code})<-[:IN_REGION]-(m:Municipality)
                        WITH count(m) AS total,
                             count(CASE WHEN EXISTS { (m)-[:IN_REGION]->(x:Region) WHERE x.code IN $managed } THEN 1 END) AS inside
                        RETURN total > 0 AND total = inside""")
                .bind(regionCode).to("code").bind(user.regionCodes()).to("managed")
                .fetchAs(Boolean.class).one().orElse(false);
    }

    /** A network manager sees a municipality that lies in one of their regions. */
    @Transactional(readOnly = true)
    public boolean mayViewMunicipality(AtlasPrincipal user, String municipalityCode) {
        if (user.role() != Role.NETWORK_MANAGER) {
            return true;
        }
        return neo4j.query("""
                        RETURN EXISTS { (:Municipality {code: $code})-[:IN_REGION]->(r:Region) WHERE r.code IN $managed } AS inside""")
                .bind(municipalityCode).to("code").bind(user.regionCodes()).to("managed")
                .fetchAs(Boolean.class).one().orElse(false);
    }
}
