package nl.netwerkzorg.atlas.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import nl.netwerkzorg.atlas.coverage.ProviderTypeCounts;
import nl.netwerkzorg.atlas.exchange.DataImport;
import nl.netwerkzorg.atlas.exchange.ImportKind;
import nl.netwerkzorg.atlas.exchange.ProviderTable;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Validate and import 100,000 provider rows (one file, Dutch Excel format, each provider with a service area of two
 * municipalities) into the NATIONAL store, timed end to end through {@link DataImport#importFile}; the imported
 * providers are removed afterwards and the derived counts recomputed.
 */
@NationalBenchmark
class ImportBenchmark {

    private static final int ROWS = 100_000;

    @Autowired
    DataImport imports;
    @Autowired
    ProviderTypeCounts typeCounts;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    org.neo4j.driver.Driver driver;
    @Autowired
    nl.netwerkzorg.atlas.exchange.DataExport exporter;

    /** The whole provider register of the country in the import format (the file an administrator downloads). */
    @Autowired
    nl.netwerkzorg.atlas.exchange.DatasetBackup backup;

    /**
     * The whole NATIONAL dataset as the backup zip (nine CSV files and the manifest), streamed to a file, timed end to
     * end: one read transaction, CSV, zip, and the access-log entries of every client exported.
     */
    @Test
    void exportTheNationalDataset() throws IOException {
        AtlasPrincipal admin = new AtlasPrincipal("benchmark", "", "Benchmark", Role.ADMIN, true, null, List.of());
        Path zip = Path.of("target", "benchmarks", "dataset-NL.zip");
        Files.createDirectories(zip.getParent());
        long start = System.nanoTime();
        java.util.Map<ImportKind, Integer> counts;
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(zip))) {
            counts = backup.export(admin, java.util.Optional.empty(), out);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String line = String.format(Locale.ROOT, "| whole dataset (zip), whole country | %s | %.1f MB | %.1f s |", counts,
                Files.size(zip) / 1e6, seconds);
        System.out.println("\nDataset export benchmark (NATIONAL)\n" + line);
        Files.writeString(Path.of("target", "benchmarks", "dataset-export.md"), line + "\n");
        try (var session = driver.session()) {
            session.run("MATCH (e:AccessLogEntry {username: 'benchmark'}) CALL (e) { DELETE e } IN TRANSACTIONS OF 50000 ROWS").consume();
        }
        Files.delete(zip);
        assertThat(counts.get(ImportKind.CLIENTS)).isGreaterThan(1_000_000);
        assertThat(seconds).as("target: the national dataset exports within 5 minutes").isLessThan(300);
    }

    @Autowired
    nl.netwerkzorg.atlas.exchange.FhirExport fhirExport;
    @Autowired
    nl.netwerkzorg.atlas.exchange.FhirImport fhirImport;

    /**
     * The FHIR (IHE mCSD) bundle of the whole country, streamed to a file; then a province's bundle (Utrecht) imported
     * back: parsed, mapped, every row checked and written in one transaction (it changes only coordinates rounded to 7
     * decimals and capacity times to the millisecond).
     */
    @Test
    void exportTheNationalFhirBundleAndImportAProvince() throws IOException {
        AtlasPrincipal admin = new AtlasPrincipal("benchmark", "", "Benchmark", Role.ADMIN, true, null, List.of());
        Path file = Path.of("target", "benchmarks", "mcsd-NL.json");
        Files.createDirectories(file.getParent());
        long start = System.nanoTime();
        int entries;
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
            entries = fhirExport.export(admin, java.util.Optional.empty(), out);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long size = Files.size(file);
        Files.delete(file);
        byte[] province = fhirExport.export(admin, java.util.Optional.of("PV26"));
        long importStart = System.nanoTime();
        nl.netwerkzorg.atlas.exchange.FhirImport.Result result = fhirImport.importBundle(admin, "mcsd-PV26.json", province,
                java.util.Optional.empty());
        double importSeconds = (System.nanoTime() - importStart) / 1e9;
        String lines = String.format(Locale.ROOT, "| FHIR bundle (mCSD), whole country | %,d resources | %.1f MB | %.1f s |%n"
                        + "| FHIR bundle import, province Utrecht (re-import) | %,d resources, %s | %.1f MB | %.1f s |",
                entries, size / 1e6, seconds, result.resources(), result.counts(), province.length / 1e6, importSeconds);
        System.out.println("\nFHIR benchmark (NATIONAL)\n" + lines);
        Files.writeString(Path.of("target", "benchmarks", "fhir.md"), lines + "\n");
        assertThat(result.problems()).isEmpty();
        assertThat(result.written()).isTrue();
        assertThat(entries).isGreaterThan(450_000);
    }

    @Test
    void exportTheNationalRegister() throws IOException {
        AtlasPrincipal admin = new AtlasPrincipal("benchmark", "", "Benchmark", Role.ADMIN, true, null, List.of());
        exporter.export(admin, ImportKind.PROVIDERS, java.util.Optional.of("PV29"));
        long start = System.nanoTime();
        byte[] csv = exporter.export(admin, ImportKind.PROVIDERS, java.util.Optional.empty());
        double seconds = (System.nanoTime() - start) / 1e9;
        long rows = new String(csv, StandardCharsets.UTF_8).lines().count() - 1;
        String line = String.format(Locale.ROOT, "| provider register, whole country | %,d providers | %.1f MB | %.1f s |", rows,
                csv.length / 1e6, seconds);
        System.out.println("\nExport benchmark (NATIONAL)\n" + line);
        Path out = Path.of("target", "benchmarks", "export.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, line + "\n");
        assertThat(rows).isGreaterThan(150_000);
    }

    @Test
    void importHundredThousandProviders() throws IOException {
        List<String> municipalities = neo4j.query("MATCH (m:Municipality) RETURN m.code ORDER BY m.code").fetchAs(String.class).all()
                .stream().toList();
        List<String> types = List.of("HUISARTS", "APOTHEEK", "FYSIOTHERAPIE", "WIJKVERPLEGING", "DIETIST", "VERPLEEGHUIS");
        SplittableRandom random = new SplittableRandom(42);
        StringBuilder csv = new StringBuilder("\uFEFF").append(String.join(";", ProviderTable.COLUMNS)).append("\r\n");
        for (int i = 0; i < ROWS; i++) {
            String type = types.get(i % types.size());
            boolean beds = type.equals("VERPLEEGHUIS");
            csv.append(String.format(Locale.ROOT, "BENCH-%06d;%08d;;Benchmarkpraktijk %d;%s;%s;Straat %d;%s;%s;ja;%s;%s;%d;%s|%s\r\n",
                    i, 90_000_000 + i, i, type, municipalities.get(i % municipalities.size()), i,
                    String.format(Locale.ROOT, "%.5f", 51.0 + random.nextDouble() * 2.2).replace('.', ','),
                    String.format(Locale.ROOT, "%.5f", 4.0 + random.nextDouble() * 2.8).replace('.', ','),
                    beds ? "40" : "", beds ? "2" : "", random.nextInt(30),
                    municipalities.get(random.nextInt(municipalities.size())),
                    municipalities.get(random.nextInt(municipalities.size()))));
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        AtlasPrincipal admin = new AtlasPrincipal("benchmark", "", "Benchmark", Role.ADMIN, true, null, List.of());
        long start = System.nanoTime();
        DataImport.Result result = imports.importFile(admin, ImportKind.PROVIDERS, "benchmark.csv", bytes);
        double seconds = (System.nanoTime() - start) / 1e9;
        long validationStart = System.nanoTime();
        DataImport.Validation again = imports.validate(admin, ImportKind.PROVIDERS, "benchmark.csv", bytes);
        double validateSeconds = (System.nanoTime() - validationStart) / 1e9;
        try {
            assertThat(result.validation().problems()).isEmpty();
            assertThat(result.written()).isTrue();
            String line = String.format(Locale.ROOT, "| %,d rows (%.1f MB) | validate + write %.1f s | validation only (a second run): %.1f s | %,d relationships |",
                    ROWS, bytes.length / 1e6, seconds, validateSeconds, result.relationships());
            System.out.println("\nImport benchmark (NATIONAL)\n" + line);
            Path out = Path.of("target", "benchmarks", "import.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, line + "\n");
            assertThat(again.updated()).isEqualTo(ROWS);
        } finally {
            try (var session = driver.session()) {
                session.run("MATCH (p:Provider) WHERE p.id STARTS WITH 'BENCH-' CALL (p) { DETACH DELETE p } IN TRANSACTIONS OF 5000 ROWS")
                        .consume();
            }
            neo4j.query("MATCH (h:ImportRecord {username: 'benchmark'}) DELETE h").run();
            typeCounts.recomputeAll();
        }
    }
}
