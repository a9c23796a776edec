package nl.netwerkzorg.atlas.analysis.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import nl.netwerkzorg.atlas.analysis.Analysis;
import nl.netwerkzorg.atlas.analysis.Analysis.Bridge;
import nl.netwerkzorg.atlas.analysis.Analysis.Broker;
import nl.netwerkzorg.atlas.analysis.Analysis.Community;
import nl.netwerkzorg.atlas.analysis.Analysis.CutPoint;
import nl.netwerkzorg.atlas.analysis.Analysis.DomainTies;
import nl.netwerkzorg.atlas.analysis.Analysis.InvalidParameters;
import nl.netwerkzorg.atlas.analysis.Analysis.Node;
import nl.netwerkzorg.atlas.analysis.Analysis.Pair;
import nl.netwerkzorg.atlas.analysis.Analysis.Parameters;
import nl.netwerkzorg.atlas.analysis.Analysis.ProviderRef;
import nl.netwerkzorg.atlas.analysis.Analysis.Report;
import nl.netwerkzorg.atlas.analysis.Analysis.TieKind;
import nl.netwerkzorg.atlas.analysis.AnalysisService;
import nl.netwerkzorg.atlas.analysis.AnalysisSnapshots;
import nl.netwerkzorg.atlas.base.ui.AtlasChart;
import nl.netwerkzorg.atlas.base.ui.CsvDownload;
import nl.netwerkzorg.atlas.coverage.CoverageService;
import nl.netwerkzorg.atlas.geography.ui.RegionKinds;
import org.springframework.beans.factory.annotation.Value;
import nl.netwerkzorg.atlas.analysis.Connectivity;
import nl.netwerkzorg.atlas.analysis.PatientSharing;
import nl.netwerkzorg.atlas.base.CsvExport;
import nl.netwerkzorg.atlas.base.ui.AtlasGraph;
import nl.netwerkzorg.atlas.base.ui.AtlasGraph.GraphEdge;
import nl.netwerkzorg.atlas.base.ui.AtlasGraph.GraphNode;
import nl.netwerkzorg.atlas.base.ui.AtlasGraph.LegendItem;
import nl.netwerkzorg.atlas.geography.RegionService;
import nl.netwerkzorg.atlas.geography.RegionService.RegionSummary;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.CurrentUser;
import nl.netwerkzorg.atlas.security.RegionAccess;
import nl.netwerkzorg.atlas.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * Analyse: the connectivity of care in a region — how many providers and ties, density, components and isolated
 * providers, brokers, single points of failure (cut points and bridges), ties across domains, communities, and formal
 * agreements against actual client-sharing — with every table as CSV and the provider graph as a picture. The
 * computation runs in the background with a progress bar and can be cancelled; reports are cached per region and
 * parameters. The parameters are in the URL so a result can be shared.
 */
