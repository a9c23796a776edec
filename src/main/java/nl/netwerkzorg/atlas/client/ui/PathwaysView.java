package nl.netwerkzorg.atlas.client.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import nl.netwerkzorg.atlas.client.CarePathways;
import nl.netwerkzorg.atlas.client.CarePathways.Pathway;
import nl.netwerkzorg.atlas.client.CarePathways.Requirement;
import nl.netwerkzorg.atlas.client.CarePathways.Version;
import nl.netwerkzorg.atlas.client.Clients.EditRefused;
import nl.netwerkzorg.atlas.client.Clients.Named;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.CurrentUser;
import nl.netwerkzorg.atlas.security.Role;
import org.jspecify.annotations.Nullable;

/**
 * Zorgpaden beheren: an administrator changes which provider types a pathway requires or offers, and how far away a
 * provider may be; each save is a new version with a reason, the old versions stay listed. The change takes effect in
 * coverage, partner search and the what-if at once, and in the client signals after they are evaluated again.
 */
@Route("beheer/zorgpaden")
@Menu(title = "nav.pathways", order = 82, icon = "vaadin:road-branches")
@RolesAllowed(Role.ADMIN_NAME)
public class PathwaysView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** One editable line of the requirements. */
    static final class Line {
        final String type;
        final Checkbox required = new Checkbox();
        final IntegerField maxKm = new IntegerField();

        Line(String type, boolean required, int maxKm) {
            this.type = type;
            this.required.setValue(required);
            this.maxKm.setValue(maxKm);
            this.maxKm.setMin(1);
            this.maxKm.setMax(CarePathways.MAX_KM);
            this.maxKm.setStepButtonsVisible(true);
            this.maxKm.setWidth("9em");
        }
    }

    private final CarePathways pathways;
    private final AtlasPrincipal user;
    private final DateTimeFormatter time;
    private final Map<String, String> typeNames = new HashMap<>();

    final Select<Pathway> pathway = new Select<>();
    final Paragraph info = new Paragraph();
    final Grid<Line> lines = new Grid<>();
    final ComboBox<Named> addType = new ComboBox<>();
    final Button add = new Button();
    final TextArea note = new TextArea();
    final Button save = new Button();
    final Paragraph message = new Paragraph();
    final Grid<Version> history = new Grid<>();
    private final List<Line> current = new ArrayList<>();
    private boolean reading;

    public PathwaysView(CarePathways pathways, CurrentUser currentUser) {
        this.pathways = pathways;
        this.user = currentUser.require();
        this.time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale())
                .withZone(ZoneId.of("Europe/Amsterdam"));
        pathways.providerTypes(getLocale()).forEach(t -> typeNames.put(t.code(), t.name()));
        Paragraph intro = new Paragraph(getTranslation("pathways.intro"));
        intro.addClassName("atlas-note");

        pathway.setLabel(getTranslation("pathways.pathway"));
        pathway.setItemLabelGenerator(p -> p.name() + " · " + p.condition().name());
        pathway.setWidth("30em");
        pathway.addValueChangeListener(e -> {
            if (!reading && e.getValue() != null) {
                UI.getCurrent().navigate(PathwaysView.class, QueryParameters.of("zorgpad", e.getValue().code()));
            }
        });
        info.setId("pathway-info");

        lines.setId("pathway-requirements");
        lines.addThemeVariants(GridVariant.LUMO_COMPACT);
        lines.addColumn(l -> typeNames.getOrDefault(l.type, l.type)).setHeader(getTranslation("pathways.type")).setFlexGrow(2);
        lines.addComponentColumn(l -> l.required).setHeader(getTranslation("pathways.required")).setAutoWidth(true);
        lines.addComponentColumn(l -> l.maxKm).setHeader(getTranslation("pathways.maxKm")).setAutoWidth(true);
        lines.addComponentColumn(l -> {
            Button remove = new Button(getTranslation("pathways.remove"), e -> {
                current.remove(l);
                lines.setItems(current);
                refreshTypes();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            return remove;
        }).setAutoWidth(true);
        lines.setAllRowsVisible(true);

        addType.setLabel(getTranslation("pathways.addType"));
        addType.setItemLabelGenerator(Named::name);
        addType.setWidth("22em");
        add.setText(getTranslation("pathways.add"));
        add.addClickListener(e -> {
            if (addType.getValue() == null) {
                addType.setInvalid(true);
                addType.setErrorMessage(getTranslation("clients.edit.required.provider"));
                return;
            }
            current.add(new Line(addType.getValue().code(), true, 15));
            addType.clear();
            lines.setItems(current);
            refreshTypes();
        });
        note.setLabel(getTranslation("pathways.note"));
        note.setHelperText(getTranslation("pathways.note.helper"));
        note.setMaxLength(CarePathways.MAX_NOTE);
        note.setWidth("40em");
        note.setRequiredIndicatorVisible(true);
        save.setText(getTranslation("pathways.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        message.setId("pathway-message");
        message.setVisible(false);

        history.setId("pathway-history");
        history.addThemeVariants(GridVariant.LUMO_COMPACT);
        history.addColumn(Version::version).setHeader(getTranslation("pathways.version")).setAutoWidth(true).setFlexGrow(0);
        history.addColumn(v -> time.format(v.replacedAt())).setHeader(getTranslation("pathways.replacedAt")).setAutoWidth(true)
                .setFlexGrow(0);
        history.addColumn(Version::replacedBy).setHeader(getTranslation("pathways.replacedBy")).setAutoWidth(true).setFlexGrow(0);
        history.addColumn(v -> describe(v.requirements())).setHeader(getTranslation("pathways.requirements")).setFlexGrow(3);
        history.addColumn(Version::note).setHeader(getTranslation("pathways.note")).setFlexGrow(2);
        history.setAllRowsVisible(true);

        FlexLayout adding = new FlexLayout(addType, add);
        adding.setAlignItems(Alignment.BASELINE);
        adding.getStyle().set("gap", "var(--lumo-space-m)");
        FlexLayout saving = new FlexLayout(note, save);
        saving.setAlignItems(Alignment.BASELINE);
        saving.getStyle().set("gap", "var(--lumo-space-m)");
        add(new H2(getTranslation("pathways.title")), intro, pathway, info, lines, adding, saving, message,
                new H3(getTranslation("pathways.history")), history);
    }

    private String describe(List<Requirement> requirements) {
        List<String> parts = new ArrayList<>();
        for (Requirement r : requirements) {
            parts.add(typeNames.getOrDefault(r.type(), r.type()) + (r.optional() ? " (" + getTranslation("pathways.optional") + ")" : "")
                    + " " + r.maxKm() + " km");
        }
        return String.join(", ", parts);
    }

    private void refreshTypes() {
        List<String> used = current.stream().map(l -> l.type).toList();
        addType.setItems(pathways.providerTypes(getLocale()).stream().filter(t -> !used.contains(t.code())).toList());
    }

    private void save() {
        Pathway chosen = pathway.getValue();
        if (chosen == null) {
            return;
        }
        boolean valid = true;
        for (Line l : current) {
            Integer km = l.maxKm.getValue();
            boolean ok = km != null && km >= 1 && km <= CarePathways.MAX_KM;
            l.maxKm.setInvalid(!ok);
            l.maxKm.setErrorMessage(ok ? "" : getTranslation("pathways.error.km.short", CarePathways.MAX_KM));
            valid &= ok;
        }
        if (note.getValue().isBlank()) {
            note.setInvalid(true);
            note.setErrorMessage(getTranslation("pathways.error.note"));
            valid = false;
        } else {
            note.setInvalid(false);
        }
        if (!valid) {
            say(getTranslation("pathways.error.form"), true);
            return;
        }
        List<Requirement> requirements = current.stream()
                .map(l -> new Requirement(l.type, !l.required.getValue(), l.maxKm.getValue())).toList();
        try {
            Pathway saved = pathways.update(user, chosen.code(), requirements, note.getValue(), getLocale());
            note.clear();
            show(saved);
            say(getTranslation("pathways.saved", saved.version()), false);
        } catch (EditRefused refused) {
            say(getTranslation(refused.key(), refused.arguments()), true);
        }
    }

    private void say(String text, boolean error) {
        message.setText(text);
        message.setVisible(true);
        message.setClassName(error ? "atlas-error" : "atlas-success");
        message.getElement().setAttribute("role", error ? "alert" : "status");
        Notification.show(text, 5_000, Notification.Position.BOTTOM_START)
                .addThemeVariants(error ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_SUCCESS);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<Pathway> all = pathways.pathways(getLocale());
        Optional<String> code = event.getLocation().getQueryParameters().getSingleParameter("zorgpad");
        Pathway chosen = code.flatMap(c -> all.stream().filter(p -> p.code().equals(c)).findFirst())
                .orElse(all.isEmpty() ? null : all.getFirst());
        reading = true;
        pathway.setItems(all);
        pathway.setValue(chosen);
        reading = false;
        message.setVisible(code.isPresent() && chosen != null && !chosen.code().equals(code.get()));
        if (message.isVisible()) {
            message.setText(getTranslation("pathways.error.unknown", code.get().length() > 30 ? code.get().substring(0, 30) : code.get()));
            message.setClassName("atlas-error");
        }
        show(chosen);
    }

    private void show(@Nullable Pathway p) {
        current.clear();
        if (p == null) {
            lines.setItems(current);
            return;
        }
        p.requirements().forEach(r -> current.add(new Line(r.type(), !r.optional(), r.maxKm())));
        lines.setItems(current);
        refreshTypes();
        info.setText(getTranslation("pathways.info", p.condition().name(), p.source().isBlank() ? "—" : p.source(), p.version(),
                p.changedAt() == null ? getTranslation("pathways.original") : getTranslation("pathways.changed",
                        time.format(p.changedAt()), String.valueOf(p.changedBy()))));
        history.setItems(pathways.history(p.code()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("pathways.title") + " · " + getTranslation("app.title");
    }
}
