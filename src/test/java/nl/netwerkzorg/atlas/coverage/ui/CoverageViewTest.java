package nl.netwerkzorg.atlas.coverage.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import nl.netwerkzorg.atlas.AtlasSpringTest;
import nl.netwerkzorg.atlas.coverage.Coverage.Measure;
import nl.netwerkzorg.atlas.coverage.Coverage.Target;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

/** The Dekking view in a browserless UI against the embedded database with the DEMO data (province Utrecht). */
@AtlasSpringTest
class CoverageViewTest extends SpringBrowserlessTest {

    private CoverageView open(String query) {
        UI.getCurrent().navigate("dekking", QueryParameters.fromString(query));
        return (CoverageView) getCurrentView();
    }

    private static String currentQuery(String key) {
        return UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters().getSingleParameter(key).orElse("");
    }

    @Test
    @WithUserDetails("netwerkmanager")
    void opensOnTheManagersRegionWithAColouredMapAndLegend() {
        CoverageView view = navigate(CoverageView.class);
        assertThat(view.heading.getText()).isEqualTo("Dekking · Utrecht");
        assertThat(view.region.getValue().code()).isEqualTo("PV26");
        assertThat(view.type.getValue().code()).isEqualTo("HUISARTS");
        assertThat(view.measure.getValue()).isEqualTo(Measure.SERVED);
        String geojson = view.map.getElement().getProperty("geojson", "");
        assertThat(geojson).startsWith("{\"type\":\"FeatureCollection\"").contains("\"code\":\"GM0344\"");
        assertThat(geojson.length()).as("a province's outlines stay well under 1 MB").isLessThan(1_000_000);
        String styles = view.map.getElement().getProperty("styles", "");
        assertThat(styles).contains("\"GM0344\"").contains("#1a7f37");
        assertThat(view.map.getElement().getProperty("legend", "")).contains("Bediend");
        assertThat(view.summary.getText()).contains("van 26 gemeenten");
        assertThat(view.detail.getElement().getTextRecursively()).contains("Klik op een gemeente");
    }

    @Test
    @WithUserDetails("beleid")
    void choicesGoIntoTheUrlAndClickingAMunicipalityOpensItsDetails() {
        CoverageView view = open("regio=PV26&soort=WIJKVERPLEGING&maat=density");
        assertThat(view.type.getValue().code()).isEqualTo("WIJKVERPLEGING");
        assertThat(view.map.getElement().getProperty("legend", "")).contains("per 10.000 inwoners");
        test(view.measure).selectItem("Inwoners binnen bereik (schatting)");
        assertThat(currentQuery("maat")).isEqualTo("distance");
        view = (CoverageView) getCurrentView();
        assertThat(view.km.getValue()).isEqualTo(15);
        assertThat(view.method.getText()).contains("Schatting").contains("15 km");
        view.map.getElement().getNode();
        com.vaadin.flow.component.ComponentUtil.fireEvent(view.map,
                new nl.netwerkzorg.atlas.base.ui.AtlasMap.FeatureClickEvent(view.map, true, "GM0321"));
        assertThat(currentQuery("gemeente")).isEqualTo("GM0321");
        view = (CoverageView) getCurrentView();
        assertThat(view.detail.getElement().getTextRecursively()).contains("Houten").contains("Zorgaanbieders per soort").contains("Wijkverpleging");
        assertThat(view.detail.getChildren().flatMap(c -> c.getChildren())
                .filter(c -> c instanceof com.vaadin.flow.component.html.Anchor a && "coverage-to-network".equals(a.getId().orElse("")))
                .map(c -> ((com.vaadin.flow.component.html.Anchor) c).getHref())).containsExactly("netwerk?n=M:GM0321");
    }

    @Test
    @WithUserDetails("admin")
    void matrixGapsAndRollupTabs() {
        CoverageView matrix = open("regio=PV26&zorgpad=PAD_DEMENTIE&tab=matrix");
        assertThat(matrix.targetKind.getValue()).isEqualTo(Target.Kind.PATHWAY);
        assertThat(test(matrix.matrixGrid).size()).isEqualTo(26);
        assertThat(matrix.matrixGrid.getColumnByKey("CASEMANAGER_DEMENTIE")).isNotNull();
        assertThat(matrix.matrixGrid.getColumnByKey("APOTHEEK")).as("optional types of the pathway are columns too").isNotNull();
        assertThat(matrix.matrixGrid.getColumnByKey("KRAAMZORG")).as("not part of the dementia pathway").isNull();
        test(matrix.matrixFilter).setValue("Hout");
        assertThat(test(matrix.matrixGrid).size()).isEqualTo(1);

        CoverageView gaps = open("regio=PV26&zorgpad=PAD_DEMENTIE&tab=hiaten");
        assertThat(gaps.content.getChildren()).contains(gaps.gapGrid);

        CoverageView typeGaps = open("regio=PV26&soort=HUISARTS&tab=hiaten");
        assertThat(typeGaps.content.getElement().getTextRecursively()).contains("Kies een zorgpad");

        CoverageView rollup = open("regio=PV26&soort=HUISARTS&tab=regios");
        assertThat(test(rollup.rollupGrid).size()).isEqualTo(12);
    }

    @Test
    @WithUserDetails("zorgverlener")
    void badUrlParametersGiveAClearMessage() {
        assertThat(open("regio=XX99").message.getText()).isEqualTo("Onbekend gebied: XX99");
        assertThat(open("regio=PV26&soort=BAKKER").message.getText()).isEqualTo("Onbekende soort zorgaanbieder: BAKKER");
        assertThat(open("regio=PV26&zorgpad=PAD_GEEN").message.getText()).isEqualTo("Onbekend zorgpad: PAD_GEEN");
        assertThat(open("regio=PV26&maat=hoogte").message.getText()).isEqualTo("Onbekende of hier niet bruikbare maat: hoogte");
        assertThat(open("regio=PV26&zorgpad=PAD_DEMENTIE&maat=density").message.getText())
                .isEqualTo("Onbekende of hier niet bruikbare maat: density");
        assertThat(open("regio=PV26&maat=distance&km=abc").message.getText()).startsWith("Afstand moet een geheel getal");
        assertThat(open("regio=PV26&maat=distance&km=0").message.getText()).startsWith("Afstand moet een geheel getal");
    }

    @Test
    @WithUserDetails("netwerkmanager")
    void aNetworkManagerCannotOpenAnotherProvince() {
        CoverageView view = open("regio=PV27");
        assertThat(view.message.getText()).isEqualTo("U heeft geen toegang tot dit gebied.");
        assertThat(view.content.getChildren()).isEmpty();
    }
}
