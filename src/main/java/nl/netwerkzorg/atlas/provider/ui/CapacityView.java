package nl.netwerkzorg.atlas.provider.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;

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
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import nl.netwerkzorg.atlas.provider.Capacity;
import nl.netwerkzorg.atlas.provider.Capacity.Current;
import nl.netwerkzorg.atlas.provider.Capacity.HistoryEntry;
import nl.netwerkzorg.atlas.provider.Capacity.InvalidUpdate;
import nl.netwerkzorg.atlas.provider.Capacity.Update;
import nl.netwerkzorg.atlas.provider.CapacityService;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.CurrentUser;
import nl.netwerkzorg.atlas.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * Capaciteit bijwerken: a care professional keeps their own provider's availability current (free beds, accepting new
 * clients, waiting days); an administrator chooses any provider. The form validates before anything is stored; the
 * screen shows who updated when, whether the information is stale, and the recent history.
 */
@Route("capaciteit")
@Menu(title = "nav.capacity", order = 5, icon = "vaadin:clipboard-pulse")
@RolesAllowed({Role.ADMIN_NAME, Role.CARE_STAFF_NAME})
public class CapacityView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** The form's values. */
    public static final class Form {
        @Nullable Integer capacity;
        @Nullable Integer available;
        boolean accepting;
        @Nullable Integer waitingDays;
    }

    private final CapacityService capacity;
    private final AtlasPrincipal user;
    private final DateTimeFormatter time;

    final ComboBox<Current> provider = new ComboBox<>();
    final H3 name = new H3();
    final Paragraph status = new Paragraph();
    final IntegerField beds = new IntegerField();
    final IntegerField free = new IntegerField();
    final Checkbox accepting = new Checkbox();
    final IntegerField waiting = new IntegerField();
    final Button save = new Button();
    final Grid<HistoryEntry> history = new Grid<>();
    final Paragraph noHistory = new Paragraph();
    final Binder<Form> binder = new Binder<>();
    private @Nullable Current current;

    public CapacityView(CapacityService capacity, CurrentUser currentUser) {
        this.capacity = capacity;
        this.user = currentUser.require();
        this.time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale())
                .withZone(ZoneId.of("Europe/Amsterdam"));
        addClassName("atlas-capacity");
        Paragraph intro = new Paragraph(getTranslation("capacity.intro"));
        intro.addClassName("atlas-note");

        provider.setLabel(getTranslation("capacity.provider"));
        provider.setPlaceholder(getTranslation("capacity.provider.placeholder"));
        provider.setItemLabelGenerator(c -> c.name() + " · " + c.typeName());
        provider.setItems(query -> {
            List<Current> found = capacity.find(query.getFilter().orElse(""), getLocale());
            return found.stream().skip(query.getOffset()).limit(query.getLimit());
        });
        provider.setWidth("28em");
        provider.setVisible(user.role() == Role.ADMIN);
        provider.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                getUI().ifPresent(ui -> ui.navigate(CapacityView.class, QueryParameters.of("aanbieder", e.getValue().providerId())));
            }
        });
        status.setId("capacity-status");

        beds.setLabel(getTranslation("capacity.beds"));
        free.setLabel(getTranslation("capacity.free"));
        accepting.setLabel(getTranslation("capacity.accepting"));
        waiting.setLabel(getTranslation("capacity.waiting"));
        waiting.setHelperText(getTranslation("capacity.waiting.helper"));
        for (IntegerField field : List.of(beds, free, waiting)) {
            field.setMin(0);
            field.setStepButtonsVisible(true);
            field.setWidth("11em");
        }
        beds.setMax(Capacity.MAX_BEDS);
        waiting.setMax(Capacity.MAX_WAITING_DAYS);
        binder.forField(beds)
                .withValidator((v, c) -> !bedBased() || (v != null && v >= 0 && v <= Capacity.MAX_BEDS)
                        ? ValidationResult.ok() : ValidationResult.error(getTranslation("capacity.error.beds", Capacity.MAX_BEDS)))
                .bind(f -> f.capacity, (f, v) -> f.capacity = v);
        binder.forField(free)
                .withValidator((v, c) -> !bedBased() || (v != null && v >= 0)
                        ? ValidationResult.ok() : ValidationResult.error(getTranslation("capacity.error.free")))
                .withValidator((v, c) -> !bedBased() || v == null || beds.getValue() == null || v <= beds.getValue()
                        ? ValidationResult.ok() : ValidationResult.error(getTranslation("capacity.error.moreFreeThanBeds")))
                .bind(f -> f.available, (f, v) -> f.available = v);
        binder.forField(accepting)
                .withValidator((v, c) -> !bedBased() || !v || free.getValue() == null || free.getValue() > 0
                        ? ValidationResult.ok() : ValidationResult.error(getTranslation("capacity.error.acceptingWithoutBeds")))
                .bind(f -> f.accepting, (f, v) -> f.accepting = v);
        binder.forField(waiting)
                .withValidator(v -> v == null || (v >= 0 && v <= Capacity.MAX_WAITING_DAYS),
                        getTranslation("capacity.error.waiting", Capacity.MAX_WAITING_DAYS))
                .bind(f -> f.waitingDays, (f, v) -> f.waitingDays = v);
        free.addValueChangeListener(e -> binder.validate());
        beds.addValueChangeListener(e -> binder.validate());

        save.setText(getTranslation("capacity.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());

        history.setId("capacity-history");
        history.addThemeVariants(GridVariant.LUMO_COMPACT);
        history.addColumn(h -> time.format(h.at())).setHeader(getTranslation("capacity.history.at")).setAutoWidth(true);
        history.addColumn(HistoryEntry::username).setHeader(getTranslation("capacity.history.by")).setAutoWidth(true);
        history.addColumn(h -> h.available() == null ? "—" : h.available() + " / " + h.capacity())
                .setHeader(getTranslation("capacity.free")).setAutoWidth(true);
        history.addColumn(h -> getTranslation(h.acceptingClients() ? "partner.yes" : "partner.no"))
                .setHeader(getTranslation("capacity.accepting")).setAutoWidth(true);
        history.addColumn(h -> h.waitingDays() == null ? "—" : String.valueOf(h.waitingDays()))
                .setHeader(getTranslation("capacity.waiting")).setAutoWidth(true);
        history.setAllRowsVisible(true);

        FlexLayout fields = new FlexLayout(beds, free, accepting, waiting, save);
        fields.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        fields.setAlignItems(Alignment.BASELINE);
        fields.getStyle().set("gap", "var(--lumo-space-m)");
        add(new H2(getTranslation("capacity.title")), intro, provider, name, status, fields,
                new H3(getTranslation("capacity.history")), history, noHistory);
        noHistory.setText(getTranslation("capacity.history.none"));
        noHistory.addClassName("atlas-note");
    }

    private boolean bedBased() {
        return current != null && current.bedBased();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<String> requested = event.getLocation().getQueryParameters().getSingleParameter("aanbieder");
        String id = user.role() == Role.CARE_STAFF ? user.provider().orElse("") : requested.orElse("");
        current = id.isEmpty() ? null : capacity.current(id, getLocale()).orElse(null);
        show();
    }

    private void show() {
        boolean chosen = current != null;
        for (var field : List.of(beds, free, accepting, waiting, save)) {
            field.setVisible(chosen);
        }
        history.setVisible(chosen);
        noHistory.setVisible(false);
        if (current == null) {
            name.setText("");
            status.setText(getTranslation(user.role() == Role.ADMIN ? "capacity.choose" : "capacity.noProvider"));
            return;
        }
        Current c = current;
        name.setText(c.name() + " · " + c.typeName());
        beds.setVisible(c.bedBased());
        free.setVisible(c.bedBased());
        Form form = new Form();
        form.capacity = c.capacity();
        form.available = c.available();
        form.accepting = Boolean.TRUE.equals(c.acceptingClients());
        form.waitingDays = c.waitingDays();
        binder.readBean(form);
        String updated = c.updatedAt() == null ? getTranslation("capacity.never")
                : c.updatedBy() == null ? getTranslation("capacity.updatedImported", time.format(c.updatedAt()))
                : getTranslation("capacity.updated", time.format(c.updatedAt()), c.updatedBy());
        status.setText(updated + (c.stale() ? " " + getTranslation(c.bedBased() ? "capacity.stale.beds" : "capacity.stale.other") : ""));
        status.getElement().getClassList().set("atlas-error", c.stale());
        List<HistoryEntry> entries = capacity.history(c.providerId(), 10);
        history.setItems(entries);
        history.setVisible(!entries.isEmpty());
        noHistory.setVisible(entries.isEmpty());
    }

    private void save() {
        Current c = current;
        Form form = new Form();
        if (c == null || !binder.writeBeanIfValid(form)) {
            return;
        }
        try {
            current = capacity.update(c.providerId(), new Update(c.bedBased() ? form.capacity : null,
                    c.bedBased() ? form.available : null, form.accepting, form.waitingDays), user, getLocale());
            Notification.show(getTranslation("capacity.saved"), 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            show();
        } catch (InvalidUpdate e) {
            Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (AccessDeniedException e) {
            Notification.show(getTranslation("capacity.denied"), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("capacity.title") + " · " + getTranslation("app.title");
    }
}
