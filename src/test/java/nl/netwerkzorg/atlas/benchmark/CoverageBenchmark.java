package nl.netwerkzorg.atlas.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import nl.netwerkzorg.atlas.coverage.Coverage.Measure;
import nl.netwerkzorg.atlas.coverage.Coverage.Target;
import nl.netwerkzorg.atlas.coverage.CoverageService;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Dekking on an existing NATIONAL store (tag "benchmark"; command in docs/benchmarks.md). Server time of the service
 * calls: the full matrix (342 municipalities × all types) cold (cache evicted) and cached, distance-based access for a
 * pathway nationally, a province's map, and the bytes the map sends for the largest province.
 */
@NationalBenchmark
class CoverageBenchmark {

    private static final int RUNS = 20;
    private final Locale nl = Locale.of("nl");
    private final List<String> rows = new ArrayList<>();

    @Autowired
    CoverageService coverage;

    @Test
    void coverageAtNationalScale() throws IOException {
        AtlasPrincipal analyst = new AtlasPrincipal("benchmark", "", "Benchmark", Role.POLICY_ANALYST, true, null, List.of());
        rows.add("| query | runs | p50 ms | p95 ms | max ms |");
        rows.add("|---|---:|---:|---:|---:|");
        measure("matrix NL (342 × all types), cold: cache evicted before each run", 10, () -> {
            coverage.evictCache();
            return coverage.matrix("NL", analyst, nl).rows().size();
        });
        measure("matrix NL, cached", RUNS, () -> coverage.matrix("NL", analyst, nl).rows().size());
        coverage.evictCache();
        long firstDistance = System.nanoTime();
        coverage.coverage("NL", Target.pathway("PAD_DEMENTIE"), Measure.DISTANCE, Optional.empty(), analyst, nl);
        rows.add(String.format(Locale.ROOT, "| distance PAD_DEMENTIE NL, first call (sample grids + 6 types' positions) | 1 | %.1f | | |",
                (System.nanoTime() - firstDistance) / 1e6));
        measure("distance PAD_DEMENTIE NL (6 required types), cold positions", 5, () -> {
            coverage.evictCache();
            return coverage.coverage("NL", Target.pathway("PAD_DEMENTIE"), Measure.DISTANCE, Optional.empty(), analyst, nl)
                    .municipalities().size();
        });
        measure("distance PAD_DEMENTIE NL, cached positions", RUNS, () -> coverage.coverage("NL", Target.pathway("PAD_DEMENTIE"),
                Measure.DISTANCE, Optional.empty(), analyst, nl).municipalities().size());
        measure("served HUISARTS Zuid-Holland (PV28)", RUNS, () -> coverage.coverage("PV28", Target.type("HUISARTS"),
                Measure.SERVED, Optional.empty(), analyst, nl).municipalities().size());
        measure("gaps PAD_DEMENTIE Zuid-Holland", RUNS, () -> coverage.gaps("PV28", "PAD_DEMENTIE", analyst, nl).size());
        measure("roll-up per province", RUNS, () -> coverage.rollup("PROVINCIE", analyst).size());
        measure("roll-up per zorgkantoorregio", RUNS, () -> coverage.rollup("ZORGKANTOOR", analyst).size());
        measure("municipality detail Rotterdam", RUNS, () -> coverage.municipality("GM0599", Optional.of("PAD_DEMENTIE"), analyst, nl)
                .orElseThrow().types().size());
        measure("boundaries Zuid-Holland (map layer)", RUNS, () -> coverage.boundaries("PV28", analyst).length());
        int largest = 0;
        String largestProvince = "";
        for (String province : List.of("PV20", "PV21", "PV22", "PV23", "PV24", "PV25", "PV26", "PV27", "PV28", "PV29", "PV30", "PV31")) {
            int bytes = coverage.boundaries(province, analyst).getBytes(StandardCharsets.UTF_8).length;
            if (bytes > largest) {
                largest = bytes;
                largestProvince = province;
            }
        }
        rows.add("");
        rows.add("Largest province map layer: " + largestProvince + ", " + largest + " bytes of GeoJSON (sent once per region; "
                + "colours and labels are sent separately).");
        String table = String.join("\n", rows);
        System.out.println("\nDekking benchmark (NATIONAL)\n" + table);
        Path out = Path.of("target", "benchmarks", "coverage.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table + "\n");
        assertThat(largest).isPositive();
    }

    private void measure(String name, int runs, Supplier<Integer> call) {
        for (int i = 0; i < 3; i++) {
            call.get();
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            assertThat(call.get()).isNotNegative();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        rows.add(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |", name, runs, nanos[runs / 2] / 1e6,
                nanos[(int) Math.ceil(runs * 0.95) - 1] / 1e6, nanos[runs - 1] / 1e6));
    }
}
