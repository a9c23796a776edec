package nl.netwerkzorg.atlas.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.netwerkzorg.atlas.client.ClientConditionCounts;
import nl.netwerkzorg.atlas.geography.CsvImportException;
import nl.netwerkzorg.atlas.geography.GeographyService;
import nl.netwerkzorg.atlas.geography.RegionService;
import nl.netwerkzorg.atlas.overview.OverviewService;
import nl.netwerkzorg.atlas.overview.RegionOverview;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.Role;
import nl.netwerkzorg.atlas.security.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The integration suite every database mode must pass: runs on the embedded Neo4j ({@link EmbeddedDatabaseTest})
 * and on a Neo4j server in a container where Docker exists ({@link ServerDatabaseTest}). Real Cypher, no mocks.
 */
abstract class DatabaseContractTests {

    @Autowired
    protected Neo4jClient neo4j;
    @Autowired
    protected GeographyService geography;
    @Autowired
    protected RegionService regions;
    @Autowired
    protected OverviewService overview;
    @Autowired
    protected UserService users;
    @Autowired
    protected PasswordEncoder passwordEncoder;
    @Autowired
    protected ClientConditionCounts clientConditionCounts;
    @Autowired
    protected nl.netwerkzorg.atlas.demo.DemoDataGenerator generator;

    private long count(String cypher) {
        return neo4j.query(cypher).fetchAs(Long.class).one().orElseThrow();
    }

    @Test
    void migrationsCreateAConstraintForEveryKeyAndAPointIndex() {
        List<String> constraints = List.copyOf(neo4j.query("SHOW CONSTRAINTS YIELD name RETURN name").fetchAs(String.class).all());
        assertThat(constraints).contains("provider_id", "provider_agb", "client_id", "municipality_code", "region_code",
                "network_id", "user_name", "provider_type_code", "condition_code", "care_pathway_code");
        assertThat(count("SHOW INDEXES YIELD name, type WHERE name = 'provider_location' AND type = 'POINT' RETURN count(*)"))
                .isEqualTo(1);
    }

    @Test
    void theBulkLoadLeavesEveryIndexOfTheMigrationsOnline() {
        // The generator drops the plain Provider/Client/… indexes while loading and builds them again at the end.
        assertThat(neo4j.query("SHOW INDEXES YIELD name, state WHERE state = 'ONLINE' RETURN name").fetchAs(String.class).all())
                .contains("provider_type", "provider_domain", "provider_name", "provider_kvk", "provider_municipality",
                        "provider_accepting", "provider_location", "client_municipality", "client_age_band", "network_kind",
                        "network_name");
        assertThat(count("MATCH (d:AtlasDeferredIndex) RETURN count(d)")).isZero();
    }

    @Test
    void anIndexDroppedByAnInterruptedLoadIsBuiltAgainAtStart() {
        String statement = neo4j.query("SHOW INDEXES YIELD name, createStatement WHERE name = 'client_age_band' RETURN createStatement")
                .fetchAs(String.class).one().orElseThrow();
        neo4j.query("CREATE (:AtlasDeferredIndex {name: 'client_age_band', createStatement: $s})").bind(statement).to("s").run();
        neo4j.query("DROP INDEX client_age_band").run();
        assertThat(count("SHOW INDEXES YIELD name WHERE name = 'client_age_band' RETURN count(*)")).isZero();

        assertThat(generator.restoreDeferredIndexes()).isEqualTo(1);

        assertThat(neo4j.query("SHOW INDEXES YIELD name, state, createStatement WHERE name = 'client_age_band' RETURN state + ' ' + createStatement")
                .fetchAs(String.class).one()).contains("ONLINE " + statement);
        assertThat(count("MATCH (d:AtlasDeferredIndex) RETURN count(d)")).isZero();
        assertThat(generator.restoreDeferredIndexes()).isZero();
    }

