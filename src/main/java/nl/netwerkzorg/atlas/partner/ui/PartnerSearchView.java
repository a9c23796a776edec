package nl.netwerkzorg.atlas.partner.ui;

import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import nl.netwerkzorg.atlas.base.CsvExport;
import nl.netwerkzorg.atlas.base.ui.AtlasMap;
import nl.netwerkzorg.atlas.base.ui.AtlasMap.LegendItem;
import nl.netwerkzorg.atlas.base.ui.AtlasMap.Marker;
import nl.netwerkzorg.atlas.geography.ReferenceGeography;
import nl.netwerkzorg.atlas.partner.PartnerSearch;
import nl.netwerkzorg.atlas.partner.PartnerSearch.InvalidQuery;
import nl.netwerkzorg.atlas.partner.PartnerSearch.Order;
import nl.netwerkzorg.atlas.partner.PartnerSearch.Origin;
import nl.netwerkzorg.atlas.partner.PartnerSearch.Partner;
import nl.netwerkzorg.atlas.partner.PartnerSearch.Query;
import nl.netwerkzorg.atlas.partner.PartnerSearch.Result;
import nl.netwerkzorg.atlas.partner.PartnerSearchService;
import nl.netwerkzorg.atlas.partner.PartnerSearchService.ClientOption;
import nl.netwerkzorg.atlas.partner.PartnerSearchService.MunicipalityOption;
import nl.netwerkzorg.atlas.partner.ReferralService;
import nl.netwerkzorg.atlas.provider.Capacity;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.CurrentUser;
import nl.netwerkzorg.atlas.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;

/**
 * Partners zoeken: a care professional (or a network manager, or an administrator) finds available providers near one
 * of their clients, a municipality, a place or a point on the map, ranked by the explained score; sees why each ranks
 * where it does, on a list and a map; and records a referral for the client. Every search is in the URL, so a link can
 * be shared; results export as CSV. {@link BedFinderView} is the same screen focused on free ELV/GRZ beds.
 */
