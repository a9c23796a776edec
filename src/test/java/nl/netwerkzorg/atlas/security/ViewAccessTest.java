package nl.netwerkzorg.atlas.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.router.RouteNotFoundError;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import nl.netwerkzorg.atlas.base.ui.AboutView;
import nl.netwerkzorg.atlas.geography.ui.RegionImportView;
import nl.netwerkzorg.atlas.overview.ui.OverviewView;
import nl.netwerkzorg.atlas.security.ui.LoginView;
import org.junit.jupiter.api.Test;
import nl.netwerkzorg.atlas.AtlasSpringTest;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithUserDetails;

/** Every view declares who may enter; these tests prove the rules for each role with the real demo users. */
@AtlasSpringTest
class ViewAccessTest extends SpringBrowserlessTest {

    @Test
    @WithAnonymousUser
    void anonymousUsersAreSentToTheLogin() {
        LoginView login = navigate("", LoginView.class);
        navigate("beheer/gebieden", LoginView.class);
        navigate("dekking", LoginView.class);
        navigate("over", LoginView.class);
        // The DEMO data set is loaded: the login page says the demo users exist (their passwords are public).
        assertThat(login.getElement().getTextRecursively()).contains("Demo-omgeving").contains("netwerkmanager");
    }

    @Test
    @WithUserDetails("zorgverlener")
    void everyRoleMayOpenDekking() {
        assertThat(navigate(nl.netwerkzorg.atlas.coverage.ui.CoverageView.class)).isNotNull();
        assertThat(MenuConfiguration.getMenuEntries()).extracting(MenuEntry::menuClass)
                .contains(nl.netwerkzorg.atlas.coverage.ui.CoverageView.class);
    }

    @Test
    @WithUserDetails("netwerkmanager")
    void everyRoleMayOpenNetwerkWhoseServiceAppliesTheClientRules() {
        assertThat(navigate(nl.netwerkzorg.atlas.network.ui.NetworkView.class)).isNotNull();
        assertThat(MenuConfiguration.getMenuEntries()).extracting(MenuEntry::menuClass)
                .contains(nl.netwerkzorg.atlas.network.ui.NetworkView.class);
    }

    @Test
    @WithAnonymousUser
    void anonymousUsersCannotOpenNetwerk() {
        navigate("netwerk", LoginView.class);
        navigate("analyse/rapport", LoginView.class);
    }

    @Test
    @WithUserDetails("beleid")
    void aPolicyAnalystIsRefusedTheAdminView() {
        RouteNotFoundError error = navigate("beheer/gebieden", RouteNotFoundError.class);
        assertThat(error.getElement().getChild(0).getOuterHTML()).contains("Could not navigate to 'beheer/gebieden'");
        assertThat(MenuConfiguration.getMenuEntries()).extracting(MenuEntry::menuClass)
                .contains(OverviewView.class, AboutView.class).doesNotContain(RegionImportView.class);
    }

    @Test
    @WithUserDetails("zorgverlener")
    void careStaffIsRefusedTheAdminView() {
        navigate("beheer/gebieden", RouteNotFoundError.class);
        assertThat(navigate(OverviewView.class)).isNotNull();
    }

    @Test
    @WithUserDetails("netwerkmanager")
    void aNetworkManagerIsRefusedTheAdminView() {
        navigate("beheer/gebieden", RouteNotFoundError.class);
    }

    @Test
    @WithUserDetails("admin")
    void theAdminMayImportRegionsAndSeesItInTheMenu() {
        assertThat(navigate(RegionImportView.class)).isNotNull();
        assertThat(MenuConfiguration.getMenuEntries()).extracting(MenuEntry::menuClass).contains(RegionImportView.class);
    }

    @Test
    @WithUserDetails("beleid")
    void aPolicyAnalystHasNoPartnerSearchBedFinderOrCapacityView() {
        navigate("partners", RouteNotFoundError.class);
        navigate("bedden", RouteNotFoundError.class);
        navigate("capaciteit", RouteNotFoundError.class);
        assertThat(MenuConfiguration.getMenuEntries()).extracting(MenuEntry::menuClass).doesNotContain(
                nl.netwerkzorg.atlas.partner.ui.PartnerSearchView.class, nl.netwerkzorg.atlas.partner.ui.BedFinderView.class,
                nl.netwerkzorg.atlas.provider.ui.CapacityView.class);
    }

    @Test
    @WithUserDetails("zorgverlener")
    void careStaffSearchPartnersFindBedsAndUpdateTheirCapacity() {
        assertThat(navigate(nl.netwerkzorg.atlas.partner.ui.PartnerSearchView.class)).isNotNull();
        assertThat(navigate(nl.netwerkzorg.atlas.partner.ui.BedFinderView.class)).isNotNull();
        assertThat(navigate(nl.netwerkzorg.atlas.provider.ui.CapacityView.class)).isNotNull();
        assertThat(MenuConfiguration.getMenuEntries()).extracting(MenuEntry::menuClass).contains(
                nl.netwerkzorg.atlas.partner.ui.PartnerSearchView.class, nl.netwerkzorg.atlas.partner.ui.BedFinderView.class,
                nl.netwerkzorg.atlas.provider.ui.CapacityView.class);
    }

    @Test
    @WithUserDetails("zorgverlener")
    void careStaffHaveNoAnalyse() {
        navigate("analyse", RouteNotFoundError.class);
        navigate("analyse/rapport", RouteNotFoundError.class);
        assertThat(MenuConfiguration.getMenuEntries()).extracting(MenuEntry::menuClass)
                .doesNotContain(nl.netwerkzorg.atlas.analysis.ui.AnalysisView.class);
    }

    @Test
    @WithUserDetails("beleid")
    void aPolicyAnalystAnalysesConnectivity() {
        assertThat(navigate(nl.netwerkzorg.atlas.analysis.ui.AnalysisView.class)).isNotNull();
        assertThat(MenuConfiguration.getMenuEntries()).extracting(MenuEntry::menuClass)
                .contains(nl.netwerkzorg.atlas.analysis.ui.AnalysisView.class);
    }

    @Test
    @WithUserDetails("netwerkmanager")
    void aNetworkManagerSearchesPartnersButUpdatesNoCapacity() {
        assertThat(navigate(nl.netwerkzorg.atlas.partner.ui.PartnerSearchView.class)).isNotNull();
        navigate("capaciteit", RouteNotFoundError.class);
    }
}
