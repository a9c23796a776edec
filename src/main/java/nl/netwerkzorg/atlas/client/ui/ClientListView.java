package nl.netwerkzorg.atlas.client.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import nl.netwerkzorg.atlas.base.CsvExport;
import nl.netwerkzorg.atlas.base.ui.CsvDownload;
import nl.netwerkzorg.atlas.client.ClientFlag;
import nl.netwerkzorg.atlas.client.ClientQualityRules;
import nl.netwerkzorg.atlas.client.ClientService;
import nl.netwerkzorg.atlas.client.Clients.EditRefused;
import nl.netwerkzorg.atlas.client.Clients.Filter;
import nl.netwerkzorg.atlas.client.Clients.Named;
import nl.netwerkzorg.atlas.client.Clients.Row;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.CurrentUser;
import nl.netwerkzorg.atlas.security.Role;

/**
 * Cliënten: the clients this user may see (a care professional their provider's clients, a network manager those
 * living in their regions, an administrator all; a policy analyst none), with the quality flags per IGJ theme. The
 * grid pages lazily in the database; the filters are in the URL; the CSV export is logged per exported client.
 */
@Route("clienten")
@Menu(title = "nav.clients", order = 3.5, icon = "vaadin:family")
@RolesAllowed({Role.ADMIN_NAME, Role.NETWORK_MANAGER_NAME, Role.CARE_STAFF_NAME})
public class ClientListView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ClientService clients;
    private final ClientQualityRules rules;
    private final AtlasPrincipal user;

    final ComboBox<Named> municipality = new ComboBox<>();
    final Select<Optional<ClientFlag>> flag = new Select<>();
    final Select<Optional<String>> condition = new Select<>();
    final TextField pseudonym = new TextField();
    final Span count = new Span();
    final Paragraph computed = new Paragraph();
    final Grid<Row> grid = new Grid<>();
    final Anchor export;
    final Span exportNote = new Span();
    private final Map<String, String> conditionNames = new LinkedHashMap<>();
    private final List<Named> municipalities;
    /** Read by the CSV download, which runs outside the UI lock. */
    private volatile Filter filter = Filter.none();
    private boolean reading;

    public ClientListView(ClientService clients, ClientQualityRules rules, CurrentUser currentUser) {
        this.clients = clients;
        this.rules = rules;
        this.user = currentUser.require();
        addClassName("atlas-clients");
        setSizeFull();
        Paragraph intro = new Paragraph(getTranslation("clients.intro." + user.role().name()));
        intro.addClassName("atlas-note");

        municipalities = user.role() == Role.CARE_STAFF ? List.of() : clients.municipalitiesInScope(user);
        municipality.setLabel(getTranslation("clients.filter.municipality"));
        municipality.setPlaceholder(getTranslation("clients.filter.all"));
        municipality.setItems(municipalities);
        municipality.setItemLabelGenerator(Named::name);
        municipality.setClearButtonVisible(true);
        municipality.setVisible(user.role() != Role.CARE_STAFF);
        municipality.setWidth("16em");

        List<Optional<ClientFlag>> flags = new ArrayList<>();
        flags.add(Optional.empty());
        for (ClientFlag f : ClientFlag.values()) {
            flags.add(Optional.of(f));
        }
        flag.setLabel(getTranslation("clients.filter.flag"));
        flag.setItems(flags);
        flag.setItemLabelGenerator(f -> f.map(this::flagLabel).orElse(getTranslation("clients.filter.anyFlag")));
        flag.setValue(Optional.empty());
        flag.setWidth("20em");

        List<Optional<String>> conditions = new ArrayList<>();
        conditions.add(Optional.empty());
        for (Named k : clients.conditions(getLocale())) {
            conditionNames.put(k.code(), k.name());
            conditions.add(Optional.of(k.code()));
        }
        condition.setLabel(getTranslation("clients.filter.condition"));
        condition.setItems(conditions);
        condition.setItemLabelGenerator(k -> k.map(conditionNames::get).orElse(getTranslation("clients.filter.all")));
        condition.setValue(Optional.empty());
        condition.setWidth("16em");

        pseudonym.setLabel(getTranslation("clients.filter.pseudonym"));
        pseudonym.setPlaceholder("C00…");
        pseudonym.setValueChangeMode(ValueChangeMode.LAZY);
        pseudonym.setMaxLength(20);
        pseudonym.setClearButtonVisible(true);
        pseudonym.setWidth("13em");

        municipality.addValueChangeListener(e -> filterChanged());
        flag.addValueChangeListener(e -> filterChanged());
        condition.addValueChangeListener(e -> filterChanged());
        pseudonym.addValueChangeListener(e -> filterChanged());

        grid.setId("clients-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(r -> new Anchor("clienten/" + r.id(), r.id())).setHeader(getTranslation("clients.column.pseudonym"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Row::ageBand).setHeader(getTranslation("clients.column.age")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.municipality().name()).setHeader(getTranslation("clients.column.municipality")).setAutoWidth(true);
        grid.addColumn(r -> String.join(", ", r.conditions().stream().map(Named::name).toList()))
                .setHeader(getTranslation("clients.column.conditions")).setFlexGrow(2);
        grid.addComponentColumn(this::badges).setHeader(getTranslation("clients.column.flags")).setFlexGrow(3);
        grid.addColumn(Row::professionals).setHeader(getTranslation("clients.column.professionals")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> r.coordinators().isEmpty() ? "—" : String.join(", ", r.coordinators()))
                .setHeader(getTranslation("clients.column.coordinator")).setFlexGrow(2);
        grid.setItems(query -> clients.page(user, filter, query.getOffset(), query.getLimit(), getLocale()).stream());
        grid.setSizeFull();

        count.setId("clients-count");
        computed.addClassName("atlas-note");
        computed.setId("clients-computed");
        export = CsvDownload.link("clienten.csv", getTranslation("clients.export"), this::csv);
        export.setId("clients-export");
        exportNote.setText(getTranslation("clients.export.logged"));
        exportNote.addClassName("atlas-note");

        FlexLayout filters = new FlexLayout(municipality, flag, condition, pseudonym);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(Alignment.BASELINE);
        filters.getStyle().set("gap", "var(--lumo-space-m)");
        HorizontalLayout summary = new HorizontalLayout(count, export, exportNote);
        summary.setAlignItems(Alignment.BASELINE);
        add(new H2(getTranslation("clients.title")), intro, filters, summary, computed, grid);
    }

    private String flagLabel(ClientFlag f) {
        return getTranslation("clients.theme." + f.theme().name()) + " · " + getTranslation("clients.flag." + f.name());
    }

    private Component badges(Row row) {
        FlexLayout badges = new FlexLayout();
        badges.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        badges.getStyle().set("gap", "var(--lumo-space-xs)");
        for (ClientFlag f : row.flags()) {
            Span badge = new Span(getTranslation("clients.flag." + f.name()));
            badge.getElement().getThemeList().add("badge small " + (f.theme() == ClientFlag.Theme.SAFETY ? "error" : "contrast"));
            badge.getElement().setAttribute("title", getTranslation("clients.theme." + f.theme().name()));
            badges.add(badge);
        }
        if (row.flags().isEmpty()) {
            badges.add(new Span("—"));
        }
        return badges;
    }

    private void filterChanged() {
        if (reading) {
            return;
        }
        Map<String, String> query = new LinkedHashMap<>();
        Optional.ofNullable(municipality.getValue()).ifPresent(m -> query.put("gemeente", m.code()));
        Optional.ofNullable(flag.getValue()).flatMap(f -> f).ifPresent(f -> query.put("signaal", f.name()));
        Optional.ofNullable(condition.getValue()).flatMap(k -> k).ifPresent(k -> query.put("zorgvraag", k));
        if (!pseudonym.getValue().isBlank()) {
            query.put("zoek", pseudonym.getValue().strip());
        }
        getUI().ifPresent(ui -> ui.navigate(ClientListView.class, QueryParameters.simple(query)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters q = event.getLocation().getQueryParameters();
        Optional<String> m = q.getSingleParameter("gemeente")
                .filter(code -> municipalities.stream().anyMatch(x -> x.code().equals(code)));
        Optional<ClientFlag> f = q.getSingleParameter("signaal").flatMap(s -> ClientFlag.of(List.of(s)).stream().findFirst());
        Optional<String> k = q.getSingleParameter("zorgvraag").filter(conditionNames::containsKey);
        String prefix = q.getSingleParameter("zoek").map(s -> s.length() > 20 ? s.substring(0, 20) : s).orElse("");
        reading = true;
        municipality.setValue(m.flatMap(code -> municipalities.stream().filter(x -> x.code().equals(code)).findFirst()).orElse(null));
        flag.setValue(f);
        condition.setValue(k);
        pseudonym.setValue(prefix);
        reading = false;
        filter = new Filter(m, f, k, prefix);
        grid.getDataProvider().refreshAll();
        long n = clients.count(user, filter);
        count.setText(getTranslation(n == 1 ? "clients.count.one" : "clients.count", String.format(getLocale(), "%,d", n)));
        boolean exportable = n > 0 && n <= ClientService.MAX_EXPORT_ROWS;
        export.setEnabled(exportable);
        exportNote.setText(n > ClientService.MAX_EXPORT_ROWS
                ? getTranslation("clients.export.tooMany", n, ClientService.MAX_EXPORT_ROWS)
                : getTranslation("clients.export.logged"));
        showComputed();
    }

    private void showComputed() {
        Optional<long[]> progress = rules.progress();
        if (progress.isPresent()) {
            computed.setText(getTranslation("clients.flags.computing", String.format(getLocale(), "%,d", progress.get()[0]),
                    String.format(getLocale(), "%,d", progress.get()[1])));
            return;
        }
        computed.setText(rules.computedAt()
                .map(at -> getTranslation("clients.flags.computedAt", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM,
                        FormatStyle.SHORT).withLocale(getLocale()).format(at.atZoneSameInstant(ZoneId.of("Europe/Amsterdam")))))
                .orElse(getTranslation("clients.flags.notYet")));
    }

    private byte[] csv() {
        List<Row> rows;
        try {
            rows = clients.export(user, filter, getLocale());
        } catch (EditRefused e) {
            return CsvExport.toBytes(List.of(getTranslation("clients.export.refused")),
                    List.of(List.of(getTranslation(e.key(), e.arguments()))));
        }
        List<String> header = new ArrayList<>(List.of(getTranslation("clients.column.pseudonym"),
                getTranslation("clients.column.age"), getTranslation("clients.csv.municipalityCode"),
                getTranslation("clients.column.municipality"), getTranslation("clients.column.conditions"),
                getTranslation("clients.column.professionals"), getTranslation("clients.column.coordinator")));
        for (ClientFlag f : ClientFlag.values()) {
            header.add(getTranslation("clients.flag." + f.name()));
        }
        List<List<Object>> lines = new ArrayList<>();
        for (Row r : rows) {
            List<Object> line = new ArrayList<>(List.of(r.id(), r.ageBand(), r.municipality().code(), r.municipality().name(),
                    String.join(", ", r.conditions().stream().map(Named::name).toList()),
                    new CsvExport.Numeric(String.valueOf(r.professionals())), String.join(", ", r.coordinators())));
            for (ClientFlag f : ClientFlag.values()) {
                line.add(getTranslation(r.flags().contains(f) ? "partner.yes" : "partner.no"));
            }
            lines.add(line);
        }
        return CsvExport.toBytes(header, lines);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("clients.title") + " · " + getTranslation("app.title");
    }
}
