package nl.netwerkzorg.atlas.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;
import nl.netwerkzorg.atlas.base.ui.AtlasGraph.GraphEdge;
import nl.netwerkzorg.atlas.base.ui.AtlasGraph.GraphNode;
import nl.netwerkzorg.atlas.base.ui.AtlasGraph.LegendItem;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The Java side of {@code <atlas-graph>}: what it puts into the element's properties and how browser events decode. */
class AtlasGraphTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AtlasGraph graph = new AtlasGraph();

    @Test
    void elementsGoToTheBrowserAsOneJsonDocumentWithEveryField() {
        graph.setElements(
                List.of(new GraphNode("p1", "Huisarts de Vries", "#1c7ed6", "round-rectangle", 32, "Huisarts\nUtrecht",
                        List.of("group", "selected-path")),
                        new GraphNode("c1", "Cliënt", "#e8590c", "star", 24, "", List.of())),
                List.of(new GraphEdge("e1", "p1", "c1", "verwijst", "#868e96", "dashed", 2.5, true, "Verwijzing",
                        List.of("labelled"))));

        JsonNode elements = property("elements");
        JsonNode node = elements.get("nodes").get(0);
        assertThat(node.get("id").asString()).isEqualTo("p1");
        assertThat(node.get("label").asString()).isEqualTo("Huisarts de Vries");
        assertThat(node.get("color").asString()).isEqualTo("#1c7ed6");
        assertThat(node.get("shape").asString()).isEqualTo("round-rectangle");
        assertThat(node.get("size").asDouble()).isEqualTo(32.0);
        assertThat(node.get("tooltip").asString()).isEqualTo("Huisarts\nUtrecht");
        assertThat(strings(node.get("classes"))).containsExactly("group", "selected-path");
        assertThat(elements.get("nodes")).hasSize(2);

        JsonNode edge = elements.get("edges").get(0);
        assertThat(edge.get("id").asString()).isEqualTo("e1");
        assertThat(edge.get("source").asString()).isEqualTo("p1");
        assertThat(edge.get("target").asString()).isEqualTo("c1");
        assertThat(edge.get("label").asString()).isEqualTo("verwijst");
        assertThat(edge.get("lineStyle").asString()).isEqualTo("dashed");
        assertThat(edge.get("width").asDouble()).isEqualTo(2.5);
        assertThat(edge.get("arrow").asBoolean()).isTrue();
        assertThat(edge.get("tooltip").asString()).isEqualTo("Verwijzing");
        assertThat(strings(edge.get("classes"))).containsExactly("labelled");
    }

    @Test
    void textWithMarkupIsSentAsPlainJsonStrings() {
        graph.setElements(List.of(new GraphNode("n\"1", "<img src=x onerror=alert(1)>", "red", "ellipse", 20,
                "</script>", List.of())), List.of());

        JsonNode node = property("elements").get("nodes").get(0);
        assertThat(node.get("id").asString()).isEqualTo("n\"1");
        assertThat(node.get("label").asString()).isEqualTo("<img src=x onerror=alert(1)>");
        assertThat(node.get("tooltip").asString()).isEqualTo("</script>");
    }

    @Test
    void missingOptionalValuesBecomeDefaultsNotNulls() {
        GraphNode node = new GraphNode("n", null, null, null, 20, null, null);
        GraphEdge edge = new GraphEdge("e", "n", "n", null, null, null, 1, false, null, null);

        assertThat(node.label()).isEmpty();
        assertThat(node.shape()).isEqualTo("ellipse");
        assertThat(node.classes()).isEmpty();
        assertThat(edge.lineStyle()).isEqualTo("solid");
        assertThat(edge.classes()).isEmpty();
        assertThatThrownBy(() -> new GraphNode(null, "x", "red", "ellipse", 20, "", List.of()))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void classesAreCopiedSoLaterChangesToTheCallersListDoNotLeak() {
        List<String> classes = new ArrayList<>(List.of("client"));
        GraphNode node = new GraphNode("n", "N", "red", "ellipse", 20, "", classes);
        classes.add("group");

        assertThat(node.classes()).containsExactly("client");
    }

    @Test
    void highlightedIdsAreAJsonArrayWithoutDuplicates() {
        graph.setHighlighted(List.of("n1", "e1", "n1", "n2"));
        assertThat(strings(property("highlighted"))).containsExactly("n1", "e1", "n2");

        graph.setHighlighted(List.of());
        assertThat(property("highlighted").isEmpty()).isTrue();
    }

    @Test
    void legendCarriesTitleAndItemsWithShape() {
        graph.setLegend("Soort zorgaanbieder", List.of(new LegendItem("#1c7ed6", "ellipse", "Huisarts"),
                new LegendItem("#868e96", "dashed", "Informele relatie")));

        JsonNode legend = property("legend");
        assertThat(legend.get("title").asString()).isEqualTo("Soort zorgaanbieder");
        assertThat(legend.get("items")).hasSize(2);
        assertThat(legend.get("items").get(1).get("color").asString()).isEqualTo("#868e96");
        assertThat(legend.get("items").get(1).get("shape").asString()).isEqualTo("dashed");
        assertThat(legend.get("items").get(1).get("label").asString()).isEqualTo("Informele relatie");
    }

    @Test
    void layoutIsFcoseByDefaultAndOnlyKnownLayoutsAreAccepted() {
        assertThat(graph.getLayout()).isEqualTo("fcose");

        graph.setLayout("concentric");
        assertThat(graph.getLayout()).isEqualTo("concentric");
        assertThat(graph.getElement().getProperty("layout")).isEqualTo("concentric");

        assertThatThrownBy(() -> graph.setLayout("spiral")).isInstanceOf(IllegalArgumentException.class);
        assertThat(graph.getLayout()).isEqualTo("concentric");
    }

    @Test
    void selectionChangeFromTheBrowserArrivesAsNodeAndEdgeIds() {
        List<AtlasGraph.SelectionEvent> received = new ArrayList<>();
        graph.addSelectionListener(received::add);

        ObjectNode data = JSON.createObjectNode();
        data.putArray("event.detail.nodes").add("p1").add("c1");
        data.putArray("event.detail.edges").add("e1");
        fire("atlas-selection-change", data);

        assertThat(received).hasSize(1);
        assertThat(received.getFirst().nodeIds()).containsExactly("p1", "c1");
        assertThat(received.getFirst().edgeIds()).containsExactly("e1");
        assertThat(received.getFirst().isFromClient()).isTrue();
    }

    @Test
    void anEmptySelectionArrivesAsEmptyLists() {
        List<AtlasGraph.SelectionEvent> received = new ArrayList<>();
        graph.addSelectionListener(received::add);

        ObjectNode data = JSON.createObjectNode();
        data.putArray("event.detail.nodes");
        data.putNull("event.detail.edges");
        fire("atlas-selection-change", data);

        assertThat(received.getFirst().nodeIds()).isEmpty();
        assertThat(received.getFirst().edgeIds()).isEmpty();
    }

    @Test
    void doubleClickFromTheBrowserArrivesWithTheNodeId() {
        List<String> received = new ArrayList<>();
        graph.addNodeDoubleClickListener(e -> received.add(e.nodeId()));

        ObjectNode data = JSON.createObjectNode();
        data.put("event.detail.id", "p1");
        fire("atlas-node-dblclick", data);

        assertThat(received).containsExactly("p1");
    }

    @Test
    void listenersAskTheBrowserForExactlyTheDetailTheyDecode() {
        graph.addSelectionListener(e -> { });
        graph.addNodeDoubleClickListener(e -> { });

        ElementListenerMap listeners = graph.getElement().getNode().getFeature(ElementListenerMap.class);
        assertThat(listeners.getExpressions("atlas-selection-change"))
                .contains("event.detail.nodes", "event.detail.edges");
        assertThat(listeners.getExpressions("atlas-node-dblclick")).contains("event.detail.id");
    }

    private void fire(String type, JsonNode data) {
        graph.getElement().getNode().getFeature(ElementListenerMap.class)
                .fireEvent(new DomEvent(graph.getElement(), type, data));
    }

    private JsonNode property(String name) {
        return JSON.readTree(graph.getElement().getProperty(name));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
