package nl.netwerkzorg.atlas.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.BetweennessCentrality;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

/**
 * The structure of an undirected provider graph (nodes 0..n-1, ties as index pairs): size, density, connected
 * components and isolated nodes, degree distribution, betweenness (brokers), bridges and articulation points with how
 * many nodes each would cut off, communities and their modularity. Pure computation, no database: the textbook graphs
 * of the tests check it exactly.
 *
 * <p>JGraphT computes exact betweenness up to {@link #EXACT_BETWEENNESS_UP_TO} nodes. The rest runs on int arrays,
 * because building JGraphT's object graph for a province (30,000 nodes, 600,000 ties) cost more than the algorithms:
 * components (breadth-first), modularity, bridges and cut points (an iterative Tarjan search, {@link #biconnectivity})
 * and label-propagation communities ({@link #labelPropagation}); the tests check components, modularity and
 * biconnectivity against JGraphT's ConnectivityInspector, UndirectedModularityMeasurer and BiconnectivityInspector on
 * random graphs. Exact
 * betweenness costs nodes × ties; above that size it is estimated with Brandes' algorithm from a fixed, seeded sample
 * of {@link #PIVOTS} source nodes (Brandes &amp; Pich 2007), scaled to the whole graph — the ranking of brokers is what the
 * view shows, and the sample ranks the strong ones reliably.
 */
public final class Connectivity {

    public static final int EXACT_BETWEENNESS_UP_TO = 2_000;
    public static final int PIVOTS = 256;
    public static final int MIN_PIVOTS = 96;
    public static final long EDGE_VISIT_BUDGET = 160_000_000L;
    private static final long SEED = 20261125L;
    private static final int LABEL_PROPAGATION_ROUNDS = 50;

    /** The result; node indexes refer to the caller's node list. */
    public record Structure(int nodes, long ties, double density, double meanDegree, int maxDegree,
                            SortedMap<Integer, Integer> degreeDistribution, int[] degree, int[] component,
                            List<Integer> componentSizes, int[] isolated, double[] betweenness, boolean betweennessEstimated,
                            int betweennessSources, List<int[]> bridges, Map<Integer, Integer> articulationPoints, int[] community,
                            List<Integer> communitySizes, double modularity) {

        public int components() {
            return componentSizes.size();
        }

        public int largestComponent() {
            return componentSizes.isEmpty() ? 0 : componentSizes.getFirst();
        }
    }

    /** Thrown between steps when the caller cancelled. */
    public static final class Cancelled extends RuntimeException {
        public Cancelled() {
            super("Berekening afgebroken");
        }
    }

    private Connectivity() {
    }

    public static Structure of(int n, List<int[]> ties) {
        return of(n, ties, () -> false);
    }

    /** Computes everything; {@code cancelled} is asked between the steps and inside the long ones. */
    public static Structure of(int n, List<int[]> ties, BooleanSupplier cancelled) {
        return of(n, ties, cancelled, true);
    }

    /** As {@link #of(int, List, BooleanSupplier)}; without betweenness (all zero) when {@code withBetweenness} is false. */
    public static Structure of(int n, List<int[]> ties, BooleanSupplier cancelled, boolean withBetweenness) {
        // Adjacency on int arrays (a province has up to 600,000 ties: boxed graph objects cost more than the algorithms).
        int[][] adjacent = adjacency(n, ties);
        long ends = 0;
        int[] degree = new int[n];
        SortedMap<Integer, Integer> distribution = new TreeMap<>();
        int maxDegree = 0;
        List<Integer> isolated = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            degree[i] = adjacent[i].length;
            ends += degree[i];
            distribution.merge(degree[i], 1, Integer::sum);
            maxDegree = Math.max(maxDegree, degree[i]);
            if (degree[i] == 0) {
                isolated.add(i);
            }
        }
        long edges = ends / 2;
        check(cancelled);

        int[] component = new int[n];
        List<Integer> componentSizes = components(adjacent, component);
        check(cancelled);

        boolean estimated = n > EXACT_BETWEENNESS_UP_TO;
        double[] betweenness = !withBetweenness ? new double[n]
                : estimated ? sampledBetweenness(adjacent, cancelled) : exactBetweenness(adjacent);
        check(cancelled);

        List<int[]> bridges = new ArrayList<>();
        Map<Integer, Integer> articulation = new TreeMap<>();
        biconnectivity(adjacent, component, componentSizes, bridges, articulation);
        check(cancelled);

