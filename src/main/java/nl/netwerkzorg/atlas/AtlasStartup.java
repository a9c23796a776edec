package nl.netwerkzorg.atlas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import nl.netwerkzorg.atlas.client.ClientConditionCounts;
import nl.netwerkzorg.atlas.coverage.ProviderTypeCounts;
import nl.netwerkzorg.atlas.demo.DataPreset;
import nl.netwerkzorg.atlas.demo.DemoDataGenerator;
import nl.netwerkzorg.atlas.demo.GenerationReport;
import nl.netwerkzorg.atlas.geography.GeographyService;
import nl.netwerkzorg.atlas.geography.ReferenceGeography;
import nl.netwerkzorg.atlas.geography.RegionService;
import nl.netwerkzorg.atlas.security.SecurityProperties;
import nl.netwerkzorg.atlas.security.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * First-start work, done before the web server accepts requests: the shipped geography and region layers,
 * the configured synthetic data set (once — a marker node records it, so a restart regenerates nothing),
 * the derived clients-per-condition and providers-per-type counts (after generating, or when a store has none yet), and the users (demo
 * users in the DEMO preset, otherwise the configured first administrator).
 */
@Component
@EnableConfigurationProperties(DataProperties.class)
class AtlasStartup implements SmartInitializingSingleton {

    static final String INHABITANTS_ESTIMATE = "geo/inhabitants_estimate.csv";
    static final String DEMO_MANAGED_REGION = "PV26";
    static final String COUNTRY_REGION = "NL";
    private static final Logger log = LoggerFactory.getLogger(AtlasStartup.class);

    private final GeographyService geography;
    private final DemoDataGenerator generator;
    private final UserService users;
    private final RegionService regions;
    private final ProviderTypeCounts providerTypeCounts;
    private final ClientConditionCounts clientConditionCounts;
    private final Neo4jClient neo4j;
    private final DataProperties data;
    private final SecurityProperties security;
    private final Environment environment;

    AtlasStartup(GeographyService geography, RegionService regions, DemoDataGenerator generator, UserService users,
                 ClientConditionCounts clientConditionCounts, ProviderTypeCounts providerTypeCounts, Neo4jClient neo4j,
                 DataProperties data, SecurityProperties security, Environment environment) {
        this.regions = regions;
        this.providerTypeCounts = providerTypeCounts;
        this.clientConditionCounts = clientConditionCounts;
        this.geography = geography;
        this.generator = generator;
        this.users = users;
        this.neo4j = neo4j;
        this.data = data;
        this.security = security;
        this.environment = environment;
    }

    @Override
    public void afterSingletonsInstantiated() {
        ensureGeography();
        Optional<DataPreset> loaded = ensureDataset();
        if (clientConditionCounts.computedAt().isEmpty()) {
            clientConditionCounts.recomputeAll();
        }
        if (providerTypeCounts.computedAt().isEmpty()) {
            providerTypeCounts.recomputeAll();
        }
        if (loaded.filter(p -> p == DataPreset.DEMO).isPresent()) {
            users.ensureDemoUsers(demoCareStaffProvider(), DEMO_MANAGED_REGION);
            log.info("Demo users present (admin, netwerkmanager, beleid, zorgverlener; passwords in README, demo only)");
        } else {
            users.ensureInitialAdmin(security);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        log.info("Netwerkzorg Atlas is ready: open http://localhost:{}", port);
    }

    private void ensureGeography() {
        if (geography.municipalityCount() > 0) {
            log.info("Geography present: {} municipalities", geography.municipalityCount());
            ensureCountryRegion();
            return;
        }
        geography.loadMunicipalities();
        geography.importInhabitants(resource(INHABITANTS_ESTIMATE), "ESTIMATE");
        geography.importRegions(resource(ReferenceGeography.REGIONS_CSV));
    }

    /**
     * Stores created before the shipped layers included the whole country (kind LAND) get just that layer; the other
     * shipped layers are left alone, as a user may have replaced them with their own.
     */
    private void ensureCountryRegion() {
        if (regions.region(COUNTRY_REGION).isPresent()) {
            return;
        }
        String[] lines = resource(ReferenceGeography.REGIONS_CSV).split("\\R");
        StringBuilder country = new StringBuilder(lines[0]).append('\n');
        for (String line : lines) {
            if (line.startsWith("LAND;")) {
                country.append(line).append('\n');
            }
        }
        geography.importRegions(country.toString());
    }

    private Optional<DataPreset> ensureDataset() {
        Optional<DataPreset> wanted = data.presetValue();
        Optional<Map<String, Object>> marker = neo4j.query(
                        "MATCH (d:AtlasDataset {key: 'dataset'}) RETURN d.preset AS preset, d.seed AS seed, d.generatedAt AS at")
                .fetch().one();
        Optional<DataPreset> present = marker.map(m -> DataPreset.valueOf(String.valueOf(m.get("preset"))));
        if (wanted.isEmpty()) {
            log.info("Data preset NONE: {}", present.map(p -> "keeping the " + p + " data set already in the database")
                    .orElse("no synthetic data generated"));
            return present;
        }
        DataPreset preset = wanted.get();
        if (present.isPresent() && !data.reset()) {
            if (present.get() != preset) {
                throw new IllegalStateException("The database holds the " + present.get() + " data set but atlas.data.preset is "
                        + preset + ". Use another atlas.database.directory, or set atlas.data.reset=true to replace it.");
            }
            log.info("Data set {} (seed {}) already loaded at {}; nothing regenerated", present.get(),
                    marker.get().get("seed"), marker.get().get("at"));
            return present;
        }
        log.info("Generating the {} data set (seed {}){}", preset, data.seed(), data.reset() ? " after deleting the old one" : "");
        // Derived data (its marker) goes with the data set it was derived from, so it is computed again afterwards.
        neo4j.query("MATCH (d:AtlasDataset|AtlasDerived) DELETE d").run();
        generator.clear();
        GenerationReport report = generator.generate(preset, data.seed(), new ConsoleProgress());
        neo4j.query("""
                        CREATE (:AtlasDataset {key: 'dataset', preset: $preset, seed: $seed, generatedAt: datetime(),
                                providers: $providers, clients: $clients, nodes: $nodes, relationships: $relationships})""")
                .bindAll(Map.of("preset", preset.name(), "seed", data.seed(), "providers", report.providers(),
                        "clients", report.clients(), "nodes", report.nodes(), "relationships", report.relationships()))
                .run();
        log.info("Data set {} loaded: {} providers, {} clients, {} nodes, {} relationships in {} s ({} relationships/s)",
                preset, report.providers(), report.clients(), report.nodes(), report.relationships(),
                report.elapsed().toMillis() / 1000.0, Math.round(report.relationshipsPerSecond()));
        return Optional.of(preset);
    }

    /** A home-care (wijkverpleging) provider in Houten, or else anywhere in the province, for the demo care professional. */
    private String demoCareStaffProvider() {
        return neo4j.query("""
                        MATCH (p:Provider {type: 'WIJKVERPLEGING'})-[:LOCATED_IN]->(m:Municipality {provinceCode: 'PV26'})
                        RETURN p.id AS id ORDER BY CASE m.code WHEN 'GM0321' THEN 0 ELSE 1 END, p.id LIMIT 1""")
                .fetchAs(String.class).one()
                .orElseThrow(() -> new IllegalStateException("The demo data set has no wijkverpleging provider in Utrecht"));
    }

    private static String resource(String path) {
        try {
            return new String(new ClassPathResource(path).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Missing shipped resource " + path, e);
        }
    }
}
