package nl.netwerkzorg.atlas.demo;

import java.util.SplittableRandom;

import nl.netwerkzorg.atlas.geography.GeoPoint;
import nl.netwerkzorg.atlas.geography.MunicipalityGeometry;

/** Random positions inside a municipality's outline, part of them clustered around its main centre. */
final class Placement {

    private static final double KM_PER_DEGREE_LAT = 111.2;

    private Placement() {
    }

    /**
     * With chance {@code clusterShare} a point normally distributed around the inner point (σ a quarter
     * of the municipality's linear size), otherwise uniform in the outline; always inside the outline.
     */
    static GeoPoint pointIn(MunicipalityGeometry m, SplittableRandom r, double clusterShare) {
        GeoPoint inner = m.inner();
        if (r.nextDouble() < clusterShare) {
            double sigmaKm = 0.25 * Math.sqrt(Math.max(1, m.areaKm2()));
            double lat = inner.latitude() + r.nextGaussian() * sigmaKm / KM_PER_DEGREE_LAT;
            double lon = inner.longitude() + r.nextGaussian() * sigmaKm
                    / (KM_PER_DEGREE_LAT * Math.cos(Math.toRadians(inner.latitude())));
            if (m.outline().contains(lon, lat)) {
                return new GeoPoint(lat, lon);
            }
        }
        return m.outline().randomPointInside(r, inner);
    }
}
