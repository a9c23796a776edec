package nl.netwerkzorg.atlas.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.netwerkzorg.atlas.AtlasSpringTest;
import nl.netwerkzorg.atlas.client.ClientConditionCounts;
import nl.netwerkzorg.atlas.coverage.Coverage.Gap;
import nl.netwerkzorg.atlas.coverage.Coverage.Measure;
import nl.netwerkzorg.atlas.coverage.Coverage.MunicipalityCoverage;
import nl.netwerkzorg.atlas.coverage.Coverage.Result;
import nl.netwerkzorg.atlas.coverage.Coverage.RollupRow;
import nl.netwerkzorg.atlas.coverage.Coverage.Target;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Coverage on a hand-built fixture with known answers, in Zeeland where the DEMO data (province Utrecht) has no providers:
 * region TEST-ZLD = Goes, Vlissingen and Sluis. In Goes one provider of every type the dementia pathway requires;
 * the Goes huisarts also serves Vlissingen; Sluis has nothing. Real embedded Neo4j, real Cypher.
 */
@AtlasSpringTest
class CoverageServiceTest {

    static final String GOES = "GM0664";
    static final String VLISSINGEN = "GM0718";
    static final String SLUIS = "GM1714";
    static final List<String> DEMENTIA_REQUIRED = List.of("HUISARTS", "CASEMANAGER_DEMENTIE", "WIJKVERPLEGING",
            "SPECIALIST_OUDERENGENEESKUNDE", "WMO_DAGBESTEDING", "MANTELZORGONDERSTEUNING");

    @Autowired
    CoverageService coverage;
    @Autowired
    ProviderTypeCounts providerTypeCounts;
    @Autowired
    ClientConditionCounts clientConditionCounts;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    UserService users;

    AtlasPrincipal analyst;

    @BeforeEach
    void fixture() {
        analyst = users.loadUserByUsername("beleid");
        neo4j.query("""
                MERGE (r:Region {code: 'TEST-ZLD'}) SET r.kind = 'TEST', r.name = 'Zeeland (test)'
                WITH r MATCH (m:Municipality) WHERE m.code IN $codes MERGE (m)-[:IN_REGION]->(r)""")
                .bind(List.of(GOES, VLISSINGEN, SLUIS)).to("codes").run();
        // Goes' inner point is 51.51517 N, 3.84492 E.
        neo4j.query("""
                MATCH (goes:Municipality {code: $goes})
                UNWIND range(0, size($types) - 1) AS i
                CREATE (p:Provider {id: 'TEST-COV-' + i, name: 'Test ' + $types[i], type: $types[i], domain: 'MEDICAL',
                        municipalityCode: $goes, location: point({latitude: 51.51517, longitude: 3.84492})})
                CREATE (p)-[:LOCATED_IN]->(goes)""")
                .bind(GOES).to("goes").bind(DEMENTIA_REQUIRED).to("types").run();
        neo4j.query("""
                MATCH (p:Provider {id: 'TEST-COV-0'}), (v:Municipality {code: $vlissingen}) CREATE (p)-[:SERVES]->(v)""")
                .bind(VLISSINGEN).to("vlissingen").run();
        // Six clients with dementia in Sluis, three in Vlissingen (below the suppression threshold).
        neo4j.query("""
                MATCH (k:Condition {code: 'DEMENTIE'})
                UNWIND [[$sluis, 6], [$vlissingen, 3]] AS spec
                MATCH (m:Municipality {code: spec[0]})
                UNWIND range(1, spec[1]) AS n
                CREATE (c:Client {id: 'TEST-COV-' + spec[0] + '-' + n, municipalityCode: spec[0]})-[:LIVES_IN]->(m)
                CREATE (c)-[:HAS_CONDITION]->(k)""")
                .bind(SLUIS).to("sluis").bind(VLISSINGEN).to("vlissingen").run();
        providerTypeCounts.recomputeAll();
        clientConditionCounts.recomputeAll();
    }

    @AfterEach
    void removeFixture() {
        neo4j.query("MATCH (n) WHERE (n:Provider OR n:Client) AND n.id STARTS WITH 'TEST-COV-' DETACH DELETE n").run();
        neo4j.query("MATCH (r:Region {code: 'TEST-ZLD'}) DETACH DELETE r").run();
        providerTypeCounts.recomputeAll();
        clientConditionCounts.recomputeAll();
    }

    private static Map<String, MunicipalityCoverage> byCode(Result result) {
        return result.municipalities().stream().collect(Collectors.toMap(m -> m.municipality().code(), Function.identity()));
    }

