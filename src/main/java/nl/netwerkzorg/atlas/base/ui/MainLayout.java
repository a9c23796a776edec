package nl.netwerkzorg.atlas.base.ui;

import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import jakarta.annotation.security.PermitAll;
import nl.netwerkzorg.atlas.base.AtlasI18NProvider;
import nl.netwerkzorg.atlas.base.DutchFirstLocale;
import nl.netwerkzorg.atlas.demo.GenerationStatus;
import nl.netwerkzorg.atlas.security.CurrentUser;

/**
 * The application shell: title, side navigation with only the views this user may open (Vaadin's menu
 * configuration applies the views' access annotations), user, language and log-out, and the data attribution.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    /** How often an open screen asks for the progress of a data set being generated. */
    static final int POLL_MILLIS = 2_000;

    private final GenerationStatus generation;
    private final Span dataStatus = new Span();
    private final Button refresh = new Button();
    private boolean pollingForGeneration;

    public MainLayout(CurrentUser currentUser, GenerationStatus generation) {
        this.generation = generation;
        setPrimarySection(Section.DRAWER);
        H1 title = new H1(getTranslation("app.title"));
        title.addClassName("atlas-app-title");
        Span tagline = new Span(getTranslation("app.tagline"));
        tagline.addClassName("atlas-tagline");
        Div brand = new Div(title, tagline);
        brand.addClassName("atlas-brand");

        SideNav nav = new SideNav();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        Footer footer = new Footer(new Anchor("over", getTranslation("footer.attribution")));
        footer.addClassName("atlas-footer");
        Div drawer = new Div(brand, nav, footer);
        drawer.addClassName("atlas-drawer");
        addToDrawer(drawer);

        HorizontalLayout header = new HorizontalLayout();
        header.addClassName("atlas-header");
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.add(new DrawerToggle());
        Span spacer = new Span();
        header.addAndExpand(spacer);
        dataStatus.setId("atlas-data-status");
        dataStatus.addClassName("atlas-data-status");
        dataStatus.getElement().setAttribute("role", "status");
        refresh.setText(getTranslation("data.refresh"));
        refresh.setId("atlas-data-refresh");
        refresh.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        refresh.addClickListener(e -> UI.getCurrent().getPage().reload());
        header.add(dataStatus, refresh);
        showDataStatus();
        addDetachListener(e -> {
            if (pollingForGeneration) {
                e.getUI().setPollInterval(-1);
            }
        });
        UI current = UI.getCurrent();
        if (current != null) {
            // Only the polling this layout started is stopped here: a view may poll for its own background work.
            current.addPollListener(e -> {
                showDataStatus();
                if (pollingForGeneration && !generation.snapshot().running()) {
                    pollingForGeneration = false;
                    e.getSource().setPollInterval(-1);
                }
            });
        }
        currentUser.get().ifPresent(user -> {
            Span who = new Span(user.displayName() + " · " + getTranslation("role." + user.role().name()));
            who.addClassName("atlas-user");
            who.setId("atlas-user");
            header.add(who);
        });
        Select<Locale> language = new Select<>();
        language.setItems(AtlasI18NProvider.DUTCH, AtlasI18NProvider.ENGLISH);
        language.setItemLabelGenerator(l -> "en".equals(l.getLanguage()) ? "English" : "Nederlands");
        language.setValue("en".equals(getLocale().getLanguage()) ? AtlasI18NProvider.ENGLISH : AtlasI18NProvider.DUTCH);
        language.setAriaLabel(getTranslation("header.language"));
        language.setWidth("9em");
        language.addValueChangeListener(e -> {
            DutchFirstLocale.choose(VaadinSession.getCurrent(), e.getValue());
            UI.getCurrent().getPage().reload();
        });
        Button logout = new Button(getTranslation("header.logout"), e -> currentUser.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("atlas-logout");
        header.add(language, logout);
        addToNavbar(header);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        showDataStatus();
        if (generation.snapshot().running()) {
            pollingForGeneration = true;
            UI.getCurrent().setPollInterval(POLL_MILLIS);
        }
    }

    /**
     * While a data set is generated: the phase and overall percentage, as the figures on screen are still incomplete;
     * once it is done (seen by this screen while it was running), an offer to refresh.
     */
    private void showDataStatus() {
        GenerationStatus.Snapshot status = generation.snapshot();
        boolean wasShown = dataStatus.isVisible() && !dataStatus.getText().isEmpty();
        switch (status.state()) {
            case RUNNING -> {
                dataStatus.setText(getTranslation("data.generating", getTranslation(status.phaseKey()), status.percent()));
                dataStatus.getElement().setAttribute("data-state", "running");
                dataStatus.setVisible(true);
                refresh.setVisible(false);
            }
            case DONE -> {
                dataStatus.setText(wasShown ? getTranslation("data.done") : "");
                dataStatus.getElement().setAttribute("data-state", "done");
                dataStatus.setVisible(wasShown);
                refresh.setVisible(wasShown);
            }
            case FAILED -> {
                dataStatus.setText(getTranslation("data.failed", String.valueOf(status.failure())));
                dataStatus.getElement().setAttribute("data-state", "failed");
                dataStatus.setVisible(true);
                refresh.setVisible(false);
            }
            case IDLE -> {
                dataStatus.setVisible(false);
                refresh.setVisible(false);
            }
        }
    }
}
