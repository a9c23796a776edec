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
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import jakarta.annotation.security.PermitAll;
import nl.netwerkzorg.atlas.base.AtlasI18NProvider;
import nl.netwerkzorg.atlas.base.DutchFirstLocale;
import nl.netwerkzorg.atlas.security.CurrentUser;

/**
 * The application shell: title, side navigation with only the views this user may open (Vaadin's menu
 * configuration applies the views' access annotations), user, language and log-out, and the data attribution.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(CurrentUser currentUser) {
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
}
