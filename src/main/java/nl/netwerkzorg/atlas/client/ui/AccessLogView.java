package nl.netwerkzorg.atlas.client.ui;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.datepicker.DatePicker;
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
import nl.netwerkzorg.atlas.client.ClientAccessLog;
import nl.netwerkzorg.atlas.client.ClientAccessLog.Action;
import nl.netwerkzorg.atlas.client.ClientAccessLog.Entry;
import nl.netwerkzorg.atlas.client.ClientAccessLog.Filter;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.CurrentUser;
import nl.netwerkzorg.atlas.security.Role;

/**
 * Toegangslog (NEN 7513): who saw, exported or changed which client's record, when, in which role and in what context.
 * Administrators only; read-only (the application has no way to change or delete an entry). Filters are in the URL;
 * the grid pages lazily, newest first; the CSV export is itself logged.
 */
@Route("beheer/toegangslog")
@Menu(title = "nav.accessLog", order = 85, icon = "vaadin:file-text-o")
@RolesAllowed(Role.ADMIN_NAME)
public class AccessLogView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ClientAccessLog log;
    private final AtlasPrincipal user;
    private final DateTimeFormatter time;

    final TextField username = new TextField();
    final TextField client = new TextField();
    final Select<Optional<Action>> action = new Select<>();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Span count = new Span();
    final Grid<Entry> grid = new Grid<>();
    final Paragraph message = new Paragraph();
    final Anchor export;
    /** Read by the CSV download, which runs outside the UI lock. */
    private volatile Filter filter = Filter.none();
    private boolean reading;

    public AccessLogView(ClientAccessLog log, CurrentUser currentUser) {
        this.log = log;
        this.user = currentUser.require();
        this.time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(ZoneId.of("Europe/Amsterdam"));
        setSizeFull();
        Paragraph intro = new Paragraph(getTranslation("accessLog.intro"));
        intro.addClassName("atlas-note");

        username.setLabel(getTranslation("accessLog.user"));
        client.setLabel(getTranslation("accessLog.client"));
        client.setPlaceholder("C0000001");
        for (TextField field : List.of(username, client)) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.setClearButtonVisible(true);
            field.setMaxLength(60);
            field.setWidth("12em");
        }
        List<Optional<Action>> actions = new ArrayList<>();
        actions.add(Optional.empty());
        for (Action a : Action.values()) {
            actions.add(Optional.of(a));
        }
        action.setLabel(getTranslation("accessLog.action"));
        action.setItems(actions);
        action.setItemLabelGenerator(a -> a.map(x -> getTranslation("accessLog.action." + x.name()))
                .orElse(getTranslation("clients.filter.all")));
        action.setValue(Optional.empty());
        from.setLabel(getTranslation("accessLog.from"));
        to.setLabel(getTranslation("accessLog.to"));
        for (DatePicker picker : List.of(from, to)) {
            picker.setLocale(getLocale());
            picker.setClearButtonVisible(true);
            picker.setWidth("11em");
        }
        username.addValueChangeListener(e -> filterChanged());
        client.addValueChangeListener(e -> filterChanged());
        action.addValueChangeListener(e -> filterChanged());
        from.addValueChangeListener(e -> filterChanged());
        to.addValueChangeListener(e -> filterChanged());

        grid.setId("access-log-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(e -> time.format(e.at())).setHeader(getTranslation("accessLog.at")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Entry::username).setHeader(getTranslation("accessLog.user")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> getTranslation("role." + e.role())).setHeader(getTranslation("accessLog.role")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Entry::clientId).setHeader(getTranslation("accessLog.client")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> getTranslation("accessLog.action." + e.action())).setHeader(getTranslation("accessLog.action"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Entry::context).setHeader(getTranslation("accessLog.context")).setFlexGrow(1);
        grid.setItems(query -> log.search(user, filter, query.getOffset(), query.getLimit()).stream());
        grid.setSizeFull();

        message.setId("access-log-message");
        message.addClassName("atlas-error");
        message.setVisible(false);
        count.setId("access-log-count");
        export = CsvDownload.link("toegangslog.csv", getTranslation("clients.export"), this::csv);
        export.setId("access-log-export");
        Span exportNote = new Span(getTranslation("accessLog.export.logged"));
        exportNote.addClassName("atlas-note");

        FlexLayout filters = new FlexLayout(username, client, action, from, to);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(Alignment.BASELINE);
        filters.getStyle().set("gap", "var(--lumo-space-m)");
        HorizontalLayout summary = new HorizontalLayout(count, export, exportNote);
        summary.setAlignItems(Alignment.BASELINE);
        add(new H2(getTranslation("accessLog.title")), intro, filters, message, summary, grid);
    }

    private void filterChanged() {
        if (reading) {
            return;
        }
        Map<String, String> query = new LinkedHashMap<>();
        if (!username.getValue().isBlank()) {
            query.put("gebruiker", username.getValue().strip());
        }
        if (!client.getValue().isBlank()) {
            query.put("client", client.getValue().strip());
        }
        Optional.ofNullable(action.getValue()).flatMap(a -> a).ifPresent(a -> query.put("handeling", a.name()));
        Optional.ofNullable(from.getValue()).ifPresent(d -> query.put("van", d.toString()));
        Optional.ofNullable(to.getValue()).ifPresent(d -> query.put("tot", d.toString()));
        getUI().ifPresent(ui -> ui.navigate(AccessLogView.class, QueryParameters.simple(query)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters q = event.getLocation().getQueryParameters();
        List<String> problems = new ArrayList<>();
        String who = q.getSingleParameter("gebruiker").map(s -> s.length() > 60 ? s.substring(0, 60) : s).orElse("");
        String pseudonym = q.getSingleParameter("client").map(s -> s.length() > 60 ? s.substring(0, 60) : s).orElse("");
        Optional<Action> what = q.getSingleParameter("handeling").flatMap(s -> {
            try {
                return Optional.of(Action.valueOf(s));
            } catch (IllegalArgumentException e) {
                problems.add(getTranslation("accessLog.error.action", s));
                return Optional.empty();
            }
        });
        Optional<LocalDate> start = date(q, "van", problems);
        Optional<LocalDate> end = date(q, "tot", problems);
        if (start.isPresent() && end.isPresent() && end.get().isBefore(start.get())) {
            problems.add(getTranslation("accessLog.error.period"));
            end = Optional.empty();
        }
        reading = true;
        username.setValue(who);
        client.setValue(pseudonym);
        action.setValue(what);
        from.setValue(start.orElse(null));
        to.setValue(end.orElse(null));
        reading = false;
        message.setText(String.join(" ", problems));
        message.setVisible(!problems.isEmpty());
        filter = new Filter(who, pseudonym, what, start, end);
        grid.getDataProvider().refreshAll();
        long n = log.count(user, filter);
        count.setText(getTranslation(n == 1 ? "accessLog.count.one" : "accessLog.count", String.format(getLocale(), "%,d", n)));
        export.setEnabled(n > 0 && n <= ClientAccessLog.MAX_EXPORT);
    }

    private Optional<LocalDate> date(QueryParameters q, String name, List<String> problems) {
        Optional<String> text = q.getSingleParameter(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.get()));
        } catch (DateTimeParseException e) {
            problems.add(getTranslation("accessLog.error.date", text.get().length() > 20 ? text.get().substring(0, 20) : text.get()));
            return Optional.empty();
        }
    }

    private byte[] csv() {
        List<Entry> entries = log.export(user, filter);
        List<List<Object>> rows = new ArrayList<>();
        for (Entry e : entries) {
            rows.add(List.of(e.at().toString(), e.username(), e.role(), e.clientId(), e.action(), e.context()));
        }
        return CsvExport.toBytes(List.of(getTranslation("accessLog.at"), getTranslation("accessLog.user"),
                getTranslation("accessLog.role"), getTranslation("accessLog.client"), getTranslation("accessLog.action"),
                getTranslation("accessLog.context")), rows);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("accessLog.title") + " · " + getTranslation("app.title");
    }
}
