package nl.netwerkzorg.atlas.security.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import nl.netwerkzorg.atlas.demo.GenerationStatus;
import nl.netwerkzorg.atlas.security.UserService;

/** The login page (the only view open to anonymous users besides "Over"). */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm login = new LoginForm();
    private final Paragraph generating = new Paragraph();
    private final GenerationStatus generation;

    public LoginView(UserService users, GenerationStatus generation) {
        this.generation = generation;
        addClassName("atlas-login");
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);

        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("login.form.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getForm().setForgotPassword(getTranslation("login.forgot"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
        login.setI18n(i18n);
        login.setForgotPasswordButtonVisible(false);
        login.setAction("login");

        H1 title = new H1(getTranslation("login.title"));
        Paragraph description = new Paragraph(getTranslation("login.description"));
        Paragraph attribution = new Paragraph(getTranslation("footer.attribution"));
        attribution.addClassName("atlas-attribution");
        add(title, description, login);
        if (users.demoMode()) {
            Paragraph demo = new Paragraph(getTranslation("login.demo"));
            demo.setId("login-demo-hint");
            demo.addClassName("atlas-demo-hint");
            add(demo);
        }
        generating.setId("login-data-status");
        generating.addClassName("atlas-data-status");
        generating.getElement().setAttribute("role", "status");
        add(generating);
        add(attribution);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        login.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
        GenerationStatus.Snapshot status = generation.snapshot();
        generating.setVisible(status.running());
        generating.setText(status.running() ? getTranslation("login.generating", status.percent()) : "");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.form.title") + " · " + getTranslation("app.title");
    }
}
