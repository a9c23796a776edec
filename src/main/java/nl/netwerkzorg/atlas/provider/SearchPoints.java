package nl.netwerkzorg.atlas.provider;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The typed search point of a provider, so that "providers of type T within r km" reads only providers of type T from
 * the point index: {@code searchPoint} is a Cartesian point with the location projected to metres from 50.5° N 3° E
 * (equirectangular at 52.15° N, the middle of the Netherlands: within 3.3 % of the true distance anywhere in the
 * country, so searches widen the radius by {@link #SEEK_MARGIN} and then filter exactly on {@code location}) and
 * shifted 1,000 km along x per provider type ({@code (:ProviderType).slot}). The index's extent (migration V006) covers
 * 100 slots; points outside a Cartesian index's extent all share its overflow cell and make every seek slow. A plain
 * point index on {@code location} returns every type in the circle — about 1,800 providers for 10 km in a city at the
 * national preset — and reads each one's type.
 * <p>
 * Whoever writes a provider's location writes its search point with {@link #CYPHER_EXPRESSION} (the data generator
 * does); {@link #fillMissing()} fills any that are missing and runs at every start.
 */
@Service
public class SearchPoints {

    /** Metres per degree on Neo4j's WGS84 sphere (radius 6,378,140 m). */
    public static final double METRES_PER_DEGREE = 111_319.543;
    /** Metres per degree of longitude at 52.15° N. */
    public static final double METRES_PER_DEGREE_LONGITUDE = 68_305.267;
    /** Distance between the planes of two types (the country is ~300 km wide, a search at most 104 km). */
    public static final double TYPE_OFFSET = 1.0e6;
    public static final double ORIGIN_LATITUDE = 50.5;
    public static final double ORIGIN_LONGITUDE = 3.0;
    /** The seek radius is the search radius times this (projection error at the country's edges, 3.3 %). */
    public static final double SEEK_MARGIN = 1.04;

    /** The search point of provider {@code p} whose type has slot {@code slot}, as a Cypher expression. */
    public static final String CYPHER_EXPRESSION = "point({x: %s * 1.0e6 + (p.location.longitude - 3.0) * 68305.267, "
            + "y: (p.location.latitude - 50.5) * 111319.543})";

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
            SET p.searchPoint = %s""".formatted(CYPHER_EXPRESSION.formatted("t.slot"));

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

    /** The x of a longitude in the plane of a type. */
    public static double x(long slot, double longitude) {
        return slot * TYPE_OFFSET + (longitude - ORIGIN_LONGITUDE) * METRES_PER_DEGREE_LONGITUDE;
    }

    public static double y(double latitude) {
        return (latitude - ORIGIN_LATITUDE) * METRES_PER_DEGREE;
    }
}
