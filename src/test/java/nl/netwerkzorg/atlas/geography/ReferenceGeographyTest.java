package nl.netwerkzorg.atlas.geography;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class ReferenceGeographyTest {

    private final List<MunicipalityGeometry> municipalities = new ReferenceGeography().municipalities();

    @Test
    void shipsAll342MunicipalitiesWithTheirProvinces() {
        assertThat(municipalities).hasSize(342);
        assertThat(municipalities).extracting(MunicipalityGeometry::code).allMatch(c -> c.matches("GM\\d{4}")).doesNotHaveDuplicates();
        Map<String, Long> perProvince = municipalities.stream()
                .collect(Collectors.groupingBy(MunicipalityGeometry::provinceName, Collectors.counting()));
        assertThat(perProvince).containsEntry("Utrecht", 26L).containsEntry("Noord-Brabant", 56L).hasSize(12);
    }

    @Test
    void quotedNamesWithCommasAreReadWhole() {
        assertThat(municipalities).filteredOn(m -> m.code().equals("GM0820"))
                .singleElement().extracting(MunicipalityGeometry::name).isEqualTo("Nuenen, Gerwen en Nederwetten");
    }

    @Test
    void innerPointLiesInsideEachOutline() {
        assertThat(municipalities).allMatch(m -> m.outline().contains(m.inner().longitude(), m.inner().latitude()),
                "inner point inside outline");
    }

    @Test
    void randomPointsFallInsideTheOutline() {
        MunicipalityGeometry utrecht = municipalities.stream().filter(m -> m.code().equals("GM0344")).findFirst().orElseThrow();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            GeoPoint p = utrecht.outline().randomPointInside(random, utrecht.inner());
            assertThat(utrecht.outline().contains(p.longitude(), p.latitude())).isTrue();
        }
        // Amsterdam's inner point is not inside Utrecht.
        GeoPoint amsterdam = municipalities.stream().filter(m -> m.code().equals("GM0363")).findFirst().orElseThrow().inner();
        assertThat(utrecht.outline().contains(amsterdam.longitude(), amsterdam.latitude())).isFalse();
    }

    @Test
    void haversineDistanceUtrechtAmsterdamIsAbout35Km() {
        GeoPoint utrecht = new GeoPoint(52.0907, 5.1214);
        GeoPoint amsterdam = new GeoPoint(52.3676, 4.9041);
        assertThat(utrecht.distanceKm(amsterdam)).isBetween(33.0, 37.0);
    }
}
