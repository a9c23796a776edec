package nl.netwerkzorg.atlas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import nl.netwerkzorg.atlas.analysis.PatientSharing;
import nl.netwerkzorg.atlas.client.ClientConditionCounts;
import nl.netwerkzorg.atlas.client.ClientQualityRules;
import nl.netwerkzorg.atlas.coverage.ProviderTypeCounts;
import nl.netwerkzorg.atlas.demo.DataPreset;
import nl.netwerkzorg.atlas.provider.SearchPoints;
import nl.netwerkzorg.atlas.demo.DemoDataGenerator;
import nl.netwerkzorg.atlas.demo.GenerationProgress;
import nl.netwerkzorg.atlas.demo.GenerationReport;
import nl.netwerkzorg.atlas.demo.GenerationStatus;
import nl.netwerkzorg.atlas.geography.GeographyService;
import nl.netwerkzorg.atlas.geography.ReferenceGeography;
import nl.netwerkzorg.atlas.geography.RegionService;
import nl.netwerkzorg.atlas.security.SecurityProperties;
import nl.netwerkzorg.atlas.security.UserService;
import org.jspecify.annotations.Nullable;
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
 * First-start work: the shipped geography and region layers before the web server accepts requests; then the
 * configured synthetic data set (once — a marker node records it, so a restart regenerates nothing), by default in the
 * background once the server is up, with its progress in {@link GenerationStatus} for the screens;
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
    private final GenerationStatus status;
    private volatile @Nullable DataPreset pendingGeneration;
    private final SearchPoints searchPoints;
    private final PatientSharing patientSharing;
    private final ClientQualityRules qualityRules;
    private final nl.netwerkzorg.atlas.exchange.DatasetBackup backup;

    AtlasStartup(GeographyService geography, RegionService regions, DemoDataGenerator generator, UserService users,
                 ClientConditionCounts clientConditionCounts, ProviderTypeCounts providerTypeCounts, Neo4jClient neo4j,
                 DataProperties data, SecurityProperties security, Environment environment, GenerationStatus status,
                 SearchPoints searchPoints, PatientSharing patientSharing, ClientQualityRules qualityRules,
                 nl.netwerkzorg.atlas.exchange.DatasetBackup backup) {
        this.backup = backup;
        this.qualityRules = qualityRules;
        this.status = status;
        this.patientSharing = patientSharing;
        this.searchPoints = searchPoints;
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
        int restored = generator.restoreDeferredIndexes();
        if (restored > 0) {
            log.warn("A data load was interrupted earlier: {} indexes it had dropped are built again", restored);
        }
        // Before anything reads the data: a dataset restore cut off by a crash is undone (docs/operations.md).
        backup.recoverInterruptedRestore();
        ensureGeography();
        // Before any generation: the generator writes each provider's search point with its type's slot.
        long filled = searchPoints.fillMissing();
        if (filled > 0) {
            log.info("Search points written for {} providers", filled);
        }
        Optional<DataPreset> present = presetInDatabase();
        Optional<DataPreset> toGenerate = datasetToGenerate(present);
        if (toGenerate.isEmpty()) {
            completeStart(present);
        } else if (!data.background()) {
            generate(toGenerate.get());
            completeStart(toGenerate);
        } else {
            // The web server starts now; ready() generates. Users that need no generated data can log in meanwhile.
            pendingGeneration = toGenerate.get();
            if (pendingGeneration == DataPreset.DEMO) {
                users.ensureDemoUsers(null, DEMO_MANAGED_REGION);
            } else {
                users.ensureInitialAdmin(security);
            }
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        DataPreset preset = pendingGeneration;
        pendingGeneration = null;
        if (preset == null) {
            log.info("Netwerkzorg Atlas is ready: open http://localhost:{}", port);
            return;
        }
        status.started(preset);
        log.info("Netwerkzorg Atlas is ready: open http://localhost:{} — the {} data set is being generated in the "
                + "background; the screens show its progress", port, preset);
        Thread.ofPlatform().name("atlas-data-generation").daemon(true).start(() -> {
            try {
                generate(preset);
                completeStart(Optional.of(preset));
                status.finished();
                log.info("Data set {} ready after {} s: open http://localhost:{}", preset,
                        status.elapsed().toSeconds(), port);
            } catch (RuntimeException e) {
                status.failed(String.valueOf(e.getMessage()));
                log.error("Generating the {} data set failed; the next start tries again", preset, e);
            }
        });
    }

    /** Derived counts when missing, then the users (demo users in the DEMO preset, otherwise the first administrator). */
    private void completeStart(Optional<DataPreset> dataset) {
        if (clientConditionCounts.computedAt().isEmpty() || providerTypeCounts.computedAt().isEmpty()) {
            status.update(GenerationStatus.DERIVED_PHASE, 0, 1);
            if (clientConditionCounts.computedAt().isEmpty()) {
                clientConditionCounts.recomputeAll();
            }
            if (providerTypeCounts.computedAt().isEmpty()) {
                providerTypeCounts.recomputeAll();
            }
            status.update(GenerationStatus.DERIVED_PHASE, 1, 1);
        }
        if (patientSharing.computedAt().isEmpty()) {
            // Minutes at the national scale: in the background; Analyse shows its progress meanwhile.
            // Its completion event evaluates the client quality rules, which read the network; if it fails they run anyway.
            log.info("Deriving the patient-sharing network (SHARES_CLIENTS) in the background");
            patientSharing.deriveInBackground().exceptionally(e -> {
                qualityRules.recomputeAllInBackground();
                return null;
            });
        } else if (qualityRules.computedAt().isEmpty()) {
            log.info("Evaluating the client quality rules in the background");
            qualityRules.recomputeAllInBackground();
        }
        if (dataset.filter(p -> p == DataPreset.DEMO).isPresent()) {
            users.ensureDemoUsers(demoCareStaffProvider(), DEMO_MANAGED_REGION);
            log.info("Demo users present (admin, netwerkmanager, beleid, zorgverlener; passwords in README, demo only)");
        } else {
            users.ensureInitialAdmin(security);
        }
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

    private Optional<DataPreset> presetInDatabase() {
        return datasetMarker().map(m -> DataPreset.valueOf(String.valueOf(m.get("preset"))));
    }

    private Optional<Map<String, Object>> datasetMarker() {
        return neo4j.query(
                        "MATCH (d:AtlasDataset {key: 'dataset'}) RETURN d.preset AS preset, d.seed AS seed, d.generatedAt AS at")
                .fetch().one();
    }

    /** The preset to generate at this start, if any; refuses a database that holds another preset. */
    private Optional<DataPreset> datasetToGenerate(Optional<DataPreset> present) {
        Optional<DataPreset> wanted = data.presetValue();
        if (wanted.isEmpty()) {
            log.info("Data preset NONE: {}", present.map(p -> "keeping the " + p + " data set already in the database")
                    .orElse("no synthetic data generated"));
            return Optional.empty();
        }
        DataPreset preset = wanted.get();
        if (present.isPresent() && !data.reset()) {
            if (present.get() != preset) {
                throw new IllegalStateException("The database holds the " + present.get() + " data set but atlas.data.preset is "
                        + preset + ". Use another atlas.database.directory, or set atlas.data.reset=true to replace it.");
            }
            Map<String, Object> marker = datasetMarker().orElseThrow();
            log.info("Data set {} (seed {}) already loaded at {}; nothing regenerated", present.get(), marker.get("seed"),
                    marker.get("at"));
            return Optional.empty();
        }
        return wanted;
    }

    /**
     * Deletes generated data (and the derived data with it), writes the preset and records it. In DEMO the demo
     * care professional is created as soon as the providers are written, so every demo user can log in early.
     */
    private void generate(DataPreset preset) {
        log.info("Generating the {} data set (seed {}){}", preset, data.seed(), data.reset() ? " after deleting the old one" : "");
        // Derived data (its marker) goes with the data set it was derived from, so it is computed again afterwards.
        neo4j.query("MATCH (d:AtlasDataset|AtlasDerived) DELETE d").run();
        generator.clear();
        ConsoleProgress console = new ConsoleProgress();
        GenerationReport report = generator.generate(preset, data.seed(), new GenerationProgress() {
            @Override
            public void update(String phase, long done, long total) {
                console.update(phase, done, total);
                status.update(phase, done, total);
            }

            @Override
            public void providersWritten() {
                if (preset == DataPreset.DEMO) {
                    users.ensureDemoUsers(demoCareStaffProvider(), DEMO_MANAGED_REGION);
                }
            }
        });
        neo4j.query("""
                        CREATE (:AtlasDataset {key: 'dataset', preset: $preset, seed: $seed, generatedAt: datetime(),
                                providers: $providers, clients: $clients, nodes: $nodes, relationships: $relationships})""")
                .bindAll(Map.of("preset", preset.name(), "seed", data.seed(), "providers", report.providers(),
                        "clients", report.clients(), "nodes", report.nodes(), "relationships", report.relationships()))
                .run();
        log.info("Data set {} loaded: {} providers, {} clients, {} nodes, {} relationships in {} s ({} relationships/s)",
                preset, report.providers(), report.clients(), report.nodes(), report.relationships(),
                report.elapsed().toMillis() / 1000.0, Math.round(report.relationshipsPerSecond()));
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
