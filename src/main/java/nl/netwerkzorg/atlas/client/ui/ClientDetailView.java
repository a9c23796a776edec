package nl.netwerkzorg.atlas.client.ui;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import nl.netwerkzorg.atlas.base.ui.AtlasGraph;
import nl.netwerkzorg.atlas.base.ui.AtlasGraph.GraphEdge;
import nl.netwerkzorg.atlas.base.ui.AtlasGraph.GraphNode;
import nl.netwerkzorg.atlas.base.ui.AtlasGraph.LegendItem;
import nl.netwerkzorg.atlas.base.ui.DomainColours;
import nl.netwerkzorg.atlas.client.ClientFlag;
import nl.netwerkzorg.atlas.client.ClientService;
import nl.netwerkzorg.atlas.client.Clients;
import nl.netwerkzorg.atlas.client.Clients.Carer;
import nl.netwerkzorg.atlas.client.Clients.Detail;
import nl.netwerkzorg.atlas.client.Clients.EditRefused;
import nl.netwerkzorg.atlas.client.Clients.Event;
import nl.netwerkzorg.atlas.client.Clients.Named;
import nl.netwerkzorg.atlas.client.Clients.NetworkTie;
import nl.netwerkzorg.atlas.client.Clients.Professional;
import nl.netwerkzorg.atlas.client.Clients.Tie;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.CurrentUser;
import nl.netwerkzorg.atlas.security.Role;
import org.jspecify.annotations.Nullable;

/**
 * One client's page: the flags with what causes them, the ecogram (the client in the middle, professionals, formal
 * networks and informal carers around), who joined and left, consent, and the edits of the network. Opening it writes
 * one access-log entry; each edit writes one and shows the result. A client outside the user's scope is "not found".
 */
