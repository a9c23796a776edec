package nl.netwerkzorg.atlas.base.ui;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A node-link diagram on Cytoscape.js, as the {@code <atlas-graph>} Lit web component in
 * {@code frontend/components/atlas-graph.ts}. Java hands over the whole graph each time ({@link #setElements}); the
 * browser diffs it, so nodes that stay keep their place and new ones settle beside their neighbours. Highlighting,
 * the legend, the layout and PNG/SVG export are driven from here; selection and double-clicks come back as
 * {@link SelectionEvent} and {@link NodeDoubleClickEvent}.
 */
@Tag("atlas-graph")
@NpmPackage(value = "cytoscape", version = AtlasGraph.CYTOSCAPE_VERSION)
@NpmPackage(value = "cytoscape-fcose", version = "2.2.0")
@NpmPackage(value = "cytoscape-svg", version = "0.4.0")
@JsModule("./components/atlas-graph.ts")
public class AtlasGraph extends Component implements HasSize {

    static final String CYTOSCAPE_VERSION = "3.34.4";
    /** The layouts the component knows; {@code fcose} is the default. */
    public static final Set<String> LAYOUTS = Set.of("fcose", "cose", "concentric", "breadthfirst", "circle", "grid");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * A node. {@code shape} is a Cytoscape shape name ({@code ellipse}, {@code round-rectangle}, {@code diamond},
     * {@code hexagon}, {@code triangle}, {@code star}, {@code tag}, …; unknown ones draw as ellipse); {@code size} in
     * pixels; {@code classes} for styling, e.g. {@code group} (drawn bigger, double border) or {@code selected-path}.
     */
    public record GraphNode(String id, String label, String color, String shape, double size, String tooltip,
            List<String> classes) {
        public GraphNode {
            Objects.requireNonNull(id, "id");
            label = Objects.requireNonNullElse(label, "");
            color = Objects.requireNonNullElse(color, "");
            shape = Objects.requireNonNullElse(shape, "ellipse");
            tooltip = Objects.requireNonNullElse(tooltip, "");
            classes = classes == null ? List.of() : List.copyOf(classes);
        }
    }

    /**
     * An edge between two node ids. {@code lineStyle} is {@code solid}, {@code dashed} or {@code dotted}; the label
     * shows on hover and selection, or always with the class {@code labelled}.
     */
    public record GraphEdge(String id, String source, String target, String label, String color, String lineStyle,
            double width, boolean arrow, String tooltip, List<String> classes) {
        public GraphEdge {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(target, "target");
            label = Objects.requireNonNullElse(label, "");
            color = Objects.requireNonNullElse(color, "");
            lineStyle = Objects.requireNonNullElse(lineStyle, "solid");
            tooltip = Objects.requireNonNullElse(tooltip, "");
            classes = classes == null ? List.of() : List.copyOf(classes);
        }
    }

    /**
     * One legend entry: a swatch in the given colour and node shape; the shapes {@code line}, {@code solid},
     * {@code dashed} and {@code dotted} draw a stroke instead, for edge types.
     */
    public record LegendItem(String color, String shape, String label) {
    }

    private String layout = "fcose";

    public AtlasGraph() {
        setHeight("32em");
        setWidthFull();
    }

    /**
     * Replaces the graph. Elements that stay keep their position (their data and classes are updated), missing ones
     * disappear, new ones are placed beside a neighbour and the current layout runs incrementally. Edges whose ends
     * are not among the nodes are left out.
     */
    public void setElements(List<GraphNode> nodes, List<GraphEdge> edges) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("nodes", nodes);
        payload.put("edges", edges);
        getElement().setProperty("elements", JSON.writeValueAsString(payload));
    }

    /** Chooses the layout (one of {@link #LAYOUTS}) and runs it afresh on all elements. */
    public void setLayout(String name) {
        if (!LAYOUTS.contains(name)) {
            throw new IllegalArgumentException("Unknown layout '" + name + "', expected one of " + LAYOUTS);
        }
        layout = name;
        getElement().setProperty("layout", name);
        runLayout();
    }

    public String getLayout() {
        return layout;
    }

    /** Runs the current layout afresh on all elements and fits the view. */
    public void runLayout() {
        getElement().callJsFunction("runLayout");
    }

    /** Highlights these node and edge ids and fades everything else; an empty collection ends the highlighting. */
    public void setHighlighted(Collection<String> ids) {
        getElement().setProperty("highlighted", JSON.writeValueAsString(List.copyOf(new LinkedHashSet<>(ids))));
    }

    /** The legend in the bottom-left corner; an empty title and no items hide it. */
    public void setLegend(String title, List<LegendItem> items) {
        Map<String, Object> legend = new LinkedHashMap<>();
        legend.put("title", title);
        legend.put("items", items);
        getElement().setProperty("legend", JSON.writeValueAsString(legend));
    }

    /** Zooms and pans so that the whole graph is in view (after a running layout has finished). */
    /** Selects exactly these nodes or edges in the browser; a {@link SelectionEvent} follows as for a click. */
    public void select(Collection<String> ids) {
        getElement().callJsFunction("selectIds", JSON.writeValueAsString(List.copyOf(ids)));
    }

    public void fit() {
        getElement().callJsFunction("fit");
    }

    /** Lets the browser download the whole graph as a PNG (twice the screen resolution, white background). */
    public void downloadPng(String fileName) {
        getElement().callJsFunction("downloadPng", fileName);
    }

    /** Lets the browser download the whole graph as an SVG (white background). */
    public void downloadSvg(String fileName) {
        getElement().callJsFunction("downloadSvg", fileName);
    }

    public Registration addSelectionListener(ComponentEventListener<SelectionEvent> listener) {
        return addListener(SelectionEvent.class, listener);
    }

    public Registration addNodeDoubleClickListener(ComponentEventListener<NodeDoubleClickEvent> listener) {
        return addListener(NodeDoubleClickEvent.class, listener);
    }

    /**
     * The selection changed (tap selects one element, shift/ctrl/meta-tap adds or removes, a tap on the background
     * clears, shift-drag selects a box); carries the whole selection afterwards.
     */
    @DomEvent("atlas-selection-change")
    public static class SelectionEvent extends ComponentEvent<AtlasGraph> {
        private final List<String> nodeIds;
        private final List<String> edgeIds;

        public SelectionEvent(AtlasGraph source, boolean fromClient, @EventData("event.detail.nodes") JsonNode nodes,
                @EventData("event.detail.edges") JsonNode edges) {
            super(source, fromClient);
            this.nodeIds = strings(nodes);
            this.edgeIds = strings(edges);
        }

        public List<String> nodeIds() {
            return nodeIds;
        }

        public List<String> edgeIds() {
            return edgeIds;
        }
    }

    /** A node was double-clicked (or double-tapped). */
    @DomEvent("atlas-node-dblclick")
    public static class NodeDoubleClickEvent extends ComponentEvent<AtlasGraph> {
        private final String nodeId;

        public NodeDoubleClickEvent(AtlasGraph source, boolean fromClient, @EventData("event.detail.id") String nodeId) {
            super(source, fromClient);
            this.nodeId = Objects.requireNonNullElse(nodeId, "");
        }

        public String nodeId() {
            return nodeId;
        }
    }

    /** The strings of a JSON array from the browser; anything else (missing, null, not an array) is empty. */
    static List<String> strings(JsonNode array) {
        if (array == null || !array.isArray()) {
            return List.of();
        }
        List<String> values = new ArrayList<>(array.size());
        for (JsonNode value : array) {
            if (value.isString()) {
                values.add(value.asString());
            }
        }
        return List.copyOf(values);
    }
}
