package nl.netwerkzorg.atlas.geography;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A municipality outline in WGS84: polygons of rings of {@code [lon, lat]} pairs, the first ring of
 * each polygon its exterior, further rings holes. Enough geometry for point-in-polygon tests and
 * random points inside; not a general GIS library.
 */
public record MultiPolygon(List<List<double[][]>> polygons) {

    public MultiPolygon {
        polygons = List.copyOf(polygons);
    }

    /** Even-odd test over all rings of each polygon: inside an exterior and outside its holes. */
    public boolean contains(double lon, double lat) {
        for (List<double[][]> polygon : polygons) {
            boolean inside = false;
            for (double[][] ring : polygon) {
                if (ringContains(ring, lon, lat)) {
                    inside = !inside;
                }
            }
            if (inside) {
                return true;
            }
        }
        return false;
    }

    /** Bounding box as {@code [minLon, minLat, maxLon, maxLat]}. */
    public double[] bbox() {
        double minLon = Double.MAX_VALUE, minLat = Double.MAX_VALUE;
        double maxLon = -Double.MAX_VALUE, maxLat = -Double.MAX_VALUE;
        for (List<double[][]> polygon : polygons) {
            for (double[] p : polygon.getFirst()) {
                minLon = Math.min(minLon, p[0]);
                maxLon = Math.max(maxLon, p[0]);
                minLat = Math.min(minLat, p[1]);
                maxLat = Math.max(maxLat, p[1]);
            }
        }
        return new double[] {minLon, minLat, maxLon, maxLat};
    }

    /**
     * A uniformly distributed point inside the outline, by rejection sampling in the bounding box.
     * Falls back to {@code fallback} (a point known to be inside) when the shape is degenerate.
     */
    public GeoPoint randomPointInside(RandomGenerator random, GeoPoint fallback) {
        double[] box = bbox();
        for (int attempt = 0; attempt < 200; attempt++) {
            double lon = box[0] + random.nextDouble() * (box[2] - box[0]);
            double lat = box[1] + random.nextDouble() * (box[3] - box[1]);
            if (contains(lon, lat)) {
                return new GeoPoint(lat, lon);
            }
        }
        return fallback;
    }

    private static boolean ringContains(double[][] ring, double x, double y) {
        boolean inside = false;
        for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
            double xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                inside = !inside;
            }
        }
        return inside;
    }
}