    @Test
    void referenceDataHasPathwaysWithRequiredTypesAndDistances() {
        for (String pathway : List.of("DEMENTIE", "PARKINSON", "ZWANGERSCHAP", "KWETSBARE_OUDERE", "NA_ZIEKENHUISOPNAME",
                "COPD", "GGZ_ERNSTIG", "JEUGD")) {
            long required = neo4j.query("MATCH (:Condition {code: $condition})<-[:FOR]-(:CarePathway)"
                            + "-[r:REQUIRES {optional: false}]->(:ProviderType) WHERE r.maxKm > 0 RETURN count(r)")
                    .bind(pathway).to("condition").fetchAs(Long.class).one().orElseThrow();
            assertThat(required).as(pathway).isPositive();
        }
        assertThat(count("MATCH (t:ProviderType) WHERE t.name IS NOT NULL AND t.domain IS NOT NULL RETURN count(t)"))
                .isGreaterThanOrEqualTo(23);
    }

    @Test
    void geographyIsLoadedWithProvincesAndShippedRegionLayers() {
        assertThat(geography.municipalityCount()).isEqualTo(342);
        assertThat(regions.regions("PROVINCIE")).hasSize(12);
        assertThat(regions.regions("GGD")).hasSize(25);
        assertThat(regions.regions("ZORGKANTOOR")).hasSize(31);
        assertThat(regions.region("PV26")).hasValueSatisfying(r -> assertThat(r.municipalities()).isEqualTo(26));
        assertThat(count("MATCH (m:Municipality) WHERE m.boundaryGeoJson IS NULL OR m.location IS NULL OR m.inhabitants IS NULL RETURN count(m)"))
                .isZero();
    }

    @Test
    void demoDataIsGeneratedOnceWithRealisticShape() {
        assertThat(count("MATCH (d:AtlasDataset) RETURN count(d)")).isEqualTo(1);
        assertThat(count("MATCH (p:Provider) RETURN count(p)")).isGreaterThan(1_000);
        assertThat(count("MATCH (c:Client) RETURN count(c)")).isGreaterThan(1_000);
        assertThat(count("MATCH (n:Network) RETURN count(n)")).isPositive();
        // every provider lies in a Utrecht municipality
        assertThat(count("MATCH (p:Provider)-[:LOCATED_IN]->(m:Municipality) WHERE m.provinceCode <> 'PV26' RETURN count(p)")).isZero();
        // deliberate gaps exist: clients without a coordinator
        assertThat(count("MATCH (c:Client) WHERE NOT EXISTS { (c)<-[:COORDINATES]-() } RETURN count(c)")).isPositive();
    }

    @Test
    void overviewOfUtrechtShowsRealNonZeroNumbers() {
        AtlasPrincipal analyst = users.loadUserByUsername("beleid");
        RegionOverview utrecht = overview.overview("PV26", analyst, Locale.of("nl")).orElseThrow();
        assertThat(utrecht.regionName()).isEqualTo("Utrecht");
        assertThat(utrecht.municipalities()).isEqualTo(26);
        assertThat(utrecht.inhabitants()).isGreaterThan(1_000_000);
        assertThat(utrecht.providers()).isEqualTo(count(
                "MATCH (:Region {code: 'PV26'})<-[:IN_REGION]-()<-[:LOCATED_IN]-(p:Provider) RETURN count(p)"));
        assertThat(utrecht.providersByType()).extracting(RegionOverview.TypeCount::code).contains("HUISARTS", "WIJKVERPLEGING");
        assertThat(utrecht.providersByType()).filteredOn(t -> t.code().equals("HUISARTS")).singleElement()
                .extracting(RegionOverview.TypeCount::name).isEqualTo("Huisarts");
        assertThat(utrecht.networks()).isPositive();
        assertThat(utrecht.clients().value()).isEqualTo(count(
                "MATCH (:Region {code: 'PV26'})<-[:IN_REGION]-()<-[:LIVES_IN]-(c:Client) RETURN count(c)"));
        assertThat(utrecht.clientsByCondition()).isNotEmpty();
        assertThat(overview.overview("XX99", analyst, Locale.of("nl"))).isEmpty();
    }

