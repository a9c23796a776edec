package nl.netwerkzorg.atlas.geography;

import java.util.List;
import java.util.Optional;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to region layers (provinces, GGD-regio's, zorgkantoorregio's and imported ones). */
@Service
public class RegionService {

    private final Neo4jClient neo4j;

    RegionService(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** A region with the number of municipalities in it. */
    public record RegionSummary(String code, String name, String kind, long municipalities) {
    }

    @Transactional(readOnly = true)
    public List<String> kinds() {
        return List.copyOf(neo4j.query("MATCH (r:Region) RETURN DISTINCT r.kind AS kind ORDER BY kind")
                .fetchAs(String.class).all());
    }

    @Transactional(readOnly = true)
    public List<RegionSummary> regions(String kind) {
        return List.copyOf(neo4j.query("""
                        MATCH (r:Region {kind: $kind})
                        RETURN r.code AS code, r.name AS name, r.kind AS kind, COUNT { (r)<-[:IN_REGION]-() } AS municipalities
                        ORDER BY name""")
                .bind(kind).to("kind")
                .fetchAs(RegionSummary.class).mappedBy(RegionService::toSummary)
                .all());
    }

    @Transactional(readOnly = true)
    public Optional<RegionSummary> region(String code) {
        return neo4j.query("""
                        MATCH (r:Region {code: $code})
                        RETURN r.code AS code, r.name AS name, r.kind AS kind, COUNT { (r)<-[:IN_REGION]-() } AS municipalities""")
                .bind(code).to("code")
                .fetchAs(RegionSummary.class).mappedBy(RegionService::toSummary)
                .one();
    }

    private static RegionSummary toSummary(org.neo4j.driver.types.TypeSystem types, org.neo4j.driver.Record record) {
        return new RegionSummary(record.get("code").asString(), record.get("name").asString(),
                record.get("kind").asString(), record.get("municipalities").asLong());
    }

    /** The province a municipality lies in, e.g. for a care professional's default view. */
    @Transactional(readOnly = true)
    public Optional<String> provinceOfProvider(String providerId) {
        return neo4j.query("""
                        MATCH (:Provider {id: $id})-[:LOCATED_IN]->(:Municipality)-[:IN_REGION]->(r:Region {kind: 'PROVINCIE'})
                        RETURN r.code AS code LIMIT 1""")
                .bind(providerId).to("id").fetchAs(String.class).one();
    }
}
