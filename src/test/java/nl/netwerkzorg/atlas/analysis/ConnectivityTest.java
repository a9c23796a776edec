package nl.netwerkzorg.atlas.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import nl.netwerkzorg.atlas.analysis.Connectivity.Structure;
import org.junit.jupiter.api.Test;

/** Textbook graphs with known answers. */
class ConnectivityTest {

    private static int[] tie(int a, int b) {
        return new int[] {a, b};
    }

    @Test
    void aPathHasEveryTieABridgeAndEveryInnerNodeACutPoint() {
        Structure s = Connectivity.of(5, List.of(tie(0, 1), tie(1, 2), tie(2, 3), tie(3, 4)));
        assertThat(s.nodes()).isEqualTo(5);
        assertThat(s.ties()).isEqualTo(4);
        assertThat(s.density()).isCloseTo(0.4, within(1e-12));
        assertThat(s.meanDegree()).isCloseTo(1.6, within(1e-12));
        assertThat(s.degreeDistribution()).containsExactly(Map.entry(1, 2), Map.entry(2, 3));
        assertThat(s.components()).isEqualTo(1);
        assertThat(s.isolated()).isEmpty();
        assertThat(s.betweenness()).containsExactly(0, 3, 4, 3, 0);
        assertThat(s.betweennessEstimated()).isFalse();
        assertThat(s.bridges()).containsExactly(tie(0, 1), tie(1, 2), tie(2, 3), tie(3, 4));
        // Without node 1 node 0 is cut off; without node 2 the smaller half (two nodes).
        assertThat(s.articulationPoints()).containsExactly(Map.entry(1, 1), Map.entry(2, 2), Map.entry(3, 1));
    }

    @Test
    void aStarHasItsCentreAsTheOnlyBrokerAndCutPoint() {
        Structure s = Connectivity.of(5, List.of(tie(0, 1), tie(0, 2), tie(0, 3), tie(0, 4)));
        assertThat(s.density()).isCloseTo(0.4, within(1e-12));
        assertThat(s.maxDegree()).isEqualTo(4);
        assertThat(s.degreeDistribution()).containsExactly(Map.entry(1, 4), Map.entry(4, 1));
        assertThat(s.betweenness()).containsExactly(6, 0, 0, 0, 0);
        assertThat(Connectivity.normalised(s.betweenness()[0], 5)).isCloseTo(1.0, within(1e-12));
        assertThat(s.bridges()).hasSize(4);
        assertThat(s.articulationPoints()).containsExactly(Map.entry(0, 3));
    }

    @Test
    void twoCliquesJoinedByABridgeFormTwoCommunitiesWithTheBridgeEndsAsBrokers() {
        List<int[]> ties = new ArrayList<>();
        for (int offset : new int[] {0, 4}) {
            for (int a = 0; a < 4; a++) {
                for (int b = a + 1; b < 4; b++) {
                    ties.add(tie(offset + a, offset + b));
                }
            }
        }
        ties.add(tie(3, 4));
        Structure s = Connectivity.of(8, ties);
        assertThat(s.ties()).isEqualTo(13);
        assertThat(s.density()).isCloseTo(13.0 / 28, within(1e-12));
        assertThat(s.bridges()).containsExactly(tie(3, 4));
        assertThat(s.articulationPoints()).containsExactly(Map.entry(3, 3), Map.entry(4, 3));
        assertThat(s.betweenness()).containsExactly(0, 0, 0, 12, 12, 0, 0, 0);
        assertThat(s.communitySizes()).containsExactly(4, 4);
        assertThat(s.community()[0]).isEqualTo(s.community()[1]).isEqualTo(s.community()[2]).isEqualTo(s.community()[3]);
        assertThat(s.community()[4]).isEqualTo(s.community()[7]).isNotEqualTo(s.community()[0]);
        // Modularity of two 6-tie cliques and one bridge: sum over communities of (ties inside / m − (degree sum / 2m)²).
        double m = 13;
        double expected = 2 * (6 / m - Math.pow(13 / (2 * m), 2));
        assertThat(s.modularity()).isCloseTo(expected, within(1e-9));
    }

    @Test
    void componentsAndIsolatedProviders() {
        Structure s = Connectivity.of(6, List.of(tie(0, 1), tie(1, 2), tie(3, 4)));
        assertThat(s.componentSizes()).containsExactly(3, 2, 1);
        assertThat(s.largestComponent()).isEqualTo(3);
        assertThat(s.isolated()).containsExactly(5);
        assertThat(s.component()[0]).isEqualTo(s.component()[2]).isEqualTo(0);
        assertThat(s.component()[5]).isEqualTo(2);
        Structure empty = Connectivity.of(0, List.of());
        assertThat(empty.components()).isZero();
        assertThat(empty.density()).isZero();
    }

