package nl.netwerkzorg.atlas.client.ui;

import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import nl.netwerkzorg.atlas.base.CsvExport;
import nl.netwerkzorg.atlas.base.ui.AtlasChart;
import nl.netwerkzorg.atlas.base.ui.AtlasChart.Chart;
import nl.netwerkzorg.atlas.base.ui.AtlasChart.Series;
import nl.netwerkzorg.atlas.base.ui.CsvDownload;
import nl.netwerkzorg.atlas.client.ClientFlag;
import nl.netwerkzorg.atlas.client.ClientRates;
import nl.netwerkzorg.atlas.client.ClientRates.Rate;
import nl.netwerkzorg.atlas.client.ClientRates.Rates;
import nl.netwerkzorg.atlas.client.ClientService;
import nl.netwerkzorg.atlas.client.Clients.Named;
import nl.netwerkzorg.atlas.geography.RegionService;
import nl.netwerkzorg.atlas.geography.RegionService.RegionSummary;
import nl.netwerkzorg.atlas.geography.ui.RegionKinds;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.CurrentUser;
import nl.netwerkzorg.atlas.security.RegionAccess;
import nl.netwerkzorg.atlas.security.Role;
import org.jspecify.annotations.Nullable;

/**
 * Signalen per regio: for network managers and policy makers, the share of clients with each quality flag per
 * municipality of a region and per condition, as tables and charts, with CSV. Aggregates only; a policy analyst sees
 * counts 1–4 as "&lt;5". Region, condition and the mapped flag are in the URL.
 */
