package nl.netwerkzorg.atlas.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import nl.netwerkzorg.atlas.network.Graph.Canvas;
import nl.netwerkzorg.atlas.network.Graph.Expansion;
import nl.netwerkzorg.atlas.network.NetworkGraphService;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Netwerk explorer on an existing NATIONAL store (tag "benchmark"; command in docs/benchmarks.md): server time of
 * search suggestions, expanding a provider (each expansion type, over a spread sample of providers), the counted
 * options, and shortest paths between two providers of the same province. Targets: search ≤ 50 ms, expand ≤ 100 ms,
 * path ≤ 200 ms (p95).
 */
@NationalBenchmark
class NetworkBenchmark {

    private final Locale nl = Locale.of("nl");
    private final List<String> rows = new ArrayList<>();

    @Autowired
    NetworkGraphService graphs;
    @Autowired
    Neo4jClient neo4j;

    @Test
    void explorerAtNationalScale() throws IOException {
        AtlasPrincipal analyst = new AtlasPrincipal("benchmark", "", "Benchmark", Role.POLICY_ANALYST, true, null, List.of());
        AtlasPrincipal admin = new AtlasPrincipal("benchmark-admin", "", "Benchmark", Role.ADMIN, true, null, List.of());
        // A spread sample: every 3,000th provider by id (about 52), and their names, AGB codes and places.
        List<Map<String, Object>> sample = List.copyOf(neo4j.query("""
                        MATCH (p:Provider) WITH p ORDER BY p.id
                        WITH collect(p) AS ps
                        UNWIND range(0, size(ps) - 1, 3000) AS i
                        WITH ps[i] AS p
                        RETURN p.id AS id, p.name AS name, p.agb AS agb, p.type AS type,
                               split(p.address, ' ')[-1] AS place""")
                .fetch().all());
        assertThat(sample).hasSizeGreaterThan(40);
        rows.add("| query | runs | p50 ms | p95 ms | max ms |");
        rows.add("|---|---:|---:|---:|---:|");

        List<String> searches = new ArrayList<>();
        for (Map<String, Object> p : sample) {
            String[] words = String.valueOf(p.get("name")).split(" ");
            searches.add(words[0].substring(0, Math.min(6, words[0].length())) + (words.length > 1
                    ? " " + words[1].substring(0, Math.min(3, words[1].length())) : ""));
        }
        measure("search: name prefixes (\"Huisar Smi\")", searches.size(), i -> graphs.search(searches.get(i), analyst, nl).size());
        measure("search: AGB code", sample.size(), i -> graphs.search(String.valueOf(sample.get(i).get("agb")), analyst, nl).size());
        measure("search: type and place (\"apotheek <place>\")", sample.size(),
                i -> graphs.search("apotheek " + sample.get(i).get("place"), analyst, nl).size());
        measure("search: municipality name (\"Amst\")", 20, i -> graphs.search("Amst", analyst, nl).size());

        for (Expansion expansion : List.of(Expansion.COLLABORATIONS, Expansion.NETWORKS, Expansion.SERVICE_AREA,
                Expansion.SHARED_CLIENTS, Expansion.CLIENTS)) {
            AtlasPrincipal user = expansion == Expansion.CLIENTS ? admin : analyst;
            measure("expand provider: " + expansion + (user == admin ? " (admin: individual clients)" : ""), sample.size(), i -> {
                String key = "P:" + sample.get(i).get("id");
                Canvas start = new Canvas(graphs.restore(List.of(key), Set.of(), user, nl).nodes(), List.of());
                return graphs.expand(start, key, expansion, null, user, nl).canvas().nodes().size();
            });
        }
        measure("options of a provider (all expansions counted)", sample.size(),
                i -> graphs.options("P:" + sample.get(i).get("id"), analyst).size());
        measure("expand municipality Amsterdam: providers (grouped by type)", 10, i -> graphs.expand(
                graphs.restore(List.of("M:GM0363"), Set.of(), analyst, nl), "M:GM0363", Expansion.PROVIDERS_LOCATED, null,
                analyst, nl).canvas().nodes().size());
        measure("expand municipality Amsterdam: clients (analyst: a count)", 10, i -> graphs.expand(
                graphs.restore(List.of("M:GM0363"), Set.of(), analyst, nl), "M:GM0363", Expansion.RESIDENTS, null,
                analyst, nl).canvas().nodes().size());

        // Shortest paths between two providers of the same province (Zuid-Holland), spread pairs.
        List<String> southHolland = List.copyOf(neo4j.query("""
                        MATCH (p:Provider)-[:LOCATED_IN]->(:Municipality {provinceCode: 'PV28'})
                        WITH p ORDER BY p.id WITH collect(p.id) AS ids
                        UNWIND range(0, size(ids) - 1, 700) AS i RETURN ids[i] AS id""")
                .fetchAs(String.class).all());
        int pairs = southHolland.size() / 2;
        measure("shortest paths, two providers in Zuid-Holland", pairs, i -> graphs.paths(Canvas.EMPTY,
                "P:" + southHolland.get(2 * i), "P:" + southHolland.get(2 * i + 1), analyst, nl).hops());
        long connected = java.util.stream.IntStream.range(0, pairs).filter(i -> !graphs.paths(Canvas.EMPTY,
                "P:" + southHolland.get(2 * i), "P:" + southHolland.get(2 * i + 1), analyst, nl).paths().isEmpty()).count();
        rows.add("");
        rows.add("Of the " + pairs + " Zuid-Holland pairs, " + connected + " are connected within "
                + NetworkGraphService.MAX_HOPS + " hops over collaborations and network memberships.");

        String table = String.join("\n", rows);
        System.out.println("\nNetwerk benchmark (NATIONAL)\n" + table);
        Path out = Path.of("target", "benchmarks", "network.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table + "\n");
    }

    /**
     * Warm-up: every input once (so the timed call finds its part of the store in the page cache, as in a running
     * server), and the first ten twice more for the JIT; then one timed call per input.
     */
    private void measure(String name, int runs, java.util.function.IntFunction<Integer> call) {
        for (int i = 0; i < runs; i++) {
            call.apply(i);
        }
        for (int w = 0; w < 2; w++) {
            for (int i = 0; i < Math.min(runs, 10); i++) {
                call.apply(i);
            }
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            assertThat(call.apply(i)).isNotNegative();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        rows.add(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |", name, runs, nanos[runs / 2] / 1e6,
                nanos[(int) Math.ceil(runs * 0.95) - 1] / 1e6, nanos[runs - 1] / 1e6));
    }
}
