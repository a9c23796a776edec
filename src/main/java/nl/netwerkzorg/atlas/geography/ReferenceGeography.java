package nl.netwerkzorg.atlas.geography;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shipped CBS geography (342 municipalities 2025, CBS/Kadaster via PDOK, CC-BY 4.0), read once from
 * the classpath. The database is loaded from it on first start; the demo generator uses the outlines.
 */
@Component
public class ReferenceGeography {

    static final String MUNICIPALITIES_CSV = "geo/gemeenten_2025.csv";
    static final String MUNICIPALITIES_GEOJSON = "geo/gemeenten_2025.geojson";
    public static final String REGIONS_CSV = "geo/regio_2025.csv";
    public static final String ATTRIBUTION = "Gemeentegrenzen: CBS/Kadaster via PDOK, CC-BY 4.0";

    private volatile List<MunicipalityGeometry> municipalities;

    /** All municipalities, sorted by code. */
    public List<MunicipalityGeometry> municipalities() {
        List<MunicipalityGeometry> result = municipalities;
        if (result == null) {
            synchronized (this) {
                if (municipalities == null) {
                    municipalities = load();
                }
                result = municipalities;
            }
        }
        return result;
    }

    private static List<MunicipalityGeometry> load() {
        ObjectMapper mapper = JsonMapper.builder().build();
        Map<String, JsonNode> geometries = new HashMap<>();
        try (InputStream in = new ClassPathResource(MUNICIPALITIES_GEOJSON).getInputStream()) {
            for (JsonNode feature : mapper.readTree(in).get("features")) {
                geometries.put(feature.get("properties").get("code").asString(), feature.get("geometry"));
            }
            String csv = new String(new ClassPathResource(MUNICIPALITIES_CSV).getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8);
            List<MunicipalityGeometry> result = new ArrayList<>();
            String[] lines = csv.split("\\R");
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                // code,name,province_code,province_name,centroid_lat,centroid_lon,area_km2,inner_lat,inner_lon
                String[] f = SemicolonCsv.split(lines[i], ',').toArray(String[]::new);
                JsonNode geometry = geometries.get(f[0]);
                if (geometry == null) {
                    throw new IllegalStateException("No outline for municipality " + f[0] + " in " + MUNICIPALITIES_GEOJSON);
                }
                result.add(new MunicipalityGeometry(f[0], f[1], f[2], f[3],
                        new GeoPoint(Double.parseDouble(f[4]), Double.parseDouble(f[5])),
                        new GeoPoint(Double.parseDouble(f[7]), Double.parseDouble(f[8])),
                        Double.parseDouble(f[6]),
                        toMultiPolygon(geometry),
                        mapper.writeValueAsString(geometry)));
            }
            result.sort((a, b) -> a.code().compareTo(b.code()));
            return List.copyOf(result);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the shipped geography", e);
        }
    }

    private static MultiPolygon toMultiPolygon(JsonNode geometry) {
        String type = geometry.get("type").asString();
        JsonNode coordinates = geometry.get("coordinates");
        List<List<double[][]>> polygons = new ArrayList<>();
        if ("Polygon".equals(type)) {
            polygons.add(toPolygon(coordinates));
        } else if ("MultiPolygon".equals(type)) {
            for (JsonNode polygon : coordinates) {
                polygons.add(toPolygon(polygon));
            }
        } else {
            throw new IllegalStateException("Unsupported geometry type " + type);
        }
        return new MultiPolygon(polygons);
    }

    private static List<double[][]> toPolygon(JsonNode rings) {
        List<double[][]> result = new ArrayList<>();
        for (JsonNode ring : rings) {
            double[][] points = new double[ring.size()][];
            for (int i = 0; i < ring.size(); i++) {
                points[i] = new double[] {ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble()};
            }
            result.add(points);
        }
        return result;
    }
}
