package nl.netwerkzorg.atlas.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import java.util.Locale;
import java.util.Set;

import nl.netwerkzorg.atlas.analysis.Analysis.Parameters;
import nl.netwerkzorg.atlas.analysis.Analysis.Report;
import nl.netwerkzorg.atlas.analysis.Analysis.TieKind;
import nl.netwerkzorg.atlas.analysis.AnalysisService;
import nl.netwerkzorg.atlas.analysis.PatientSharing;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.Role;
import nl.netwerkzorg.atlas.analysis.PatientSharing.Derivation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Analyse on an existing NATIONAL store: deriving the national patient-sharing network (target ≤ 2 min). Command in
 * docs/benchmarks.md.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "atlas.database.directory=${atlas.benchmark.directory:./data/national}",
        "atlas.database.wipe-on-start=false",
        "atlas.database.page-cache=${atlas.benchmark.page-cache:4GB}",
        "atlas.data.preset=NATIONAL",
        "atlas.data.background=false",
        "atlas.security.initial-admin-password=Benchmark-Only-Pass-42"})
class AnalysisBenchmark {

    @Autowired
    PatientSharing patientSharing;

    @Test
    void derivesTheNationalPatientSharingNetwork() throws IOException {
        // A store without the network starts deriving it at start-up; this joins that run or starts a fresh one.
        Derivation d = patientSharing.deriveInBackground().join();
        double total = (d.readAndCount().toMillis() + d.write().toMillis()) / 1000.0;
        List<String> rows = new ArrayList<>();
        rows.add("| clients | provider pairs sharing ≥ 1 client | ties stored (≥ " + d.minimum()
                + ") | read and count s | delete and write s | total s | ≤ 120 s |");
        rows.add("|---:|---:|---:|---:|---:|---:|---|");
        rows.add(String.format(java.util.Locale.ROOT, "| %,d | %,d | %,d | %.1f | %.1f | %.1f | %s |", d.clients(), d.pairs(),
                d.ties(), d.readAndCount().toMillis() / 1000.0, d.write().toMillis() / 1000.0, total, total <= 120 ? "✔" : "✘"));
        String table = String.join("\n", rows);
        System.out.println("\nAnalysis benchmark (NATIONAL)\n" + table);
        Path out = Path.of("target", "benchmarks", "analysis.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table + "\n");
        assertThat(d.ties()).isPositive();
    }

    @Autowired
    AnalysisService analysis;

    /**
     * All metrics for provinces and zorgkantoorregio's (every tie kind, the lowest threshold: the largest graphs), each
     * computed three times without the cache (the first run warms the JVM and the page cache); loading (the one Cypher
     * query) and computing (JGraphT and the rest) reported apart. Target: ≤ 3 s.
     */
    @Test
    void computesRegionMetrics() throws IOException {
        AtlasPrincipal admin = new AtlasPrincipal("bench-admin", "", "Benchmark", Role.ADMIN, true, null, List.of());
        List<String> rows = new ArrayList<>();
        rows.add("| region | providers | ties | load s | compute s | total s | betweenness | ≤ 3 s |");
        rows.add("|---|---:|---:|---:|---:|---:|---|---|");
        for (String region : List.of("PV26", "PV27", "PV28", "PV29")) {
            for (Set<TieKind> kinds : List.of(Set.of(TieKind.COLLABORATION, TieKind.NETWORK, TieKind.SHARING),
                    Set.of(TieKind.COLLABORATION, TieKind.SHARING))) {
                Report report = null;
                for (int run = 0; run < 3; run++) {
                    // Neither a cached report nor a cached region graph answers: every run reads and computes.
                    analysis.clearCache();
                    report = analysis.analyse(new Parameters(region, kinds, 2, 10 + run + (kinds.size() * 10), null), admin);
                }
                double load = report.loading().toMillis() / 1000.0;
                double compute = report.computing().toMillis() / 1000.0;
                rows.add(String.format(Locale.ROOT, "| %s (%s) | %,d | %,d | %.2f | %.2f | %.2f | %s | %s |",
                        report.regionName(), kinds.stream().map(k -> k.name().toLowerCase(Locale.ROOT)).sorted()
                                .reduce((a, b) -> a + " + " + b).orElse(""),
                        report.nodes(), report.ties(), load, compute, load + compute,
                        report.betweennessEstimated() ? "sampled" : "exact", load + compute <= 3 ? "✔" : "✘"));
            }
        }
        String table = String.join("\n", rows);
        System.out.println("\nAnalysis metrics (NATIONAL)\n" + table);
        Path out = Path.of("target", "benchmarks", "analysis-metrics.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table + "\n");
    }

    /**
     * What-if for provinces: the three providers with the highest betweenness leave (the heaviest case for the
     * graph, coverage and clients), three runs, the last reported; target ≤ 5 s.
     */
    @Test
    void computesWhatIf() throws IOException {
        AtlasPrincipal admin = new AtlasPrincipal("bench-admin", "", "Benchmark", Role.ADMIN, true, null, List.of());
        List<String> rows = new ArrayList<>();
        rows.add("| region | providers leaving | providers | coverage lost | clients affected | after the report s | cold s | ≤ 5 s |");
        rows.add("|---|---|---:|---:|---:|---:|---:|---|");
        for (String region : List.of("PV26", "PV27", "PV28")) {
            Parameters parameters = new Parameters(region, Set.of(TieKind.COLLABORATION, TieKind.SHARING), 2, 10, null);
            Report report = analysis.analyse(parameters, admin);
            Set<String> leaving = new java.util.TreeSet<>(report.brokers().stream().limit(3).map(b -> b.provider().id()).toList());
            nl.netwerkzorg.atlas.analysis.Analysis.WhatIf w = null;
            // As the view runs it: right after the region's report (its graph and brokers are reused).
            for (int run = 0; run < 3; run++) {
                w = analysis.whatIf(parameters, leaving, null, admin, () -> false);
            }
            double total = w.took().toMillis() / 1000.0;
            // Cold: nothing cached, so the graph is read and the report (brokers before) computed first.
            analysis.clearCache();
            double cold = analysis.whatIf(parameters, leaving, null, admin, () -> false).took().toMillis() / 1000.0;
            rows.add(String.format(Locale.ROOT, "| %s | %s | %,d | %,d | %s | %.2f | %.2f | %s |", report.regionName(),
                    String.join(", ", leaving), w.providersBefore(), w.coverageLost().size(),
                    w.clientsAffected().format(Locale.ROOT), total, cold, Math.max(total, cold) <= 5 ? "✔" : "✘"));
        }
        String table = String.join("\n", rows);
        System.out.println("\nAnalysis what-if (NATIONAL)\n" + table);
        Path out = Path.of("target", "benchmarks", "analysis-what-if.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table + "\n");
    }

    @Autowired
    nl.netwerkzorg.atlas.analysis.AnalysisSnapshots snapshots;

    /**
     * The Verloop tab's own statements: storing a snapshot of a computed report and listing a region's snapshots (the
     * Utrecht report is computed first and not timed), 20 of each, with 20 snapshots already stored.
     */
    @Test
    void storesAndListsSnapshots() throws IOException {
        AtlasPrincipal admin = new AtlasPrincipal("bench-admin", "", "Benchmark", Role.ADMIN, true, null, List.of());
        Report report = analysis.analyse(new Parameters("PV26", Set.of(TieKind.COLLABORATION, TieKind.SHARING), 2, 10, null),
                admin);
        List<Long> saves = new ArrayList<>();
        List<Long> lists = new ArrayList<>();
        for (int run = 0; run < 20; run++) {
            long start = System.nanoTime();
            snapshots.save(report, admin);
            saves.add(System.nanoTime() - start);
        }
        for (int run = 0; run < 20; run++) {
            long start = System.nanoTime();
            snapshots.list("PV26", admin);
            lists.add(System.nanoTime() - start);
        }
        String table = "| statement | runs | p50 ms | p95 ms |\n|---|---:|---:|---:|\n"
                + row("store a snapshot (Momentopname opslaan)", saves) + row("list the region's snapshots", lists);
        System.out.println("\nAnalysis snapshots (NATIONAL)\n" + table);
        Path out = Path.of("target", "benchmarks", "analysis-snapshots.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
    }

    private static String row(String label, List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f |%n", label, sorted.size(),
                sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1) / 1e6);
    }
}
