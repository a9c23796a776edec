package nl.netwerkzorg.atlas.geography;

/**
 * The projection behind providers' typed search points ({@code provider.SearchPoints}): a WGS84 location in metres
 * from 50.5° N 3° E, equirectangular at 52.15° N (the middle of the Netherlands: within 3.3 % of the true distance
 * anywhere in the country, so seeks widen the radius by {@link #SEEK_MARGIN} and the exact WGS84 distance decides),
 * shifted {@link #TYPE_OFFSET} along x per provider-type slot so each type has a plane of its own. One place for the
 * formula: the generator computes points with {@link #x}/{@link #y}, Cypher writers use {@link #CYPHER_EXPRESSION}.
 */
public final class SearchPlane {

    private SearchPlane() {
    }

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

    /** The search point of provider {@code p} whose type has slot {@code %s}, as a Cypher expression (the same formula). */
    public static final String CYPHER_EXPRESSION = "point({x: %s * 1.0e6 + (p.location.longitude - 3.0) * 68305.267, "
            + "y: (p.location.latitude - 50.5) * 111319.543})";

    /** The x of a longitude in the plane of a type. */
    public static double x(long slot, double longitude) {
        return slot * TYPE_OFFSET + (longitude - ORIGIN_LONGITUDE) * METRES_PER_DEGREE_LONGITUDE;
    }

    public static double y(double latitude) {
        return (latitude - ORIGIN_LATITUDE) * METRES_PER_DEGREE;
    }
}
