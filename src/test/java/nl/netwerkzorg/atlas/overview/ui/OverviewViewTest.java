package nl.netwerkzorg.atlas.overview.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import nl.netwerkzorg.atlas.overview.RegionOverview;
import org.junit.jupiter.api.Test;
import nl.netwerkzorg.atlas.AtlasSpringTest;
import org.springframework.security.test.context.support.WithUserDetails;

/** The Overzicht in a browserless UI, against the real embedded database with the DEMO data. */
@AtlasSpringTest
class OverviewViewTest extends SpringBrowserlessTest {

    private String card(OverviewView view, String id) {
        Div card = (Div) view.cards.getChildren().filter(c -> c.getId().orElse("").equals("card-" + id)).findFirst().orElseThrow();
        return ((Span) card.getChildren().findFirst().orElseThrow()).getText();
    }

    private static long number(String formatted) {
        return Long.parseLong(formatted.replace(".", ""));
    }

    @Test
    @WithUserDetails("beleid")
    void showsUtrechtByDefaultWithNonZeroNumbersInDutch() {
        OverviewView view = navigate(OverviewView.class);
        assertThat(view.heading.getText()).isEqualTo("Overzicht · Utrecht");
        assertThat(number(card(view, "municipalities"))).isEqualTo(26);
        assertThat(number(card(view, "inhabitants"))).isGreaterThan(1_000_000);
        assertThat(number(card(view, "providers"))).isGreaterThan(1_000);
        assertThat(number(card(view, "networks"))).isPositive();
        assertThat(number(card(view, "clients"))).isPositive();
        List<RegionOverview.TypeCount> types = view.providersByType.getListDataView().getItems().toList();
        assertThat(types).extracting(RegionOverview.TypeCount::name).contains("Huisarts", "Wijkverpleging");
        assertThat(test(view.clientsByCondition).size()).isPositive();
        assertThat(view.kind.getValue()).isEqualTo("PROVINCIE");
        assertThat(view.region.getValue().code()).isEqualTo("PV26");
    }

    @Test
    @WithUserDetails("admin")
    void regionComesFromTheUrlAndChoosingAnotherUpdatesIt() {
        com.vaadin.flow.component.UI.getCurrent().navigate(OverviewView.class, QueryParameters.of("regio", "GG2514"));
        OverviewView ggd = (OverviewView) getCurrentView();
        assertThat(ggd.kind.getValue()).isEqualTo("GGD");
        assertThat(ggd.heading.getText()).contains("GGD");
        assertThat(number(card(ggd, "municipalities"))).isBetween(1L, 26L);
        test(ggd.region).selectItem(ggd.region.getListDataView().getItems()
                .filter(r -> !r.code().equals("GG2514")).findFirst().orElseThrow().name());
        assertThat(com.vaadin.flow.component.UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters()
                .getSingleParameter("regio")).isPresent().get().isNotEqualTo("GG2514");
    }

    @Test
    @WithUserDetails("netwerkmanager")
    void aNetworkManagerCannotOpenARegionOutsideTheirScope() {
        com.vaadin.flow.component.UI.getCurrent().navigate(OverviewView.class, QueryParameters.of("regio", "PV27"));
        OverviewView view = (OverviewView) getCurrentView();
        assertThat(view.message.getText()).isEqualTo("U heeft geen toegang tot dit gebied.");
        assertThat(view.cards.getChildren()).isEmpty();
        assertThat(view.region.getListDataView().getItems()).allMatch(r -> !r.code().equals("PV27"));
    }

    @Test
    @WithUserDetails("zorgverlener")
    void unknownRegionGivesAClearMessage() {
        com.vaadin.flow.component.UI.getCurrent().navigate(OverviewView.class, QueryParameters.of("regio", "XX99"));
        OverviewView view = (OverviewView) getCurrentView();
        assertThat(view.message.getText()).isEqualTo("Onbekend gebied: XX99");
    }
}