        int[] community = new int[n];
        List<Integer> communitySizes = new ArrayList<>();
        double modularity = 0;
        if (edges > 0) {
            List<Set<Integer>> clusters = clusters(labelPropagation(adjacent, new Random(SEED), LABEL_PROPAGATION_ROUNDS,
                    cancelled));
            clusters.sort(Comparator.<Set<Integer>>comparingInt(Set::size).reversed()
                    .thenComparingInt(s -> s.stream().mapToInt(Integer::intValue).min().orElse(0)));
            for (int c = 0; c < clusters.size(); c++) {
                for (int v : clusters.get(c)) {
                    community[v] = c;
                }
                communitySizes.add(clusters.get(c).size());
            }
            modularity = modularity(adjacent, community, clusters.size());
        } else {
            for (int i = 0; i < n; i++) {
                community[i] = i;
                communitySizes.add(1);
            }
        }
        double density = n < 2 ? 0 : 2.0 * edges / ((double) n * (n - 1));
        return new Structure(n, edges, density, n == 0 ? 0 : 2.0 * edges / n, maxDegree, distribution, degree, component,
                List.copyOf(componentSizes), isolated.stream().mapToInt(Integer::intValue).toArray(), betweenness, estimated,
                estimated ? pivots(adjacent) : n,
                List.copyOf(bridges), articulation, community, List.copyOf(communitySizes), modularity);
    }

    /** Sorted neighbour lists of a simple graph: self-loops and repeated ties are dropped. */
    static int[][] adjacency(int n, List<int[]> ties) {
        int[] count = new int[n];
        for (int[] t : ties) {
            if (t[0] != t[1]) {
                count[t[0]]++;
                count[t[1]]++;
            }
        }
        int[][] adjacent = new int[n][];
        for (int i = 0; i < n; i++) {
            adjacent[i] = new int[count[i]];
        }
        int[] filled = new int[n];
        for (int[] t : ties) {
            if (t[0] != t[1]) {
                adjacent[t[0]][filled[t[0]]++] = t[1];
                adjacent[t[1]][filled[t[1]]++] = t[0];
            }
        }
        for (int i = 0; i < n; i++) {
            int[] list = adjacent[i];
            Arrays.sort(list);
            int unique = 0;
            for (int k = 0; k < list.length; k++) {
                if (k == 0 || list[k] != list[k - 1]) {
                    list[unique++] = list[k];
                }
            }
            if (unique < list.length) {
                adjacent[i] = Arrays.copyOf(list, unique);
            }
        }
        return adjacent;
    }

    /**
     * Connected components by breadth-first search: {@code component[v]} numbers them largest first (ties in size by
     * their lowest node); returns their sizes in that order.
     */
    static List<Integer> components(int[][] adjacent, int[] component) {
        int n = adjacent.length;
        Arrays.fill(component, -1);
        int[] queue = new int[n];
        List<int[]> found = new ArrayList<>(); // {first node, size}
        int[] raw = new int[n];
        for (int start = 0; start < n; start++) {
            if (raw[start] != 0) {
                continue;
            }
            int id = found.size() + 1;
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            raw[start] = id;
            while (head < tail) {
                int v = queue[head++];
                for (int w : adjacent[v]) {
                    if (raw[w] == 0) {
                        raw[w] = id;
                        queue[tail++] = w;
                    }
                }
            }
            found.add(new int[] {start, tail});
        }
        // Scanning in node order makes each component's first node its lowest.
        Integer[] order = new Integer[found.size()];
        for (int c = 0; c < order.length; c++) {
            order[c] = c;
        }
        Arrays.sort(order, Comparator.<Integer>comparingInt(c -> -found.get(c)[1]).thenComparingInt(c -> found.get(c)[0]));
        int[] rank = new int[order.length];
        List<Integer> sizes = new ArrayList<>(order.length);
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r;
            sizes.add(found.get(order[r])[1]);
        }
        for (int v = 0; v < n; v++) {
            component[v] = rank[raw[v] - 1];
        }
        return sizes;
    }

    /**
     * Newman's modularity of a division into {@code communities} labelled groups: the sum over groups of the share of
     * ties inside the group minus the square of the group's share of tie ends (as JGraphT's UndirectedModularityMeasurer
     * computes it; the tests check they agree).
     */
    static double modularity(int[][] adjacent, int[] community, int communities) {
        double[] inside = new double[communities];
        double[] ends = new double[communities];
        long totalEnds = 0;
        for (int v = 0; v < adjacent.length; v++) {
            ends[community[v]] += adjacent[v].length;
            totalEnds += adjacent[v].length;
            for (int w : adjacent[v]) {
                if (community[w] == community[v]) {
                    inside[community[v]] += 1; // counted from both ends
                }
            }
        }
        if (totalEnds == 0) {
            return 0;
        }
        double q = 0;
        for (int c = 0; c < communities; c++) {
            q += inside[c] / totalEnds - (ends[c] / totalEnds) * (ends[c] / totalEnds);
        }
        return q;
    }

    /**
     * Bridges and articulation points with Tarjan's depth-first search, iterative (JGraphT's BiconnectivityInspector
     * recurses once per node and overflows the stack on a province's graph). In the same pass, each cut point's
     * separated subtrees give how many nodes it cuts off: its component loses the cut point and falls apart into those
     * subtrees and the rest; everything outside the largest piece is cut off.
     */
    static void biconnectivity(int[][] adjacent, int[] component, List<Integer> componentSizes, List<int[]> bridges,
            Map<Integer, Integer> articulation) {
        int n = adjacent.length;
        int[] discovered = new int[n];
        Arrays.fill(discovered, -1);
        int[] low = new int[n];
        int[] parent = new int[n];
        int[] next = new int[n];
        int[] subtree = new int[n];
        int[] separatedSum = new int[n];
        int[] separatedMax = new int[n];
        int[] separatedCount = new int[n];
        int[] stack = new int[n];
        int time = 0;
        for (int root = 0; root < n; root++) {
            if (discovered[root] >= 0) {
                continue;
            }
            int top = 0;
            stack[top++] = root;
            discovered[root] = low[root] = time++;
            parent[root] = -1;
            while (top > 0) {
                int v = stack[top - 1];
                if (next[v] < adjacent[v].length) {
                    int w = adjacent[v][next[v]++];
                    if (discovered[w] < 0) {
                        parent[w] = v;
                        discovered[w] = low[w] = time++;
                        stack[top++] = w;
                    } else if (w != parent[v]) {
                        low[v] = Math.min(low[v], discovered[w]);
                    }
                    continue;
                }
                top--;
                subtree[v]++;
                int p = parent[v];
                if (p < 0) {
                    continue;
                }
                subtree[p] += subtree[v];
                low[p] = Math.min(low[p], low[v]);
                if (low[v] > discovered[p]) {
                    bridges.add(p < v ? new int[] {p, v} : new int[] {v, p});
                }
                if (low[v] >= discovered[p]) {
                    separatedSum[p] += subtree[v];
                    separatedMax[p] = Math.max(separatedMax[p], subtree[v]);
                    separatedCount[p]++;
                }
            }
        }
        for (int v = 0; v < n; v++) {
            // The root of a search tree is a cut point with two or more children; any other node with one separated child.
            boolean cut = parent[v] < 0 ? separatedCount[v] >= 2 : separatedCount[v] >= 1;
            if (cut) {
                int size = componentSizes.get(component[v]);
                int rest = size - 1 - separatedSum[v];
                articulation.put(v, size - 1 - Math.max(separatedMax[v], rest));
            }
        }
        bridges.sort(Comparator.<int[]>comparingInt(b -> b[0]).thenComparingInt(b -> b[1]));
    }

    /**
     * Communities by label propagation (Raghavan, Albert &amp; Kumara 2007): every node starts with its own label and, in
     * a seeded random order per round, takes the label most of its neighbours carry (keeping its own on a tie with it,
     * otherwise a seeded random choice among the tied), until no label changes or {@code rounds} have passed. The same
     * algorithm as JGraphT's LabelPropagationClustering on int arrays: JGraphT's took 6 s for 30,000 nodes and
     * 300,000 ties here, this takes a fraction of a second.
     */
    static int[] labelPropagation(int[][] adjacent, Random random, int rounds, BooleanSupplier cancelled) {
        int n = adjacent.length;
        int[] label = new int[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            label[i] = i;
            order[i] = i;
        }
        int[] count = new int[n];
        int[] touched = new int[n];
        int[] candidates = new int[n];
        for (int round = 0; round < rounds; round++) {
            check(cancelled);
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            boolean changed = false;
            for (int v : order) {
                if (adjacent[v].length == 0) {
                    continue;
                }
                int distinct = 0;
                int best = 0;
                for (int w : adjacent[v]) {
                    int l = label[w];
                    if (count[l]++ == 0) {
                        touched[distinct++] = l;
                    }
                    best = Math.max(best, count[l]);
                }
                if (count[label[v]] != best) {
                    int tied = 0;
                    for (int k = 0; k < distinct; k++) {
                        if (count[touched[k]] == best) {
                            candidates[tied++] = touched[k];
                        }
                    }
                    label[v] = candidates[tied == 1 ? 0 : random.nextInt(tied)];
                    changed = true;
                }
                for (int k = 0; k < distinct; k++) {
                    count[touched[k]] = 0;
                }
            }
            if (!changed) {
                break;
            }
        }
        return label;
    }

    private static List<Set<Integer>> clusters(int[] label) {
        Map<Integer, Set<Integer>> byLabel = new java.util.HashMap<>();
        for (int v = 0; v < label.length; v++) {
            byLabel.computeIfAbsent(label[v], l -> new java.util.HashSet<>()).add(v);
        }
        return new ArrayList<>(byLabel.values());
    }

    /** Exact betweenness (JGraphT), unnormalised: for each node, the sum over pairs of the share of shortest paths through it. */
    private static double[] exactBetweenness(int[][] adjacent) {
        int n = adjacent.length;
        Graph<Integer, DefaultEdge> graph = new SimpleGraph<>(DefaultEdge.class);
        for (int i = 0; i < n; i++) {
            graph.addVertex(i);
        }
        for (int v = 0; v < n; v++) {
            for (int w : adjacent[v]) {
                if (v < w) {
                    graph.addEdge(v, w);
                }
            }
        }
        Map<Integer, Double> scores = new BetweennessCentrality<>(graph, false).getScores();
        double[] result = new double[n];
        scores.forEach((v, s) -> result[v] = s);
        return result;
    }

    /**
     * Brandes' accumulation from a seeded sample of sources, scaled by n / sources (unnormalised, undirected). The
     * sample is {@link #PIVOTS} sources, fewer on very large graphs so that about {@link #EDGE_VISIT_BUDGET} tie visits
     * suffice (never fewer than {@link #MIN_PIVOTS}); the sources are spread over the available processors.
     */
    static double[] sampledBetweenness(int[][] adjacent, BooleanSupplier cancelled) {
        int n = adjacent.length;
        int pivots = pivots(adjacent);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(SEED);
        for (int i = 0; i < pivots; i++) {
            int j = i + random.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int workers = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), pivots / 8));
        double[][] partial = new double[workers][];
        java.util.stream.IntStream.range(0, workers).parallel().forEach(worker -> {
            double[] centrality = new double[n];
            int[] distance = new int[n];
            long[] paths = new long[n];
            double[] dependency = new double[n];
            int[] stack = new int[n];
            int[] queue = new int[n];
            Arrays.fill(distance, -1);
            for (int p = worker; p < pivots; p += workers) {
                if (cancelled.getAsBoolean()) {
                    throw new Cancelled();
                }
                int s = order[p];
                distance[s] = 0;
                paths[s] = 1;
                int head = 0;
                int tail = 0;
                int top = 0;
                queue[tail++] = s;
                while (head < tail) {
                    int v = queue[head++];
                    stack[top++] = v;
                    for (int w : adjacent[v]) {
                        if (distance[w] < 0) {
                            distance[w] = distance[v] + 1;
                            queue[tail++] = w;
                        }
                        if (distance[w] == distance[v] + 1) {
                            paths[w] += paths[v];
                        }
                    }
                }
                while (top > 0) {
                    int w = stack[--top];
                    for (int v : adjacent[w]) {
                        if (distance[v] == distance[w] - 1) {
                            dependency[v] += (double) paths[v] / paths[w] * (1 + dependency[w]);
                        }
                    }
                    if (w != s) {
                        centrality[w] += dependency[w];
                    }
                }
                // Reset only what this source reached.
                for (int i = 0; i < tail; i++) {
                    int v = queue[i];
                    distance[v] = -1;
                    paths[v] = 0;
                    dependency[v] = 0;
                }
            }
            partial[worker] = centrality;
        });
        // Each pair is counted from both ends in an undirected graph; scale the sample up to all sources.
        double scale = (double) n / pivots / 2.0;
        double[] centrality = new double[n];
        for (double[] part : partial) {
            for (int i = 0; i < n; i++) {
                centrality[i] += part[i] * scale;
            }
        }
        return centrality;
    }

    /** How many sources the sampled betweenness uses for this graph. */
    static int pivots(int[][] adjacent) {
        long visits = adjacent.length;
        for (int[] a : adjacent) {
            visits += a.length;
        }
        return (int) Math.min(adjacent.length, Math.max(MIN_PIVOTS, Math.min(PIVOTS, EDGE_VISIT_BUDGET / Math.max(1, visits))));
    }

    private static void check(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new Cancelled();
        }
    }

    /** Normalised betweenness: the share of all pairs of other nodes whose shortest paths run through the node. */
    public static double normalised(double betweenness, int n) {
        return n < 3 ? 0 : betweenness / ((n - 1) * (n - 2) / 2.0);
    }
}
