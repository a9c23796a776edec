package nl.netwerkzorg.atlas.provider;

import nl.netwerkzorg.atlas.geography.SearchPlane;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The typed search point of a provider, so that "providers of type T within r km" reads only providers of type T from
 * the point index: {@code searchPoint} is the location in its type's plane ({@link SearchPlane}: metres, shifted per
 * {@code (:ProviderType).slot}). The index's extent (migration V006) covers 100 slots; points outside a Cartesian
 * index's extent all share its overflow cell and make every seek slow. A plain point index on {@code location} returns
 * every type in the circle — about 1,800 providers for 10 km in a city at the national preset — and reads each one's
 * type.
 * <p>
 * Whoever writes a provider's location writes its search point too (the data generator does, with
 * {@link SearchPlane#x}/{@link SearchPlane#y}); {@link #fillMissing()} gives new types a slot, fills any missing point,
 * and runs at every start.
 */
@Service
public class SearchPoints {

    private static final String FILL_SLOTS = """
            MATCH (t:ProviderType) WHERE t.slot IS NULL
            WITH t ORDER BY t.code
            WITH collect(t) AS missing
            CALL () { MATCH (u:ProviderType) RETURN coalesce(max(u.slot), 0) AS top }
            UNWIND range(0, size(missing) - 1) AS i
            WITH missing[i] AS t, top + i + 1 AS slot
            SET t.slot = slot""";
    private static final String FILL_POINTS = """
            MATCH (p:Provider) WHERE p.searchPoint IS NULL AND p.location IS NOT NULL
            MATCH (t:ProviderType {code: p.type})
            SET p.searchPoint = %s""".formatted(SearchPlane.CYPHER_EXPRESSION.formatted("t.slot"));

    private final Neo4jClient neo4j;

    SearchPoints(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** Gives new provider types a slot and providers without a search point one; returns how many providers got one. */
    @Transactional
    public long fillMissing() {
        neo4j.query(FILL_SLOTS).run();
        return neo4j.query(FILL_POINTS).run().counters().propertiesSet();
    }
}
