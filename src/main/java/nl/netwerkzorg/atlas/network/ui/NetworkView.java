package nl.netwerkzorg.atlas.network.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import nl.netwerkzorg.atlas.base.ui.AtlasGraph;
import nl.netwerkzorg.atlas.base.ui.DomainColours;
import nl.netwerkzorg.atlas.base.ui.AtlasGraph.GraphEdge;
import nl.netwerkzorg.atlas.base.ui.AtlasGraph.GraphNode;
import nl.netwerkzorg.atlas.base.ui.AtlasGraph.LegendItem;
import nl.netwerkzorg.atlas.network.Graph;
import nl.netwerkzorg.atlas.network.Graph.Canvas;
import nl.netwerkzorg.atlas.network.Graph.Edge;
import nl.netwerkzorg.atlas.network.Graph.EdgeType;
import nl.netwerkzorg.atlas.network.Graph.Expansion;
import nl.netwerkzorg.atlas.network.Graph.ExpansionOption;
import nl.netwerkzorg.atlas.network.Graph.ExpansionResult;
import nl.netwerkzorg.atlas.network.Graph.Kind;
import nl.netwerkzorg.atlas.network.Graph.Node;
import nl.netwerkzorg.atlas.network.Graph.Paths;
import nl.netwerkzorg.atlas.network.Graph.Refusal;
import nl.netwerkzorg.atlas.network.Graph.SearchHit;
import nl.netwerkzorg.atlas.network.GraphMetrics;
import nl.netwerkzorg.atlas.network.NetworkGraphService;
import nl.netwerkzorg.atlas.network.NetworkGraphService.ExportFormat;
import nl.netwerkzorg.atlas.network.SavedGraphViews;
import nl.netwerkzorg.atlas.network.SavedGraphViews.SavedView;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.CurrentUser;
import nl.netwerkzorg.atlas.security.Role;
import org.springframework.security.access.AccessDeniedException;

/**
 * Netwerk: the graph explorer. Search puts a provider, network, municipality or (in scope) a client on the canvas;
 * expanding a node by relationship type (counted first) grows it; large expansions arrive as group nodes; filters,
 * colour and size change the picture, not the data; two selected providers or networks can be connected by their
 * shortest paths. The whole canvas state is in the URL ({@code ?n=P:P000123,N:N00012&kleur=domein…}) and can be saved
 * under a name; the visible graph exports as PNG, SVG, GraphML and JSON.
 */
