package nl.netwerkzorg.atlas.geography;

/**
 * One CBS municipality as shipped in {@code geo/}: code ({@code GMxxxx}), name, province, centroid,
 * a point guaranteed inside ({@code inner}, used for distances and as default location), area and outline.
 */
public record MunicipalityGeometry(
        String code,
        String name,
        String provinceCode,
        String provinceName,
        GeoPoint centroid,
        GeoPoint inner,
        double areaKm2,
        MultiPolygon outline,
        String outlineGeoJson) {
}
