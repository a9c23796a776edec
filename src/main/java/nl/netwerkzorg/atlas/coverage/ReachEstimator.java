package nl.netwerkzorg.atlas.coverage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import nl.netwerkzorg.atlas.geography.GeoPoint;
import nl.netwerkzorg.atlas.geography.MultiPolygon;
import nl.netwerkzorg.atlas.geography.MunicipalityGeometry;
import nl.netwerkzorg.atlas.geography.ReferenceGeography;
import org.springframework.stereotype.Component;

/**
 * Estimates the share of a municipality's inhabitants within a distance of providers. Method: inhabitants are assumed
 * to be spread evenly over the municipality's outline (no finer population data is shipped), represented by the points
 * of a regular grid inside the outline (spacing {@value #GRID_KM} km, coarser for very large municipalities so that no
 * municipality has more than {@value #MAX_POINTS} points; the inner point where the grid misses a small one). The share
 * is the fraction of those points with a provider within the straight-line (great-circle) distance. An estimate,
 * and labelled as one wherever it is shown.
 */
@Component
class ReachEstimator {

    static final double GRID_KM = 1.0;
    static final int MAX_POINTS = 400;
    private static final double KM_PER_DEGREE_LAT = 111.2;

    private final Map<String, MunicipalityGeometry> geometries = new HashMap<>();
    private final Map<String, List<GeoPoint>> samples = new ConcurrentHashMap<>();

    ReachEstimator(ReferenceGeography geography) {
        for (MunicipalityGeometry g : geography.municipalities()) {
            geometries.put(g.code(), g);
        }
    }

    /** The sample points standing in for a municipality's inhabitants (computed once, then kept). */
    List<GeoPoint> samplePoints(String municipalityCode) {
        return samples.computeIfAbsent(municipalityCode, code -> {
            MunicipalityGeometry g = geometries.get(code);
            return g == null ? List.of() : gridInside(g.outline(), g.areaKm2(), g.inner());
        });
    }

    /**
     * Share (0..1) of the municipality's sample points that have, for every reach, a provider of that type within
     * its distance; 0 when the municipality has no outline.
     */
    double shareWithinReach(String municipalityCode, List<Reach> reaches) {
        List<GeoPoint> points = samplePoints(municipalityCode);
        if (points.isEmpty()) {
            return 0;
        }
        int within = 0;
        for (GeoPoint p : points) {
            boolean all = true;
            for (Reach reach : reaches) {
                if (!reach.providers().anyWithin(p, reach.km())) {
                    all = false;
                    break;
                }
            }
            if (all) {
                within++;
            }
        }
        return (double) within / points.size();
    }

    /** Providers of one type and the distance that counts as within reach. */
    record Reach(ProviderLocations providers, double km) {
    }

    static List<GeoPoint> gridInside(MultiPolygon outline, double areaKm2, GeoPoint inner) {
        double spacingKm = Math.max(GRID_KM, Math.sqrt(Math.max(areaKm2, 0) / MAX_POINTS));
        double[] box = outline.bbox();
        double midLat = (box[1] + box[3]) / 2;
        double dLat = spacingKm / KM_PER_DEGREE_LAT;
        double dLon = spacingKm / (KM_PER_DEGREE_LAT * Math.cos(Math.toRadians(midLat)));
        List<GeoPoint> points = new ArrayList<>();
        // Cell centres, so a grid never starts exactly on the outline.
        for (double lat = box[1] + dLat / 2; lat < box[3]; lat += dLat) {
            for (double lon = box[0] + dLon / 2; lon < box[2]; lon += dLon) {
                if (outline.contains(lon, lat)) {
                    points.add(new GeoPoint(lat, lon));
                }
            }
        }
        return points.isEmpty() ? List.of(inner) : List.copyOf(points);
    }

    /** Provider positions of one type in a coarse grid of cells, for fast "is any provider within d km" questions. */
    static final class ProviderLocations {

        private static final double CELL_DEGREES = 0.05;
        private final Map<Long, List<GeoPoint>> cells = new HashMap<>();
        private final int size;

        ProviderLocations(List<GeoPoint> positions) {
            for (GeoPoint p : positions) {
                cells.computeIfAbsent(cellKey(cell(p.latitude()), cell(p.longitude())), k -> new ArrayList<>()).add(p);
            }
            this.size = positions.size();
        }

        int size() {
            return size;
        }

        boolean anyWithin(GeoPoint point, double km) {
            double dLat = km / KM_PER_DEGREE_LAT;
            double dLon = km / (KM_PER_DEGREE_LAT * Math.max(0.1, Math.cos(Math.toRadians(point.latitude()))));
            long minLat = cell(point.latitude() - dLat), maxLat = cell(point.latitude() + dLat);
            long minLon = cell(point.longitude() - dLon), maxLon = cell(point.longitude() + dLon);
            for (long la = minLat; la <= maxLat; la++) {
                for (long lo = minLon; lo <= maxLon; lo++) {
                    List<GeoPoint> inCell = cells.get(cellKey(la, lo));
                    if (inCell != null) {
                        for (GeoPoint p : inCell) {
                            if (p.distanceKm(point) <= km) {
                                return true;
                            }
                        }
                    }
                }
            }
            return false;
        }

        private static long cell(double degrees) {
            return (long) Math.floor(degrees / CELL_DEGREES);
        }

        private static long cellKey(long lat, long lon) {
            return (lat << 32) ^ (lon & 0xffffffffL);
        }
    }
}