    @Test
    void clientsPerConditionInTheOverviewEqualADirectCountOfTheClients() {
        AtlasPrincipal analyst = users.loadUserByUsername("beleid");
        RegionOverview utrecht = overview.overview("PV26", analyst, Locale.of("nl")).orElseThrow();
        Map<String, Long> direct = new java.util.HashMap<>();
        neo4j.query("""
                        MATCH (:Region {code: 'PV26'})<-[:IN_REGION]-(:Municipality)<-[:LIVES_IN]-(:Client)-[:HAS_CONDITION]->(c:Condition)
                        RETURN c.code AS code, count(*) AS n""")
                .fetch().all().forEach(row -> direct.put((String) row.get("code"), ((Number) row.get("n")).longValue()));
        assertThat(direct).isNotEmpty();
        assertThat(utrecht.clientsByCondition()).hasSize(direct.size());
        for (RegionOverview.ConditionCount c : utrecht.clientsByCondition()) {
            assertThat(c.count().value()).as(c.code()).isEqualTo(direct.get(c.code()));
        }
        assertThat(utrecht.clientsByConditionComputedAt()).isNotNull();
    }

    @Test
    void recomputingTheClientsPerConditionFollowsAChangedClient() {
        AtlasPrincipal analyst = users.loadUserByUsername("beleid");
        long before = diabetesInHouten(analyst);
        assertThat(before).as("large enough not to be suppressed").isGreaterThan(5);
        neo4j.query("MATCH (m:Municipality {code: 'GM0321'}) "
                + "CREATE (:Client {id: 'TEST-TALLY-1', municipalityCode: 'GM0321'})-[:LIVES_IN]->(m)").run();
        try {
            neo4j.query("MATCH (c:Client {id: 'TEST-TALLY-1'}), (k:Condition {code: 'DIABETES'}) CREATE (c)-[:HAS_CONDITION]->(k)").run();
            assertThat(diabetesInHouten(analyst)).as("derived counts change only when recomputed").isEqualTo(before);
            clientConditionCounts.recomputeAll();
            assertThat(diabetesInHouten(analyst)).isEqualTo(before + 1);
        } finally {
            neo4j.query("MATCH (c:Client {id: 'TEST-TALLY-1'}) DETACH DELETE c").run();
            clientConditionCounts.recomputeAll();
        }
        assertThat(diabetesInHouten(analyst)).isEqualTo(before);
    }

    /** Clients with diabetes in Houten (GM0321) through a one-municipality region, as the Overzicht counts them. */
    private long diabetesInHouten(AtlasPrincipal analyst) {
        neo4j.query("MERGE (r:Region {code: 'TEST-HOUTEN'}) SET r.kind = 'TEST', r.name = 'Houten (test)' "
                + "WITH r MATCH (m:Municipality {code: 'GM0321'}) MERGE (m)-[:IN_REGION]->(r)").run();
        try {
            return overview.overview("TEST-HOUTEN", analyst, Locale.of("nl")).orElseThrow().clientsByCondition().stream()
                    .filter(c -> c.code().equals("DIABETES")).mapToLong(c -> c.count().value()).sum();
        } finally {
            neo4j.query("MATCH (r:Region {code: 'TEST-HOUTEN'}) DETACH DELETE r").run();
        }
    }