@Route("netwerk")
@Menu(title = "nav.network", order = 2, icon = "vaadin:cluster")
@RolesAllowed({Role.ADMIN_NAME, Role.NETWORK_MANAGER_NAME, Role.POLICY_ANALYST_NAME, Role.CARE_STAFF_NAME})
public class NetworkView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String NODES = "n";
    static final String SHARED = "d";
    static final String LAYOUT = "laag";
    static final String COLOUR = "kleur";
    static final String SIZE = "grootte";
    static final String TYPES = "soort";
    static final String DOMAINS = "domein";
    static final String RELATIONS = "relatie";
    static final String TIES = "banden";
    /** Beyond this many nodes the URL no longer lists them; the user is asked to save the view by name instead. */
    static final int URL_NODE_LIMIT = 250;

    static final List<String> LAYOUTS = List.of("fcose", "cose", "concentric", "breadthfirst", "circle", "grid");
    static final List<String> COLOURS = List.of("soort", "domein", "gemeenschap");
    static final List<String> SIZES = List.of("gelijk", "verbindingen", "tussenpositie");
    static final List<String> TIE_FILTERS = List.of("alle", "formeel", "feitelijk");
    static final List<String> DOMAIN_CODES = DomainColours.DOMAINS;

    private static final String[] PALETTE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
            "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#e6550d",
            "#31a354", "#756bb1", "#636363", "#6baed6", "#fd8d3c", "#74c476", "#9e9ac8", "#969696"};
    private static final Map<Kind, String> KIND_COLOURS = Map.of(Kind.NETWORK, "#37474f", Kind.MUNICIPALITY, "#a1887f",
            Kind.CLIENT, "#d81b60", Kind.INFORMAL_CARER, "#9467bd", Kind.PROVIDER, "#1f77b4", Kind.GROUP, "#90a4ae");
    private static final Map<Kind, String> SHAPES = Map.of(Kind.PROVIDER, "ellipse", Kind.NETWORK, "hexagon",
            Kind.MUNICIPALITY, "round-rectangle", Kind.CLIENT, "diamond", Kind.INFORMAL_CARER, "triangle");

    private final NetworkGraphService graphs;
    private final SavedGraphViews savedViews;
    private final AtlasPrincipal user;
    private final List<String> providerTypes;

    final H2 heading = new H2();
    final ComboBox<SearchHit> search = new ComboBox<>();
    final Select<String> layout = new Select<>();
    final Select<String> colour = new Select<>();
    final Select<String> size = new Select<>();
    final MultiSelectComboBox<String> typeFilter = new MultiSelectComboBox<>();
    final MultiSelectComboBox<String> domainFilter = new MultiSelectComboBox<>();
    final MultiSelectComboBox<EdgeType> relationFilter = new MultiSelectComboBox<>();
    final Select<String> ties = new Select<>();
    final Button path = new Button();
    final Button remove = new Button();
    final Button clear = new Button();
    final Button fit = new Button();
    final Button save = new Button();
    final Paragraph message = new Paragraph();
    final Span status = new Span();
    final AtlasGraph graph = new AtlasGraph();
    final Div details = new Div();
    final HorizontalLayout exports = new HorizontalLayout();

    Canvas canvas = Canvas.EMPTY;
    final Set<String> sharedFor = new LinkedHashSet<>();
    List<String> selectedNodes = List.of();
    List<String> selectedEdges = List.of();
    Set<String> highlight = Set.of();
    /** The canvas as drawn (after filters), for exports. */
    Canvas visible = Canvas.EMPTY;
    private boolean restoring;

    public NetworkView(NetworkGraphService graphs, SavedGraphViews savedViews, CurrentUser currentUser) {
        this.graphs = graphs;
        this.savedViews = savedViews;
        this.user = currentUser.require();
        this.providerTypes = graphs.providerTypeCodes();
        addClassName("atlas-network");
        setSizeFull();
        setPadding(true);
        setSpacing(false);
        getStyle().set("gap", "var(--lumo-space-s)");

        heading.setText(getTranslation("network.title"));
        search.setId("network-search");
        search.setPlaceholder(getTranslation("network.search.placeholder"));
        search.setWidth("min(40em, 100%)");
        search.setAriaLabel(getTranslation("network.search.label"));
        search.setItemLabelGenerator(hit -> label(hit.node()) + " — " + hitDetail(hit));
        search.setItems(query -> graphs.search(query.getFilter().orElse(""), user, getLocale()).stream()
                .skip(query.getOffset()).limit(query.getLimit()));
        search.addValueChangeListener(e -> {
            if (e.getValue() != null && e.isFromClient()) {
                addFromSearch(e.getValue());
                search.clear();
            }
        });
        HorizontalLayout top = new HorizontalLayout(heading, search);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        top.setWidthFull();

        layout.setLabel(getTranslation("network.layout"));
        layout.setItems(LAYOUTS);
        layout.setItemLabelGenerator(l -> getTranslation("network.layout." + l));
        layout.setValue("fcose");
        layout.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                graph.setLayout(e.getValue());
                updateUrl();
            }
        });
        colour.setLabel(getTranslation("network.colour"));
        colour.setItems(COLOURS);
        colour.setItemLabelGenerator(c -> getTranslation("network.colour." + c));
        colour.setValue("soort");
        size.setLabel(getTranslation("network.size"));
        size.setItems(SIZES);
        size.setItemLabelGenerator(s -> getTranslation("network.size." + s));
        size.setValue("gelijk");
        typeFilter.setLabel(getTranslation("network.filter.types"));
        typeFilter.setItems(providerTypes);
        typeFilter.setItemLabelGenerator(t -> graphs.typeName(t, getLocale()));
        typeFilter.setPlaceholder(getTranslation("network.filter.all"));
        domainFilter.setLabel(getTranslation("network.filter.domains"));
        domainFilter.setItems(DOMAIN_CODES);
        domainFilter.setItemLabelGenerator(d -> getTranslation("domain." + d));
        domainFilter.setPlaceholder(getTranslation("network.filter.all"));
        relationFilter.setLabel(getTranslation("network.filter.relations"));
        relationFilter.setItems(EnumSet.complementOf(EnumSet.of(EdgeType.GROUP)));
        relationFilter.setItemLabelGenerator(r -> getTranslation("network.edge." + r.name()));
        relationFilter.setPlaceholder(getTranslation("network.filter.all"));
        ties.setLabel(getTranslation("network.ties"));
        ties.setItems(TIE_FILTERS);
        ties.setItemLabelGenerator(t -> getTranslation("network.ties." + t));
        ties.setValue("alle");
        for (var field : List.of(colour, size, ties)) {
            field.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    render(false);
                }
            });
        }
        typeFilter.addValueChangeListener(e -> { if (e.isFromClient()) { render(false); } });
        domainFilter.addValueChangeListener(e -> { if (e.isFromClient()) { render(false); } });
        relationFilter.addValueChangeListener(e -> { if (e.isFromClient()) { render(false); } });
        // Each wide enough for its longest choice ("Krachten (fcose)", "Formeel en feitelijk") without an ellipsis, and
        // all seven on one line beside the details panel on a 1400-pixel screen.
        layout.setWidth("11em");
        colour.setWidth("8em");
        size.setWidth("10em");
        ties.setWidth("12.5em");
        typeFilter.setWidth("10em");
        domainFilter.setWidth("8.5em");
        relationFilter.setWidth("8.5em");
        HorizontalLayout filters = new HorizontalLayout(layout, colour, size, typeFilter, domainFilter, relationFilter, ties);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)");
        filters.setSpacing(false);
        filters.addClassName("atlas-compact-fields");

        path.setText(getTranslation("network.path"));
        path.setId("network-path");
        path.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        path.setEnabled(false);
        path.addClickListener(e -> showPath());
        remove.setText(getTranslation("network.remove"));
        remove.setEnabled(false);
        remove.addClickListener(e -> removeSelected());
        clear.setText(getTranslation("network.clear"));
        clear.addClickListener(e -> {
            canvas = Canvas.EMPTY;
            sharedFor.clear();
            highlight = Set.of();
            selectedNodes = List.of();
            render(true);
        });
        fit.setText(getTranslation("network.fit"));
        fit.addClickListener(e -> graph.fit());
        save.setText(getTranslation("network.save"));
        save.setId("network-save");
        save.addClickListener(e -> openSaveDialog());
        exports.add(imageButton("PNG", ExportFormat.PNG), imageButton("SVG", ExportFormat.SVG),
                fileLink("GraphML", "netwerk.graphml", "application/graphml+xml", ExportFormat.GRAPHML),
                fileLink("JSON (Kumu)", "netwerk.json", "application/json", ExportFormat.JSON));
        exports.setAlignItems(FlexComponent.Alignment.CENTER);
        exports.setSpacing(false);
        exports.getStyle().set("gap", "var(--lumo-space-s)");
        for (Button button : List.of(path, remove, clear, fit, save)) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        }
        Span exportLabel = new Span(getTranslation("network.export"));
        exportLabel.addClassName("atlas-note");
        HorizontalLayout actions = new HorizontalLayout(path, remove, clear, fit, save, exportLabel, exports);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        actions.setSpacing(false);
        actions.getStyle().set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)");

        message.setId("network-message");
        message.addClassName("atlas-message");
        message.setVisible(false);
        status.setId("network-status");
        status.addClassName("atlas-note");

        graph.setId("network-graph");
        graph.setSizeFull();
        graph.addSelectionListener(e -> {
            selectedNodes = e.nodeIds();
            selectedEdges = e.edgeIds();
            onSelection();
        });
        graph.addNodeDoubleClickListener(e -> expandDefault(e.nodeId()));
        details.setId("network-details");
        details.addClassName("atlas-network-details");
        details.getStyle().set("flex", "0 0 22em").set("overflow", "auto").set("max-height", "100%");
        HorizontalLayout body = new HorizontalLayout(graph, details);
        body.setSizeFull();
        body.setFlexGrow(1, graph);
        body.getStyle().set("min-height", "34em");

        add(top, filters, actions, message, body, status);
        setFlexGrow(1, body);
        showDetails();
    }

    // ---------------------------------------------------------------------------------------------------- URL state

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> q = event.getLocation().getQueryParameters().getParameters();
        restoring = true;
        try {
            layout.setValue(pick(q, LAYOUT, LAYOUTS, "fcose"));
            colour.setValue(pick(q, COLOUR, COLOURS, "soort"));
            size.setValue(pick(q, SIZE, SIZES, "gelijk"));
            ties.setValue(pick(q, TIES, TIE_FILTERS, "alle"));
            typeFilter.setValue(list(q, TYPES).stream().filter(providerTypes::contains).collect(Collectors.toSet()));
            domainFilter.setValue(list(q, DOMAINS).stream().filter(DOMAIN_CODES::contains).collect(Collectors.toSet()));
            relationFilter.setValue(list(q, RELATIONS).stream().flatMap(r -> parseEdgeType(r).stream())
                    .collect(Collectors.toSet()));
            List<String> keys = list(q, NODES);
            sharedFor.clear();
            sharedFor.addAll(list(q, SHARED));
            canvas = keys.isEmpty() ? Canvas.EMPTY : graphs.restore(keys, sharedFor, user, getLocale());
            sharedFor.retainAll(canvas.nodes().stream().map(Node::key).toList());
            graph.setLayout(layout.getValue());
            if (canvas.nodes().size() < keys.size()) {
                say(getTranslation("network.restored.partly", keys.size() - canvas.nodes().size()));
            } else {
                say(null);
            }
            highlight = Set.of();
            selectedNodes = List.of();
            render(true);
        } finally {
            restoring = false;
        }
    }

    QueryParameters query() {
        Map<String, List<String>> q = new LinkedHashMap<>();
        if (!canvas.nodes().isEmpty() && canvas.nodes().size() <= URL_NODE_LIMIT) {
            q.put(NODES, List.of(canvas.nodes().stream().map(Node::key).collect(Collectors.joining(","))));
        }
        if (!sharedFor.isEmpty()) {
            q.put(SHARED, List.of(String.join(",", sharedFor)));
        }
        putIfNot(q, LAYOUT, layout.getValue(), "fcose");
        putIfNot(q, COLOUR, colour.getValue(), "soort");
        putIfNot(q, SIZE, size.getValue(), "gelijk");
        putIfNot(q, TIES, ties.getValue(), "alle");
        if (!typeFilter.getValue().isEmpty()) {
            q.put(TYPES, List.of(String.join(",", new TreeSet<>(typeFilter.getValue()))));
        }
        if (!domainFilter.getValue().isEmpty()) {
            q.put(DOMAINS, List.of(String.join(",", new TreeSet<>(domainFilter.getValue()))));
        }
        if (!relationFilter.getValue().isEmpty()) {
            q.put(RELATIONS, List.of(relationFilter.getValue().stream().map(Enum::name).sorted().collect(Collectors.joining(","))));
        }
        return new QueryParameters(q);
    }

    private void updateUrl() {
        if (restoring) {
            return;
        }
        UI.getCurrent().getPage().getHistory().replaceState(null, new Location("netwerk", query()));
    }

    // ------------------------------------------------------------------------------------------------------ actions

    void addFromSearch(SearchHit hit) {
        if (canvas.contains(hit.node().key())) {
            select(hit.node().key());
            return;
        }
        Optional<Canvas> grown = graphs.add(canvas, hit.node().key(), user, getLocale());
        if (grown.isEmpty()) {
            say(getTranslation("network.noAccess"));
            return;
        }
        if (grown.get().elements() > NetworkGraphService.MAX_ELEMENTS) {
            say(getTranslation("network.refused.CANVAS_FULL", grown.get().elements(), NetworkGraphService.MAX_ELEMENTS));
            return;
        }
        canvas = grown.get();
        say(null);
        highlight = Set.of();
        render(false);
        select(hit.node().key());
    }

    void expand(String key, Expansion expansion) {
        try {
            ExpansionResult result = graphs.expand(canvas, key, expansion, null, user, getLocale());
            applyExpansion(result, expansion, key);
        } catch (AccessDeniedException e) {
            say(getTranslation("network.noAccess"));
        }
    }

    void openGroup(Node group) {
        try {
            ExpansionResult result = graphs.expand(canvas, group.key(), group.groupExpansion(), null, user, getLocale());
            applyExpansion(result, group.groupExpansion(), group.groupSource());
        } catch (AccessDeniedException e) {
            say(getTranslation("network.noAccess"));
        }
    }

    private void applyExpansion(ExpansionResult result, Expansion expansion, String source) {
        if (result.refused()) {
            say(refusal(result.refusal()));
            return;
        }
        canvas = result.canvas();
        if (expansion == Expansion.SHARED_CLIENTS) {
            sharedFor.add(source);
        }
        say(result.added().isEmpty() ? getTranslation("network.expanded.nothing")
                : getTranslation("network.expanded", result.added().size()));
        highlight = Set.of();
        render(false);
        showDetails();
    }

    private void expandDefault(String key) {
        Optional<Node> node = canvas.node(key);
        if (node.isEmpty()) {
            return;
        }
        if (node.get().group()) {
            if (node.get().expandable()) {
                openGroup(node.get());
            } else {
                say(getTranslation("network.group.countOnly"));
            }
            return;
        }
        Expansion expansion = switch (node.get().kind()) {
            case PROVIDER -> Expansion.COLLABORATIONS;
            case NETWORK -> Expansion.MEMBERS;
            case MUNICIPALITY -> Expansion.NETWORKS_COVERING;
            case CLIENT -> Expansion.CLIENT_NETWORK;
            case INFORMAL_CARER -> Expansion.CARER_LINKS;
            case GROUP -> throw new IllegalStateException();
        };
        expand(key, expansion);
    }

    void showPath() {
        if (selectedNodes.size() != 2) {
            return;
        }
        try {
            Paths paths = graphs.paths(canvas, selectedNodes.get(0), selectedNodes.get(1), user, getLocale());
            if (paths.refusal() != null) {
                say(refusal(paths.refusal()));
                return;
            }
            if (paths.paths().isEmpty()) {
                say(getTranslation("network.path.none", NetworkGraphService.MAX_HOPS));
                highlight = Set.of();
            } else {
                canvas = paths.canvas();
                highlight = paths.highlight();
                say(getTranslation("network.path.found", paths.hops(), paths.paths().size()));
            }
            render(false);
        } catch (IllegalArgumentException e) {
            say(getTranslation("network.path.endpoints"));
        }
    }

    void removeSelected() {
        if (selectedNodes.isEmpty()) {
            return;
        }
        canvas = canvas.without(selectedNodes);
        sharedFor.removeAll(selectedNodes);
        selectedNodes = List.of();
        highlight = Set.of();
        render(false);
        showDetails();
    }

    void select(String key) {
        selectedNodes = List.of(key);
        graph.select(selectedNodes);
        onSelection();
    }

    private void onSelection() {
        path.setEnabled(selectedNodes.size() == 2 && selectedNodes.stream()
                .allMatch(k -> k.startsWith("P:") || k.startsWith("N:")));
        remove.setEnabled(!selectedNodes.isEmpty());
        showDetails();
    }

    // ------------------------------------------------------------------------------------------------------ drawing

    /** Applies the filters, computes the metrics, and hands nodes, edges and legend to the graph component. */
    void render(boolean fresh) {
        Set<String> types = typeFilter.getValue();
        Set<String> domains = domainFilter.getValue();
        Set<EdgeType> relations = relationFilter.getValue();
        String tieFilter = ties.getValue();
        List<Node> nodes = canvas.nodes().stream().filter(n -> {
            boolean provider = n.kind() == Kind.PROVIDER || n.group() && providerTypes.contains(n.type());
            return !provider || (types.isEmpty() || types.contains(n.type())) && (domains.isEmpty() || domains.contains(n.domain()));
        }).toList();
        Set<String> shown = nodes.stream().map(Node::key).collect(Collectors.toSet());
        List<Edge> edges = canvas.edges().stream()
                .filter(e -> shown.contains(e.source()) && shown.contains(e.target()))
                .filter(e -> e.type() == EdgeType.GROUP || relations.isEmpty() || relations.contains(e.type()))
                .filter(e -> tieAllowed(e, tieFilter))
                .toList();
        visible = new Canvas(nodes, edges);
        GraphMetrics.Metrics metrics = GraphMetrics.of(shown, edges);
        int maxDegree = metrics.degree().values().stream().mapToInt(Integer::intValue).max().orElse(1);
        List<GraphNode> drawn = new ArrayList<>();
        for (Node n : nodes) {
            drawn.add(new GraphNode(n.key(), label(n), nodeColour(n, metrics), shape(n),
                    nodeSize(n, metrics, Math.max(1, maxDegree)), tooltip(n, metrics), classes(n)));
        }
        List<GraphEdge> drawnEdges = new ArrayList<>();
        for (Edge e : edges) {
            drawnEdges.add(edge(e));
        }
        graph.setElements(drawn, drawnEdges);
        graph.setHighlighted(highlight);
        graph.setLegend(getTranslation("network.colour." + colour.getValue()), legend(nodes, metrics));
        status.setText(getTranslation("network.status", format(nodes.size()), format(edges.size()),
                format(canvas.nodes().size() - nodes.size())));
        if (canvas.nodes().size() > URL_NODE_LIMIT) {
            status.setText(status.getText() + " " + getTranslation("network.urlTooLarge", URL_NODE_LIMIT));
        }
        if (fresh) {
            graph.fit();
        }
        updateUrl();
    }

    private static boolean tieAllowed(Edge e, String filter) {
        boolean tie = e.type() == EdgeType.COLLABORATES_WITH || e.type() == EdgeType.SHARES_CLIENTS || e.type() == EdgeType.MEMBER_OF;
        return switch (filter) {
            case "formeel" -> !tie || e.formal();
            case "feitelijk" -> !tie || !e.formal();
            default -> true;
        };
    }

    String label(Node n) {
        return switch (n.kind()) {
            case GROUP -> groupLabel(n);
            case INFORMAL_CARER -> getTranslation("network.carer", getTranslation("network.carerRole." + n.label()));
            default -> n.label();
        };
    }

    private String groupLabel(Node n) {
        String count = n.count() < 0 ? "<5" : format(n.count());
        return switch (n.type()) {
            case "CLIENT" -> getTranslation("network.group.clients", count);
            case "HIDDEN_CLIENT" -> getTranslation("network.group.hiddenClients", count);
            default -> count + " × " + (providerTypes.contains(n.type()) ? n.typeName() : getTranslation("networkKind." + n.type()));
        };
    }

    private String nodeColour(Node n, GraphMetrics.Metrics metrics) {
        boolean provider = n.kind() == Kind.PROVIDER || n.group() && providerTypes.contains(n.type());
        return switch (colour.getValue()) {
            case "domein" -> provider ? DomainColours.of(n.domain())
                    : n.kind() == Kind.INFORMAL_CARER ? DomainColours.of("INFORMAL") : KIND_COLOURS.get(kindOf(n));
            case "gemeenschap" -> PALETTE[metrics.community().getOrDefault(n.key(), 0) % PALETTE.length];
            default -> provider ? typeColour(n.type()) : KIND_COLOURS.get(kindOf(n));
        };
    }

    private String typeColour(String type) {
        int index = providerTypes.indexOf(type);
        return index < 0 ? "#90a4ae" : PALETTE[index % PALETTE.length];
    }

    private static Kind kindOf(Node n) {
        if (!n.group()) {
            return n.kind();
        }
        return n.type().endsWith("CLIENT") ? Kind.CLIENT : Kind.GROUP;
    }

    private String shape(Node n) {
        if (n.group()) {
            return n.type().endsWith("CLIENT") ? "diamond" : providerTypes.contains(n.type()) ? "ellipse" : "hexagon";
        }
        return SHAPES.get(n.kind());
    }

    private double nodeSize(Node n, GraphMetrics.Metrics metrics, int maxDegree) {
        if (n.group()) {
            return 34 + 8 * Math.log10(Math.max(1, Math.abs(n.count())));
        }
        return switch (size.getValue()) {
            case "verbindingen" -> 18 + 42 * Math.sqrt((double) metrics.degree().getOrDefault(n.key(), 0) / maxDegree);
            case "tussenpositie" -> 18 + 50 * metrics.betweenness().getOrDefault(n.key(), 0.0);
            default -> n.kind() == Kind.NETWORK || n.kind() == Kind.MUNICIPALITY ? 34 : 26;
        };
    }

    private String tooltip(Node n, GraphMetrics.Metrics metrics) {
        List<String> lines = new ArrayList<>();
        lines.add(label(n));
        if (n.kind() == Kind.PROVIDER) {
            lines.add(n.typeName() + " · " + getTranslation("domain." + n.domain()));
        } else if (n.kind() == Kind.NETWORK) {
            lines.add(getTranslation("networkKind." + n.type()));
        } else if (n.group()) {
            lines.add(getTranslation(n.expandable() ? "network.group.open" : "network.group.countOnly"));
        }
        lines.add(getTranslation("network.tooltip.metrics", metrics.degree().getOrDefault(n.key(), 0),
                Math.round(100 * metrics.betweenness().getOrDefault(n.key(), 0.0)),
                metrics.community().getOrDefault(n.key(), 0) + 1));
        return String.join("\n", lines);
    }

    private static List<String> classes(Node n) {
        List<String> classes = new ArrayList<>();
        classes.add(n.kind().name().toLowerCase(Locale.ROOT));
        if (n.group()) {
            classes.add("group");
        }
        return classes;
    }

    private GraphEdge edge(Edge e) {
        String count = e.count() == 0 ? "" : e.count() < 0 ? " (<5)" : " (" + format(e.count()) + ")";
        String label = getTranslation("network.edge." + e.type().name()) + count;
        String detail = e.detail().isEmpty() ? "" : " · " + e.detail();
        return switch (e.type()) {
            case COLLABORATES_WITH -> new GraphEdge(e.key(), e.source(), e.target(), label, "#455a64",
                    e.formal() ? "solid" : "dashed", e.formal() ? 2.5 : 1.8, false, label + detail, List.of("tie"));
            case SHARES_CLIENTS -> new GraphEdge(e.key(), e.source(), e.target(), label, "#e65100", "dotted",
                    1.5 + Math.min(6, Math.log10(Math.max(1, Math.abs(e.count()))) * 2), false, label, List.of("tie"));
            case MEMBER_OF -> new GraphEdge(e.key(), e.source(), e.target(), label, "#6a1b9a", "solid", 1.6, true,
                    label + detail, List.of());
            case CARES_FOR, COORDINATES -> new GraphEdge(e.key(), e.source(), e.target(), label, "#d81b60", "solid",
                    e.type() == EdgeType.COORDINATES ? 2.5 : 1.2, e.type() == EdgeType.COORDINATES, label + detail, List.of());
            case SUPPORTS, KNOWN_TO -> new GraphEdge(e.key(), e.source(), e.target(), label, "#9467bd", "dashed", 1.4, true,
                    label, List.of());
            case GROUP -> new GraphEdge(e.key(), e.source(), e.target(), "", "#90a4ae", "dashed", 1.5, false, label,
                    List.of());
            default -> new GraphEdge(e.key(), e.source(), e.target(), label, "#bdbdbd", "solid", 1.0, true, label, List.of());
        };
    }

    private List<LegendItem> legend(List<Node> nodes, GraphMetrics.Metrics metrics) {
        Map<String, LegendItem> items = new LinkedHashMap<>();
        for (Node n : nodes) {
            boolean provider = n.kind() == Kind.PROVIDER || n.group() && providerTypes.contains(n.type());
            String colourValue = nodeColour(n, metrics);
            String text = switch (colour.getValue()) {
                case "domein" -> provider ? getTranslation("domain." + n.domain()) : kindName(kindOf(n));
                case "gemeenschap" -> getTranslation("network.community", metrics.community().getOrDefault(n.key(), 0) + 1);
                default -> provider ? n.typeName() : kindName(kindOf(n));
            };
            items.putIfAbsent(text, new LegendItem(colourValue, shape(n), text));
        }
        return items.values().stream().limit(16).toList();
    }

    private String kindName(Kind kind) {
        return getTranslation("network.kind." + kind.name());
    }

    // ------------------------------------------------------------------------------------------------------ details

    void showDetails() {
        details.removeAll();
        if (selectedNodes.size() != 1 || canvas.node(selectedNodes.getFirst()).isEmpty()) {
            details.add(new H3(getTranslation("network.details.title")));
            details.add(new Paragraph(getTranslation(canvas.nodes().isEmpty() ? "network.details.start"
                    : selectedNodes.size() == 2 ? "network.details.two" : "network.details.select")));
            return;
        }
        Node node = canvas.node(selectedNodes.getFirst()).orElseThrow();
        details.add(new H3(label(node)));
        if (node.group()) {
            details.add(new Paragraph(getTranslation(node.expandable() ? "network.group.open" : "network.group.countOnly")));
            if (node.expandable()) {
                Button open = new Button(getTranslation("network.group.openButton", format(node.count())), e -> openGroup(node));
                open.setId("network-open-group");
                details.add(open);
            }
            return;
        }
        Map<String, Object> values;
        List<ExpansionOption> options;
        try {
            values = graphs.details(node.key(), user);
            options = graphs.options(node.key(), user);
        } catch (AccessDeniedException e) {
            details.add(new Paragraph(getTranslation("network.noAccess")));
            return;
        }
        Div properties = new Div();
        properties.addClassName("atlas-properties");
        values.forEach((key, value) -> {
            if (List.of("name", "municipalityCode", "provinceCode").contains(key)) {
                return;
            }
            Span name = new Span(getTranslation("network.detail." + key));
            name.addClassName("atlas-property-name");
            Span text = new Span(detailValue(key, value));
            properties.add(new Div(name, text));
        });
        details.add(properties);
        Div buttons = new Div();
        buttons.addClassName("atlas-expansions");
        buttons.add(new Paragraph(getTranslation("network.expand.title")));
        if (options.isEmpty()) {
            buttons.add(new Paragraph(getTranslation("network.expand.none")));
        }
        for (ExpansionOption option : options) {
            String count = option.count() < 0 ? "<5" : format(option.count());
            Button button = new Button(getTranslation("network.expansion." + option.expansion().name()) + " (" + count + ")");
            button.setId("expand-" + option.expansion().name());
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
            button.addClickListener(e -> expand(node.key(), option.expansion()));
            if (!option.individual()) {
                button.setTooltipText(getTranslation("network.group.countOnly"));
            }
            buttons.add(button);
        }
        details.add(buttons);
        links(node, values).forEach(details::add);
    }

    private List<Anchor> links(Node node, Map<String, Object> values) {
        List<Anchor> links = new ArrayList<>();
        Object municipality = values.getOrDefault("municipalityCode", node.kind() == Kind.MUNICIPALITY ? Graph.id(node.key()) : null);
        Object province = values.get("provinceCode");
        if (province != null) {
            links.add(new Anchor("overzicht?regio=" + province, getTranslation("network.link.overview")));
            if (municipality != null) {
                links.add(new Anchor("dekking?regio=" + province + "&gemeente=" + municipality, getTranslation("network.link.coverage")));
            }
        }
        links.forEach(a -> a.addClassName("atlas-link"));
        return links;
    }

    private String detailValue(String key, Object value) {
        if (value instanceof Boolean b) {
            return getTranslation(b ? "network.yes" : "network.no");
        }
        if (value instanceof Number n) {
            return format(n.longValue());
        }
        if (value instanceof Collection<?> c) {
            return c.isEmpty() ? "—" : c.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return switch (key) {
            case "type" -> graphs.typeName(String.valueOf(value), getLocale());
            case "domain" -> getTranslation("domain." + value);
            case "kind" -> getTranslation("networkKind." + value);
            default -> String.valueOf(value);
        };
    }

    // ------------------------------------------------------------------------------------------------------ exports

    private Button imageButton(String text, ExportFormat format) {
        Button button = new Button(text, e -> {
            graphs.export(visible, format, user);
            if (format == ExportFormat.PNG) {
                graph.downloadPng("netwerk.png");
            } else {
                graph.downloadSvg("netwerk.svg");
            }
        });
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        button.setId("export-" + format.name().toLowerCase(Locale.ROOT));
        return button;
    }

    private Anchor fileLink(String text, String fileName, String contentType, ExportFormat format) {
        Supplier<byte[]> content = () -> graphs.export(visible, format, user).getBytes(StandardCharsets.UTF_8);
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = content.get();
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, contentType, bytes.length);
        }), text);
        link.getElement().setAttribute("download", true);
        link.setId("export-" + format.name().toLowerCase(Locale.ROOT));
        link.addClassName("atlas-export");
        return link;
    }

    // -------------------------------------------------------------------------------------------------- saved views

    private void openSaveDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("network.saved.title"));
        TextField name = new TextField(getTranslation("network.saved.name"));
        name.setMaxLength(SavedGraphViews.MAX_NAME);
        name.setRequired(true);
        name.setWidthFull();
        Button store = new Button(getTranslation("network.saved.save"), e -> {
            try {
                savedViews.save(user, name.getValue(), query().getQueryString());
                say(getTranslation("network.saved.done", name.getValue().strip()));
                dialog.close();
            } catch (IllegalArgumentException ex) {
                name.setInvalid(true);
                name.setErrorMessage(getTranslation("network.saved.invalid", SavedGraphViews.MAX_NAME));
            }
        });
        store.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        store.setEnabled(canvas.nodes().size() > 0);
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        List<SavedView> views = savedViews.list(user);
        if (!views.isEmpty()) {
            list.add(new Span(getTranslation("network.saved.list")));
        }
        for (SavedView view : views) {
            Anchor open = new Anchor("netwerk?" + view.state(), view.name());
            Button delete = new Button(getTranslation("network.saved.delete"), e -> {
                savedViews.delete(user, view.id());
                dialog.close();
                openSaveDialog();
            });
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            HorizontalLayout row = new HorizontalLayout(open, delete);
            row.setAlignItems(FlexComponent.Alignment.CENTER);
            list.add(row);
        }
        dialog.add(new VerticalLayout(name, store, list));
        dialog.getFooter().add(new Button(getTranslation("network.saved.close"), e -> dialog.close()));
        dialog.open();
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    private String refusal(Refusal refusal) {
        return getTranslation("network.refused." + refusal.reason().name(), format(refusal.count()), format(refusal.limit()));
    }

    private String hitDetail(SearchHit hit) {
        return switch (hit.node().kind()) {
            case NETWORK -> getTranslation("networkKind." + hit.detail());
            case MUNICIPALITY -> getTranslation("network.kind.MUNICIPALITY") + " " + hit.detail();
            case CLIENT -> getTranslation("network.kind.CLIENT") + " · " + hit.detail();
            default -> hit.detail();
        };
    }

    void say(String text) {
        message.setText(text == null ? "" : text);
        message.setVisible(text != null);
    }

    private String format(long n) {
        return NumberFormat.getIntegerInstance(getLocale()).format(n);
    }

    private static String pick(Map<String, List<String>> q, String name, List<String> allowed, String fallback) {
        return Optional.ofNullable(q.get(name)).flatMap(v -> v.stream().findFirst()).filter(allowed::contains).orElse(fallback);
    }

    private static List<String> list(Map<String, List<String>> q, String name) {
        return Optional.ofNullable(q.get(name)).flatMap(v -> v.stream().findFirst())
                .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList())
                .orElse(List.of());
    }

    private static Optional<EdgeType> parseEdgeType(String text) {
        try {
            return Optional.of(EdgeType.valueOf(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void putIfNot(Map<String, List<String>> q, String name, String value, String fallback) {
        if (value != null && !value.equals(fallback)) {
            q.put(name, List.of(value));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("network.title") + " · " + getTranslation("app.title");
    }
}
