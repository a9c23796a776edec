package nl.netwerkzorg.atlas.coverage.ui;

import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import nl.netwerkzorg.atlas.base.ui.CsvDownload;
import nl.netwerkzorg.atlas.geography.ui.RegionKinds;
import nl.netwerkzorg.atlas.base.CsvExport;
import nl.netwerkzorg.atlas.base.ui.AtlasMap;
import nl.netwerkzorg.atlas.base.ui.ClassBreaks;
import nl.netwerkzorg.atlas.base.ui.AtlasMap.FeatureStyle;
import nl.netwerkzorg.atlas.base.ui.AtlasMap.LegendItem;
import nl.netwerkzorg.atlas.coverage.Coverage.Gap;
import nl.netwerkzorg.atlas.coverage.Coverage.Matrix;
import nl.netwerkzorg.atlas.coverage.Coverage.MatrixRow;
import nl.netwerkzorg.atlas.coverage.Coverage.Measure;
import nl.netwerkzorg.atlas.coverage.Coverage.MunicipalityCoverage;
import nl.netwerkzorg.atlas.coverage.Coverage.MunicipalityDetail;
import nl.netwerkzorg.atlas.coverage.Coverage.PathwayInfo;
import nl.netwerkzorg.atlas.coverage.Coverage.ProviderTypeInfo;
import nl.netwerkzorg.atlas.coverage.Coverage.Requirement;
import nl.netwerkzorg.atlas.coverage.Coverage.Result;
import nl.netwerkzorg.atlas.coverage.Coverage.RollupRow;
import nl.netwerkzorg.atlas.coverage.Coverage.Target;
import nl.netwerkzorg.atlas.coverage.CoverageRequestException;
import nl.netwerkzorg.atlas.coverage.CoverageService;
import nl.netwerkzorg.atlas.coverage.CoverageService.RegionRef;
import nl.netwerkzorg.atlas.geography.ReferenceGeography;
import nl.netwerkzorg.atlas.geography.RegionService;
import nl.netwerkzorg.atlas.geography.RegionService.RegionSummary;
import nl.netwerkzorg.atlas.overview.ui.OverviewView;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.CurrentUser;
import nl.netwerkzorg.atlas.security.RegionAccess;
import nl.netwerkzorg.atlas.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;

/**
 * Dekking: for a region and a provider type or care pathway, a choropleth of the municipalities by the chosen measure
 * (served, providers per 10,000 inhabitants, estimated share within reach), a side panel per municipality, the
 * municipalities × types matrix, the pathway's gaps and roll-ups per region kind. Every choice is in the URL
 * ({@code ?regio=PV26&soort=HUISARTS&maat=served&tab=kaart}) so a link reproduces the view.
 */