    @Test
    void servedCountsLocatedAndServiceAreaProviders() {
        Result result = coverage.coverage("TEST-ZLD", Target.type("HUISARTS"), Measure.SERVED, Optional.empty(), analyst, Locale.of("nl"));
        Map<String, MunicipalityCoverage> m = byCode(result);
        assertThat(result.municipalities()).hasSize(3);
        assertThat(result.targetName()).isEqualTo("Huisarts");
        assertThat(m.get(GOES)).satisfies(c -> {
            assertThat(c.located()).isEqualTo(1);
            assertThat(c.serving()).isEqualTo(1);
            assertThat(c.value()).isEqualTo(1.0);
            assertThat(c.missingTypes()).isEmpty();
        });
        assertThat(m.get(VLISSINGEN)).satisfies(c -> {
            assertThat(c.located()).isZero();
            assertThat(c.serving()).isEqualTo(1);
            assertThat(c.value()).isEqualTo(1.0);
        });
        assertThat(m.get(SLUIS)).satisfies(c -> {
            assertThat(c.serving()).isZero();
            assertThat(c.value()).isZero();
            assertThat(c.missingTypes()).containsExactly("Huisarts");
        });
    }

    @Test
    void densityIsLocatedProvidersPerTenThousandInhabitants() {
        Result result = coverage.coverage("TEST-ZLD", Target.type("HUISARTS"), Measure.DENSITY, Optional.empty(), analyst, Locale.of("nl"));
        Map<String, MunicipalityCoverage> m = byCode(result);
        long goesInhabitants = m.get(GOES).municipality().inhabitants();
        assertThat(goesInhabitants).isPositive();
        assertThat(m.get(GOES).value()).isCloseTo(10_000.0 / goesInhabitants, within(1e-9));
        assertThat(m.get(VLISSINGEN).value()).as("served, but no provider located there").isZero();
        assertThat(m.get(SLUIS).value()).isZero();
    }

    @Test
    void distanceShareFollowsTheRadius() {
        Result near = coverage.coverage("TEST-ZLD", Target.type("HUISARTS"), Measure.DISTANCE, Optional.of(5), analyst, Locale.of("nl"));
        assertThat(near.maxKm()).isEqualTo(5);
        Map<String, MunicipalityCoverage> m = byCode(near);
        assertThat(m.get(SLUIS).shareWithinReach()).as("Sluis is more than 20 km from Goes").isZero();
        assertThat(m.get(GOES).shareWithinReach()).isStrictlyBetween(0.0, 1.0);
        Result far = coverage.coverage("TEST-ZLD", Target.type("HUISARTS"), Measure.DISTANCE, Optional.of(100), analyst, Locale.of("nl"));
        assertThat(far.municipalities()).allSatisfy(c -> assertThat(c.shareWithinReach()).isEqualTo(1.0));
        // Without a radius the type's distance comes from the pathways requiring it (huisarts: 10 km).
        Result pathwayDistance = coverage.coverage("TEST-ZLD", Target.type("HUISARTS"), Measure.DISTANCE, Optional.empty(), analyst,
                Locale.of("nl"));
        assertThat(pathwayDistance.maxKm()).isEqualTo(10);
    }

    @Test
    void aPathwayIsServedWhereEveryRequiredTypeIs() {
        Result result = coverage.coverage("TEST-ZLD", Target.pathway("PAD_DEMENTIE"), Measure.SERVED, Optional.empty(), analyst,
                Locale.of("nl"));
        Map<String, MunicipalityCoverage> m = byCode(result);
        assertThat(m.get(GOES).value()).isEqualTo(1.0);
        assertThat(m.get(GOES).missingTypes()).isEmpty();
        assertThat(m.get(VLISSINGEN).value()).isCloseTo(1.0 / 6, within(1e-9));
        assertThat(m.get(VLISSINGEN).missingTypes()).hasSize(5).doesNotContain("Huisarts");
        assertThat(m.get(SLUIS).value()).isZero();
        assertThat(m.get(SLUIS).missingTypes()).hasSize(6);
    }

    @Test
    void gapsListMunicipalitiesMissingARequiredTypeByInhabitantsWithSuppressedClientCounts() {
        List<Gap> gaps = coverage.gaps("TEST-ZLD", "PAD_DEMENTIE", analyst, Locale.of("nl"));
        assertThat(gaps).extracting(g -> g.municipality().code()).containsExactlyInAnyOrder(VLISSINGEN, SLUIS);
        assertThat(gaps.get(0).municipality().inhabitants()).isGreaterThanOrEqualTo(gaps.get(1).municipality().inhabitants());
        Gap sluis = gaps.stream().filter(g -> g.municipality().code().equals(SLUIS)).findFirst().orElseThrow();
        assertThat(sluis.clientsWithCondition().value()).isEqualTo(6);
        assertThat(sluis.missing()).hasSize(6);
        Gap vlissingen = gaps.stream().filter(g -> g.municipality().code().equals(VLISSINGEN)).findFirst().orElseThrow();
        assertThat(vlissingen.clientsWithCondition().suppressed()).as("3 clients are shown as <5").isTrue();
        assertThat(vlissingen.clientsWithCondition().format(Locale.of("nl"))).isEqualTo("<5");
    }