    @Test
    void sampledBetweennessEqualsTheExactOneWhenEveryNodeIsASource() {
        int n = 120;
        Random random = new Random(7);
        List<int[]> ties = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            ties.add(tie(random.nextInt(i), i));
            if (random.nextBoolean()) {
                ties.add(tie(random.nextInt(i), i));
            }
        }
        Structure exact = Connectivity.of(n, ties);
        int[][] adjacent = new int[n][];
        for (int v = 0; v < n; v++) {
            int node = v;
            adjacent[v] = ties.stream().filter(t -> t[0] != t[1] && (t[0] == node || t[1] == node))
                    .mapToInt(t -> t[0] == node ? t[1] : t[0]).distinct().sorted().toArray();
        }
        double[] sampled = Connectivity.sampledBetweenness(adjacent, () -> false);
        for (int v = 0; v < n; v++) {
            assertThat(sampled[v]).as("node %d", v).isCloseTo(exact.betweenness()[v], within(1e-6));
        }
    }

    @Test
    void bridgesAndCutPointsMatchJGraphTAndCutOffMatchesASearchWithoutTheNode() {
        for (int seed = 1; seed <= 30; seed++) {
            Random random = new Random(seed);
            int n = 5 + random.nextInt(60);
            List<int[]> ties = new ArrayList<>();
            org.jgrapht.Graph<Integer, org.jgrapht.graph.DefaultEdge> graph =
                    new org.jgrapht.graph.SimpleGraph<>(org.jgrapht.graph.DefaultEdge.class);
            for (int v = 0; v < n; v++) {
                graph.addVertex(v);
            }
            int m = random.nextInt(n * 2);
            for (int i = 0; i < m; i++) {
                int a = random.nextInt(n);
                int b = random.nextInt(n);
                if (a != b) {
                    ties.add(tie(a, b));
                    graph.addEdge(a, b);
                }
            }
            Structure s = Connectivity.of(n, ties);
            var inspector = new org.jgrapht.alg.connectivity.BiconnectivityInspector<>(graph);
            assertThat(s.articulationPoints().keySet()).as("seed %d", seed).containsExactlyInAnyOrderElementsOf(
                    inspector.getCutpoints());
            assertThat(s.bridges()).as("seed %d", seed).hasSize(inspector.getBridges().size());
            for (var e : inspector.getBridges()) {
                int a = Math.min(graph.getEdgeSource(e), graph.getEdgeTarget(e));
                int b = Math.max(graph.getEdgeSource(e), graph.getEdgeTarget(e));
                assertThat(s.bridges()).as("seed %d", seed).anySatisfy(x -> assertThat(x).containsExactly(a, b));
            }
            for (var cut : s.articulationPoints().entrySet()) {
                var without = new org.jgrapht.graph.AsSubgraph<>(graph, new java.util.HashSet<>(
                        new org.jgrapht.alg.connectivity.ConnectivityInspector<>(graph).connectedSetOf(cut.getKey())));
                without.removeVertex(cut.getKey());
                int largest = new org.jgrapht.alg.connectivity.ConnectivityInspector<>(without).connectedSets().stream()
                        .mapToInt(java.util.Set::size).max().orElse(0);
                assertThat(cut.getValue()).as("seed %d node %d", seed, cut.getKey())
                        .isEqualTo(without.vertexSet().size() - largest);
            }
        }
    }

    @Test
    void componentsAndModularityMatchJGraphTOnRandomGraphsWithRepeatedTiesAndLoops() {
        for (int seed = 1; seed <= 30; seed++) {
            Random random = new Random(seed * 31L);
            int n = 3 + random.nextInt(120);
            List<int[]> ties = new ArrayList<>();
            org.jgrapht.Graph<Integer, org.jgrapht.graph.DefaultEdge> graph =
                    new org.jgrapht.graph.SimpleGraph<>(org.jgrapht.graph.DefaultEdge.class);
            for (int v = 0; v < n; v++) {
                graph.addVertex(v);
            }
            int m = random.nextInt(n * 3);
            for (int i = 0; i < m; i++) {
                int a = random.nextInt(n);
                int b = random.nextInt(n);
                ties.add(tie(a, b)); // repeats and self-loops too: a simple graph ignores them
                if (a != b) {
                    graph.addEdge(a, b);
                }
            }
            Structure s = Connectivity.of(n, ties);
            assertThat(s.ties()).as("seed %d", seed).isEqualTo(graph.edgeSet().size());
            var sets = new org.jgrapht.alg.connectivity.ConnectivityInspector<>(graph).connectedSets();
            assertThat(s.componentSizes()).as("seed %d", seed).containsExactlyElementsOf(sets.stream()
                    .map(java.util.Set::size).sorted(java.util.Comparator.reverseOrder()).toList());
            for (var set : sets) {
                assertThat(set.stream().map(v -> s.component()[v]).distinct()).as("seed %d", seed).hasSize(1);
            }
            if (s.ties() > 0) {
                List<java.util.Set<Integer>> clusters = new ArrayList<>();
                for (int c = 0; c < s.communitySizes().size(); c++) {
                    clusters.add(new java.util.HashSet<>());
                }
                for (int v = 0; v < n; v++) {
                    clusters.get(s.community()[v]).add(v);
                }
                assertThat(s.modularity()).as("seed %d", seed).isCloseTo(
                        new org.jgrapht.alg.clustering.UndirectedModularityMeasurer<>(graph).modularity(clusters), within(1e-9));
            }
        }
    }

    @Test
    void aLongChainDoesNotOverflowTheStack() {
        int n = 100_000;
        List<int[]> ties = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            ties.add(tie(i - 1, i));
        }
        Structure s = Connectivity.of(n, ties);
        assertThat(s.bridges()).hasSize(n - 1);
        assertThat(s.articulationPoints()).hasSize(n - 2).containsEntry(n / 2, n / 2 - 1);
        assertThat(s.betweennessEstimated()).isTrue();
    }

    @Test
    void pairCountsCountEachUnorderedPairOnce() {
        PairCounts counts = new PairCounts(2);
        for (int i = 0; i < 1000; i++) {
            counts.increment(i % 50, 50 + i % 7);
            counts.increment(50 + i % 7, i % 50);
        }
        assertThat(counts.size()).isEqualTo(350);
        assertThat(counts.count(0, 50)).isEqualTo(2 * 3);
        assertThat(counts.count(50, 0)).isEqualTo(6);
        assertThat(counts.count(1, 2)).isZero();
        int[][] kept = counts.atLeast(6);
        assertThat(java.util.Arrays.stream(kept).mapToInt(p -> p[2]).min().orElse(0)).isGreaterThanOrEqualTo(6);
        assertThat(kept[0]).containsExactly(0, 50, 6);
    }
}
