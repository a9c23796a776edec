package nl.netwerkzorg.atlas.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import nl.netwerkzorg.atlas.network.Graph.Edge;
import nl.netwerkzorg.atlas.network.Graph.EdgeType;
import org.junit.jupiter.api.Test;

class GraphMetricsTest {

    private static Edge e(String a, String b) {
        return Edge.of(a, b, EdgeType.COLLABORATES_WITH, true, 0, "");
    }

    @Test
    void twoTrianglesJoinedByABridge() {
        // a-b-c triangle, d-e-f triangle, bridge c-d; g isolated.
        List<String> nodes = List.of("a", "b", "c", "d", "e", "f", "g");
        List<Edge> edges = List.of(e("a", "b"), e("b", "c"), e("a", "c"), e("d", "e"), e("e", "f"), e("d", "f"),
                e("c", "d"), e("d", "c"));
        GraphMetrics.Metrics m = GraphMetrics.of(nodes, edges);
        assertThat(m.degree()).containsEntry("c", 3).containsEntry("a", 2).containsEntry("g", 0);
        // c and d lie on every path between the triangles: 9 pairs each (3×3), normalised to 1.
        assertThat(m.betweenness().get("c")).isEqualTo(1.0);
        assertThat(m.betweenness().get("d")).isEqualTo(1.0);
        assertThat(m.betweenness().get("a")).isCloseTo(0.0, within(1e-9));
        assertThat(m.community().get("a")).isEqualTo(m.community().get("b")).isEqualTo(m.community().get("c"));
        assertThat(m.community().get("e")).isEqualTo(m.community().get("f")).isEqualTo(m.community().get("d"));
        assertThat(m.community().get("a")).isNotEqualTo(m.community().get("e"));
        assertThat(m.community().get("g")).isNotIn(m.community().get("a"), m.community().get("e"));
        assertThat(GraphMetrics.of(nodes, edges)).as("deterministic").isEqualTo(m);
    }

    @Test
    void aStarsCentreCarriesAllBetweenness() {
        GraphMetrics.Metrics m = GraphMetrics.of(List.of("hub", "x", "y", "z"), List.of(e("hub", "x"), e("hub", "y"), e("z", "hub")));
        assertThat(m.betweenness()).containsEntry("hub", 1.0).containsEntry("x", 0.0);
        assertThat(m.degree()).containsEntry("hub", 3);
        assertThat(GraphMetrics.of(List.of(), List.of()).degree()).isEmpty();
    }
}