@Route("partners")
@Menu(title = "nav.partners", order = 3, icon = "vaadin:user-heart")
@RolesAllowed({Role.ADMIN_NAME, Role.NETWORK_MANAGER_NAME, Role.CARE_STAFF_NAME})
public class PartnerSearchView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Where a search starts, as the form shows it. */
    public enum Start {
        CLIENT("client"), MUNICIPALITY("gemeente"), PLACE("plaats"), POINT("punt");

        final String parameter;

        Start(String parameter) {
            this.parameter = parameter;
        }

        static Optional<Start> parse(String value) {
            return Arrays.stream(values()).filter(s -> s.parameter.equals(value)).findFirst();
        }
    }

    /** The form's values (the Binder's bean). */
    public static final class Form {
        Start start = Start.MUNICIPALITY;
        @Nullable ClientOption client;
        @Nullable MunicipalityOption municipality;
        String place = "";
        @Nullable Double lat;
        @Nullable Double lon;
        Set<String> types = new LinkedHashSet<>();
        boolean missing;
        @Nullable Integer radiusKm = PartnerSearch.DEFAULT_RADIUS_KM;
        boolean onlyAvailable;
        @Nullable Integer maxWaitingDays;
    }

    /** Partners listed per search (the API offers up to {@link PartnerSearch#MAX_RESULTS}). */
    static final int SHOWN = 50;
    static final String AVAILABLE = "#1a7f37";
    static final String STALE = "#d97706";
    static final String UNAVAILABLE = "#6b7280";

    private final PartnerSearchService partners;
    private final ReferralService referrals;
    private final AtlasPrincipal user;
    private final boolean beds;
    private final Map<String, String> typeNames;
    private final List<MunicipalityOption> municipalityOptions;

    final H2 heading = new H2();
    final RadioButtonGroup<Start> start = new RadioButtonGroup<>();
    final ComboBox<ClientOption> client = new ComboBox<>();
    final ComboBox<MunicipalityOption> municipality = new ComboBox<>();
    final TextField place = new TextField();
    final Span point = new Span();
    final MultiSelectComboBox<String> types = new MultiSelectComboBox<>();
    final Checkbox missing = new Checkbox();
    final IntegerField radius = new IntegerField();
    final Checkbox onlyAvailable = new Checkbox();
    final IntegerField maxWaiting = new IntegerField();
    final Button search = new Button();
    final Paragraph message = new Paragraph();
    final Paragraph summary = new Paragraph();
    final Grid<Partner> grid = new Grid<>();
    final AtlasMap map = new AtlasMap();
    final Div detail = new Div();
    final Div exportBox = new Div();
    final Binder<Form> binder = new Binder<>();

    private Form form = new Form();
    private @Nullable Result result;

    public PartnerSearchView(PartnerSearchService partners, ReferralService referrals, CurrentUser currentUser,
            @Value("${atlas.map.tile-url:}") String tileUrl, @Value("${atlas.map.tile-attribution:}") String tileAttribution) {
        this(partners, referrals, currentUser, tileUrl, tileAttribution, false);
    }

    protected PartnerSearchView(PartnerSearchService partners, ReferralService referrals, CurrentUser currentUser,
            String tileUrl, String tileAttribution, boolean beds) {
        this.partners = partners;
        this.referrals = referrals;
        this.user = currentUser.require();
        this.beds = beds;
        this.typeNames = partners.providerTypes(getLocale());
        this.municipalityOptions = partners.municipalities();
        addClassName("atlas-partners");
        setWidthFull();

        heading.setText(getTranslation(beds ? "beds.title" : "partner.title"));
        Paragraph intro = new Paragraph(getTranslation(beds ? "beds.intro" : "partner.intro"));
        intro.addClassName("atlas-note");

        start.setLabel(getTranslation("partner.start"));
        start.setItems(Start.values());
        start.setItemLabelGenerator(s -> getTranslation("partner.start." + s.parameter));
        start.addValueChangeListener(e -> showStartFields());
        client.setLabel(getTranslation("partner.client"));
        client.setPlaceholder(getTranslation(user.role() == Role.CARE_STAFF ? "partner.client.placeholder.mine"
                : "partner.client.placeholder.any"));
        client.setItemLabelGenerator(c -> c.id() + " · " + c.ageBand() + " · " + c.municipality());
        client.setItems(query -> partners.clients(user, query.getFilter().orElse(""), query.getOffset(), query.getLimit())
                .stream());
        client.setWidth("20em");
        municipality.setLabel(getTranslation("partner.municipality"));
        municipality.setItems(municipalityOptions);
        municipality.setItemLabelGenerator(MunicipalityOption::name);
        municipality.setWidth("16em");
        place.setLabel(getTranslation("partner.place"));
        place.setPlaceholder(getTranslation("partner.place.placeholder"));
        place.setWidth("14em");
        point.addClassName("atlas-note");
        point.setId("partner-point");

        types.setLabel(getTranslation(beds ? "beds.types" : "partner.types"));
        types.setItems(beds ? bedTypes() : List.copyOf(typeNames.keySet()));
        types.setItemLabelGenerator(code -> typeNames.getOrDefault(code, code));
        types.setAutoExpand(MultiSelectComboBox.AutoExpandMode.VERTICAL);
        types.setWidth("24em");
        missing.setLabel(getTranslation("partner.missing"));
        radius.setLabel(getTranslation("partner.radius"));
        radius.setMin(1);
        radius.setMax(PartnerSearch.MAX_RADIUS_KM);
        radius.setStepButtonsVisible(true);
        radius.setWidth("9em");
        onlyAvailable.setLabel(getTranslation(beds ? "beds.onlyFree" : "partner.onlyAvailable"));
        maxWaiting.setLabel(getTranslation("partner.maxWaiting"));
        maxWaiting.setMin(0);
        maxWaiting.setMax(Capacity.MAX_WAITING_DAYS);
        maxWaiting.setWidth("10em");
        maxWaiting.setVisible(!beds);
        missing.setVisible(!beds);
        search.setText(getTranslation("partner.search"));
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.addClickListener(e -> submit());
        search.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        start.setId("partner-start");
        client.setId("partner-client");
        municipality.setId("partner-municipality");
        place.setId("partner-place");
        types.setId("partner-types");
        radius.setId("partner-radius");
        search.setId("partner-search");
        bind();

        FlexLayout startRow = new FlexLayout(start, client, municipality, place, point);
        FlexLayout whatRow = new FlexLayout(types, missing, radius, onlyAvailable, maxWaiting, search);
        for (FlexLayout row : List.of(startRow, whatRow)) {
            row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
            row.setAlignItems(Alignment.BASELINE);
            row.getStyle().set("gap", "var(--lumo-space-m)");
            row.setWidthFull();
        }
        message.setId("partner-message");
        message.addClassName("atlas-error");
        message.setVisible(false);
        summary.setId("partner-summary");

        configureGrid();
        map.setId("partner-map");
        map.setAttribution(ReferenceGeography.ATTRIBUTION);
        if (!tileUrl.isBlank()) {
            map.setTileLayer(tileUrl, tileAttribution);
        }
        map.setPointPicking(true);
        map.addMapClickListener(e -> {
            if (start.getValue() == Start.POINT) {
                form.lat = Math.round(e.latitude() * 100_000) / 100_000.0;
                form.lon = Math.round(e.longitude() * 100_000) / 100_000.0;
                showPoint();
            }
        });
        map.addMarkerClickListener(e -> current().flatMap(r -> r.partners().stream()
                .filter(p -> p.id().equals(e.id())).findFirst()).ifPresent(grid::select));
        map.setLegend(getTranslation("partner.legend"), List.of(
                new LegendItem(AVAILABLE, getTranslation("partner.legend.available")),
                new LegendItem(STALE, getTranslation("partner.legend.stale")),
                new LegendItem(UNAVAILABLE, getTranslation("partner.legend.unavailable"))));
        detail.setId("partner-detail");
        detail.addClassNames("atlas-panel", "atlas-detail");

        Div mapBox = new Div(map);
        mapBox.addClassName("atlas-map-box");
        mapBox.getStyle().set("flex", "1 1 22em").set("min-width", "0");
        Div left = new Div(summary, grid, exportBox);
        left.getStyle().set("flex", "3 1 46em").set("min-width", "0");
        Div right = new Div(mapBox, detail);
        right.getStyle().set("flex", "2 1 20em").set("min-width", "0");
        FlexLayout results = new FlexLayout(left, right);
        results.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        results.getStyle().set("gap", "var(--lumo-space-l)");
        results.setWidthFull();
        add(heading, intro, startRow, whatRow, message, results);
        showDetail(null);
    }

    private List<String> bedTypes() {
        return typeNames.keySet().stream().filter(t -> List.of("ELV", "GRZ", "VERPLEEGHUIS").contains(t)).toList();
    }

    private void bind() {
        binder.forField(start).asRequired().bind(f -> f.start, (f, v) -> f.start = v);
        binder.forField(client)
                .withValidator((v, ctx) -> start.getValue() != Start.CLIENT || v != null
                        ? ValidationResult.ok() : ValidationResult.error(getTranslation("partner.error.client")))
                .bind(f -> f.client, (f, v) -> f.client = v);
        binder.forField(municipality)
                .withValidator((v, ctx) -> start.getValue() != Start.MUNICIPALITY || v != null
                        ? ValidationResult.ok() : ValidationResult.error(getTranslation("partner.error.municipality")))
                .bind(f -> f.municipality, (f, v) -> f.municipality = v);
        binder.forField(place)
                .withValidator((v, ctx) -> start.getValue() != Start.PLACE || v.strip().length() >= 2
                        ? ValidationResult.ok() : ValidationResult.error(getTranslation("partner.error.place")))
                .bind(f -> f.place, (f, v) -> f.place = v);
        binder.forField(types)
                .withValidator((v, ctx) -> !v.isEmpty() || (missing.getValue() && start.getValue() == Start.CLIENT)
                        ? ValidationResult.ok() : ValidationResult.error(getTranslation("partner.error.types")))
                .bind(f -> f.types, (f, v) -> f.types = new LinkedHashSet<>(v));
        binder.forField(missing)
                .withValidator((v, ctx) -> !v || start.getValue() == Start.CLIENT
                        ? ValidationResult.ok() : ValidationResult.error(getTranslation("partner.error.missing")))
                .bind(f -> f.missing, (f, v) -> f.missing = v);
        binder.forField(radius).asRequired(getTranslation("partner.error.radius", PartnerSearch.MAX_RADIUS_KM))
                .withValidator(v -> v >= 1 && v <= PartnerSearch.MAX_RADIUS_KM,
                        getTranslation("partner.error.radius", PartnerSearch.MAX_RADIUS_KM))
                .bind(f -> f.radiusKm, (f, v) -> f.radiusKm = v);
        binder.forField(onlyAvailable).bind(f -> f.onlyAvailable, (f, v) -> f.onlyAvailable = v);
        binder.forField(maxWaiting)
                .withValidator(v -> v == null || (v >= 0 && v <= Capacity.MAX_WAITING_DAYS),
                        getTranslation("partner.error.waiting", Capacity.MAX_WAITING_DAYS))
                .bind(f -> f.maxWaitingDays, (f, v) -> f.maxWaitingDays = v);
    }

    private void configureGrid() {
        grid.setId("partner-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setHeight("38em");
        grid.addColumn(Partner::rank).setHeader("#").setWidth("3.5rem").setFlexGrow(0);
        grid.addColumn(LitRenderer.<Partner>of("<div style=\"white-space: normal\"><strong>${item.name}</strong><br><small>${item.type}</small></div>")
                        .withProperty("name", Partner::name).withProperty("type", Partner::typeName))
                .setHeader(getTranslation("partner.column.provider")).setFlexGrow(2).setKey("provider").setWidth("10rem");
        grid.addColumn(p -> String.format(getLocale(), "%.1f km", p.distanceKm())).setHeader(getTranslation("partner.column.distance"))
                .setTextAlign(ColumnTextAlign.END).setWidth("6rem").setFlexGrow(0);
        if (beds) {
            grid.addColumn(p -> (p.availability().available() == null ? "?" : p.availability().available()) + " / "
                            + (p.availability().capacity() == null ? "?" : p.availability().capacity()))
                    .setHeader(getTranslation("beds.column.free")).setTextAlign(ColumnTextAlign.END).setWidth("7rem").setFlexGrow(0);
        }
        grid.addColumn(LitRenderer.<Partner>of("<div style=\"white-space: normal\">${item.text}<br><small>${item.age}</small> "
                                + "<span class=\"atlas-stale\" ?hidden=${!item.stale}>${item.staleText}</span></div>")
                        .withProperty("text", this::availabilityShort)
                        .withProperty("age", this::updatedShort)
                        .withProperty("stale", p -> p.availability().stale())
                        .withProperty("staleText", p -> getTranslation("partner.stale")))
                .setHeader(getTranslation("partner.column.availability")).setFlexGrow(1).setWidth("9rem");
        if (!beds) {
            grid.addColumn(this::networkSummary).setHeader(getTranslation("partner.column.network")).setFlexGrow(1).setWidth("8rem").setKey("network");
            grid.addColumn(p -> p.score().total()).setHeader(getTranslation("partner.column.score"))
                    .setTextAlign(ColumnTextAlign.END).setWidth("5rem").setFlexGrow(0);
        }
        grid.addSelectionListener(e -> {
            Partner selected = e.getFirstSelectedItem().orElse(null);
            map.setSelectedMarker(selected == null ? "" : selected.id());
            showDetail(selected);
        });
    }

    /** Availability in a few words: "2 van 30 vrij", "neemt aan · 5 d wachttijd", "vol · 40 d wachttijd". */
    private String availabilityShort(Partner p) {
        PartnerSearch.Availability a = p.availability();
        if (a.bedBased()) {
            return getTranslation("partner.short.beds", a.available() == null ? "?" : a.available(),
                    a.capacity() == null ? "?" : a.capacity());
        }
        if (a.acceptingClients() == null) {
            return getTranslation("partner.short.unknown");
        }
        String waiting = a.waitingDays() == null ? "?" : String.valueOf(a.waitingDays());
        return getTranslation(a.acceptingClients() ? "partner.short.accepting" : "partner.short.full", waiting);
    }

    private String updatedShort(Partner p) {
        return p.availability().updatedAt() == null ? getTranslation("partner.short.never")
                : getTranslation("partner.short.updated", partners.age(p.availability().updatedAt(),
                        java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC), getLocale()));
    }

    /** The strongest tie in a few words ("afspraak met uw organisatie", "2 gedeelde cliënten met huisarts"), +n for more. */
    private String networkSummary(Partner p) {
        if (p.ties().isEmpty()) {
            return "—";
        }
        PartnerSearch.Tie tie = p.ties().getFirst();
        String who = tie.role() == PartnerSearch.AnchorRole.CLIENT_PROVIDER
                ? typeNames.getOrDefault(tie.anchorType(), tie.anchorType()).toLowerCase(getLocale())
                : getTranslation("partner.who." + tie.role().name());
        String text = getTranslation("partner.tie." + tie.relation(), tie.sharedClients(), who);
        return p.ties().size() > 1 ? text + " (+" + (p.ties().size() - 1) + ")" : text;
    }

    // ------------------------------------------------------------------------------------------------------- URL

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> q = event.getLocation().getQueryParameters().getParameters();
        form = new Form();
        form.start = first(q, "start").flatMap(Start::parse)
                .orElse(user.role() == Role.CARE_STAFF && !beds ? Start.CLIENT : Start.MUNICIPALITY);
        first(q, "client").ifPresent(id -> form.client = partners.clients(user, id, 0, 50).stream()
                .filter(c -> c.id().equalsIgnoreCase(id)).findFirst().orElse(new ClientOption(id, "", "")));
        first(q, "gemeente").ifPresent(code -> form.municipality = municipalityOptions.stream()
                .filter(m -> m.code().equalsIgnoreCase(code)).findFirst().orElse(new MunicipalityOption(code, code)));
        form.place = first(q, "plaats").orElse("");
        form.lat = first(q, "lat").flatMap(PartnerSearchView::number).orElse(null);
        form.lon = first(q, "lon").flatMap(PartnerSearchView::number).orElse(null);
        form.types = first(q, "soort").map(s -> Arrays.stream(s.split(",")).filter(t -> !t.isBlank())
                .collect(Collectors.toCollection(LinkedHashSet::new)))
                .orElseGet(() -> new LinkedHashSet<>(beds ? List.of("ELV", "GRZ") : List.of()));
        form.missing = first(q, "mist").isPresent();
        form.radiusKm = first(q, "km").flatMap(PartnerSearchView::number).map(Double::intValue)
                .orElse(beds ? 20 : PartnerSearch.DEFAULT_RADIUS_KM);
        form.onlyAvailable = first(q, "beschikbaar").isPresent() || (beds && q.isEmpty());
        form.maxWaitingDays = first(q, "wacht").flatMap(PartnerSearchView::number).map(Double::intValue).orElse(null);
        Set<String> unknown = form.types.stream().filter(t -> !typeNames.containsKey(t)).collect(Collectors.toSet());
        form.types.removeAll(unknown);
        binder.readBean(form);
        showStartFields();
        showPoint();
        message.setVisible(false);
        if (!unknown.isEmpty()) {
            fail(getTranslation("partner.error.unknownType", String.join(", ", unknown)));
        } else if (!q.isEmpty()) {
            run();
        }
    }

    private void submit() {
        if (!binder.writeBeanIfValid(form)) {
            fail(getTranslation("partner.error.form"));
            return;
        }
        if (form.start == Start.POINT && (form.lat == null || form.lon == null)) {
            fail(getTranslation("partner.error.point"));
            return;
        }
        UI.getCurrent().navigate(getClass(), query(form));
    }

    private QueryParameters query(Form f) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("start", f.start.parameter);
        switch (f.start) {
            case CLIENT -> q.put("client", f.client == null ? "" : f.client.id());
            case MUNICIPALITY -> q.put("gemeente", f.municipality == null ? "" : f.municipality.code());
            case PLACE -> q.put("plaats", f.place.strip());
            case POINT -> {
                q.put("lat", String.valueOf(f.lat));
                q.put("lon", String.valueOf(f.lon));
            }
        }
        q.put("soort", String.join(",", f.types));
        if (f.missing) {
            q.put("mist", "1");
        }
        q.put("km", String.valueOf(f.radiusKm));
        if (f.onlyAvailable) {
            q.put("beschikbaar", "1");
        }
        if (f.maxWaitingDays != null) {
            q.put("wacht", String.valueOf(f.maxWaitingDays));
        }
        return QueryParameters.simple(q);
    }

    // ---------------------------------------------------------------------------------------------------- search

    private void run() {
        Origin origin = switch (form.start) {
            case CLIENT -> new Origin.OfClient(form.client == null ? "" : form.client.id());
            case MUNICIPALITY -> new Origin.OfMunicipality(form.municipality == null ? "" : form.municipality.code());
            case PLACE -> new Origin.OfPlace(form.place);
            case POINT -> form.lat == null || form.lon == null ? new Origin.OfPoint(0, 0) : new Origin.OfPoint(form.lat, form.lon);
        };
        Query query = new Query(origin, form.types, form.missing, form.radiusKm == null ? 0 : form.radiusKm,
                form.onlyAvailable, form.maxWaitingDays, beds ? Order.FREE_BEDS : Order.SCORE, SHOWN);
        try {
            show(partners.search(query, user, getLocale()));
        } catch (InvalidQuery e) {
            result = null;
            grid.setItems(List.of());
            map.setMarkers(List.of());
            map.clearOrigin();
            summary.setText("");
            exportBox.removeAll();
            showDetail(null);
            fail(e.getMessage());
        }
    }

    private void show(Result r) {
        result = r;
        message.setVisible(false);
        grid.setItems(r.partners());
        String searched = r.types().stream().map(t -> typeNames.getOrDefault(t, t)).collect(Collectors.joining(", "));
        String from = switch (r.origin().kind()) {
            case "CLIENT" -> getTranslation("partner.summary.client", r.origin().label());
            case "POINT" -> getTranslation("partner.summary.point");
            default -> r.origin().label();
        };
        String text = r.types().isEmpty() ? getTranslation("partner.summary.nothingMissing", r.origin().label())
                : r.partners().size() < r.matched()
                        ? getTranslation("partner.summary.best", r.partners().size(), r.matched(), r.radiusKm(), from, searched)
                        : getTranslation("partner.summary", r.partners().size(), r.radiusKm(), from, searched);
        if (!r.missingTypes().isEmpty()) {
            text += " " + getTranslation("partner.summary.missing", r.missingTypes().stream()
                    .map(t -> typeNames.getOrDefault(t, t)).collect(Collectors.joining(", ")));
        }
        if (r.candidatesCut()) {
            text += " " + getTranslation("partner.summary.cut", PartnerSearch.CANDIDATE_LIMIT);
        }
        summary.setText(text);
        map.setOrigin(r.origin().latitude(), r.origin().longitude(), r.radiusKm(), from);
        map.setMarkers(r.partners().stream().map(p -> new Marker(p.id(), p.latitude(), p.longitude(), colour(p),
                String.valueOf(p.rank()), p.rank() + ". " + p.name() + "\n" + String.join("\n", p.reasons().subList(0,
                        Math.min(2, p.reasons().size()))))).toList());
        exportBox.removeAll();
        if (!r.partners().isEmpty()) {
            exportBox.add(csvLink(r));
        }
        r.partners().stream().findFirst().ifPresentOrElse(grid::select, () -> showDetail(null));
        UI.getCurrent().getPage().setTitle(getPageTitle());
    }

    private static String colour(Partner p) {
        PartnerSearch.Availability a = p.availability();
        boolean available = a.bedBased() ? a.available() != null && a.available() > 0 : Boolean.TRUE.equals(a.acceptingClients());
        return !available ? UNAVAILABLE : a.stale() ? STALE : AVAILABLE;
    }

    private void showDetail(@Nullable Partner p) {
        detail.removeAll();
        if (p == null) {
            detail.add(new H3(getTranslation("partner.detail.title")),
                    new Paragraph(getTranslation(result == null ? "partner.detail.hint"
                            : result.types().isEmpty() ? "partner.detail.nothingMissing" : "partner.detail.none")));
            return;
        }
        H3 name = new H3(p.rank() + ". " + p.name());
        Paragraph what = new Paragraph(p.typeName() + " · " + p.municipality());
        Paragraph contact = new Paragraph(p.address() + (p.agb() == null ? "" : " · AGB " + p.agb())
                + (p.kvk() == null ? "" : " · KvK " + p.kvk()));
        contact.addClassName("atlas-note");
        contact.setId("partner-contact");
        Paragraph score = new Paragraph(getTranslation("partner.detail.score", p.score().total(), p.score().distance(),
                p.score().availability(), p.score().network()));
        score.setId("partner-score");
        UnorderedList reasons = new UnorderedList();
        reasons.setId("partner-reasons");
        p.reasons().forEach(r -> reasons.add(new ListItem(r)));
        detail.add(name, what, contact, score, reasons);
        Optional<Result> r = current();
        if (r.isPresent() && r.get().origin().clientId() != null) {
            detail.add(referral(p, r.get().origin().clientId()));
        }
    }

    private Div referral(Partner p, String clientId) {
        Div box = new Div();
        box.setId("partner-referral");
        if (p.referralBlocked() != null) {
            Paragraph blocked = new Paragraph(getTranslation("partner.referral.blocked", p.referralBlocked()));
            blocked.addClassName("atlas-note");
            Button disabled = new Button(getTranslation("partner.referral"));
            disabled.setEnabled(false);
            box.add(disabled, blocked);
            return box;
        }
        TextArea note = new TextArea(getTranslation("partner.referral.note"));
        note.setMaxLength(ReferralService.MAX_NOTE);
        note.setWidthFull();
        Button record = new Button(getTranslation("partner.referral"));
        record.setId("partner-refer");
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        record.addClickListener(e -> {
            try {
                referrals.record(clientId, p.id(), note.getValue(), user);
                Notification.show(getTranslation("partner.referral.done", p.name(), clientId), 5000,
                        Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                note.clear();
            } catch (ReferralService.Refused refused) {
                Notification.show(refused.getMessage(), 8000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        box.add(note, record);
        return box;
    }

    private Anchor csvLink(Result r) {
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(ZoneId.of("Europe/Amsterdam"));
        String fileName = (beds ? "bedden-" : "partners-") + r.origin().label().replaceAll("[^A-Za-z0-9]+", "-") + ".csv";
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            List<List<?>> rows = new ArrayList<>();
            for (Partner p : r.partners()) {
                PartnerSearch.Availability a = p.availability();
                rows.add(List.of(p.rank(), p.name(), p.typeName(), p.address(), p.agb() == null ? "" : p.agb(),
                        new CsvExport.Numeric(String.format(getLocale(), "%.1f", p.distanceKm())),
                        a.available() == null ? "" : a.available(), a.capacity() == null ? "" : a.capacity(),
                        a.acceptingClients() == null ? "" : getTranslation(a.acceptingClients() ? "partner.yes" : "partner.no"),
                        a.waitingDays() == null ? "" : a.waitingDays(),
                        a.updatedAt() == null ? "" : time.format(a.updatedAt()),
                        getTranslation(a.stale() ? "partner.yes" : "partner.no"), p.score().total(),
                        String.join(" · ", p.reasons())));
            }
            byte[] bytes = CsvExport.toBytes(List.of("#", getTranslation("partner.column.provider"),
                    getTranslation("partner.csv.type"), getTranslation("partner.csv.address"), "AGB",
                    getTranslation("partner.csv.km"), getTranslation("partner.csv.free"), getTranslation("partner.csv.capacity"),
                    getTranslation("partner.csv.accepting"), getTranslation("partner.csv.waiting"),
                    getTranslation("partner.csv.updated"), getTranslation("partner.csv.stale"),
                    getTranslation("partner.column.score"), getTranslation("partner.csv.reasons")), rows);
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, "text/csv; charset=UTF-8", bytes.length);
        }), getTranslation("overview.export"));
        link.getElement().setAttribute("download", true);
        link.addClassName("atlas-export");
        link.setId("partner-export");
        return link;
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private void showStartFields() {
        Start s = start.getValue() == null ? Start.MUNICIPALITY : start.getValue();
        client.setVisible(s == Start.CLIENT);
        municipality.setVisible(s == Start.MUNICIPALITY);
        place.setVisible(s == Start.PLACE);
        point.setVisible(s == Start.POINT);
        missing.setEnabled(s == Start.CLIENT);
        if (s != Start.CLIENT) {
            missing.setValue(false);
        }
    }

    private void showPoint() {
        point.setText(form.lat == null || form.lon == null ? getTranslation("partner.point.hint")
                : getTranslation("partner.point.chosen", String.format(Locale.ROOT, "%.5f, %.5f", form.lat, form.lon)));
    }

    private Optional<Result> current() {
        return Optional.ofNullable(result);
    }

    private void fail(String text) {
        message.setText(text);
        message.setVisible(true);
    }

    private static Optional<String> first(Map<String, List<String>> q, String key) {
        return Optional.ofNullable(q.get(key)).flatMap(v -> v.stream().findFirst()).filter(v -> !v.isBlank());
    }

    private static Optional<Double> number(String text) {
        try {
            return Optional.of(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation(beds ? "beds.title" : "partner.title") + " · " + getTranslation("app.title");
    }
}