@Route("analyse")
@Menu(title = "nav.analysis", order = 6, icon = "vaadin:connect-o")
@RolesAllowed({Role.ADMIN_NAME, Role.NETWORK_MANAGER_NAME, Role.POLICY_ANALYST_NAME})
public class AnalysisView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String REGION = "regio";
    static final String KINDS = "banden";
    static final String MINIMUM = "min";
    static final String HEAVY = "veel";
    static final String DOMAIN = "domein";
    static final String TAB = "tab";
    static final String MAP_METRIC = "kaart";
    static final String TREND_METRIC = "verloop";
    static final String DEFAULT_REGION = "PV26";
    private static final int POLL_MILLIS = 500;
    private static final ExecutorService WORKERS = Executors.newVirtualThreadPerTaskExecutor();
    private static final Map<TieKind, String> KIND_PARAMETER = Map.of(TieKind.COLLABORATION, "samenwerking",
            TieKind.NETWORK, "netwerk", TieKind.SHARING, "gedeeld");
    private static final List<String> DOMAINS = List.of("MEDICAL", "LONG_TERM", "SOCIAL", "INFORMAL");
    /** The tabs in order, as the {@code tab} URL parameter names them. */
    static final List<String> TAB_NAMES = List.of("makelaars", "kwetsbaar", "geisoleerd", "netwerkbeeld", "kaart",
            "verloop", "watals", "domeinen", "gemeenschappen", "formeel", "graden");
    private static final Map<String, String> DOMAIN_COLOURS = Map.of("MEDICAL", "#1565c0", "LONG_TERM", "#2e7d32",
            "SOCIAL", "#ef6c00", "INFORMAL", "#8e24aa");
    private static final List<String> COMMUNITY_COLOURS = List.of("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
            "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#393b79", "#637939", "#843c39");

    private final AnalysisService analysis;
    private final PatientSharing sharing;
    private final RegionService regions;
    private final RegionAccess regionAccess;
    private final AtlasPrincipal user;
    private final AnalysisSnapshots snapshots;
    private final CoverageService coverage;
    private final String tileUrl;
    private final String tileAttribution;

    final H2 heading = new H2();
    final Select<String> regionKind = new Select<>();
    final ComboBox<RegionSummary> region = new ComboBox<>();
    final CheckboxGroup<TieKind> kinds = new CheckboxGroup<>();
    final IntegerField minimumShared = new IntegerField();
    final IntegerField heavySharing = new IntegerField();
    final Select<String> domain = new Select<>();
    final Button compute = new Button();
    final Button cancel = new Button();
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    final Paragraph message = new Paragraph();
    final Paragraph sharingStatus = new Paragraph();
    final Button rederive = new Button();
    final Div results = new Div();
    final AtlasGraph graph = new AtlasGraph();
    final Select<String> colouring = new Select<>();
    /** The report's tables by id (a tab's content is attached only while it is shown). */
    final Map<String, Grid<?>> tables = new LinkedHashMap<>();
    final AtlasChart degreeChart = new AtlasChart();
    @Nullable AnalysisMapPanel mapPanel;
    @Nullable AnalysisTrendPanel trendPanel;
    @Nullable TabSheet tabSheet;
    /** The view choices that are not analysis parameters (tab, map and trend figure), kept in the URL too. */
    private String chosenTab = "";
    private AnalysisMapPanel.MapMetric mapMetric = AnalysisMapPanel.MapMetric.ISOLATED_SHARE;
    private AnalysisSnapshots.Metric trendMetric = AnalysisSnapshots.Metric.ISOLATED;
    private Map<String, String> urlParameters = new LinkedHashMap<>();

    @Nullable Report report;
    @Nullable CompletableFuture<?> running;
    /** What to do with the running computation's result (a report, or a what-if). */
    private java.util.function.Consumer<Object> whenDone = result -> show((Report) result);
    final Div whatIfResult = new Div();
    private @Nullable AtomicBoolean cancelFlag;
    /** Parameters that waited for the patient-sharing network; computed as soon as its derivation is done. */
    private @Nullable Parameters waitingForSharing;
    private @Nullable Parameters lastParameters;
    private boolean updatingFilters;
    private @Nullable Registration pollRegistration;

    public AnalysisView(AnalysisService analysis, PatientSharing sharing, RegionService regions, RegionAccess regionAccess,
            CurrentUser currentUser, AnalysisSnapshots snapshots, CoverageService coverage,
            @Value("${atlas.map.tile-url:}") String tileUrl, @Value("${atlas.map.tile-attribution:}") String tileAttribution) {
        this.analysis = analysis;
        this.snapshots = snapshots;
        this.coverage = coverage;
        this.tileUrl = tileUrl;
        this.tileAttribution = tileAttribution;
        this.sharing = sharing;
        this.regions = regions;
        this.regionAccess = regionAccess;
        this.user = currentUser.require();
        addClassName("atlas-analysis");
        setSizeFull();

        heading.setText(getTranslation("analysis.title"));
        regionKind.setLabel(getTranslation("overview.regionKind"));
        regionKind.setItems(regions.kinds());
        regionKind.setItemLabelGenerator(k -> RegionKinds.label(this, k));
        regionKind.addValueChangeListener(e -> {
            if (!updatingFilters && e.isFromClient()) {
                region.setItems(visibleRegions(e.getValue()));
                region.clear();
            }
        });
        region.setLabel(getTranslation("overview.region"));
        region.setItemLabelGenerator(RegionSummary::name);
        region.setWidth("18em");
        region.setId("analysis-region");

        kinds.setLabel(getTranslation("analysis.kinds"));
        kinds.setItems(TieKind.values());
        kinds.setItemLabelGenerator(k -> getTranslation("analysis.kind." + k.name()));
        kinds.setId("analysis-kinds");
        minimumShared.setLabel(getTranslation("analysis.minimumShared"));
        minimumShared.setMin(analysis.minimumSharedFor(user));
        minimumShared.setMax(AnalysisService.MAX_MINIMUM_SHARED);
        minimumShared.setStepButtonsVisible(true);
        minimumShared.setWidth("14em");
        minimumShared.setHelperText(user.role() == Role.POLICY_ANALYST ? getTranslation("analysis.minimumShared.policy")
                : getTranslation("analysis.minimumShared.help", analysis.minimumSharedFor(user)));
        minimumShared.setId("analysis-minimum");
        heavySharing.setLabel(getTranslation("analysis.heavySharing"));
        heavySharing.setMax(AnalysisService.MAX_MINIMUM_SHARED);
        heavySharing.setStepButtonsVisible(true);
        heavySharing.setWidth("11em");
        heavySharing.setId("analysis-heavy");
        domain.setLabel(getTranslation("analysis.domain"));
        List<String> domainItems = new ArrayList<>(List.of(""));
        domainItems.addAll(DOMAINS);
        domain.setItems(domainItems);
        domain.setItemLabelGenerator(d -> d.isEmpty() ? getTranslation("analysis.domain.all") : getTranslation("domain." + d));
        domain.setValue("");

        compute.setText(getTranslation("analysis.compute"));
        compute.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        compute.setId("analysis-compute");
        compute.addClickListener(e -> navigate(false));
        cancel.setText(getTranslation("analysis.cancel"));
        cancel.setId("analysis-cancel");
        cancel.setVisible(false);
        cancel.addClickListener(e -> {
            if (cancelFlag != null) {
                cancelFlag.set(true);
            }
        });
        HorizontalLayout filters = new HorizontalLayout(regionKind, region, kinds, minimumShared, heavySharing, domain,
                compute, cancel);
        filters.setAlignItems(Alignment.BASELINE);
        filters.setWrap(true);

        progress.setIndeterminate(true);
        progress.setVisible(false);
        progress.setWidth("20em");
        progressText.setId("analysis-progress");
        message.setId("analysis-message");
        message.addClassName("atlas-message");
        sharingStatus.setId("analysis-sharing-status");
        sharingStatus.addClassName("atlas-note");
        rederive.setText(getTranslation("analysis.rederive"));
        rederive.addThemeVariants(ButtonVariant.LUMO_SMALL);
        rederive.setVisible(user.role() == Role.ADMIN);
        rederive.setId("analysis-rederive");
        rederive.addClickListener(e -> {
            sharing.deriveInBackground();
            showSharingStatus();
            poll(true);
        });
        HorizontalLayout sharingRow = new HorizontalLayout(sharingStatus, rederive);
        sharingRow.setAlignItems(Alignment.BASELINE);

        graph.setHeight("34em");
        graph.setWidthFull();
        graph.setId("analysis-graph");
        colouring.setLabel(getTranslation("analysis.colouring"));
        colouring.setItems("community", "domain");
        colouring.setItemLabelGenerator(c -> getTranslation("analysis.colouring." + c));
        colouring.setValue("community");
        colouring.addValueChangeListener(e -> {
            if (report != null) {
                drawGraph(report);
            }
        });

        results.setWidthFull();
        results.setId("analysis-results");
        HorizontalLayout progressRow = new HorizontalLayout(progress, progressText);
        progressRow.addClassName("atlas-analysis-progress");
        progressRow.setAlignItems(Alignment.CENTER);
        add(heading, filters, progressRow, message, sharingRow, results);
    }

    // ---------------------------------------------------------------------------------------------------- navigation

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters q = event.getLocation().getQueryParameters();
        Parameters asked = parse(q, defaultRegion(user), analysis.minimumSharedFor(user));
        String code = asked.regionCode();
        Set<TieKind> chosen = asked.kinds();
        int minimum = asked.minimumShared();
        int heavy = asked.heavySharing();
        String chosenDomain = asked.domain() == null ? "" : asked.domain();
        chosenTab = q.getSingleParameter(TAB).orElse("");
        mapMetric = q.getSingleParameter(MAP_METRIC).flatMap(AnalysisMapPanel.MapMetric::ofParameter).orElse(mapMetric);
        trendMetric = q.getSingleParameter(TREND_METRIC).flatMap(AnalysisView::trendMetricOf).orElse(trendMetric);
        urlParameters = new LinkedHashMap<>();
        q.getParameters().forEach((key, values) -> {
            if (!values.isEmpty()) {
                urlParameters.put(key, values.getFirst());
            }
        });
        updatingFilters = true;
        try {
            regions.region(code).ifPresent(r -> {
                regionKind.setValue(r.kind());
                region.setItems(visibleRegions(r.kind()));
                if (regionAccess.mayView(user, r.code())) {
                    region.setValue(r);
                }
            });
            kinds.setValue(chosen);
            minimumShared.setValue(minimum);
            heavySharing.setValue(heavy);
            domain.setValue(chosenDomain);
        } finally {
            updatingFilters = false;
        }
        showSharingStatus();
        start(asked);
    }

    /**
     * The analysis parameters in a URL ({@code regio, banden, min, veel, domein}); missing ones take their defaults
     * (collaborations and shared clients, the lowest minimum this user may ask for but at least 2, heavy from 10).
     * Out-of-range numbers are kept, so the service's check can explain them.
     */
    static Parameters parse(QueryParameters q, String defaultRegion, int lowest) {
        String code = q.getSingleParameter(REGION).orElse(defaultRegion);
        Set<TieKind> chosen = q.getSingleParameter(KINDS).map(AnalysisView::kindsOf)
                .orElse(EnumSet.of(TieKind.COLLABORATION, TieKind.SHARING));
        int minimum = q.getSingleParameter(MINIMUM).flatMap(AnalysisView::integer).orElse(Math.max(lowest, 2));
        int heavy = q.getSingleParameter(HEAVY).flatMap(AnalysisView::integer)
                .orElse(Math.max(minimum, Analysis.DEFAULT_HEAVY_SHARING));
        String chosenDomain = q.getSingleParameter(DOMAIN).filter(DOMAINS::contains).orElse("");
        return new Parameters(code, chosen, minimum, heavy, chosenDomain.isEmpty() ? null : chosenDomain);
    }

    private void navigate(boolean replace) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(REGION, region.getValue() == null ? "" : region.getValue().code());
        parameters.put(KINDS, kinds.getValue().stream().sorted().map(KIND_PARAMETER::get).collect(Collectors.joining(",")));
        parameters.put(MINIMUM, String.valueOf(minimumShared.getValue() == null ? "" : minimumShared.getValue()));
        parameters.put(HEAVY, String.valueOf(heavySharing.getValue() == null ? "" : heavySharing.getValue()));
        if (!domain.getValue().isEmpty()) {
            parameters.put(DOMAIN, domain.getValue());
        }
        // The open tab and the map and trend figures stay as they are.
        putViewChoices(parameters);
        UI.getCurrent().navigate(AnalysisView.class, QueryParameters.simple(parameters));
    }

    // --------------------------------------------------------------------------------------------------- computing

    private void start(Parameters parameters) {
        lastParameters = parameters;
        waitingForSharing = null;
        message.setText("");
        minimumShared.setInvalid(false);
        heavySharing.setInvalid(false);
        stopRunning();
        if (parameters.regionCode().isBlank()) {
            message.setText(getTranslation("analysis.chooseRegion"));
            return;
        }
        Report cached;
        try {
            cached = analysis.cached(parameters, user);
        } catch (InvalidParameters e) {
            showInvalid(e);
            return;
        } catch (AccessDeniedException e) {
            results.removeAll();
            message.setText(getTranslation("overview.noAccess"));
            return;
        }
        if (cached != null) {
            show(cached);
            return;
        }
        AtomicBoolean flag = new AtomicBoolean();
        cancelFlag = flag;
        whenDone = result -> show((Report) result);
        running = CompletableFuture.supplyAsync(() -> analysis.analyse(parameters, user, flag::get), WORKERS);
        progress.setVisible(true);
        cancel.setVisible(true);
        compute.setEnabled(false);
        progressText.setText(getTranslation("analysis.running"));
        poll(true);
    }

    private void stopRunning() {
        if (cancelFlag != null) {
            cancelFlag.set(true);
        }
        running = null;
        cancelFlag = null;
        progress.setVisible(false);
        cancel.setVisible(false);
        compute.setEnabled(true);
        progressText.setText("");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        // Registered after the main layout's listener, so this one decides last whether polling goes on.
        pollRegistration = event.getUI().addPollListener(e -> onPoll());
        if (running != null || sharing.status().running()) {
            poll(true);
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (pollRegistration != null) {
            pollRegistration.remove();
        }
        if (cancelFlag != null) {
            cancelFlag.set(true);
        }
    }

    void onPoll() {
        CompletableFuture<?> current = running;
        if (current != null && current.isDone()) {
            running = null;
            cancelFlag = null;
            progress.setVisible(false);
            cancel.setVisible(false);
            compute.setEnabled(true);
            progressText.setText("");
            try {
                whenDone.accept(current.join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof Connectivity.Cancelled) {
                    message.setText(getTranslation("analysis.cancelled"));
                } else if (e.getCause() instanceof InvalidParameters invalid) {
                    showInvalid(invalid);
                    if (sharing.status().running() && "kinds".equals(invalid.parameter())) {
                        waitingForSharing = lastParameters;
                    }
                } else {
                    message.setText(getTranslation("analysis.failed", String.valueOf(e.getCause().getMessage())));
                }
            }
        } else if (current != null) {
            progressText.setText(getTranslation("analysis.running"));
        }
        boolean derivationWasShown = sharingStatus.getText().equals(sharingStatusText());
        showSharingStatus();
        Parameters waiting = waitingForSharing;
        if (waiting != null && running == null && !sharing.status().running() && sharing.computedAt().isPresent()) {
            start(waiting);
        }
        poll(running != null || sharing.status().running() || !derivationWasShown || waitingForSharing != null);
    }

    private void poll(boolean on) {
        getUI().ifPresent(ui -> ui.setPollInterval(on ? POLL_MILLIS : -1));
    }

    private void showInvalid(InvalidParameters e) {
        message.setText(e.getMessage());
        switch (e.parameter()) {
            case "minimumShared" -> {
                minimumShared.setInvalid(true);
                minimumShared.setErrorMessage(e.getMessage());
            }
            case "heavySharing" -> {
                heavySharing.setInvalid(true);
                heavySharing.setErrorMessage(e.getMessage());
            }
            default -> {
            }
        }
        results.removeAll();
    }

    private void showSharingStatus() {
        sharingStatus.setText(sharingStatusText());
        rederive.setEnabled(!sharing.status().running());
    }

    private String sharingStatusText() {
        PatientSharing.Status status = sharing.status();
        if (status.running() && status.progress() != null) {
            return getTranslation("analysis.sharing.running", status.progress().percent());
        }
        if (status.computedAt().isPresent()) {
            return getTranslation("analysis.sharing.computedAt", dateTime(status.computedAt().get()), status.minimum());
        }
        return status.failure() != null ? getTranslation("analysis.sharing.failed", status.failure())
                : getTranslation("analysis.sharing.never");
    }

    // ----------------------------------------------------------------------------------------------------- results

    private void show(Report r) {
        report = r;
        results.removeAll();
        tables.clear();
        heading.setText(getTranslation("analysis.title") + " · " + r.regionName());
        UI.getCurrent().getPage().setTitle(getPageTitle());
        Map<String, String> types = analysis.typeNames(getLocale());
        Paragraph computed = new Paragraph(getTranslation("analysis.computedAt", dateTime(r.computedAt()),
                seconds(r.loading().toMillis()), seconds(r.computing().toMillis())));
        computed.addClassName("atlas-note");
        computed.setId("analysis-computed-at");

        Div cards = new Div(
                card("providers", getTranslation("analysis.card.providers"), number(r.nodes())),
                card("ties", getTranslation("analysis.card.ties"), number(r.ties())),
                card("density", getTranslation("analysis.card.density"), decimal(r.density(), 4)),
                card("mean-degree", getTranslation("analysis.card.meanDegree"), decimal(r.meanDegree(), 1)),
                card("components", getTranslation("analysis.card.components"), number(r.components())),
                card("largest", getTranslation("analysis.card.largest"), percent(r.nodes() == 0 ? 0
                        : (double) r.largestComponent() / r.nodes())),
                card("isolated", getTranslation("analysis.card.isolated"), number(r.isolatedCount())),
                card("cut-points", getTranslation("analysis.card.cutPoints"), number(r.cutPointCount())),
                card("bridges", getTranslation("analysis.card.bridges"), number(r.bridgeCount())),
                card("communities", getTranslation("analysis.card.communities"), number(r.communityCount())),
                card("cross-domain", getTranslation("analysis.card.crossDomain"), percent(r.crossDomainShare())));
        cards.addClassName("atlas-cards");

        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        tabs.setId("analysis-tabs");
        // Eleven tabs, the most asked-for first; the small variant fits most of them on one line.
        tabs.addThemeVariants(com.vaadin.flow.component.tabs.TabSheetVariant.LUMO_TABS_SMALL);
        String file = "analyse-" + r.parameters().regionCode();
        tabs.add(getTranslation("analysis.tab.brokers"), brokers(r, types, file));
        tabs.add(getTranslation("analysis.tab.vulnerable"), vulnerable(r, types, file));
        tabs.add(getTranslation("analysis.tab.isolated"), isolated(r, types, file));
        tabs.add(getTranslation("analysis.tab.graph"), graphTab(r));
        tabs.add(getTranslation("analysis.tab.map"), mapTab(r));
        tabs.add(getTranslation("analysis.tab.trend"), trendTab(r));
        tabs.add(getTranslation("analysis.tab.whatIf"), whatIfTab(r, types));
        tabs.add(getTranslation("analysis.tab.domains"), domains(r, file));
        tabs.add(getTranslation("analysis.tab.communities"), communities(r, types, file));
        tabs.add(getTranslation("analysis.tab.formal"), formalVersusActual(r, file));
        tabs.add(getTranslation("analysis.tab.degrees"), degrees(r, file));
        tabSheet = tabs;
        for (int i = 0; i < TAB_NAMES.size(); i++) {
            if (TAB_NAMES.get(i).equals(chosenTab)) {
                tabs.setSelectedIndex(i);
            }
        }
        tabs.addSelectedChangeListener(e -> {
            if (e.isFromClient()) {
                chosenTab = TAB_NAMES.get(tabs.getSelectedIndex());
                replaceUrl();
            }
        });
        Anchor printable = new Anchor(reportLink(r), getTranslation("analysis.report.open"));
        printable.setTarget("_blank");
        printable.setId("analysis-report-link");
        printable.addClassName("atlas-export");
        HorizontalLayout computedRow = new HorizontalLayout(computed, printable);
        computedRow.setAlignItems(Alignment.BASELINE);
        results.add(computedRow);
        if (r.largeNetworksLeftOut() > 0) {
            results.add(AnalysisParts.note(getTranslation("analysis.largeNetworks", r.largeNetworksLeftOut(),
                    AnalysisService.MAX_NETWORK_MEMBERS)));
        }
        results.add(cards, tabs);
    }

    private Component brokers(Report r, Map<String, String> types, String file) {
        Grid<Broker> grid = grid("analysis-brokers");
        providerColumns(grid, Broker::provider, types);
        grid.addColumn(b -> decimal(b.betweenness(), 4)).setHeader(getTranslation("analysis.column.betweenness"))
                .setTextAlign(ColumnTextAlign.END).setComparator(Broker::betweenness);
        grid.addColumn(b -> number(b.degree())).setHeader(getTranslation("analysis.column.degree"))
                .setTextAlign(ColumnTextAlign.END).setComparator(Broker::degree);
        grid.addColumn(b -> number(b.domainsAround())).setHeader(getTranslation("analysis.column.domainsAround"))
                .setTextAlign(ColumnTextAlign.END).setComparator(Broker::domainsAround);
        grid.setItems(r.brokers());
        Paragraph note = AnalysisParts.note(getTranslation(r.betweennessEstimated() ? "analysis.brokers.estimated" : "analysis.brokers.exact",
                number(r.betweennessSources())));
        return panel(grid, note, csv(file + "-makelaars.csv", () -> CsvExport.toBytes(
                providerHeader(List.of("betweenness", "verbindingen", "domeinen_rondom")),
                r.brokers().stream().map(b -> providerRow(b.provider(), types, new CsvExport.Numeric(
                        String.format(Locale.ROOT, "%.6f", b.betweenness())), b.degree(), b.domainsAround())).toList())));
    }

    private Component vulnerable(Report r, Map<String, String> types, String file) {
        Grid<CutPoint> cuts = grid("analysis-cut-points");
        providerColumns(cuts, CutPoint::provider, types);
        cuts.addColumn(c -> number(c.cutOff())).setHeader(getTranslation("analysis.column.cutOff"))
                .setTextAlign(ColumnTextAlign.END).setComparator(CutPoint::cutOff);
        cuts.addColumn(c -> number(c.degree())).setHeader(getTranslation("analysis.column.degree"))
                .setTextAlign(ColumnTextAlign.END).setComparator(CutPoint::degree);
        cuts.setItems(r.cutPoints());
        Grid<Bridge> bridges = grid("analysis-bridges");
        bridges.addColumn(b -> b.a().name()).setHeader(getTranslation("analysis.column.providerA")).setFlexGrow(3);
        bridges.addColumn(b -> typeName(types, b.a().type())).setHeader(getTranslation("analysis.column.type")).setFlexGrow(2);
        bridges.addColumn(b -> b.b().name()).setHeader(getTranslation("analysis.column.providerB")).setFlexGrow(3);
        bridges.addColumn(b -> typeName(types, b.b().type())).setHeader(getTranslation("analysis.column.type")).setFlexGrow(2);
        bridges.setItems(r.bridges());
        return panel(AnalysisParts.note(getTranslation("analysis.cutPoints.explained", number(r.cutPointCount()))), cuts,
                csv(file + "-scharnierpunten.csv", () -> CsvExport.toBytes(providerHeader(List.of("afgesneden", "verbindingen")),
                        r.cutPoints().stream().map(c -> providerRow(c.provider(), types, c.cutOff(), c.degree())).toList())),
                AnalysisParts.note(getTranslation("analysis.bridges.explained", number(r.bridgeCount()))), bridges,
                csv(file + "-bruggen.csv", () -> CsvExport.toBytes(List.of("id_a", "naam_a", "soort_a", "id_b", "naam_b", "soort_b"),
                        r.bridges().stream().map(b -> List.<Object>of(b.a().id(), b.a().name(), typeName(types, b.a().type()),
                                b.b().id(), b.b().name(), typeName(types, b.b().type()))).toList())));
    }

    private Component isolated(Report r, Map<String, String> types, String file) {
        Grid<ProviderRef> grid = grid("analysis-isolated");
        providerColumns(grid, p -> p, types);
        grid.setItems(r.isolated());
        return panel(AnalysisParts.note(getTranslation("analysis.isolated.explained", number(r.isolatedCount()))), grid,
                csv(file + "-geisoleerd.csv", () -> CsvExport.toBytes(providerHeader(List.of()),
                        r.isolated().stream().map(p -> providerRow(p, types)).toList())));
    }

    private Component domains(Report r, String file) {
        Grid<DomainTies> grid = grid("analysis-domains");
        grid.addColumn(d -> getTranslation("domain." + d.domainA())).setHeader(getTranslation("analysis.column.domainA"));
        grid.addColumn(d -> getTranslation("domain." + d.domainB())).setHeader(getTranslation("analysis.column.domainB"));
        grid.addColumn(d -> number(d.ties())).setHeader(getTranslation("analysis.column.ties"))
                .setTextAlign(ColumnTextAlign.END).setComparator(DomainTies::ties);
        grid.addColumn(d -> percent(r.ties() == 0 ? 0 : (double) d.ties() / r.ties())).setHeader(getTranslation("analysis.column.share"))
                .setTextAlign(ColumnTextAlign.END).setComparator(DomainTies::ties);
        grid.setItems(r.domainTies());
        return panel(AnalysisParts.note(getTranslation("analysis.domains.explained", percent(r.crossDomainShare()))), grid,
                csv(file + "-domeinen.csv", () -> CsvExport.toBytes(List.of("domein_a", "domein_b", "verbindingen"),
                        r.domainTies().stream().map(d -> List.<Object>of(d.domainA(), d.domainB(), d.ties())).toList())));
    }

    private Component communities(Report r, Map<String, String> types, String file) {
        Grid<Community> grid = grid("analysis-communities");
        grid.addColumn(Community::number).setHeader("#").setFlexGrow(0).setWidth("5rem");
        grid.addColumn(c -> number(c.size())).setHeader(getTranslation("analysis.column.size"))
                .setTextAlign(ColumnTextAlign.END).setComparator(Community::size);
        grid.addColumn(c -> getTranslation("domain." + c.mainDomain())).setHeader(getTranslation("analysis.column.mainDomain"));
        grid.addColumn(c -> typeName(types, c.mainType())).setHeader(getTranslation("analysis.column.mainType"));
        grid.addColumn(c -> number(c.municipalities())).setHeader(getTranslation("analysis.column.municipalities"))
                .setTextAlign(ColumnTextAlign.END).setComparator(Community::municipalities);
        grid.setItems(r.communities());
        return panel(AnalysisParts.note(getTranslation("analysis.communities.explained", number(r.communityCount()),
                        decimal(r.modularity(), 3))), grid,
                csv(file + "-gemeenschappen.csv", () -> CsvExport.toBytes(List.of("nummer", "aanbieders", "hoofddomein",
                                "meest_voorkomende_soort", "gemeenten"),
                        r.communities().stream().map(c -> List.<Object>of(c.number(), c.size(), c.mainDomain(),
                                typeName(types, c.mainType()), c.municipalities())).toList())));
    }

    private Component formalVersusActual(Report r, String file) {
        Grid<Pair> withoutSharing = pairGrid("analysis-agreements-without-sharing", false);
        withoutSharing.setItems(r.agreementsWithoutSharing());
        Grid<Pair> withoutAgreement = pairGrid("analysis-sharing-without-agreement", true);
        withoutAgreement.setItems(r.sharingWithoutAgreement());
        return panel(AnalysisParts.note(getTranslation("analysis.formal.withoutSharing", number(r.agreementsWithoutSharingCount()),
                        r.parameters().minimumShared())), withoutSharing,
                csv(file + "-afspraken-zonder-gedeelde-clienten.csv", () -> pairsCsv(r.agreementsWithoutSharing(), false)),
                AnalysisParts.note(getTranslation("analysis.formal.withoutAgreement", number(r.sharingWithoutAgreementCount()),
                        r.parameters().heavySharing())), withoutAgreement,
                csv(file + "-gedeelde-clienten-zonder-afspraak.csv", () -> pairsCsv(r.sharingWithoutAgreement(), true)));
    }

    private Grid<Pair> pairGrid(String id, boolean withCount) {
        Grid<Pair> grid = grid(id);
        grid.addColumn(p -> p.a().name()).setHeader(getTranslation("analysis.column.providerA")).setFlexGrow(3);
        grid.addColumn(p -> p.b().name()).setHeader(getTranslation("analysis.column.providerB")).setFlexGrow(3);
        if (withCount) {
            grid.addColumn(p -> number(p.sharedClients())).setHeader(getTranslation("analysis.column.sharedClients"))
                    .setTextAlign(ColumnTextAlign.END).setComparator(Pair::sharedClients);
        } else {
            grid.addColumn(p -> String.join(", ", p.agreementKinds())).setHeader(getTranslation("analysis.column.agreement"));
        }
        return grid;
    }

    private byte[] pairsCsv(List<Pair> pairs, boolean withCount) {
        return CsvExport.toBytes(List.of("id_a", "naam_a", "id_b", "naam_b", withCount ? "gedeelde_clienten" : "afspraak"),
                pairs.stream().map(p -> List.<Object>of(p.a().id(), p.a().name(), p.b().id(), p.b().name(),
                        withCount ? p.sharedClients() : String.join(" ", p.agreementKinds()))).toList());
    }

    private Component degrees(Report r, String file) {
        record Degree(int degree, int providers) {
        }
        Grid<Degree> grid = grid("analysis-degrees");
        grid.addColumn(d -> number(d.degree())).setHeader(getTranslation("analysis.column.degree"))
                .setTextAlign(ColumnTextAlign.END).setComparator(Degree::degree);
        grid.addColumn(d -> number(d.providers())).setHeader(getTranslation("analysis.column.providers"))
                .setTextAlign(ColumnTextAlign.END).setComparator(Degree::providers);
        List<Degree> rows = r.degreeDistribution().entrySet().stream().map(e -> new Degree(e.getKey(), e.getValue())).toList();
        grid.setItems(rows);
        degreeChart.setChart(AnalysisParts.degreeChart(this, getTranslation("analysis.degrees.chart", r.regionName()), r));
        degreeChart.setId("analysis-degree-chart");
        Button png = new Button(getTranslation("analysis.png"), e -> degreeChart.downloadPng(file + "-gradenverdeling.png"));
        png.setId("analysis-degree-png");
        return panel(AnalysisParts.note(getTranslation("analysis.degrees.explained", decimal(r.meanDegree(), 1), number(r.maxDegree()))),
                degreeChart, png, grid, csv(file + "-gradenverdeling.csv", () -> CsvExport.toBytes(List.of("verbindingen", "aanbieders"),
                        rows.stream().map(d -> List.<Object>of(d.degree(), d.providers())).toList())));
    }

    private Component graphTab(Report r) {
        drawGraph(r);
        Button png = new Button(getTranslation("analysis.png"), e -> graph.downloadPng("analyse-"
                + r.parameters().regionCode() + ".png"));
        png.setId("analysis-png");
        HorizontalLayout bar = new HorizontalLayout(colouring, png);
        bar.setAlignItems(Alignment.BASELINE);
        Paragraph note = AnalysisParts.note(r.pictureComplete() ? getTranslation("analysis.graph.complete", number(r.nodes()))
                : getTranslation("analysis.graph.partial", number(r.pictureNodes().size()), number(r.nodes())));
        return panel(bar, note, graph);
    }

    private Component mapTab(Report r) {
        String boundaries;
        try {
            boundaries = coverage.boundaries(r.parameters().regionCode(), user);
        } catch (RuntimeException e) {
            // The rest of the analysis stays usable when the region's outlines cannot be read.
            org.slf4j.LoggerFactory.getLogger(AnalysisView.class).warn("No map for region {}", r.parameters().regionCode(), e);
            return AnalysisParts.note(getTranslation("analysis.map.unavailable"));
        }
        mapPanel = new AnalysisMapPanel(r, boundaries, format(), tileUrl,
                tileAttribution, mapMetric, m -> {
                    mapMetric = m;
                    replaceUrl();
                }, this::csv);
        tables.put("analysis-municipalities", mapPanel.table);
        return mapPanel;
    }

    private Component trendTab(Report r) {
        trendPanel = new AnalysisTrendPanel(r, snapshots, user, format(), trendMetric, m -> {
            trendMetric = m;
            replaceUrl();
        }, this::csv);
        tables.put("analysis-snapshots", trendPanel.table);
        return trendPanel;
    }

    /** The printable region report of these parameters ({@link AnalysisReportView}). */
    private String reportLink(Report r) {
        return "analyse/rapport?" + QueryParameters.simple(parametersOf(r.parameters())).getQueryString();
    }

    static Map<String, String> parametersOf(Parameters p) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(REGION, p.regionCode());
        parameters.put(KINDS, p.kinds().stream().sorted().map(KIND_PARAMETER::get).collect(Collectors.joining(",")));
        parameters.put(MINIMUM, String.valueOf(p.minimumShared()));
        parameters.put(HEAVY, String.valueOf(p.heavySharing()));
        if (p.domain() != null) {
            parameters.put(DOMAIN, p.domain());
        }
        return parameters;
    }

    /** Puts the tab and the map and trend figures in the address bar without navigating (nothing is recomputed). */
    private void replaceUrl() {
        Map<String, String> parameters = new LinkedHashMap<>(urlParameters);
        putViewChoices(parameters);
        parameters.values().removeIf(String::isEmpty);
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new com.vaadin.flow.router.Location("analyse", QueryParameters.simple(parameters))));
    }

    /** The tab (when one was chosen) and the map and trend figures, as URL parameters. */
    private void putViewChoices(Map<String, String> parameters) {
        if (!chosenTab.isEmpty()) {
            parameters.put(TAB, chosenTab);
        } else {
            parameters.remove(TAB);
        }
        parameters.put(MAP_METRIC, mapMetric.parameter);
        parameters.put(TREND_METRIC, trendMetric.name().toLowerCase(Locale.ROOT));
    }

    private static Optional<AnalysisSnapshots.Metric> trendMetricOf(String text) {
        for (AnalysisSnapshots.Metric m : AnalysisSnapshots.Metric.values()) {
            if (m.name().equalsIgnoreCase(text)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------------------------------------------ what-if

    private Component whatIfTab(Report r, Map<String, String> types) {
        com.vaadin.flow.component.combobox.MultiSelectComboBox<ProviderRef> leaving =
                new com.vaadin.flow.component.combobox.MultiSelectComboBox<>(getTranslation("analysis.whatIf.providers"));
        leaving.setItems((provider, filter) -> provider.name().toLowerCase(getLocale()).contains(filter.toLowerCase(getLocale()))
                || provider.id().equalsIgnoreCase(filter), r.providers());
        leaving.setItemLabelGenerator(p -> p.name() + " · " + typeName(types, p.type()));
        leaving.setWidth("34em");
        leaving.setId("analysis-what-if-providers");
        ComboBox<Analysis.NetworkOption> dissolving = new ComboBox<>(getTranslation("analysis.whatIf.network"));
        dissolving.setItems(analysis.networks(r.parameters().regionCode(), user));
        dissolving.setItemLabelGenerator(o -> getTranslation("analysis.whatIf.networkOption", o.name(), o.members()));
        dissolving.setClearButtonVisible(true);
        dissolving.setWidth("26em");
        dissolving.setId("analysis-what-if-network");
        Button run = new Button(getTranslation("analysis.whatIf.run"));
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.setId("analysis-what-if-run");
        run.addClickListener(e -> startWhatIf(r.parameters(), leaving.getValue().stream().map(ProviderRef::id)
                .collect(Collectors.toSet()), dissolving.getValue() == null ? null : dissolving.getValue().id(), types));
        HorizontalLayout form = new HorizontalLayout(leaving, dissolving, run);
        form.setAlignItems(Alignment.BASELINE);
        form.setWrap(true);
        whatIfResult.removeAll();
        whatIfResult.setId("analysis-what-if-result");
        return panel(AnalysisParts.note(getTranslation("analysis.whatIf.explained")), form, whatIfResult);
    }

    void startWhatIf(Parameters parameters, Set<String> providerIds, @Nullable String networkId, Map<String, String> types) {
        message.setText("");
        stopRunning();
        AtomicBoolean flag = new AtomicBoolean();
        cancelFlag = flag;
        whenDone = result -> showWhatIf((Analysis.WhatIf) result, types);
        running = CompletableFuture.supplyAsync(() -> analysis.whatIf(parameters, providerIds, networkId, user, flag::get),
                WORKERS);
        progress.setVisible(true);
        cancel.setVisible(true);
        compute.setEnabled(false);
        progressText.setText(getTranslation("analysis.running"));
        poll(true);
    }

    private void showWhatIf(Analysis.WhatIf w, Map<String, String> types) {
        whatIfResult.removeAll();
        record Row(String measure, String before, String after) {
        }
        List<Row> rows = List.of(
                new Row(getTranslation("analysis.card.ties"), number(w.tiesBefore()), number(w.tiesAfter())),
                new Row(getTranslation("analysis.card.components"), number(w.componentsBefore()), number(w.componentsAfter())),
                new Row(getTranslation("analysis.whatIf.largest"), number(w.largestBefore()), number(w.largestAfter())),
                new Row(getTranslation("analysis.card.isolated"), number(w.isolatedBefore()), number(w.isolatedAfter())));
        Grid<Row> comparison = grid("analysis-what-if-comparison");
        comparison.addColumn(Row::measure).setHeader(getTranslation("analysis.whatIf.measure")).setFlexGrow(3);
        comparison.addColumn(Row::before).setHeader(getTranslation("analysis.whatIf.before")).setTextAlign(ColumnTextAlign.END);
        comparison.addColumn(Row::after).setHeader(getTranslation("analysis.whatIf.after")).setTextAlign(ColumnTextAlign.END);
        comparison.setItems(rows);
        comparison.setHeight(null);
        comparison.setAllRowsVisible(true);
        String leaving = w.removed().stream().map(ProviderRef::name).collect(Collectors.joining(", "));
        Paragraph summary = new Paragraph(getTranslation("analysis.whatIf.summary",
                leaving.isEmpty() ? "—" : leaving, w.networkName() == null ? "—" : w.networkName(),
                number(w.componentsSplit()), w.clientsAffected().format(getLocale()),
                w.clientsLosingRequiredType().format(getLocale()), w.clientsLosingCoordinator().format(getLocale())));
        summary.setId("analysis-what-if-summary");
        Grid<Analysis.CoverageLoss> coverage = grid("analysis-what-if-coverage");
        coverage.addColumn(Analysis.CoverageLoss::municipalityName).setHeader(getTranslation("analysis.whatIf.municipality"));
        coverage.addColumn(c -> typeName(types, c.type())).setHeader(getTranslation("analysis.column.type"));
        coverage.setItems(w.coverageLost());
        coverage.setVisible(!w.coverageLost().isEmpty());
        Grid<Broker> brokers = grid("analysis-what-if-brokers");
        providerColumns(brokers, Broker::provider, types);
        brokers.addColumn(b -> decimal(b.betweenness(), 4)).setHeader(getTranslation("analysis.column.betweenness"))
                .setTextAlign(ColumnTextAlign.END);
        brokers.addColumn(b -> w.emergingBrokerIds().contains(b.provider().id()) ? getTranslation("analysis.whatIf.new") : "")
                .setHeader(getTranslation("analysis.whatIf.emerging"));
        brokers.setItems(w.brokersAfter());
        Grid<ProviderRef> isolated = grid("analysis-what-if-isolated");
        providerColumns(isolated, p -> p, types);
        isolated.setItems(w.newlyIsolated());
        isolated.setVisible(!w.newlyIsolated().isEmpty());
        String file = "wat-als-" + w.parameters().regionCode();
        Anchor coverageCsv = csv(file + "-dekkingsverlies.csv", () -> CsvExport.toBytes(List.of("gemeentecode", "gemeente",
                "soort"), w.coverageLost().stream().map(c -> List.<Object>of(c.municipalityCode(), c.municipalityName(),
                typeName(types, c.type()))).toList()));
        coverageCsv.setVisible(!w.coverageLost().isEmpty());
        whatIfResult.add(summary, comparison,
                AnalysisParts.note(getTranslation("analysis.whatIf.coverage", number(w.coverageLost().size()))), coverage,
                coverageCsv,
                AnalysisParts.note(getTranslation("analysis.whatIf.brokers")), brokers,
                AnalysisParts.note(getTranslation("analysis.whatIf.isolated", number(w.newlyIsolated().size()))), isolated,
                AnalysisParts.note(getTranslation("analysis.whatIf.took", seconds(w.took().toMillis()))));
    }

    private void drawGraph(Report r) {
        boolean byDomain = "domain".equals(colouring.getValue());
        Map<String, String> types = analysis.typeNames(getLocale());
        double maxBetweenness = r.pictureNodes().stream().mapToDouble(Node::betweenness).max().orElse(0);
        // Names on hundreds of nodes cover the picture; then they show on hover only.
        boolean labelled = r.pictureNodes().size() <= 150;
        List<GraphNode> nodes = r.pictureNodes().stream().map(n -> new GraphNode(n.provider().id(),
                labelled ? n.provider().name() : "",
                byDomain ? DOMAIN_COLOURS.getOrDefault(n.provider().domain(), "#757575") : communityColour(n.community()),
                "ellipse", 14 + (maxBetweenness == 0 ? 0 : 26 * n.betweenness() / maxBetweenness),
                n.provider().name() + " · " + typeName(types, n.provider().type()) + " · "
                        + getTranslation("domain." + n.provider().domain()) + " · "
                        + getTranslation("analysis.tooltip", n.degree(), n.community() + 1),
                List.of())).toList();
        List<GraphEdge> edges = new ArrayList<>();
        for (int i = 0; i < r.pictureEdges().size(); i++) {
            var e = r.pictureEdges().get(i);
            edges.add(new GraphEdge("e" + i, e.source(), e.target(), "", "#b0bec5", "solid", 1, false, "", List.of()));
        }
        graph.setElements(nodes, edges);
        graph.setLayout(nodes.size() > 300 ? "cose" : "fcose");
        List<LegendItem> legend = new ArrayList<>();
        if (byDomain) {
            DOMAINS.forEach(d -> legend.add(new LegendItem(DOMAIN_COLOURS.get(d), "ellipse", getTranslation("domain." + d))));
            graph.setLegend(getTranslation("analysis.colouring.domain"), legend);
        } else {
            r.communities().stream().limit(COMMUNITY_COLOURS.size()).forEach(c -> legend.add(new LegendItem(
                    communityColour(c.number() - 1), "ellipse", getTranslation("analysis.legend.community", c.number(),
                    getTranslation("domain." + c.mainDomain())))));
            legend.add(new LegendItem("#9e9e9e", "ellipse", getTranslation("analysis.legend.otherCommunities")));
            graph.setLegend(getTranslation("analysis.colouring.community"), legend);
        }
    }

    private static String communityColour(int community) {
        return community < COMMUNITY_COLOURS.size() ? COMMUNITY_COLOURS.get(community) : "#9e9e9e";
    }

    // ----------------------------------------------------------------------------------------------------- helpers

    private <T> Grid<T> grid(String id) {
        Grid<T> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setId(id);
        tables.put(id, grid);
        grid.setHeight("22em");
        grid.setWidthFull();
        return grid;
    }

    private <T> void providerColumns(Grid<T> grid, Function<T, ProviderRef> provider, Map<String, String> types) {
        grid.addColumn(t -> provider.apply(t).name()).setHeader(getTranslation("analysis.column.provider")).setFlexGrow(3)
                .setSortable(true);
        grid.addColumn(t -> typeName(types, provider.apply(t).type())).setHeader(getTranslation("analysis.column.type"))
                .setFlexGrow(2).setSortable(true);
        grid.addColumn(t -> getTranslation("domain." + provider.apply(t).domain()))
                .setHeader(getTranslation("analysis.column.domain")).setFlexGrow(2).setSortable(true);
    }

    private static List<String> providerHeader(List<String> more) {
        List<String> header = new ArrayList<>(List.of("id", "naam", "soort", "domein", "gemeente"));
        header.addAll(more);
        return header;
    }

    private static List<Object> providerRow(ProviderRef p, Map<String, String> types, Object... more) {
        List<Object> row = new ArrayList<>(List.of(p.id(), p.name(), typeName(types, p.type()), p.domain(),
                p.municipalityCode()));
        row.addAll(Arrays.asList(more));
        return row;
    }

    private static String typeName(Map<String, String> types, String code) {
        return types.getOrDefault(code, code);
    }

    private Div panel(Component... children) {
        Div panel = new Div(children);
        panel.addClassName("atlas-panel");
        panel.setWidthFull();
        return panel;
    }

    private Anchor csv(String fileName, Supplier<byte[]> bytes) {
        return CsvDownload.link(fileName, getTranslation("overview.export"), bytes);
    }

    private Component card(String id, String label, String value) {
        Span number = new Span(value);
        number.addClassName("atlas-card-value");
        Span caption = new Span(label);
        caption.addClassName("atlas-card-label");
        Div card = new Div(number, caption);
        card.addClassName("atlas-card");
        card.setId("analysis-card-" + id);
        return card;
    }

    private AnalysisFormat format() {
        return new AnalysisFormat(getLocale());
    }

    private String number(long value) {
        return format().number(value);
    }

    private String decimal(double value, int digits) {
        return format().decimal(value, digits);
    }

    private String percent(double share) {
        return format().percent(share);
    }

    private String seconds(long millis) {
        return format().seconds(millis);
    }

    private String dateTime(java.time.OffsetDateTime at) {
        return format().dateTime(at);
    }

    private List<RegionSummary> visibleRegions(String kind) {
        return regions.regions(kind).stream().filter(r -> regionAccess.mayView(user, r.code())).toList();
    }

    static String defaultRegion(AtlasPrincipal user) {
        return user.role() == Role.NETWORK_MANAGER ? user.regionCodes().stream().findFirst().orElse(DEFAULT_REGION)
                : DEFAULT_REGION;
    }

    private static Set<TieKind> kindsOf(String text) {
        Set<TieKind> chosen = EnumSet.noneOf(TieKind.class);
        for (String part : text.split(",")) {
            KIND_PARAMETER.forEach((kind, name) -> {
                if (name.equals(part.strip())) {
                    chosen.add(kind);
                }
            });
        }
        return chosen;
    }

    private static Optional<Integer> integer(String text) {
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return report == null ? getTranslation("analysis.title") : getTranslation("analysis.title") + " · " + report.regionName();
    }
}