    @Test
    void matrixAndRollupReadTheSameCounts() {
        var matrix = coverage.matrix("TEST-ZLD", analyst, Locale.of("nl"));
        assertThat(matrix.rows()).hasSize(3);
        var goes = matrix.rows().stream().filter(r -> r.municipality().code().equals(GOES)).findFirst().orElseThrow();
        assertThat(goes.count("WIJKVERPLEGING").located()).isEqualTo(1);
        assertThat(goes.count("APOTHEEK").served()).isFalse();
        List<RollupRow> rollup = coverage.rollup("TEST", analyst);
        assertThat(rollup).singleElement().satisfies(r -> {
            assertThat(r.municipalities()).isEqualTo(3);
            assertThat(r.municipalityShare().get("HUISARTS")).isCloseTo(2.0 / 3, within(1e-9));
            assertThat(r.municipalityShare().get("WIJKVERPLEGING")).isCloseTo(1.0 / 3, within(1e-9));
        });
    }

    @Test
    void theCacheFollowsARecomputation() {
        Result before = coverage.coverage("TEST-ZLD", Target.type("APOTHEEK"), Measure.SERVED, Optional.empty(), analyst, Locale.of("nl"));
        assertThat(byCode(before).get(SLUIS).serving()).isZero();
        neo4j.query("""
                MATCH (s:Municipality {code: $sluis})
                CREATE (:Provider {id: 'TEST-COV-APO', name: 'Apotheek Sluis', type: 'APOTHEEK', domain: 'MEDICAL',
                        municipalityCode: $sluis, location: point({latitude: 51.30, longitude: 3.39})})-[:LOCATED_IN]->(s)""")
                .bind(SLUIS).to("sluis").run();
        providerTypeCounts.recomputeAll();
        Result after = coverage.coverage("TEST-ZLD", Target.type("APOTHEEK"), Measure.SERVED, Optional.empty(), analyst, Locale.of("nl"));
        assertThat(byCode(after).get(SLUIS).serving()).isEqualTo(1);
        assertThat(after.countsComputedAt()).isAfter(before.countsComputedAt());
    }

    @Test
    void aNetworkManagerSeesOnlyTheirRegions() {
        AtlasPrincipal manager = users.loadUserByUsername("netwerkmanager");
        assertThatThrownBy(() -> coverage.coverage("PV29", Target.type("HUISARTS"), Measure.SERVED, Optional.empty(), manager,
                Locale.of("nl"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> coverage.gaps("PV29", "PAD_DEMENTIE", manager, Locale.of("nl")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> coverage.municipality(SLUIS, Optional.empty(), manager, Locale.of("nl")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(coverage.rollup("PROVINCIE", manager)).extracting(RollupRow::regionCode).containsExactly("PV26");
        assertThat(coverage.coverage("PV26", Target.type("HUISARTS"), Measure.SERVED, Optional.empty(), manager, Locale.of("nl"))
                .municipalities()).hasSize(26);
    }

    @Test
    void badRequestsNameWhatIsWrong() {
        assertThatThrownBy(() -> coverage.coverage("XX99", Target.type("HUISARTS"), Measure.SERVED, Optional.empty(), analyst,
                Locale.of("nl"))).isInstanceOfSatisfying(CoverageRequestException.class, e -> assertThat(e.parameter()).isEqualTo("region"));
        assertThatThrownBy(() -> coverage.coverage("PV26", Target.type("BAKKER"), Measure.SERVED, Optional.empty(), analyst,
                Locale.of("nl"))).isInstanceOfSatisfying(CoverageRequestException.class, e -> assertThat(e.parameter()).isEqualTo("type"));
        assertThatThrownBy(() -> coverage.coverage("PV26", Target.pathway("PAD_GEEN"), Measure.SERVED, Optional.empty(), analyst,
                Locale.of("nl"))).isInstanceOfSatisfying(CoverageRequestException.class, e -> assertThat(e.parameter()).isEqualTo("pathway"));
        assertThatThrownBy(() -> coverage.coverage("PV26", Target.pathway("PAD_DEMENTIE"), Measure.DENSITY, Optional.empty(), analyst,
                Locale.of("nl"))).isInstanceOfSatisfying(CoverageRequestException.class, e -> assertThat(e.parameter()).isEqualTo("measure"));
        assertThatThrownBy(() -> coverage.coverage("PV26", Target.type("HUISARTS"), Measure.DISTANCE, Optional.of(0), analyst,
                Locale.of("nl"))).isInstanceOfSatisfying(CoverageRequestException.class, e -> assertThat(e.parameter()).isEqualTo("km"));
        assertThatThrownBy(() -> coverage.coverage("PV26", Target.type("HUISARTS"), Measure.DISTANCE, Optional.of(500), analyst,
                Locale.of("nl"))).isInstanceOf(CoverageRequestException.class);
    }

    @Test
    void boundariesAreGeoJsonOfTheRegionsMunicipalities() {
        String geojson = coverage.boundaries("TEST-ZLD", analyst);
        assertThat(geojson).startsWith("{\"type\":\"FeatureCollection\"").contains("\"code\":\"" + GOES + "\"")
                .contains("\"name\":\"Sluis\"").contains("\"geometry\":{\"type\":");
    }
}
