package nl.netwerkzorg.atlas.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import nl.netwerkzorg.atlas.client.ClientFlag;
import nl.netwerkzorg.atlas.client.ClientQualityRules;
import nl.netwerkzorg.atlas.client.ClientService;
import nl.netwerkzorg.atlas.client.Clients.Filter;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Cliënten at the NATIONAL scale: one page of the client list (50 rows, as the grid asks) per role and filter, the count
 * shown above it, and one client's page (with its access-log entry) for 100 clients. Server time = the service call,
 * after warm-up. If the quality rules were never evaluated on this store, the start evaluates them first (its time is
 * in the log: "Client quality rules evaluated for … clients in … ms").
 */
@NationalBenchmark
class ClientBenchmark {

    private static final int WARMUP = 5;
    private static final int RUNS = 20;
    private static final Locale NL = Locale.of("nl");

    @Autowired
    ClientService clients;
    @Autowired
    ClientQualityRules rules;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    nl.netwerkzorg.atlas.client.ClientRates clientRates;
    @Autowired
    nl.netwerkzorg.atlas.geography.RegionService regions;

    @Test
    void listAndDetail() throws IOException {
        long evaluation = System.nanoTime();
        long evaluated = rules.computedAt().isPresent() ? -1 : rules.recomputeAllInBackground().join();
        double evaluationSeconds = (System.nanoTime() - evaluation) / 1e9;

        AtlasPrincipal admin = new AtlasPrincipal("benchmark", "", "Benchmark", Role.ADMIN, true, null, List.of());
        AtlasPrincipal zuidHolland = new AtlasPrincipal("benchmark-zh", "", "Benchmark", Role.NETWORK_MANAGER, true, null,
                List.of("PV28"));
        String busiest = neo4j.query("""
                        MATCH (p:Provider {type: 'HUISARTS'}) WITH p ORDER BY COUNT { (p)-[:CARES_FOR]->() } DESC LIMIT 1
                        RETURN p.id""").fetchAs(String.class).one().orElseThrow();
        AtlasPrincipal huisarts = new AtlasPrincipal("benchmark-ha", "", "Benchmark", Role.CARE_STAFF, true, busiest, List.of());

        List<String> rows = new ArrayList<>();
        rows.add("| request | rows | p50 ms | p95 ms | max ms |");
        rows.add("|---|---:|---:|---:|---:|");
        double worstPage = 0;
        Filter none = Filter.none();
        worstPage = Math.max(worstPage, measure(rows, "admin, all clients, first page",
                () -> clients.page(admin, none, 0, 50, NL).size()));
        worstPage = Math.max(worstPage, measure(rows, "admin, all clients, page at row 10,000",
                () -> clients.page(admin, none, 10_000, 50, NL).size()));
        worstPage = Math.max(worstPage, measure(rows, "manager Zuid-Holland, first page",
                () -> clients.page(zuidHolland, none, 0, 50, NL).size()));
        for (ClientFlag flag : ClientFlag.values()) {
            Filter f = new Filter(Optional.empty(), Optional.of(flag), Optional.empty(), "");
            worstPage = Math.max(worstPage, measure(rows, "manager Zuid-Holland, " + flag + ", first page",
                    () -> clients.page(zuidHolland, f, 0, 50, NL).size()));
        }
        Filter rotterdamGap = new Filter(Optional.of("GM0599"), Optional.of(ClientFlag.NO_COORDINATOR),
                Optional.of("DEMENTIE"), "");
        worstPage = Math.max(worstPage, measure(rows, "manager Zuid-Holland, Rotterdam + dementie + no coordinator",
                () -> clients.page(zuidHolland, rotterdamGap, 0, 50, NL).size()));
        worstPage = Math.max(worstPage, measure(rows, "care staff, busiest huisarts, first page",
                () -> clients.page(huisarts, none, 0, 50, NL).size()));
        double worstCount = 0;
        worstCount = Math.max(worstCount, measure(rows, "count: manager Zuid-Holland, all",
                () -> (int) clients.count(zuidHolland, none)));
        worstCount = Math.max(worstCount, measure(rows, "count: manager Zuid-Holland, PATHWAY_GAP",
                () -> (int) clients.count(zuidHolland, new Filter(Optional.empty(), Optional.of(ClientFlag.PATHWAY_GAP),
                        Optional.empty(), ""))));
        worstCount = Math.max(worstCount, measure(rows, "count: admin, all",
                () -> (int) clients.count(admin, none)));

        List<String> ids = neo4j.query("MATCH (c:Client) WITH c SKIP 1000 LIMIT 100000 RETURN c.id ORDER BY rand() LIMIT 130")
                .fetchAs(String.class).all().stream().toList();
        for (int i = 0; i < WARMUP * 6; i++) {
            clients.detail(admin, ids.get(i), NL).orElseThrow();
        }
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            long start = System.nanoTime();
            clients.detail(admin, ids.get(30 + i), NL).orElseThrow();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double detailP95 = nanos[94] / 1e6;
        rows.add(String.format(Locale.ROOT, "| client page (detail + access-log entry), 100 different clients | 1 | %.1f | %.1f | %.1f |",
                nanos[50] / 1e6, detailP95, nanos[99] / 1e6));
        AtlasPrincipal analyst = new AtlasPrincipal("benchmark-pa", "", "Benchmark", Role.POLICY_ANALYST, true, null, List.of());
        double worstRates = 0;
        for (var province : regions.regions("PROVINCIE")) {
            worstRates = Math.max(worstRates, measure(rows, "signals per region: " + province.name(),
                    () -> clientRates.rates(analyst, province.code(), Optional.empty(), NL).orElseThrow().municipalities().size()));
        }
        worstRates = Math.max(worstRates, measure(rows, "signals per region: Zuid-Holland, dementie only",
                () -> clientRates.rates(analyst, "PV28", Optional.of("DEMENTIE"), NL).orElseThrow().municipalities().size()));
        rows.add("");
        rows.add(String.format(Locale.ROOT, "Worst signals-per-region p95 (a province): %.1f ms.", worstRates));
        rows.add(String.format(Locale.ROOT, "Worst list-page p95: %.1f ms; worst count p95: %.1f ms; client page p95: %.1f ms.",
                worstPage, worstCount, detailP95));
        rows.add(evaluated < 0 ? "Quality rules already evaluated on this store."
                : String.format(Locale.ROOT, "Quality rules evaluated for %,d clients in %.0f s (waited for the start's run).",
                        evaluated, evaluationSeconds));
        String table = String.join("\n", rows);
        System.out.println("\nCliënten benchmark (NATIONAL)\n" + table);
        Path out = Path.of("target", "benchmarks", "clients.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table + "\n");
        neo4j.query("MATCH (e:AccessLogEntry {username: 'benchmark'}) DELETE e").run();
        assertThat(rows).hasSizeGreaterThan(10);
    }

    private static double measure(List<String> rows, String label, Supplier<Integer> call) {
        int n = 0;
        for (int i = 0; i < WARMUP; i++) {
            n = call.get();
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            n = call.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double p95 = nanos[(int) Math.ceil(RUNS * 0.95) - 1] / 1e6;
        rows.add(String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %.1f |", label, n, nanos[RUNS / 2] / 1e6, p95,
                nanos[RUNS - 1] / 1e6));
        return p95;
    }
}