@Route("clienten/:id")
@RolesAllowed({Role.ADMIN_NAME, Role.NETWORK_MANAGER_NAME, Role.CARE_STAFF_NAME})
public class ClientDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String CLIENT_COLOUR = "#d81b60";
    static final String NETWORK_COLOUR = "#37474f";

    /** The values of the edit forms. */
    public static final class Form {
        @Nullable Named provider;
        @Nullable String role = "ZORGVERLENER";
        @Nullable LocalDate date = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        @Nullable Professional professional;
        @Nullable String carerRole;
        Optional<Professional> contact = Optional.empty();
    }

    private final ClientService clients;
    private final AtlasPrincipal user;
    private final DateTimeFormatter dates;
    private @Nullable Detail detail;

    final H2 title = new H2();
    final Paragraph summary = new Paragraph();
    final Div flags = new Div();
    final AtlasGraph ecogram = new AtlasGraph();
    final Grid<Professional> professionals = new Grid<>();
    final Grid<Carer> carers = new Grid<>();
    final Grid<Event> timeline = new Grid<>();
    final Div objections = new Div();
    final Paragraph message = new Paragraph();

    // edit forms
    final ComboBox<Named> addProvider = new ComboBox<>();
    final Select<String> addRole = new Select<>();
    final DatePicker addSince = new DatePicker();
    final Button add = new Button();
    final Binder<Form> addBinder = new Binder<>();
    final Select<Professional> endWho = new Select<>();
    final DatePicker endDate = new DatePicker();
    final Button end = new Button();
    final Binder<Form> endBinder = new Binder<>();
    final Select<Professional> coordinatorWho = new Select<>();
    final Button coordinator = new Button();
    final Binder<Form> coordinatorBinder = new Binder<>();
    final Select<String> carerRole = new Select<>();
    final Select<Optional<Professional>> carerContact = new Select<>();
    final Button addCarer = new Button();
    final Binder<Form> carerBinder = new Binder<>();
    final ComboBox<Named> objectTo = new ComboBox<>();
    final Button object = new Button();
    final Binder<Form> objectBinder = new Binder<>();
    final VerticalLayout page = new VerticalLayout();
    final Paragraph notFound = new Paragraph();

    public ClientDetailView(ClientService clients, CurrentUser currentUser) {
        this.clients = clients;
        this.user = currentUser.require();
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        addClassName("atlas-client-detail");
        Anchor back = new Anchor("clienten", "← " + getTranslation("clients.back"));
        message.setId("client-message");
        message.getElement().setAttribute("role", "status");
        message.setVisible(false);
        notFound.setText(getTranslation("clients.notFound"));
        notFound.setVisible(false);

        flags.setId("client-flags");
        flags.addClassName("atlas-client-flags");
        ecogram.setId("client-ecogram");
        ecogram.setHeight("30em");
        ecogram.setLayout("concentric");
        Button png = new Button(getTranslation("clients.ecogram.png"),
                e -> ecogram.downloadPng("ecogram-" + (detail == null ? "" : detail.id()) + ".png"));
        png.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);

        professionals.setId("client-professionals");
        professionals.addThemeVariants(GridVariant.LUMO_COMPACT);
        professionals.addColumn(Professional::name).setHeader(getTranslation("clients.professional.name")).setFlexGrow(2);
        professionals.addColumn(Professional::typeName).setHeader(getTranslation("clients.professional.type")).setFlexGrow(2);
        professionals.addColumn(p -> getTranslation("clients.role." + p.role())).setHeader(getTranslation("clients.professional.role"))
                .setAutoWidth(true);
        professionals.addColumn(p -> p.since() == null ? "—" : dates.format(p.since()))
                .setHeader(getTranslation("clients.professional.since")).setAutoWidth(true);
        professionals.addComponentColumn(this::professionalBadges).setHeader("").setFlexGrow(1);
        professionals.setAllRowsVisible(true);

        carers.setId("client-carers");
        carers.addThemeVariants(GridVariant.LUMO_COMPACT);
        carers.addColumn(k -> getTranslation("clients.carerRole." + k.role())).setHeader(getTranslation("clients.carer.role"))
                .setAutoWidth(true);
        carers.addColumn(k -> k.knownTo().isEmpty() ? getTranslation("clients.carer.noContact")
                : String.join(", ", k.knownTo().stream().map(this::providerName).toList()))
                .setHeader(getTranslation("clients.carer.contact")).setFlexGrow(2);
        carers.addColumn(k -> k.since() == null ? "—" : dates.format(k.since())).setHeader(getTranslation("clients.professional.since"))
                .setAutoWidth(true);
        carers.setAllRowsVisible(true);

        timeline.setId("client-timeline");
        timeline.addThemeVariants(GridVariant.LUMO_COMPACT);
        timeline.addColumn(e -> dates.format(e.date())).setHeader(getTranslation("clients.timeline.date")).setAutoWidth(true)
                .setFlexGrow(0);
        timeline.addColumn(e -> getTranslation("clients.timeline." + e.kind(), e.kind().equals("CARER_ADDED")
                ? getTranslation("clients.carerRole." + e.name()) : e.name())).setHeader(getTranslation("clients.timeline.event"))
                .setFlexGrow(1);
        timeline.setAllRowsVisible(true);

        objections.setId("client-objections");

        page.setPadding(false);
        page.add(summary, new H3(getTranslation("clients.flags")), flags,
                new HorizontalLayout(new H3(getTranslation("clients.ecogram")), png), ecogram, legendNote(),
                new H3(getTranslation("clients.professionals")), professionals,
                new H3(getTranslation("clients.carers")), carers,
                new H3(getTranslation("clients.consent")), new Paragraph(getTranslation("clients.consent.intro")), objections,
                editPanel(),
                new H3(getTranslation("clients.timeline")), timeline);
        add(back, title, notFound, message, page);
    }

    private Component legendNote() {
        Paragraph p = new Paragraph(getTranslation("clients.ecogram.note"));
        p.addClassName("atlas-note");
        return p;
    }

    // --- edit forms -------------------------------------------------------------------------------------------------

    private Component editPanel() {
        addProvider.setLabel(getTranslation("clients.edit.provider"));
        addProvider.setPlaceholder(getTranslation("clients.edit.provider.placeholder"));
        addProvider.setItemLabelGenerator(Named::name);
        addProvider.setItems(query -> {
            String text = query.getFilter().orElse("");
            List<Named> found = detail == null ? List.of() : clients.findProviders(text, detail.id(), getLocale());
            return found.stream().skip(query.getOffset()).limit(query.getLimit());
        });
        addProvider.setWidth("30em");
        addRole.setLabel(getTranslation("clients.professional.role"));
        addRole.setItems(Clients.CARE_ROLES);
        addRole.setItemLabelGenerator(r -> getTranslation("clients.role." + r));
        addSince.setLabel(getTranslation("clients.edit.since"));
        addSince.setMax(today());
        addSince.setLocale(getLocale());
        addBinder.forField(addProvider).asRequired(getTranslation("clients.edit.required.provider"))
                .bind(f -> f.provider, (f, v) -> f.provider = v);
        addBinder.forField(addRole).asRequired(getTranslation("clients.edit.required.role")).bind(f -> f.role, (f, v) -> f.role = v);
        addBinder.forField(addSince).asRequired(getTranslation("clients.edit.required.date"))
                .withValidator(d -> !d.isAfter(today()), getTranslation("clients.edit.error.futureStart"))
                .bind(f -> f.date, (f, v) -> f.date = v);
        add.setText(getTranslation("clients.edit.add"));
        add.addClickListener(e -> submit(addBinder, f -> clients.addInvolvement(user, id(), f.provider.code(), f.role, f.date,
                getLocale()), "clients.edit.added"));

        endWho.setLabel(getTranslation("clients.edit.professional"));
        endWho.setItemLabelGenerator(p -> p.name() + " · " + p.typeName());
        endDate.setLabel(getTranslation("clients.edit.until"));
        endDate.setMax(today());
        endDate.setLocale(getLocale());
        endBinder.forField(endWho).asRequired(getTranslation("clients.edit.required.provider"))
                .withValidator(p -> !p.coordinator(), getTranslation("clients.edit.error.endCoordinator.short"))
                .bind(f -> f.professional, (f, v) -> f.professional = v);
        endBinder.forField(endDate).asRequired(getTranslation("clients.edit.required.date"))
                .withValidator(d -> !d.isAfter(today()), getTranslation("clients.edit.error.futureEnd"))
                .withValidator(d -> endWho.getValue() == null || endWho.getValue().since() == null
                        || !d.isBefore(endWho.getValue().since()), getTranslation("clients.edit.error.endBeforeStart.short"))
                .bind(f -> f.date, (f, v) -> f.date = v);
        endWho.addValueChangeListener(e -> {
            if (endDate.getValue() != null) {
                endBinder.validate();
            }
        });
        end.setText(getTranslation("clients.edit.end"));
        end.addClickListener(e -> submit(endBinder, f -> clients.endInvolvement(user, id(), f.professional.id(), f.date,
                getLocale()), "clients.edit.ended"));

        coordinatorWho.setLabel(getTranslation("clients.edit.professional"));
        coordinatorWho.setItemLabelGenerator(p -> p.name() + " · " + p.typeName());
        coordinatorBinder.forField(coordinatorWho).asRequired(getTranslation("clients.edit.required.provider"))
                .withValidator(p -> !p.coordinator(), getTranslation("clients.edit.error.alreadyCoordinator.short"))
                .bind(f -> f.professional, (f, v) -> f.professional = v);
        coordinator.setText(getTranslation("clients.edit.coordinator"));
        coordinator.addClickListener(e -> submit(coordinatorBinder, f -> clients.setCoordinator(user, id(),
                f.professional.id(), getLocale()), "clients.edit.coordinatorSet"));

        carerRole.setLabel(getTranslation("clients.carer.role"));
        carerRole.setItems(Clients.CARER_ROLES);
        carerRole.setItemLabelGenerator(r -> getTranslation("clients.carerRole." + r));
        carerContact.setLabel(getTranslation("clients.carer.contact"));
        carerContact.setItemLabelGenerator(p -> p.map(x -> x.name() + " · " + x.typeName())
                .orElse(getTranslation("clients.carer.noContact")));
        carerContact.setWidth("22em");
        carerBinder.forField(carerRole).asRequired(getTranslation("clients.edit.required.role"))
                .bind(f -> f.carerRole, (f, v) -> f.carerRole = v);
        carerBinder.forField(carerContact).bind(f -> f.contact, (f, v) -> f.contact = v == null ? Optional.empty() : v);
        addCarer.setText(getTranslation("clients.edit.addCarer"));
        addCarer.addClickListener(e -> submit(carerBinder, f -> clients.addInformalCarer(user, id(), f.carerRole,
                f.contact.map(Professional::id), getLocale()), "clients.edit.carerAdded"));

        objectTo.setLabel(getTranslation("clients.edit.objectTo"));
        objectTo.setPlaceholder(getTranslation("clients.edit.provider.placeholder"));
        objectTo.setItemLabelGenerator(Named::name);
        objectTo.setItems(query -> {
            String text = query.getFilter().orElse("");
            List<Named> found = new ArrayList<>();
            if (detail != null) {
                detail.professionals().stream().filter(p -> !p.objected() && !p.coordinator())
                        .filter(p -> (p.name() + " " + p.typeName()).toLowerCase(getLocale()).contains(text.toLowerCase(getLocale())))
                        .forEach(p -> found.add(new Named(p.id(), p.name() + " · " + p.typeName())));
                if (text.strip().length() >= 2) {
                    clients.findProviders(text, detail.id(), getLocale()).stream()
                            .filter(n -> found.stream().noneMatch(x -> x.code().equals(n.code()))).forEach(found::add);
                }
            }
            return found.stream().skip(query.getOffset()).limit(query.getLimit());
        });
        objectTo.setWidth("30em");
        objectBinder.forField(objectTo).asRequired(getTranslation("clients.edit.required.provider"))
                .bind(f -> f.provider, (f, v) -> f.provider = v);
        object.setText(getTranslation("clients.edit.object"));
        object.addClickListener(e -> submit(objectBinder, f -> clients.setObjection(user, id(), f.provider.code(), true,
                getLocale()), "clients.edit.objected"));

        for (Button b : List.of(add, end, coordinator, addCarer, object)) {
            b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        for (Binder<Form> binder : List.of(addBinder, endBinder, coordinatorBinder, carerBinder, objectBinder)) {
            binder.readBean(new Form());
        }
        for (Select<?> select : List.of(endWho, coordinatorWho)) {
            select.setWidth("26em");
        }
        addRole.setWidth("14em");
        VerticalLayout forms = new VerticalLayout(
                form("clients.edit.add.title", addProvider, addRole, addSince, add),
                form("clients.edit.end.title", endWho, endDate, end),
                form("clients.edit.coordinator.title", coordinatorWho, coordinator),
                form("clients.edit.carer.title", carerRole, carerContact, addCarer),
                form("clients.edit.object.title", objectTo, object));
        forms.setPadding(false);
        Details details = new Details(getTranslation("clients.edit.title"), forms);
        details.setId("client-edit");
        details.setOpened(true);
        return details;
    }

    private Component form(String titleKey, Component... fields) {
        FlexLayout row = new FlexLayout(fields);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(Alignment.BASELINE);
        row.getStyle().set("gap", "var(--lumo-space-m)");
        Div box = new Div(new H4(getTranslation(titleKey)), row);
        box.addClassName("atlas-client-form");
        return box;
    }

    private void submit(Binder<Form> binder, Function<Form, Optional<Detail>> edit, String doneKey) {
        Form form = new Form();
        if (!binder.writeBeanIfValid(form)) {
            binder.validate();
            return;
        }
        try {
            Optional<Detail> after = edit.apply(form);
            if (after.isEmpty()) {
                leftScope(doneKey);
                return;
            }
            binder.readBean(new Form());
            show(after.get());
            binder.readBean(new Form());
            say(getTranslation(doneKey), false);
        } catch (EditRefused refused) {
            say(getTranslation(refused.key(), refused.arguments()), true);
        }
    }

    /** The edit took the client out of this user's scope: back to the list, saying so. */
    private void leftScope(String doneKey) {
        Notification n = Notification.show(getTranslation(doneKey) + " " + getTranslation("clients.edit.leftScope"), 6_000,
                Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        getUI().ifPresent(ui -> ui.navigate(ClientListView.class));
    }

    private void say(String text, boolean error) {
        message.setText(text);
        message.setVisible(true);
        message.getElement().setAttribute("role", error ? "alert" : "status");
        message.setClassName(error ? "atlas-error" : "atlas-success");
        Notification n = Notification.show(text, 5_000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(error ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
    }

    private String id() {
        return detail == null ? "" : detail.id();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Amsterdam"));
    }

    // --- showing ----------------------------------------------------------------------------------------------------

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        Optional<Detail> found = id.matches("[A-Za-z0-9-]{1,40}") ? clients.detail(user, id, getLocale()) : Optional.empty();
        page.setVisible(found.isPresent());
        notFound.setVisible(found.isEmpty());
        title.setText(getTranslation("clients.detail.title", id.length() > 40 ? id.substring(0, 40) : id));
        found.ifPresent(this::show);
    }

    private void show(Detail d) {
        this.detail = d;
        title.setText(getTranslation("clients.detail.title", d.id()));
        summary.setText(getTranslation("clients.detail.summary", d.ageBand(), d.municipality().name(),
                String.join(", ", d.conditions().stream().map(Named::name).toList())));
        showFlags(d);
        showEcogram(d);
        professionals.setItems(d.professionals());
        carers.setItems(d.carers());
        timeline.setItems(d.timeline());
        showObjections(d);
        endWho.setItems(d.professionals());
        coordinatorWho.setItems(d.professionals());
        List<Optional<Professional>> contacts = new ArrayList<>();
        contacts.add(Optional.empty());
        d.professionals().forEach(p -> contacts.add(Optional.of(p)));
        carerContact.setItems(contacts);
        carerContact.setValue(Optional.empty());
        addProvider.getDataProvider().refreshAll();
        objectTo.getDataProvider().refreshAll();
    }

    private void showFlags(Detail d) {
        flags.removeAll();
        if (d.evidence().flags().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("clients.flags.none"));
            none.addClassName("atlas-note");
            flags.add(none);
            return;
        }
        for (ClientFlag f : d.evidence().flags()) {
            Span badge = new Span(getTranslation("clients.theme." + f.theme().name()));
            badge.getElement().getThemeList().add("badge small " + (f.theme() == ClientFlag.Theme.SAFETY ? "error" : "contrast"));
            Div card = new Div(new H4(getTranslation("clients.flag." + f.name())), badge, new Paragraph(explain(f, d)));
            card.addClassName("atlas-client-flag");
            card.getElement().setAttribute("data-flag", f.name());
            flags.add(card);
        }
    }

    /** The sentence that says why this client has the flag, from the evidence. */
    String explain(ClientFlag flag, Detail d) {
        return switch (flag) {
            case PATHWAY_GAP -> getTranslation("clients.explain.PATHWAY_GAP", String.join("; ", d.evidence().missing().stream()
                    .map(m -> getTranslation("clients.explain.missing", m.typeName(),
                            String.join(", ", m.conditions().stream().map(Named::name).toList())))
                    .toList()));
            case NO_COORDINATOR -> getTranslation("clients.explain.NO_COORDINATOR");
            case CARER_NOT_LINKED -> getTranslation("clients.explain.CARER_NOT_LINKED", d.evidence().unlinkedCarers().size(),
                    d.carers().size());
            case FRAGMENTED -> getTranslation("clients.explain.FRAGMENTED",
                    String.join(", ", d.evidence().isolated().stream().map(this::providerName).toList()));
            case MEDICATION_SAFETY -> getTranslation("clients.explain.MEDICATION_SAFETY",
                    String.join(", ", d.evidence().prescribers().stream().map(this::providerName).toList()));
            case ALONE_AT_RISK -> getTranslation("clients.explain.ALONE_AT_RISK", d.ageBand());
        };
    }

    private String providerName(String id) {
        if (detail == null) {
            return id;
        }
        return detail.professionals().stream().filter(p -> p.id().equals(id)).map(Professional::name).findFirst().orElse(id);
    }

    private Component professionalBadges(Professional p) {
        FlexLayout badges = new FlexLayout();
        badges.getStyle().set("gap", "var(--lumo-space-xs)");
        if (p.coordinator()) {
            badges.add(badge(getTranslation("clients.professional.coordinator"), "success"));
        }
        if (p.objected()) {
            badges.add(badge(getTranslation("clients.professional.objected"), "error"));
        }
        if (detail != null && detail.evidence().isolated().contains(p.id())) {
            badges.add(badge(getTranslation("clients.professional.isolated"), "contrast"));
        }
        return badges;
    }

    private static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge small " + theme);
        return badge;
    }

    private void showObjections(Detail d) {
        objections.removeAll();
        if (d.objections().isEmpty()) {
            objections.add(new Paragraph(getTranslation("clients.consent.none")));
            return;
        }
        for (Named o : d.objections()) {
            Button withdraw = new Button(getTranslation("clients.edit.withdraw"), e -> {
                try {
                    Optional<Detail> after = clients.setObjection(user, d.id(), o.code(), false, getLocale());
                    if (after.isEmpty()) {
                        leftScope("clients.edit.objected");
                        return;
                    }
                    show(after.get());
                    say(getTranslation("clients.edit.withdrawn", o.name()), false);
                } catch (EditRefused refused) {
                    say(getTranslation(refused.key(), refused.arguments()), true);
                }
            });
            withdraw.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            HorizontalLayout line = new HorizontalLayout(new Span(getTranslation("clients.consent.objection", o.name())), withdraw);
            line.setAlignItems(Alignment.BASELINE);
            objections.add(line);
        }
    }

    private void showEcogram(Detail d) {
        List<GraphNode> nodes = new ArrayList<>();
        List<GraphEdge> edges = new ArrayList<>();
        String client = "client:" + d.id();
        nodes.add(new GraphNode(client, d.id(), CLIENT_COLOUR, "star", 46, getTranslation("clients.ecogram.client"), List.of()));
        Map<String, Professional> byId = new HashMap<>();
        for (Professional p : d.professionals()) {
            byId.put(p.id(), p);
            boolean isolated = d.evidence().isolated().contains(p.id());
            nodes.add(new GraphNode("p:" + p.id(), p.name(), DomainColours.of(p.domain()), p.coordinator() ? "diamond" : "ellipse",
                    p.coordinator() ? 34 : 26, p.typeName() + (isolated ? " · " + getTranslation("clients.professional.isolated") : ""),
                    List.of()));
            edges.add(new GraphEdge("cares:" + p.id(), "p:" + p.id(), client,
                    p.coordinator() ? getTranslation("clients.professional.coordinator") : getTranslation("clients.role." + p.role()),
                    p.objected() ? "#c62828" : CLIENT_COLOUR, p.objected() ? "dotted" : "solid", p.coordinator() ? 4 : 2, true,
                    p.typeName(), p.coordinator() ? List.of("labelled") : List.of()));
        }
        for (Tie t : d.ties()) {
            edges.add(new GraphEdge("tie:" + t.fromId() + ":" + t.toId(), "p:" + t.fromId(), "p:" + t.toId(),
                    getTranslation("clients.ecogram.tie." + t.kind()), t.kind().equals("COLLABORATION") ? "#455a64" : "#e65100",
                    t.kind().equals("COLLABORATION") ? "solid" : "dotted", 1.4, false, "", List.of()));
        }
        for (NetworkTie n : d.networks()) {
            String node = "n:" + n.networkId();
            if (nodes.stream().noneMatch(x -> x.id().equals(node))) {
                nodes.add(new GraphNode(node, n.networkName(), NETWORK_COLOUR, "hexagon", 30, n.kind(), List.of("group")));
            }
            edges.add(new GraphEdge("member:" + n.providerId() + ":" + n.networkId(), "p:" + n.providerId(), node,
                    getTranslation("clients.ecogram.member"), "#6a1b9a", "solid", 1.2, false, "", List.of()));
        }
        for (Carer k : d.carers()) {
            String node = "k:" + k.id();
            nodes.add(new GraphNode(node, getTranslation("clients.carerRole." + k.role()), DomainColours.of("INFORMAL"), "triangle",
                    26, getTranslation("clients.ecogram.carer"), List.of()));
            edges.add(new GraphEdge("supports:" + k.id(), node, client, getTranslation("clients.ecogram.supports"),
                    DomainColours.of("INFORMAL"), "dashed", 2, true, "", List.of()));
            for (String contact : k.knownTo()) {
                if (byId.containsKey(contact)) {
                    edges.add(new GraphEdge("known:" + k.id() + ":" + contact, node, "p:" + contact,
                            getTranslation("clients.ecogram.knownTo"), DomainColours.of("INFORMAL"), "dotted", 1.4, false, "",
                            List.of()));
                }
            }
        }
        ecogram.setElements(nodes, edges);
        List<LegendItem> legend = new ArrayList<>();
        legend.add(new LegendItem(CLIENT_COLOUR, "star", getTranslation("clients.ecogram.client")));
        for (String domain : DomainColours.DOMAINS) {
            legend.add(new LegendItem(DomainColours.of(domain), "ellipse", getTranslation("domain." + domain)));
        }
        legend.add(new LegendItem(NETWORK_COLOUR, "hexagon", getTranslation("clients.ecogram.network")));
        legend.add(new LegendItem(DomainColours.of("INFORMAL"), "triangle", getTranslation("clients.ecogram.carer")));
        legend.add(new LegendItem("#455a64", "solid", getTranslation("clients.ecogram.tie.COLLABORATION")));
        legend.add(new LegendItem("#e65100", "dotted", getTranslation("clients.ecogram.tie.SHARED_CLIENTS")));
        ecogram.setLegend(getTranslation("clients.ecogram"), legend);
        ecogram.runLayout();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("clients.detail.title", detail == null ? "" : detail.id()) + " · " + getTranslation("app.title");
    }
}
