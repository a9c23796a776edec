package nl.netwerkzorg.atlas.overview.ui;

import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
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
import nl.netwerkzorg.atlas.geography.ui.RegionKinds;
import nl.netwerkzorg.atlas.geography.RegionService;
import nl.netwerkzorg.atlas.geography.RegionService.RegionSummary;
import nl.netwerkzorg.atlas.overview.OverviewService;
import nl.netwerkzorg.atlas.overview.RegionOverview;
import nl.netwerkzorg.atlas.overview.RegionOverview.ConditionCount;
import nl.netwerkzorg.atlas.overview.RegionOverview.TypeCount;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.CurrentUser;
import nl.netwerkzorg.atlas.security.Role;

/**
 * Overzicht: for a chosen region, the number of municipalities, inhabitants, providers per type, networks,
 * clients and clients per condition. The region is in the URL ({@code ?regio=PV26}) so a link can be shared.
 */
@Route("")
@Menu(title = "nav.overview", order = 0, icon = "vaadin:dashboard")
@RolesAllowed({Role.ADMIN_NAME, Role.NETWORK_MANAGER_NAME, Role.POLICY_ANALYST_NAME, Role.CARE_STAFF_NAME})
public class OverviewView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    public static final String REGION_PARAMETER = "regio";
    static final String DEFAULT_REGION = "PV26";

    private final OverviewService overviewService;
    private final RegionService regionService;
    private final AtlasPrincipal user;

    final Select<String> kind = new Select<>();
    final ComboBox<RegionSummary> region = new ComboBox<>();
    final H2 heading = new H2();
    final Div cards = new Div();
    final Grid<TypeCount> providersByType = new Grid<>();
    final Grid<ConditionCount> clientsByCondition = new Grid<>();
    final Paragraph message = new Paragraph();
    final Span serverTime = new Span();
    final Paragraph countedAt = new Paragraph();
    private boolean updatingFilters;

    public OverviewView(OverviewService overviewService, RegionService regionService, CurrentUser currentUser) {
        this.overviewService = overviewService;
        this.regionService = regionService;
        this.user = currentUser.require();
        addClassName("atlas-overview");
        setSizeFull();

        kind.setLabel(getTranslation("overview.regionKind"));
        kind.setItems(regionService.kinds());
        kind.setItemLabelGenerator(k -> RegionKinds.label(this, k));
        kind.addValueChangeListener(e -> {
            if (!updatingFilters && e.isFromClient()) {
                List<RegionSummary> regions = visibleRegions(e.getValue());
                region.setItems(regions);
                regions.stream().findFirst().ifPresent(r -> navigateTo(r.code()));
            }
        });
        region.setLabel(getTranslation("overview.region"));
        region.setItemLabelGenerator(RegionSummary::name);
        region.setWidth("22em");
        region.addValueChangeListener(e -> {
            if (!updatingFilters && e.getValue() != null) {
                navigateTo(e.getValue().code());
            }
        });
        HorizontalLayout filters = new HorizontalLayout(kind, region);
        filters.setAlignItems(Alignment.BASELINE);

        cards.addClassName("atlas-cards");
        cards.setWidthFull();

        providersByType.addColumn(TypeCount::name).setHeader(getTranslation("overview.column.type")).setFlexGrow(3)
                .setSortable(true);
        providersByType.addColumn(t -> getTranslation("domain." + t.domain())).setHeader(getTranslation("overview.column.domain"))
                .setFlexGrow(2).setSortable(true);
        providersByType.addColumn(t -> format(t.count())).setHeader(getTranslation("overview.column.count"))
                .setTextAlign(ColumnTextAlign.END).setComparator(TypeCount::count).setFlexGrow(1);
        providersByType.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        providersByType.setId("providers-by-type");

        clientsByCondition.addColumn(ConditionCount::name).setHeader(getTranslation("overview.column.condition"))
                .setFlexGrow(3).setSortable(true);
        clientsByCondition.addColumn(c -> c.count().format(getLocale())).setHeader(getTranslation("overview.column.count"))
                .setTextAlign(ColumnTextAlign.END).setComparator(ConditionCount::count).setFlexGrow(1);
        clientsByCondition.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        clientsByCondition.setId("clients-by-condition");

        Div left = new Div(new H3(getTranslation("overview.providersByType")), providersByType);
        countedAt.setId("clients-by-condition-computed-at");
        Div right = new Div(new H3(getTranslation("overview.clientsByCondition")), clientsByCondition,
                new Paragraph(getTranslation("overview.suppressed")), countedAt);
        left.addClassName("atlas-panel");
        right.addClassName("atlas-panel");
        FlexLayout tables = new FlexLayout(left, right);
        tables.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        tables.getStyle().set("gap", "var(--lumo-space-l)");
        tables.setWidthFull();
        left.getStyle().set("flex", "3 1 28em");
        right.getStyle().set("flex", "2 1 22em");
        providersByType.setAllRowsVisible(true);
        clientsByCondition.setAllRowsVisible(true);

        serverTime.addClassName("atlas-server-time");
        message.setId("overview-message");
        add(heading, filters, message, cards, tables, serverTime);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<String> requested = event.getLocation().getQueryParameters().getSingleParameter(REGION_PARAMETER);
        String code = requested.orElseGet(this::defaultRegion);
        show(code);
    }

    private void show(String code) {
        message.setText("");
        cards.removeAll();
        if (!overviewService.mayView(user, code)) {
            clear(getTranslation("overview.noAccess"));
            return;
        }
        Optional<RegionOverview> overview = overviewService.overview(code, user, getLocale());
        if (overview.isEmpty()) {
            clear(getTranslation("overview.unknownRegion", code));
            return;
        }
        RegionOverview o = overview.get();
        updatingFilters = true;
        try {
            kind.setValue(o.regionKind());
            List<RegionSummary> regions = visibleRegions(o.regionKind());
            region.setItems(regions);
            regions.stream().filter(r -> r.code().equals(o.regionCode())).findFirst().ifPresent(region::setValue);
        } finally {
            updatingFilters = false;
        }
        heading.setText(getTranslation("overview.title") + " · " + o.regionName());
        cards.add(card("municipalities", getTranslation("overview.municipalities"), format(o.municipalities())),
                card("inhabitants", getTranslation(o.inhabitantsEstimated() ? "overview.inhabitants.estimated" : "overview.inhabitants"),
                        format(o.inhabitants())),
                card("providers", getTranslation("overview.providers"), format(o.providers())),
                card("networks", getTranslation("overview.networks"), format(o.networks())),
                card("clients", getTranslation("overview.clients"), o.clients().format(getLocale())));
        providersByType.setItems(o.providersByType());
        clientsByCondition.setItems(o.clientsByCondition());
        countedAt.setText(o.clientsByConditionComputedAt() == null ? getTranslation("overview.countedAt.never")
                : getTranslation("overview.countedAt", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(getLocale()).format(o.clientsByConditionComputedAt().atZoneSameInstant(ZoneId.systemDefault()))));
        serverTime.setText(getTranslation("overview.serverTime", o.serverMillis()));
        UI.getCurrent().getPage().setTitle(getPageTitle());
    }

    private void clear(String text) {
        heading.setText(getTranslation("overview.title"));
        message.setText(text);
        providersByType.setItems(List.of());
        clientsByCondition.setItems(List.of());
        countedAt.setText("");
        serverTime.setText("");
    }

    private Component card(String id, String label, String value) {
        Span number = new Span(value);
        number.addClassName("atlas-card-value");
        Span caption = new Span(label);
        caption.addClassName("atlas-card-label");
        Div card = new Div(number, caption);
        card.addClassName("atlas-card");
        card.setId("card-" + id);
        return card;
    }

    private List<RegionSummary> visibleRegions(String regionKind) {
        return regionService.regions(regionKind).stream().filter(r -> overviewService.mayView(user, r.code())).toList();
    }

    private String defaultRegion() {
        return switch (user.role()) {
            case NETWORK_MANAGER -> user.regionCodes().stream().findFirst().orElse(DEFAULT_REGION);
            case CARE_STAFF -> user.provider().flatMap(regionService::provinceOfProvider).orElse(DEFAULT_REGION);
            default -> regionService.region(DEFAULT_REGION).map(RegionSummary::code)
                    .or(() -> regionService.regions("PROVINCIE").stream().findFirst().map(RegionSummary::code))
                    .orElse(DEFAULT_REGION);
        };
    }

    private void navigateTo(String code) {
        UI.getCurrent().navigate(OverviewView.class, QueryParameters.of(REGION_PARAMETER, code));
    }

    private String format(long value) {
        return NumberFormat.getIntegerInstance(getLocale()).format(value);
    }


    @Override
    public String getPageTitle() {
        return getTranslation("overview.title") + " · " + getTranslation("app.title");
    }
}