@Route("signalen")
@Menu(title = "nav.clientRates", order = 3.6, icon = "vaadin:chart-grid")
@RolesAllowed({Role.ADMIN_NAME, Role.NETWORK_MANAGER_NAME, Role.POLICY_ANALYST_NAME})
public class ClientRatesView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String DEFAULT_REGION = "PV26";
    private static final Map<ClientFlag, String> COLOURS = Map.of(ClientFlag.PATHWAY_GAP, "#1565c0",
            ClientFlag.NO_COORDINATOR, "#64b5f6", ClientFlag.CARER_NOT_LINKED, "#8e24aa", ClientFlag.FRAGMENTED, "#ef6c00",
            ClientFlag.MEDICATION_SAFETY, "#c62828", ClientFlag.ALONE_AT_RISK, "#f06292");

    private final ClientRates rates;
    private final RegionService regions;
    private final RegionAccess access;
    private final AtlasPrincipal user;

    final Select<String> kind = new Select<>();
    final ComboBox<RegionSummary> region = new ComboBox<>();
    final Select<Optional<String>> condition = new Select<>();
    final Select<ClientFlag> flag = new Select<>();
    final Paragraph message = new Paragraph();
    final Paragraph computed = new Paragraph();
    final Div results = new Div();
    final Grid<Rate> municipalities = new Grid<>();
    final Grid<Rate> conditions = new Grid<>();
    final AtlasChart byMunicipality = new AtlasChart();
    final AtlasChart byCondition = new AtlasChart();
    private final Map<String, String> conditionNames = new LinkedHashMap<>();
    /** Read by the CSV downloads, which run outside the UI lock. */
    private volatile @Nullable Rates shown;
    private boolean reading;

    public ClientRatesView(ClientRates rates, ClientService clients, RegionService regions, RegionAccess access,
            CurrentUser currentUser) {
        this.rates = rates;
        this.regions = regions;
        this.access = access;
        this.user = currentUser.require();
        setSizeFull();
        Paragraph intro = new Paragraph(getTranslation("rates.intro." + (user.role() == Role.POLICY_ANALYST ? "analyst" : "other")));
        intro.addClassName("atlas-note");

        kind.setLabel(getTranslation("overview.regionKind"));
        kind.setItems(regions.kinds());
        kind.setItemLabelGenerator(k -> RegionKinds.label(this, k));
        kind.addValueChangeListener(e -> {
            if (!reading && e.isFromClient()) {
                visible(e.getValue()).stream().findFirst().ifPresent(r -> navigate(r.code(), null, null));
            }
        });
        region.setLabel(getTranslation("overview.region"));
        region.setItemLabelGenerator(RegionSummary::name);
        region.setWidth("20em");
        region.addValueChangeListener(e -> {
            if (!reading && e.getValue() != null) {
                navigate(e.getValue().code(), null, null);
            }
        });
        List<Optional<String>> conditionItems = new ArrayList<>();
        conditionItems.add(Optional.empty());
        for (Named k : clients.conditions(getLocale())) {
            conditionNames.put(k.code(), k.name());
            conditionItems.add(Optional.of(k.code()));
        }
        condition.setLabel(getTranslation("clients.filter.condition"));
        condition.setItems(conditionItems);
        condition.setItemLabelGenerator(k -> k.map(conditionNames::get).orElse(getTranslation("rates.allConditions")));
        condition.addValueChangeListener(e -> {
            if (!reading && e.isFromClient() && shown != null) {
                navigate(shown.regionCode(), e.getValue().orElse(null), flag.getValue());
            }
        });
        flag.setLabel(getTranslation("rates.flag"));
        flag.setItems(ClientFlag.values());
        flag.setItemLabelGenerator(this::flagLabel);
        flag.setWidth("20em");
        flag.addValueChangeListener(e -> {
            if (!reading && e.isFromClient() && shown != null) {
                navigate(shown.regionCode(), shown.conditionCode().orElse(null), e.getValue());
            }
        });

        message.setId("rates-message");
        message.addClassName("atlas-error");
        computed.addClassName("atlas-note");
        computed.setId("rates-computed");
        municipalities.setId("rates-municipalities");
        conditions.setId("rates-conditions");
        for (Grid<Rate> grid : List.of(municipalities, conditions)) {
            grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
            grid.addColumn(this::name).setHeader(getTranslation(grid == municipalities ? "clients.column.municipality"
                    : "clients.filter.condition")).setAutoWidth(true).setFrozen(true).setSortable(true)
                    .setComparator(Comparator.comparing(Rate::name));
            grid.addColumn(r -> r.clients().format(getLocale())).setHeader(getTranslation("rates.clients"))
                    .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setSortable(true).setComparator(Rate::clients);
            for (ClientFlag f : ClientFlag.values()) {
                grid.addColumn(r -> cell(r, f)).setHeader(getTranslation("clients.flag." + f.name()))
                        .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setSortable(true)
                        .setComparator(Comparator.comparing((Rate r) -> r.share(f).orElse(-1.0)));
            }
            grid.setAllRowsVisible(true);
        }
        byMunicipality.setId("rates-chart-municipalities");
        byCondition.setId("rates-chart-conditions");
        byCondition.setHeight("22em");

        Button municipalityPng = new Button(getTranslation("clients.ecogram.png"),
                e -> byMunicipality.downloadPng("signalen-per-gemeente.png"));
        Button conditionPng = new Button(getTranslation("clients.ecogram.png"),
                e -> byCondition.downloadPng("signalen-per-zorgvraag.png"));
        for (Button b : List.of(municipalityPng, conditionPng)) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        results.add(computed,
                new HorizontalLayout(new H3(getTranslation("rates.byMunicipality")), municipalityPng,
                        CsvDownload.link("signalen-per-gemeente.csv", getTranslation("clients.export"), this::municipalitiesCsv)),
                flag, byMunicipality, municipalities,
                new HorizontalLayout(new H3(getTranslation("rates.byCondition")), conditionPng,
                        CsvDownload.link("signalen-per-zorgvraag.csv", getTranslation("clients.export"),
                                () -> csv(shown == null ? List.of() : shown.conditions(), false))),
                byCondition, conditions);
        results.setWidthFull();
        FlexLayout filters = new FlexLayout(kind, region, condition);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(Alignment.BASELINE);
        filters.getStyle().set("gap", "var(--lumo-space-m)");
        add(new H2(getTranslation("rates.title")), intro, filters, message, results);
    }

    /** The region's own row (the total) is named as such; a municipality may carry the region's name. */
    private String name(Rate r) {
        return shown != null && r.code().equals(shown.regionCode()) ? getTranslation("rates.total", r.name()) : r.name();
    }

    private String flagLabel(ClientFlag f) {
        return getTranslation("clients.theme." + f.theme().name()) + " · " + getTranslation("clients.flag." + f.name());
    }

    private String cell(Rate r, ClientFlag f) {
        var n = r.flagged().get(f);
        return n.format(getLocale()) + r.share(f).map(s -> " (" + percent(s) + ")").orElse("");
    }

    private String percent(double share) {
        NumberFormat format = NumberFormat.getPercentInstance(getLocale());
        format.setMaximumFractionDigits(1);
        return format.format(share);
    }

    private List<RegionSummary> visible(String regionKind) {
        return regions.regions(regionKind).stream().filter(r -> access.mayView(user, r.code())).toList();
    }

    private void navigate(String regionCode, @Nullable String conditionCode, @Nullable ClientFlag mapped) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("regio", regionCode);
        if (conditionCode != null) {
            query.put("zorgvraag", conditionCode);
        }
        if (mapped != null) {
            query.put("signaal", mapped.name());
        }
        UI.getCurrent().navigate(ClientRatesView.class, QueryParameters.simple(query));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters q = event.getLocation().getQueryParameters();
        String regionCode = q.getSingleParameter("regio").orElseGet(() -> user.role() == Role.NETWORK_MANAGER
                ? user.regionCodes().stream().findFirst().orElse(DEFAULT_REGION) : DEFAULT_REGION);
        List<String> problems = new ArrayList<>();
        Optional<String> conditionCode = q.getSingleParameter("zorgvraag");
        if (conditionCode.isPresent() && !conditionNames.containsKey(conditionCode.get())) {
            problems.add(getTranslation("rates.error.condition", shorten(conditionCode.get())));
            conditionCode = Optional.empty();
        }
        ClientFlag mapped = q.getSingleParameter("signaal").flatMap(s -> ClientFlag.of(List.of(s)).stream().findFirst())
                .orElse(ClientFlag.PATHWAY_GAP);
        Optional<RegionSummary> summary = regions.region(regionCode);
        if (summary.isEmpty()) {
            show(null, getTranslation("rates.error.region", shorten(regionCode)));
            return;
        }
        if (!access.mayView(user, regionCode)) {
            show(null, getTranslation("rates.error.access"));
            return;
        }
        reading = true;
        kind.setValue(summary.get().kind());
        region.setItems(visible(summary.get().kind()));
        region.setValue(summary.get());
        condition.setValue(conditionCode);
        flag.setValue(mapped);
        reading = false;
        show(rates.rates(user, regionCode, conditionCode, getLocale()).orElse(null), String.join(" ", problems));
    }

    private static String shorten(String text) {
        return text.length() > 30 ? text.substring(0, 30) + "…" : text;
    }

    private void show(@Nullable Rates r, String problem) {
        shown = r;
        message.setText(problem);
        message.setVisible(!problem.isBlank());
        results.setVisible(r != null);
        if (r == null) {
            return;
        }
        computed.setText(getTranslation("rates.summary", r.total().clients().format(getLocale()), r.regionName(),
                r.conditionCode().map(conditionNames::get).map(n -> getTranslation("rates.withCondition", n)).orElse(""),
                r.flagsComputedAt().map(at -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(getLocale()).format(at.atZoneSameInstant(ZoneId.of("Europe/Amsterdam"))))
                        .orElse(getTranslation("rates.notComputed"))));
        List<Rate> withTotal = new ArrayList<>(r.municipalities());
        withTotal.add(r.total());
        municipalities.setItems(withTotal);
        conditions.setItems(r.conditions());

        ClientFlag f = flag.getValue();
        List<Rate> sorted = r.municipalities().stream()
                .sorted(Comparator.comparing((Rate x) -> x.share(f).orElse(-1.0)).reversed()).toList();
        byMunicipality.setChart(new Chart(getTranslation("rates.chart.municipalities", getTranslation("clients.flag." + f.name())),
                "", sorted.stream().map(Rate::name).toList(), "%",
                List.of(Series.bars(getTranslation("clients.flag." + f.name()),
                        sorted.stream().map(x -> x.share(f).map(s -> Math.round(s * 1000) / 10.0).orElse(null)).toList(),
                        COLOURS.get(f)))));
        List<Series> series = new ArrayList<>();
        for (ClientFlag each : ClientFlag.values()) {
            series.add(Series.bars(getTranslation("clients.flag." + each.name()),
                    r.conditions().stream().map(x -> x.share(each).map(s -> Math.round(s * 1000) / 10.0).orElse(null)).toList(),
                    COLOURS.get(each)));
        }
        byCondition.setChart(new Chart(getTranslation("rates.chart.conditions"), "",
                r.conditions().stream().map(Rate::name).toList(), "%", series));
    }

    /** The per-municipality CSV as the download serves it (for tests). */
    byte[] municipalitiesCsv() {
        return csv(shown == null ? List.of() : shown.municipalities(), true);
    }

    private byte[] csv(List<Rate> rows, boolean withTotal) {
        List<String> header = new ArrayList<>(List.of(getTranslation("rates.csv.code"), getTranslation("rates.csv.name"),
                getTranslation("rates.clients")));
        for (ClientFlag f : ClientFlag.values()) {
            header.add(getTranslation("clients.flag." + f.name()));
            header.add(getTranslation("clients.flag." + f.name()) + " %");
        }
        List<Rate> all = new ArrayList<>(rows);
        if (withTotal && shown != null) {
            all.add(shown.total());
        }
        List<List<Object>> lines = new ArrayList<>();
        for (Rate r : all) {
            List<Object> line = new ArrayList<>(List.of(r.code(), name(r), count(r.clients())));
            for (ClientFlag f : ClientFlag.values()) {
                line.add(count(r.flagged().get(f)));
                line.add(r.share(f).map(s -> (Object) new CsvExport.Numeric(String.format(getLocale(), "%.1f", s * 100))).orElse(""));
            }
            lines.add(line);
        }
        return CsvExport.toBytes(header, lines);
    }

    private Object count(nl.netwerkzorg.atlas.overview.SuppressedCount n) {
        return n.suppressed() ? n.format(getLocale()) : new CsvExport.Numeric(String.valueOf(n.value()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("rates.title") + " · " + getTranslation("app.title");
    }
}
