package nl.netwerkzorg.atlas.base.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;

/** About the Atlas: purpose, version, licences and data attribution. */
@Route("over")
@Menu(title = "nav.about", order = 90, icon = "vaadin:info-circle-o")
@PermitAll
public class AboutView extends VerticalLayout implements HasDynamicTitle {

    public AboutView(ObjectProvider<BuildProperties> build) {
        String version = build.getIfAvailable() != null ? build.getObject().getVersion() : "dev";
        add(new H2(getTranslation("about.title")),
                new Paragraph(getTranslation("about.text")),
                new Paragraph(getTranslation("about.version", version)),
                new Paragraph(getTranslation("about.licence")),
                new Paragraph(getTranslation("about.data")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("about.title");
    }
}
