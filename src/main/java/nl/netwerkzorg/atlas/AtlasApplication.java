package nl.netwerkzorg.atlas;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Netwerkzorg Atlas: Spring Boot entry point and Vaadin application shell. */
@SpringBootApplication
@ConfigurationPropertiesScan
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
public class AtlasApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(AtlasApplication.class, args);
    }

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Netwerkzorg Atlas");
        settings.addMetaTag("description", "Zorgnetwerken zichtbaar en doorzoekbaar");
    }
}
