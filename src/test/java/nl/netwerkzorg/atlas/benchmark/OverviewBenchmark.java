package nl.netwerkzorg.atlas.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import nl.netwerkzorg.atlas.geography.RegionService;
import nl.netwerkzorg.atlas.geography.RegionService.RegionSummary;
import nl.netwerkzorg.atlas.overview.OverviewService;
import nl.netwerkzorg.atlas.overview.RegionOverview;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Overzicht latency per province on an existing NATIONAL store. Not part of the normal test run (tag "benchmark");
 * run it with the command in docs/benchmarks.md. Server time = the service call (queries + mapping), measured
 * after warm-up, 20 runs per province.
 */
@NationalBenchmark
class OverviewBenchmark {

    private static final int WARMUP = 5;
    private static final int RUNS = 20;

    @Autowired
    OverviewService overview;
    @Autowired
    RegionService regions;

    @Test
    void overviewPerProvince() throws IOException {
        AtlasPrincipal analyst = new AtlasPrincipal("benchmark", "", "Benchmark", Role.POLICY_ANALYST, true, null, List.of());
        List<String> rows = new ArrayList<>();
        rows.add("| region | municipalities | providers | clients | p50 ms | p95 ms | max ms |");
        rows.add("|---|---:|---:|---:|---:|---:|---:|");
        double worstP95 = 0;
        for (RegionSummary province : regions.regions("PROVINCIE")) {
            RegionOverview last = null;
            for (int i = 0; i < WARMUP; i++) {
                last = overview.overview(province.code(), analyst, Locale.of("nl")).orElseThrow();
            }
            long[] nanos = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                last = overview.overview(province.code(), analyst, Locale.of("nl")).orElseThrow();
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            double p50 = nanos[RUNS / 2] / 1e6, p95 = nanos[(int) Math.ceil(RUNS * 0.95) - 1] / 1e6, max = nanos[RUNS - 1] / 1e6;
            worstP95 = Math.max(worstP95, p95);
            rows.add(String.format(Locale.ROOT, "| %s | %d | %d | %s | %.1f | %.1f | %.1f |", province.name(),
                    last.municipalities(), last.providers(), last.clients(), p50, p95, max));
        }
        rows.add("");
        rows.add(String.format(Locale.ROOT, "Worst p95 over all provinces: %.1f ms", worstP95));
        String table = String.join("\n", rows);
        System.out.println("\nOverzicht benchmark (NATIONAL)\n" + table);
        Path out = Path.of("target", "benchmarks", "overview.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table + "\n");
        assertThat(rows).hasSizeGreaterThan(12);
    }
}
