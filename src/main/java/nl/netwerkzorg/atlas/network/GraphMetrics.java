package nl.netwerkzorg.atlas.network;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nl.netwerkzorg.atlas.network.Graph.Edge;

/**
 * Structure of the graph on the canvas (at most a few thousand elements, so computed on the spot, undirected): degree,
 * betweenness centrality (Brandes' algorithm, normalised to the largest value = 1) and communities (modularity, Louvain's
 * local moving with a fixed order, so the same canvas always gets the same communities; numbered by size, largest 0).
 */
public final class GraphMetrics {

    private static final int MAX_ROUNDS = 30;

    public record Metrics(Map<String, Integer> degree, Map<String, Double> betweenness, Map<String, Integer> community) {
    }

    private GraphMetrics() {
    }

    public static Metrics of(Collection<String> nodes, Collection<Edge> edges) {
        List<String> order = nodes.stream().sorted().toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            index.put(order.get(i), i);
        }
        List<List<Integer>> adjacent = new ArrayList<>();
        order.forEach(n -> adjacent.add(new ArrayList<>()));
        for (Edge e : edges) {
            Integer a = index.get(e.source());
            Integer b = index.get(e.target());
            if (a != null && b != null && !a.equals(b) && !adjacent.get(a).contains(b)) {
                adjacent.get(a).add(b);
                adjacent.get(b).add(a);
            }
        }
        Map<String, Integer> degree = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            degree.put(order.get(i), adjacent.get(i).size());
        }
        double[] betweenness = betweenness(adjacent);
        double max = 0;
        for (double b : betweenness) {
            max = Math.max(max, b);
        }
        Map<String, Double> normalised = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            normalised.put(order.get(i), max == 0 ? 0 : betweenness[i] / max);
        }
        return new Metrics(degree, normalised, communities(order, adjacent));
    }

    /** Brandes (2001) for unweighted, undirected graphs; each pair counted once. */
    private static double[] betweenness(List<List<Integer>> adjacent) {
        int n = adjacent.size();
        double[] centrality = new double[n];
        int[] distance = new int[n];
        double[] paths = new double[n];
        double[] dependency = new double[n];
        List<List<Integer>> predecessors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            predecessors.add(new ArrayList<>());
        }
        for (int s = 0; s < n; s++) {
            Deque<Integer> stack = new ArrayDeque<>();
            Deque<Integer> queue = new ArrayDeque<>();
            for (int i = 0; i < n; i++) {
                predecessors.get(i).clear();
                distance[i] = -1;
                paths[i] = 0;
                dependency[i] = 0;
            }
            distance[s] = 0;
            paths[s] = 1;
            queue.add(s);
            while (!queue.isEmpty()) {
                int v = queue.poll();
                stack.push(v);
                for (int w : adjacent.get(v)) {
                    if (distance[w] < 0) {
                        distance[w] = distance[v] + 1;
                        queue.add(w);
                    }
                    if (distance[w] == distance[v] + 1) {
                        paths[w] += paths[v];
                        predecessors.get(w).add(v);
                    }
                }
            }
            while (!stack.isEmpty()) {
                int w = stack.pop();
                for (int v : predecessors.get(w)) {
                    dependency[v] += paths[v] / paths[w] * (1 + dependency[w]);
                }
                if (w != s) {
                    centrality[w] += dependency[w];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            centrality[i] /= 2;
        }
        return centrality;
    }

    /**
     * Communities by modularity: the local-moving phase of the Louvain method (Blondel et al. 2008) — each node in turn
     * moves to the neighbouring community with the largest modularity gain, until no node moves; fixed order and
     * tie-breaking (stay, else the smallest label), so it is deterministic.
     */
    private static Map<String, Integer> communities(List<String> order, List<List<Integer>> adjacent) {
        int n = order.size();
        int[] label = new int[n];
        double[] total = new double[n];
        double twiceEdges = 0;
        for (int i = 0; i < n; i++) {
            label[i] = i;
            total[i] = adjacent.get(i).size();
            twiceEdges += adjacent.get(i).size();
        }
        for (int round = 0; round < MAX_ROUNDS && twiceEdges > 0; round++) {
            boolean moved = false;
            for (int v = 0; v < n; v++) {
                int degree = adjacent.get(v).size();
                if (degree == 0) {
                    continue;
                }
                int own = label[v];
                total[own] -= degree;
                Map<Integer, Integer> links = new TreeMap<>();
                links.put(own, 0);
                for (int w : adjacent.get(v)) {
                    links.merge(label[w], 1, Integer::sum);
                }
                int best = own;
                double bestGain = links.get(own) - total[own] * degree / twiceEdges;
                for (Map.Entry<Integer, Integer> c : links.entrySet()) {
                    double gain = c.getValue() - total[c.getKey()] * degree / twiceEdges;
                    if (gain > bestGain + 1e-12) {
                        best = c.getKey();
                        bestGain = gain;
                    }
                }
                total[best] += degree;
                if (best != own) {
                    label[v] = best;
                    moved = true;
                }
            }
            if (!moved) {
                break;
            }
        }
        Map<Integer, Integer> sizes = new HashMap<>();
        for (int l : label) {
            sizes.merge(l, 1, Integer::sum);
        }
        List<Integer> bySize = sizes.keySet().stream()
                .sorted(Comparator.<Integer>comparingInt(sizes::get).reversed().thenComparing(Comparator.naturalOrder()))
                .toList();
        Map<Integer, Integer> number = new HashMap<>();
        for (int i = 0; i < bySize.size(); i++) {
            number.put(bySize.get(i), i);
        }
        Map<String, Integer> community = new HashMap<>();
        for (int i = 0; i < n; i++) {
            community.put(order.get(i), number.get(label[i]));
        }
        return community;
    }
}
