package nl.netwerkzorg.atlas.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import nl.netwerkzorg.atlas.AtlasSpringTest;
import nl.netwerkzorg.atlas.demo.DataPreset;
import nl.netwerkzorg.atlas.demo.GenerationStatus;
import nl.netwerkzorg.atlas.overview.ui.OverviewView;
import nl.netwerkzorg.atlas.security.ui.LoginView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * While the data set is generated in the background, the login page and every screen say so, with the phase and
 * percentage, and the screen polls; the tests put the shared status in that state and back.
 */
@AtlasSpringTest
class DataStatusTest extends SpringBrowserlessTest {

    @Autowired
    GenerationStatus status;

    @AfterEach
    void done() {
        status.finished();
    }

    @Test
    @WithAnonymousUser
    void theLoginPageSaysTheDataIsStillComingAndThatLoggingInWorks() {
        status.started(DataPreset.DEMO);
        status.update("Cliënten", 1, 4);
        LoginView login = navigate("login", LoginView.class);
        assertThat(login.getElement().getTextRecursively())
                .contains("De demogegevens worden nog aangemaakt (20 %). Inloggen kan al");
    }

    @Test
    @WithUserDetails("beleid")
    void screensShowPhaseAndPercentageAndPollUntilDone() {
        status.started(DataPreset.DEMO);
        status.update("Zorgaanbieders", 1, 2);
        navigate(OverviewView.class);
        MainLayout layout = (MainLayout) UI.getCurrent().getInternals().getActiveRouterTargetsChain().getLast();
        assertThat(layout.getElement().getTextRecursively())
                .contains("Gegevens worden aangemaakt: zorgaanbieders, 3 % — de cijfers zijn nog onvolledig");
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(MainLayout.POLL_MILLIS);

        status.finished();
        com.vaadin.flow.component.ComponentUtil.fireEvent(UI.getCurrent(), new com.vaadin.flow.component.PollEvent(UI.getCurrent(), true));
        assertThat(layout.getElement().getTextRecursively()).contains("Alle gegevens zijn aangemaakt").contains("Vernieuwen");
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
    }

    @Test
    @WithUserDetails("beleid")
    void nothingIsShownWhenNoGenerationRan() {
        navigate(OverviewView.class);
        MainLayout layout = (MainLayout) UI.getCurrent().getInternals().getActiveRouterTargetsChain().getLast();
        assertThat(layout.getElement().getTextRecursively()).doesNotContain("Gegevens worden aangemaakt")
                .doesNotContain("Alle gegevens zijn aangemaakt");
    }
}