    @Test
    void aNetworkManagerSeesOnlyTheirRegions() {
        AtlasPrincipal manager = users.loadUserByUsername("netwerkmanager");
        assertThat(manager.regionCodes()).containsExactly("PV26");
        assertThat(overview.mayView(manager, "PV26")).isTrue();
        assertThat(overview.mayView(manager, "GG2514")).as("GGD Regio Utrecht lies inside the province").isTrue();
        assertThat(overview.mayView(manager, "PV27")).isFalse();
        assertThatThrownBy(() -> overview.overview("PV27", manager, Locale.of("nl"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void demoUsersHaveBcryptHashesAndScopes() {
        AtlasPrincipal careStaff = users.loadUserByUsername("zorgverlener");
        assertThat(careStaff.role()).isEqualTo(Role.CARE_STAFF);
        assertThat(careStaff.provider()).isPresent();
        assertThat(careStaff.passwordHash()).startsWith("$2");
        assertThat(passwordEncoder.matches(UserService.DemoUser.CARE_STAFF.password, careStaff.passwordHash())).isTrue();
        assertThat(count("MATCH (u:User) RETURN count(u)")).isGreaterThanOrEqualTo(4);
    }

    @Test
    void invalidUsersNeverReachTheDatabase() {
        long before = count("MATCH (u:User) RETURN count(u)");
        assertThatThrownBy(() -> users.create(new UserService.NewUser("x", "Sterk-Genoeg-42!", "X", Role.ADMIN, null, List.of())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> users.create(new UserService.NewUser("piet", "zwak", "Piet", Role.ADMIN, null, List.of())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> users.create(new UserService.NewUser("piet", "Sterk-Genoeg-42!", "Piet", Role.CARE_STAFF, null, List.of())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> users.create(new UserService.NewUser("piet", "Sterk-Genoeg-42!", "Piet", Role.NETWORK_MANAGER, null,
                List.of("XX99")))).isInstanceOf(IllegalArgumentException.class);
        assertThat(count("MATCH (u:User) RETURN count(u)")).isEqualTo(before);
    }

    @Test
    void regionImportWithAnUnknownMunicipalityIsRejectedByLineAndChangesNothing() {
        long regionsBefore = count("MATCH (r:Region) RETURN count(r)");
        long linksBefore = count("MATCH ()-[r:IN_REGION]->() RETURN count(r)");
        String csv = """
                region_kind;region_code;region_name;municipality_code
                VEILIGHEIDSREGIO;VR09;Veiligheidsregio Utrecht;GM0344
                VEILIGHEIDSREGIO;VR09;Veiligheidsregio Utrecht;GM9999
                VEILIGHEIDSREGIO;VR09;Veiligheidsregio Utrecht;GM0307
                """;
        assertThatThrownBy(() -> geography.importRegions(csv))
                .isInstanceOfSatisfying(CsvImportException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.line()).isEqualTo(3);
                        assertThat(p.message()).contains("GM9999");
                    });
                    assertThat(e.getMessage()).contains("regel 3");
                });
        assertThat(count("MATCH (r:Region) RETURN count(r)")).isEqualTo(regionsBefore);
        assertThat(count("MATCH ()-[r:IN_REGION]->() RETURN count(r)")).isEqualTo(linksBefore);
        assertThat(count("MATCH (r:Region {kind: 'VEILIGHEIDSREGIO'}) RETURN count(r)")).isZero();
    }

    @Test
    void regionImportAcceptsCommasAndReplacesOnlyItsOwnKind() {
        String csv = "region_kind,region_code,region_name,municipality_code\n"
                + "ROAZ,ROAZ-MN,ROAZ Midden-Nederland,GM0344\n"
                + "ROAZ,ROAZ-MN,ROAZ Midden-Nederland,GM0307\n";
        GeographyService.RegionImportResult result = geography.importRegions(csv);
        assertThat(result.regions()).isEqualTo(1);
        assertThat(result.memberships()).isEqualTo(2);
        assertThat(regions.regions("ROAZ")).singleElement().satisfies(r -> assertThat(r.municipalities()).isEqualTo(2));
        // importing the layer again with one municipality replaces, not adds
        geography.importRegions("region_kind;region_code;region_name;municipality_code\nROAZ;ROAZ-MN;ROAZ Midden-Nederland;GM0344\n");
        assertThat(regions.regions("ROAZ")).singleElement().satisfies(r -> assertThat(r.municipalities()).isEqualTo(1));
        assertThat(regions.regions("PROVINCIE")).hasSize(12);
        neo4j.query("MATCH (r:Region {kind: 'ROAZ'}) DETACH DELETE r").run();
    }

    @Test
    void inhabitantsImportIsAllOrNothing() {
        Map<String, Object> before = neo4j.query("MATCH (m:Municipality {code: 'GM0344'}) RETURN m.inhabitants AS n, m.inhabitantsSource AS s")
                .fetch().one().orElseThrow();
        String bad = "municipality_code;inhabitants;reference_date\nGM0344;370000;2025-01-01\nGM0307;veel;2025-01-01\n";
        assertThatThrownBy(() -> geography.importInhabitants(bad, "IMPORT"))
                .isInstanceOfSatisfying(CsvImportException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.line()).isEqualTo(3)));
        assertThat(neo4j.query("MATCH (m:Municipality {code: 'GM0344'}) RETURN m.inhabitants AS n, m.inhabitantsSource AS s")
                .fetch().one().orElseThrow()).isEqualTo(before);
    }
}