@Route("dekking")
@Menu(title = "nav.coverage", order = 1, icon = "vaadin:globe")
@RolesAllowed({Role.ADMIN_NAME, Role.NETWORK_MANAGER_NAME, Role.POLICY_ANALYST_NAME, Role.CARE_STAFF_NAME})
public class CoverageView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String REGION = "regio";
    static final String TYPE = "soort";
    static final String PATHWAY = "zorgpad";
    static final String MEASURE = "maat";
    static final String KM = "km";
    static final String TAB = "tab";
    static final String MUNICIPALITY = "gemeente";
    static final String DEFAULT_REGION = "PV26";
    static final String DEFAULT_TYPE = "HUISARTS";
    static final List<String> TABS = List.of("kaart", "matrix", "hiaten", "regios");

    private static final String[] GREEN_TO_RED = {"#1a7f37", "#7cb342", "#f2c12e", "#f08c2e", "#c62828"};
    private static final String[] BLUES = {"#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c"};
    private static final String NONE = "#c62828";

    private final CoverageService coverage;
    private final RegionService regions;
    private final RegionAccess regionAccess;
    private final AtlasPrincipal user;
    private final List<ProviderTypeInfo> types;
    private final List<PathwayInfo> pathways;

    final H2 heading = new H2();
    final Select<String> kind = new Select<>();
    final ComboBox<RegionSummary> region = new ComboBox<>();
    final RadioButtonGroup<Target.Kind> targetKind = new RadioButtonGroup<>();
    final ComboBox<ProviderTypeInfo> type = new ComboBox<>();
    final ComboBox<PathwayInfo> pathway = new ComboBox<>();
    final Select<Measure> measure = new Select<>();
    final IntegerField km = new IntegerField();
    final Paragraph message = new Paragraph();
    final Tabs tabs = new Tabs();
    final Div content = new Div();

    final AtlasMap map = new AtlasMap();
    final Paragraph summary = new Paragraph();
    final Paragraph method = new Paragraph();
    final Div detail = new Div();

    final Grid<MatrixRow> matrixGrid = new Grid<>();
    final TextField matrixFilter = new TextField();
    final Grid<Gap> gapGrid = new Grid<>();
    final Select<String> rollupKind = new Select<>();
    final Grid<RollupRow> rollupGrid = new Grid<>();

    private State state = State.EMPTY;
    private @Nullable Result result;
    private @Nullable String loadedBoundariesFor;
    private boolean updating;

    /** Everything the URL holds. */
    record State(String region, Target target, Measure measure, Optional<Integer> km, String tab, Optional<String> municipality) {
        static final State EMPTY = new State("", Target.type(DEFAULT_TYPE), Measure.SERVED, Optional.empty(), "kaart", Optional.empty());

        QueryParameters query() {
            Map<String, String> q = new LinkedHashMap<>();
            q.put(REGION, region);
            q.put(target.isPathway() ? PATHWAY : TYPE, target.code());
            q.put(MEASURE, measure.parameter());
            km.ifPresent(k -> q.put(KM, String.valueOf(k)));
            q.put(TAB, tab);
            municipality.ifPresent(m -> q.put(MUNICIPALITY, m));
            return QueryParameters.simple(q);
        }
    }

    public CoverageView(CoverageService coverage, RegionService regions, RegionAccess regionAccess, CurrentUser currentUser,
            @Value("${atlas.map.tile-url:}") String tileUrl, @Value("${atlas.map.tile-attribution:}") String tileAttribution) {
        this.coverage = coverage;
        this.regions = regions;
        this.regionAccess = regionAccess;
        this.user = currentUser.require();
        this.types = coverage.providerTypes(getLocale());
        this.pathways = coverage.pathways(getLocale());
        addClassName("atlas-coverage");
        setSizeFull();

        kind.setLabel(getTranslation("overview.regionKind"));
        kind.setItems(regions.kinds());
        kind.setItemLabelGenerator(k -> RegionKinds.label(this, k));
        kind.addValueChangeListener(e -> {
            if (!updating && e.isFromClient()) {
                visibleRegions(e.getValue()).stream().findFirst().ifPresent(r -> go(withRegion(r.code())));
            }
        });
        region.setLabel(getTranslation("overview.region"));
        region.setItemLabelGenerator(RegionSummary::name);
        region.setWidth("18em");
        region.addValueChangeListener(e -> {
            if (!updating && e.getValue() != null) {
                go(withRegion(e.getValue().code()));
            }
        });
        targetKind.setLabel(getTranslation("coverage.target"));
        targetKind.setItems(Target.Kind.TYPE, Target.Kind.PATHWAY);
        targetKind.setItemLabelGenerator(k -> getTranslation("coverage.target." + k.name()));
        targetKind.addValueChangeListener(e -> {
            if (!updating && e.isFromClient()) {
                Target target = e.getValue() == Target.Kind.PATHWAY
                        ? Target.pathway(pathways.isEmpty() ? "" : pathways.getFirst().code()) : Target.type(DEFAULT_TYPE);
                Measure m = target.isPathway() && state.measure() == Measure.DENSITY ? Measure.SERVED : state.measure();
                go(new State(state.region(), target, m, Optional.empty(), state.tab(), Optional.empty()));
            }
        });
        type.setLabel(getTranslation("coverage.type"));
        type.setItems(types);
        type.setItemLabelGenerator(ProviderTypeInfo::name);
        type.setWidth("16em");
        type.addValueChangeListener(e -> {
            if (!updating && e.getValue() != null) {
                go(new State(state.region(), Target.type(e.getValue().code()), state.measure(), Optional.empty(), state.tab(),
                        state.municipality()));
            }
        });
        pathway.setLabel(getTranslation("coverage.pathway"));
        pathway.setItems(pathways);
        pathway.setItemLabelGenerator(PathwayInfo::name);
        pathway.setWidth("16em");
        pathway.addValueChangeListener(e -> {
            if (!updating && e.getValue() != null) {
                go(new State(state.region(), Target.pathway(e.getValue().code()), state.measure(), Optional.empty(),
                        state.tab(), state.municipality()));
            }
        });
        measure.setLabel(getTranslation("coverage.measure"));
        measure.setItemLabelGenerator(m -> getTranslation("coverage.measure." + m.name()));
        measure.addValueChangeListener(e -> {
            if (!updating && e.getValue() != null) {
                go(new State(state.region(), state.target(), e.getValue(), Optional.empty(), state.tab(), state.municipality()));
            }
        });
        km.setLabel(getTranslation("coverage.km"));
        km.setMin(1);
        km.setMax(CoverageService.MAX_KM);
        km.setStepButtonsVisible(true);
        km.setWidth("9em");
        km.setHelperText(getTranslation("coverage.km.helper"));
        km.addValueChangeListener(e -> {
            if (!updating && e.isFromClient()) {
                Integer value = e.getValue();
                if (value == null || value < 1 || value > CoverageService.MAX_KM) {
                    km.setInvalid(true);
                    km.setErrorMessage(getTranslation("coverage.error.km", CoverageService.MAX_KM));
                    return;
                }
                go(new State(state.region(), state.target(), state.measure(), Optional.of(value), state.tab(), state.municipality()));
            }
        });
        FlexLayout filters = new FlexLayout(kind, region, targetKind, type, pathway, measure, km);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(Alignment.BASELINE);
        filters.getStyle().set("gap", "var(--lumo-space-m)");
        filters.setWidthFull();

        for (String tab : TABS) {
            Tab t = new Tab(getTranslation("coverage.tab." + tab));
            t.setId("tab-" + tab);
            tabs.add(t);
        }
        tabs.addSelectedChangeListener(e -> {
            if (!updating && e.isFromClient()) {
                go(new State(state.region(), state.target(), state.measure(), state.km(), TABS.get(tabs.getSelectedIndex()),
                        state.municipality()));
            }
        });

        map.setId("coverage-map");
        map.setAttribution(ReferenceGeography.ATTRIBUTION);
        if (!tileUrl.isBlank()) {
            map.setTileLayer(tileUrl, tileAttribution);
        }
        map.addFeatureClickListener(e -> go(new State(state.region(), state.target(), state.measure(), state.km(), "kaart",
                Optional.of(e.code()))));
        message.setId("coverage-message");
        summary.setId("coverage-summary");
        method.addClassName("atlas-note");
        detail.setId("coverage-detail");
        detail.addClassName("atlas-panel");
        detail.addClassName("atlas-detail");

        configureMatrix();
        configureGaps();
        configureRollup();

        content.setWidthFull();
        content.getStyle().set("flex", "1 1 auto");
        add(heading, filters, message, tabs, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> q = event.getLocation().getQueryParameters().getParameters();
        message.setText("");
        message.setVisible(false);
        String regionCode = first(q, REGION).orElseGet(this::defaultRegion);
        Optional<String> pathwayCode = first(q, PATHWAY);
        Target target = pathwayCode.isPresent() ? Target.pathway(pathwayCode.get()) : Target.type(first(q, TYPE).orElse(DEFAULT_TYPE));
        Optional<Measure> m = first(q, MEASURE).map(v -> Measure.parse(v).orElse(null));
        if (first(q, MEASURE).isPresent() && m.isEmpty()) {
            fail(getTranslation("coverage.error.measure", first(q, MEASURE).get()));
            return;
        }
        Optional<Integer> kmValue;
        try {
            kmValue = first(q, KM).map(Integer::parseInt);
        } catch (NumberFormatException e) {
            fail(getTranslation("coverage.error.km", CoverageService.MAX_KM));
            return;
        }
        String tab = first(q, TAB).filter(TABS::contains).orElse("kaart");
        state = new State(regionCode, target, m.orElse(Measure.SERVED), kmValue, tab, first(q, MUNICIPALITY));
        show();
    }

    private void show() {
        updating = true;
        try {
            Optional<RegionRef> regionRef = coverage.region(state.region(), user);
            if (regionRef.isEmpty()) {
                fail(getTranslation("overview.unknownRegion", state.region()));
                return;
            }
            syncFilters(regionRef.get());
            tabs.setSelectedIndex(TABS.indexOf(state.tab()));
            heading.setText(getTranslation("coverage.title") + " · " + regionRef.get().name());
            content.removeAll();
            switch (state.tab()) {
                case "matrix" -> showMatrix();
                case "hiaten" -> showGaps();
                case "regios" -> showRollup(rollupKind.getValue() == null ? regionRef.get().kind() : rollupKind.getValue());
                default -> showMap();
            }
            UI.getCurrent().getPage().setTitle(getPageTitle());
        } catch (AccessDeniedException e) {
            fail(getTranslation("overview.noAccess"));
        } catch (CoverageRequestException e) {
            fail(errorMessage(e));
        } finally {
            updating = false;
        }
    }

    private void syncFilters(RegionRef regionRef) {
        kind.setValue(regionRef.kind());
        List<RegionSummary> visible = visibleRegions(regionRef.kind());
        region.setItems(visible);
        visible.stream().filter(r -> r.code().equals(regionRef.code())).findFirst().ifPresent(region::setValue);
        Target target = state.target();
        targetKind.setValue(target.kind());
        type.setVisible(!target.isPathway());
        pathway.setVisible(target.isPathway());
        if (target.isPathway()) {
            pathways.stream().filter(p -> p.code().equals(target.code())).findFirst().ifPresent(pathway::setValue);
            measure.setItems(Measure.SERVED, Measure.DISTANCE);
        } else {
            types.stream().filter(t -> t.code().equals(target.code())).findFirst().ifPresent(type::setValue);
            measure.setItems(Measure.values());
        }
        measure.setValue(state.measure());
        boolean distance = state.measure() == Measure.DISTANCE;
        km.setVisible(distance && "kaart".equals(state.tab()));
        km.setInvalid(false);
        boolean mapTab = "kaart".equals(state.tab());
        measure.setVisible(mapTab);
    }

    private void showMap() {
        Result r = coverage.coverage(state.region(), state.target(), state.measure(), state.km(), user, getLocale());
        result = r;
        if (!state.region().equals(loadedBoundariesFor)) {
            map.setGeoJson(coverage.boundaries(state.region(), user));
            loadedBoundariesFor = state.region();
        }
        if (state.measure() == Measure.DISTANCE && state.km().isEmpty() && !state.target().isPathway()) {
            km.setValue(r.maxKm());
        } else {
            km.setValue(state.km().orElse(null));
        }
        Function<MunicipalityCoverage, String> colour = colourScale(r);
        Map<String, FeatureStyle> styles = new LinkedHashMap<>();
        for (MunicipalityCoverage m : r.municipalities()) {
            styles.put(m.municipality().code(), new FeatureStyle(colour.apply(m), valueLabel(r, m)));
        }
        map.setFeatureStyles(styles);
        map.setLegend(legendTitle(r), legend(r));
        map.setSelected(state.municipality().orElse(""));
        long satisfied = r.municipalities().stream().filter(m -> m.missingTypes().isEmpty()).count();
        summary.setText(getTranslation("coverage.summary", satisfied, r.municipalities().size(), r.targetName(),
                format(r.municipalities().stream().filter(m -> !m.missingTypes().isEmpty())
                        .mapToLong(m -> m.municipality().inhabitants()).sum())));
        method.setText(methodText(r));
        Div mapBox = new Div(map);
        mapBox.addClassName("atlas-map-box");
        com.vaadin.flow.component.button.Button png = new com.vaadin.flow.component.button.Button(
                getTranslation("analysis.png"), e -> map.downloadPng("dekking-" + state.region() + ".png"));
        png.setId("coverage-map-png");
        png.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_SMALL);
        Div left = new Div(mapBox, summary, method, png);
        left.getStyle().set("flex", "3 1 30em").set("min-width", "0");
        detail.getStyle().set("flex", "1 1 18em");
        showDetail();
        FlexLayout row = new FlexLayout(left, detail);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.getStyle().set("gap", "var(--lumo-space-l)");
        row.setWidthFull();
        content.add(row);
    }

    private void showDetail() {
        detail.removeAll();
        Optional<String> code = state.municipality();
        if (code.isEmpty()) {
            detail.add(new H3(getTranslation("coverage.detail.title")), new Paragraph(getTranslation("coverage.detail.hint")));
            return;
        }
        Optional<MunicipalityDetail> d;
        try {
            d = coverage.municipality(code.get(), state.target().isPathway() ? Optional.of(state.target().code()) : Optional.empty(),
                    user, getLocale());
        } catch (AccessDeniedException e) {
            detail.add(new Paragraph(getTranslation("overview.noAccess")));
            return;
        }
        if (d.isEmpty()) {
            detail.add(new Paragraph(getTranslation("coverage.error.municipality", code.get())));
            return;
        }
        MunicipalityDetail md = d.get();
        detail.add(new H3(md.municipality().name()));
        detail.add(new Paragraph(getTranslation(md.municipality().inhabitantsEstimated() ? "coverage.detail.inhabitants.estimated"
                : "coverage.detail.inhabitants", format(md.municipality().inhabitants()))));
        if (result != null) {
            result.municipalities().stream().filter(m -> m.municipality().code().equals(md.municipality().code())).findFirst()
                    .ifPresent(m -> detail.add(new Paragraph(valueLabel(result, m))));
        }
        if (state.target().isPathway()) {
            detail.add(new H4(getTranslation("coverage.detail.missing")));
            if (md.missing().isEmpty()) {
                detail.add(new Paragraph(getTranslation("coverage.detail.missing.none")));
            } else {
                detail.add(list(md.missing().stream().map(r -> r.typeName() + " (" + getTranslation("coverage.maxKm", r.maxKm()) + ")")));
            }
        }
        detail.add(new H4(getTranslation("coverage.detail.types")));
        detail.add(list(md.types().stream().map(t -> getTranslation("coverage.detail.typeCount", t.type().name(),
                t.count().located(), t.count().serving()))));
        detail.add(new H4(getTranslation("coverage.detail.networks")));
        if (md.networks().isEmpty()) {
            detail.add(new Paragraph(getTranslation("coverage.detail.networks.none")));
        } else {
            detail.add(list(md.networks().stream().map(n -> getTranslation("coverage.detail.network", n.name(), n.members()))));
        }
        RouterLink overview = new RouterLink(getTranslation("coverage.detail.toOverview"), OverviewView.class);
        overview.setQueryParameters(QueryParameters.of(OverviewView.REGION_PARAMETER, state.region()));
        Anchor matrix = new Anchor("dekking?" + new State(state.region(), state.target(), state.measure(), state.km(), "matrix",
                Optional.empty()).query().getQueryString(), getTranslation("coverage.detail.toMatrix"));
        Anchor network = new Anchor("netwerk?n=M:" + md.municipality().code(), getTranslation("coverage.detail.toNetwork"));
        network.setId("coverage-to-network");
        detail.add(new Paragraph(overview), new Paragraph(matrix), new Paragraph(network));
    }

    private void configureMatrix() {
        matrixGrid.setId("coverage-matrix");
        matrixGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS);
        matrixGrid.setColumnReorderingAllowed(true);
        matrixGrid.setHeight("36em");
        matrixFilter.setPlaceholder(getTranslation("coverage.matrix.filter"));
        matrixFilter.setClearButtonVisible(true);
        matrixFilter.setValueChangeMode(ValueChangeMode.LAZY);
        matrixFilter.addValueChangeListener(e -> matrixGrid.getDataProvider().refreshAll());
    }

    private void showMatrix() {
        Matrix matrix = coverage.matrix(state.region(), user, getLocale());
        List<ProviderTypeInfo> columns = matrixColumns();
        matrixGrid.removeAllColumns();
        matrixGrid.addColumn(r -> r.municipality().name()).setHeader(getTranslation("coverage.column.municipality"))
                .setKey("municipality").setSortable(true).setFrozen(true).setAutoWidth(true);
        matrixGrid.addColumn(r -> format(r.municipality().inhabitants())).setHeader(getTranslation("coverage.column.inhabitants"))
                .setKey("inhabitants").setSortable(true).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        for (ProviderTypeInfo t : columns) {
            matrixGrid.addComponentColumn(r -> matrixCell(r, t.code())).setHeader(t.name()).setKey(t.code()).setSortable(true)
                    .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        }
        // Lazy paging: the grid asks for pages; sorting and the name filter are applied to the region's rows per request.
        matrixGrid.setItems(query -> {
            List<MatrixRow> rows = filteredSortedMatrix(matrix, query.getSortOrders().stream()
                    .map(o -> new GridSortOrder<>(matrixGrid.getColumnByKey(o.getSorted()), o.getDirection())).toList());
            return rows.stream().skip(query.getOffset()).limit(query.getLimit());
        });
        Anchor export = csvLink("dekking-matrix-" + state.region() + ".csv", () -> {
            List<String> header = new ArrayList<>(List.of(getTranslation("coverage.column.code"),
                    getTranslation("coverage.column.municipality"), getTranslation("coverage.column.inhabitants")));
            columns.forEach(t -> {
                header.add(t.name() + " " + getTranslation("coverage.csv.located"));
                header.add(t.name() + " " + getTranslation("coverage.csv.serving"));
            });
            List<List<Object>> rows = new ArrayList<>();
            for (MatrixRow r : filteredSortedMatrix(matrix, List.of())) {
                List<Object> row = new ArrayList<>(List.of(r.municipality().code(), r.municipality().name(),
                        number(r.municipality().inhabitants())));
                columns.forEach(t -> {
                    row.add(number(r.count(t.code()).located()));
                    row.add(number(r.count(t.code()).serving()));
                });
                rows.add(row);
            }
            return CsvExport.toBytes(header, rows);
        });
        Paragraph legend = new Paragraph(getTranslation("coverage.matrix.legend"));
        legend.addClassName("atlas-note");
        HorizontalLayout bar = new HorizontalLayout(matrixFilter, export);
        bar.setAlignItems(Alignment.BASELINE);
        content.add(bar, matrixGrid, legend, computedAt(matrix.countsComputedAt()));
    }

    private List<ProviderTypeInfo> matrixColumns() {
        if (!state.target().isPathway()) {
            return types;
        }
        List<String> codes = pathways.stream().filter(p -> p.code().equals(state.target().code())).findFirst()
                .map(p -> p.requirements().stream().map(Requirement::typeCode).toList()).orElse(List.of());
        return types.stream().filter(t -> codes.contains(t.code()))
                .sorted(Comparator.comparingInt(t -> codes.indexOf(t.code()))).toList();
    }

    private List<MatrixRow> filteredSortedMatrix(Matrix matrix, List<GridSortOrder<MatrixRow>> order) {
        String filter = matrixFilter.getValue() == null ? "" : matrixFilter.getValue().strip().toLowerCase(getLocale());
        Stream<MatrixRow> rows = matrix.rows().stream()
                .filter(r -> filter.isEmpty() || r.municipality().name().toLowerCase(getLocale()).contains(filter));
        Comparator<MatrixRow> comparator = null;
        for (GridSortOrder<MatrixRow> o : order) {
            String key = o.getSorted().getKey();
            Comparator<MatrixRow> c = switch (key) {
                case "municipality" -> Comparator.comparing(r -> r.municipality().name());
                case "inhabitants" -> Comparator.comparingLong(r -> r.municipality().inhabitants());
                default -> Comparator.comparingLong((MatrixRow r) -> r.count(key).serving())
                        .thenComparingLong(r -> r.count(key).located());
            };
            if (o.getDirection() == SortDirection.DESCENDING) {
                c = c.reversed();
            }
            comparator = comparator == null ? c : comparator.thenComparing(c);
        }
        return comparator == null ? rows.toList() : rows.sorted(comparator).toList();
    }

    private Component matrixCell(MatrixRow row, String typeCode) {
        var count = row.count(typeCode);
        Span cell = new Span(count.served() ? count.located() + " / " + count.serving() : "–");
        cell.addClassName("atlas-cell");
        cell.addClassName(count.located() > 0 ? "atlas-cell-located" : count.served() ? "atlas-cell-served" : "atlas-cell-missing");
        cell.getElement().setAttribute("title", getTranslation("coverage.matrix.cell", count.located(), count.serving()));
        return cell;
    }

    private void configureGaps() {
        gapGrid.setId("coverage-gaps");
        gapGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        gapGrid.setHeight("32em");
        gapGrid.addColumn(g -> g.municipality().name()).setHeader(getTranslation("coverage.column.municipality"))
                .setSortable(true).setComparator(g -> g.municipality().name()).setAutoWidth(true);
        gapGrid.addColumn(g -> String.join(", ", g.missing().stream().map(Requirement::typeName).toList()))
                .setHeader(getTranslation("coverage.column.missing")).setFlexGrow(3);
        gapGrid.addColumn(g -> format(g.municipality().inhabitants())).setHeader(getTranslation("coverage.column.inhabitants"))
                .setKey("inhabitants").setComparator(g -> g.municipality().inhabitants()).setSortable(true)
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        gapGrid.addColumn(g -> g.clientsWithCondition().format(getLocale())).setHeader(getTranslation("coverage.column.clients"))
                .setKey("clients").setComparator(Gap::clientsWithCondition).setSortable(true)
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
    }

    private void showGaps() {
        if (!state.target().isPathway()) {
            Paragraph hint = new Paragraph(getTranslation("coverage.gaps.choosePathway"));
            hint.setId("coverage-gaps-hint");
            content.add(hint);
            return;
        }
        List<Gap> gaps = coverage.gaps(state.region(), state.target().code(), user, getLocale());
        gapGrid.setItems(query -> gaps.stream().sorted(gapOrder(query.getSortOrders())).skip(query.getOffset()).limit(query.getLimit()));
        PathwayInfo p = pathways.stream().filter(x -> x.code().equals(state.target().code())).findFirst().orElseThrow();
        Paragraph intro = new Paragraph(getTranslation("coverage.gaps.intro", p.name(), gaps.size(), p.source()));
        Anchor export = csvLink("hiaten-" + p.code() + "-" + state.region() + ".csv", () -> CsvExport.toBytes(
                List.of(getTranslation("coverage.column.code"), getTranslation("coverage.column.municipality"),
                        getTranslation("coverage.column.missing"), getTranslation("coverage.column.inhabitants"),
                        getTranslation("coverage.column.clients")),
                gaps.stream().map(g -> List.<Object>of(g.municipality().code(), g.municipality().name(),
                        String.join(", ", g.missing().stream().map(Requirement::typeName).toList()),
                        number(g.municipality().inhabitants()), g.clientsWithCondition().format(getLocale()))).toList()));
        Paragraph note = new Paragraph(getTranslation("overview.suppressed"));
        note.addClassName("atlas-note");
        content.add(intro, export, gapGrid, note);
    }

    private Comparator<Gap> gapOrder(List<com.vaadin.flow.data.provider.QuerySortOrder> orders) {
        Comparator<Gap> byInhabitants = Comparator.comparingLong((Gap g) -> g.municipality().inhabitants()).reversed();
        if (orders.isEmpty()) {
            return byInhabitants;
        }
        Comparator<Gap> comparator = null;
        for (var o : orders) {
            Comparator<Gap> c = switch (o.getSorted()) {
                case "clients" -> Comparator.comparing(Gap::clientsWithCondition);
                case "inhabitants" -> Comparator.comparingLong(g -> g.municipality().inhabitants());
                default -> Comparator.comparing(g -> g.municipality().name());
            };
            if (o.getDirection() == SortDirection.DESCENDING) {
                c = c.reversed();
            }
            comparator = comparator == null ? c : comparator.thenComparing(c);
        }
        return comparator;
    }

    private void configureRollup() {
        rollupGrid.setId("coverage-rollup");
        rollupGrid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS);
        rollupGrid.setHeight("32em");
        rollupKind.setLabel(getTranslation("overview.regionKind"));
        rollupKind.setItemLabelGenerator(k -> RegionKinds.label(this, k));
        rollupKind.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                content.removeAll();
                showRollup(e.getValue());
            }
        });
    }

    private void showRollup(String chosen) {
        rollupKind.setItems(regions.kinds());
        rollupKind.setValue(chosen);
        List<RollupRow> rows = coverage.rollup(chosen, user);
        List<ProviderTypeInfo> columns = matrixColumns();
        rollupGrid.removeAllColumns();
        rollupGrid.addColumn(RollupRow::regionName).setHeader(getTranslation("overview.region")).setFrozen(true)
                .setSortable(true).setComparator(RollupRow::regionName).setAutoWidth(true);
        rollupGrid.addColumn(r -> format(r.municipalities())).setHeader(getTranslation("overview.municipalities"))
                .setComparator(RollupRow::municipalities).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        for (ProviderTypeInfo t : columns) {
            rollupGrid.addComponentColumn(r -> shareCell(r.inhabitantShare().getOrDefault(t.code(), 0.0),
                            r.municipalityShare().getOrDefault(t.code(), 0.0)))
                    .setHeader(t.name()).setComparator(r -> r.inhabitantShare().getOrDefault(t.code(), 0.0))
                    .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        }
        rollupGrid.setItems(rows);
        Anchor export = csvLink("dekking-per-" + chosen.toLowerCase(Locale.ROOT) + ".csv", () -> {
            List<String> header = new ArrayList<>(List.of(getTranslation("coverage.column.code"), getTranslation("overview.region"),
                    getTranslation("overview.municipalities"), getTranslation("coverage.column.inhabitants")));
            columns.forEach(t -> header.add(t.name() + " " + getTranslation("coverage.csv.inhabitantShare")));
            return CsvExport.toBytes(header, rows.stream().map(r -> {
                List<Object> row = new ArrayList<>(List.of(r.regionCode(), r.regionName(), number(r.municipalities()),
                        number(r.inhabitants())));
                columns.forEach(t -> row.add(new CsvExport.Numeric(percent(r.inhabitantShare().getOrDefault(t.code(), 0.0)))));
                return row;
            }).toList());
        });
        Paragraph note = new Paragraph(getTranslation("coverage.rollup.note"));
        note.addClassName("atlas-note");
        HorizontalLayout bar = new HorizontalLayout(rollupKind, export);
        bar.setAlignItems(Alignment.BASELINE);
        content.add(bar, rollupGrid, note);
    }

    private Component shareCell(double inhabitantShare, double municipalityShare) {
        Span cell = new Span(percent(inhabitantShare));
        cell.addClassName("atlas-cell");
        cell.getStyle().set("background", shareColour(inhabitantShare)).set("color", inhabitantShare < 0.5 ? "#fff" : "#1a1a1a");
        cell.getElement().setAttribute("title", getTranslation("coverage.rollup.cell", percent(inhabitantShare), percent(municipalityShare)));
        return cell;
    }

    // --- map colours, labels and legend -------------------------------------------------------------------------

    private Function<MunicipalityCoverage, String> colourScale(Result r) {
        return switch (r.measure()) {
            case SERVED -> r.target().isPathway() ? CoverageView::pathwayColour : m -> m.value() > 0 ? GREEN_TO_RED[0] : NONE;
            case DISTANCE -> m -> shareColour(m.value());
            case DENSITY -> {
                double[] breaks = densityBreaks(r);
                yield m -> m.value() <= 0 ? NONE : BLUES[ClassBreaks.bucket(m.value(), breaks)];
            }
        };
    }

    /** All required types present, one missing, at least half present, or fewer. */
    private static String pathwayColour(MunicipalityCoverage m) {
        int missing = m.missingTypes().size();
        if (missing == 0) {
            return GREEN_TO_RED[0];
        }
        if (missing == 1) {
            return GREEN_TO_RED[2];
        }
        return m.value() >= 0.5 ? GREEN_TO_RED[3] : GREEN_TO_RED[4];
    }

    private static String shareColour(double share) {
        if (share >= 0.999) {
            return GREEN_TO_RED[0];
        }
        if (share >= 0.9) {
            return GREEN_TO_RED[1];
        }
        if (share >= 0.75) {
            return GREEN_TO_RED[2];
        }
        if (share >= 0.5) {
            return GREEN_TO_RED[3];
        }
        return GREEN_TO_RED[4];
    }

    /** Upper bounds of five equal-count classes of the positive densities. */
    private static double[] densityBreaks(Result r) {
        return ClassBreaks.of(r.municipalities().stream().mapToDouble(MunicipalityCoverage::value).filter(v -> v > 0)
                .toArray(), BLUES.length);
    }

    private List<LegendItem> legend(Result r) {
        return switch (r.measure()) {
            case SERVED -> r.target().isPathway()
                    ? List.of(new LegendItem(GREEN_TO_RED[0], getTranslation("coverage.legend.pathway.all")),
                            new LegendItem(GREEN_TO_RED[2], getTranslation("coverage.legend.pathway.one")),
                            new LegendItem(GREEN_TO_RED[3], getTranslation("coverage.legend.pathway.half")),
                            new LegendItem(GREEN_TO_RED[4], getTranslation("coverage.legend.pathway.less")))
                    : List.of(new LegendItem(GREEN_TO_RED[0], getTranslation("coverage.legend.served")),
                            new LegendItem(NONE, getTranslation("coverage.legend.notServed")));
            case DISTANCE -> List.of(new LegendItem(GREEN_TO_RED[0], "100%"), new LegendItem(GREEN_TO_RED[1], "90–99%"),
                    new LegendItem(GREEN_TO_RED[2], "75–89%"), new LegendItem(GREEN_TO_RED[3], "50–74%"),
                    new LegendItem(GREEN_TO_RED[4], getTranslation("coverage.legend.below", "50%")));
            case DENSITY -> {
                double[] breaks = densityBreaks(r);
                List<LegendItem> items = new ArrayList<>();
                items.add(new LegendItem(NONE, getTranslation("coverage.legend.none")));
                double low = 0;
                int digits = ClassBreaks.digits(breaks, 0, 1, 3);
                for (int i = 0; i < breaks.length; i++) {
                    if (i > 0 && breaks[i] == breaks[i - 1]) {
                        continue;
                    }
                    items.add(new LegendItem(BLUES[i], decimal(low, digits) + " – " + decimal(breaks[i], digits)));
                    low = breaks[i];
                }
                yield items;
            }
        };
    }

    private String legendTitle(Result r) {
        return switch (r.measure()) {
            case SERVED -> getTranslation("coverage.legend.title.served", r.targetName());
            case DENSITY -> getTranslation("coverage.legend.title.density", r.targetName());
            case DISTANCE -> getTranslation("coverage.legend.title.distance", r.targetName());
        };
    }

    private String valueLabel(Result r, MunicipalityCoverage m) {
        String value = switch (r.measure()) {
            case SERVED -> r.target().isPathway()
                    ? getTranslation("coverage.value.pathway", m.serving(), m.serving() + m.missingTypes().size())
                    : m.serving() > 0 ? getTranslation("coverage.value.served", m.located(), m.serving())
                    : getTranslation("coverage.legend.notServed");
            case DENSITY -> getTranslation("coverage.value.density", decimal(m.perTenThousand()), m.located());
            case DISTANCE -> getTranslation("coverage.value.distance", percent(m.value()));
        };
        return m.missingTypes().isEmpty() || !r.target().isPathway() ? value
                : value + " · " + getTranslation("coverage.value.missing", String.join(", ", m.missingTypes()));
    }

    private String methodText(Result r) {
        String computed = getTranslation("coverage.countsComputedAt", dateTime(r));
        return switch (r.measure()) {
            case SERVED -> getTranslation("coverage.method.served") + " " + computed;
            case DENSITY -> getTranslation("coverage.method.density") + " " + computed;
            case DISTANCE -> (r.target().isPathway() && state.km().isEmpty()
                    ? getTranslation("coverage.method.distance.pathway")
                    : getTranslation("coverage.method.distance", r.maxKm())) + " " + computed;
        };
    }

    private Paragraph computedAt(java.time.OffsetDateTime at) {
        Paragraph p = new Paragraph(getTranslation("coverage.countsComputedAt", DateTimeFormatter.ofLocalizedDateTime(
                FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale()).format(at.atZoneSameInstant(ZoneId.systemDefault()))));
        p.addClassName("atlas-note");
        return p;
    }

    private String dateTime(Result r) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale())
                .format(r.countsComputedAt().atZoneSameInstant(ZoneId.systemDefault()));
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private Anchor csvLink(String fileName, Supplier<byte[]> csv) {
        return CsvDownload.link(fileName, getTranslation("overview.export"), csv);
    }

    private UnorderedList list(Stream<String> items) {
        UnorderedList list = new UnorderedList();
        items.forEach(i -> list.add(new ListItem(i)));
        return list;
    }

    private void fail(String text) {
        message.setText(text);
        message.setVisible(true);
        content.removeAll();
        heading.setText(getTranslation("coverage.title"));
    }

    String errorMessage(CoverageRequestException e) {
        return switch (e.parameter()) {
            case "region" -> getTranslation("overview.unknownRegion", e.value());
            case "type" -> getTranslation("coverage.error.type", e.value());
            case "pathway" -> getTranslation("coverage.error.pathway", e.value());
            case "km" -> getTranslation("coverage.error.km", CoverageService.MAX_KM);
            default -> getTranslation("coverage.error.measure", e.value());
        };
    }

    private State withRegion(String code) {
        return new State(code, state.target(), state.measure(), state.km(), state.tab(), Optional.empty());
    }

    private void go(State next) {
        UI.getCurrent().navigate(CoverageView.class, next.query());
    }

    private List<RegionSummary> visibleRegions(String regionKind) {
        return regions.regions(regionKind).stream().filter(r -> regionAccess.mayView(user, r.code())).toList();
    }

    private String defaultRegion() {
        return switch (user.role()) {
            case NETWORK_MANAGER -> user.regionCodes().stream().findFirst().orElse(DEFAULT_REGION);
            case CARE_STAFF -> user.provider().flatMap(regions::provinceOfProvider).orElse(DEFAULT_REGION);
            default -> DEFAULT_REGION;
        };
    }

    private static Optional<String> first(Map<String, List<String>> q, String key) {
        return Optional.ofNullable(q.get(key)).flatMap(l -> l.stream().findFirst()).filter(v -> !v.isBlank());
    }

    private String format(long value) {
        return NumberFormat.getIntegerInstance(getLocale()).format(value);
    }

    private CsvExport.Numeric number(long value) {
        return new CsvExport.Numeric(Long.toString(value));
    }

    private String decimal(double value) {
        return decimal(value, 1);
    }

    private String decimal(double value, int digits) {
        NumberFormat f = NumberFormat.getNumberInstance(getLocale());
        f.setMaximumFractionDigits(digits);
        f.setMinimumFractionDigits(digits);
        return f.format(value);
    }

    private String percent(double share) {
        NumberFormat f = NumberFormat.getPercentInstance(getLocale());
        f.setMaximumFractionDigits(0);
        return f.format(share);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("coverage.title") + " · " + getTranslation("app.title");
    }
}
