package nl.netwerkzorg.atlas.analysis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import nl.netwerkzorg.atlas.AtlasSpringTest;
import nl.netwerkzorg.atlas.analysis.Analysis.Broker;
import nl.netwerkzorg.atlas.analysis.Analysis.CutPoint;
import nl.netwerkzorg.atlas.analysis.Analysis.Pair;
import nl.netwerkzorg.atlas.analysis.Analysis.ProviderRef;
import nl.netwerkzorg.atlas.analysis.AnalysisFixture;
import nl.netwerkzorg.atlas.analysis.PatientSharing;
import com.vaadin.flow.component.grid.Grid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.test.context.support.WithUserDetails;

/** Analyse in a browserless UI on the analysis fixture: URL state, background computation, tables, roles. */
@AtlasSpringTest
class AnalysisViewTest extends SpringBrowserlessTest {

    @Autowired
    Neo4jClient neo4j;
    @Autowired
    PatientSharing sharing;

    @BeforeEach
    void fixture() {
        AnalysisFixture.create(neo4j);
        sharing.derive();
    }

    @AfterEach
    void remove() {
        AnalysisFixture.remove(neo4j);
    }

    private AnalysisView open(String query) {
        UI.getCurrent().navigate(AnalysisView.class, QueryParameters.fromString(query));
        AnalysisView view = (AnalysisView) getCurrentView();
        // The computation runs in the background; the poll that follows shows it.
        if (view.running != null) {
            view.running.exceptionally(e -> null).join();
            view.onPoll();
        }
        return view;
    }

    private static String text(Component c) {
        return c.getElement().getTextRecursively();
    }

    @SuppressWarnings("unchecked")
    private static <T> Grid<T> grid(AnalysisView view, String id) {
        return (Grid<T>) view.tables.get(id);
    }

    @Test
    @WithUserDetails("admin")
    void computesInTheBackgroundAndShowsTheStructureOfTheRegion() {
        AnalysisView view = open("regio=" + AnalysisFixture.REGION + "&banden=samenwerking&min=2&veel=5");
        assertThat(view.message.getText()).isEmpty();
        assertThat(view.heading.getText()).isEqualTo("Analyse · Testregio Walcheren");
        assertThat(view.kinds.getValue()).containsExactly(nl.netwerkzorg.atlas.analysis.Analysis.TieKind.COLLABORATION);
        assertThat(text(view.results)).contains("9Zorgaanbieders").contains("13Verbindingen").contains("2Losse delen")
                .contains("1Geïsoleerde aanbieders").contains("2Scharnierpunten").contains("1Bruggen")
                .contains("2Gemeenschappen").contains("7,7%Verbindingen over domeingrenzen");
        Grid<Broker> brokers = grid(view, "analysis-brokers");
        assertThat(brokers.getGenericDataView().getItems().map(b -> b.provider().id())).containsExactly("AN-4", "AN-5");
        Grid<CutPoint> cuts = grid(view, "analysis-cut-points");
        assertThat(cuts.getGenericDataView().getItems().map(c -> c.provider().id() + ":" + c.cutOff()))
                .containsExactly("AN-4:3", "AN-5:3");
        Grid<Pair> withoutAgreement = grid(view, "analysis-sharing-without-agreement");
        assertThat(withoutAgreement.getGenericDataView().getItems().map(p -> p.a().id() + "-" + p.b().id() + ":" + p.sharedClients()))
                .containsExactly("AN-1-AN-6:6");
        Grid<ProviderRef> isolated = grid(view, "analysis-isolated");
        assertThat(isolated.getGenericDataView().getItems().map(ProviderRef::id)).containsExactly("AN-9");
        assertThat(view.graph.getElement().getProperty("elements")).contains("AN-9");

        // What if AN-9, the only wijkverpleging of Vlissingen, leaves?
        view.startWhatIf(view.report.parameters(), java.util.Set.of("AN-9"), null, java.util.Map.of());
        view.running.exceptionally(e -> null).join();
        view.onPoll();
        assertThat(text(view.whatIfResult)).contains("Wegvallend: Analyse 9.")
                .contains("1 combinaties van gemeente en soort verliezen hun laatste aanbieder.");
        Grid<nl.netwerkzorg.atlas.analysis.Analysis.CoverageLoss> coverage = grid(view, "analysis-what-if-coverage");
        assertThat(coverage.getGenericDataView().getItems().map(c -> c.municipalityName())).containsExactly("Vlissingen");

        // The map colours both municipalities; the degree distribution is a chart too.
        assertThat(view.mapPanel).isNotNull();
        assertThat(view.mapPanel.map.getElement().getProperty("styles")).contains("GM0687").contains("GM0718")
                .contains("Vlissingen: 100%");
        view.mapPanel.metric.setValue(AnalysisMapPanel.MapMetric.CUT_POINTS);
        assertThat(view.mapPanel.map.getElement().getProperty("styles")).contains("Middelburg (Z.): 2 (8 aanbieders)");
        assertThat(view.degreeChart.option()).contains("\"data\":[\"0\",\"1\",\"2\",\"3\",\"4\"]")
                .contains("\"data\":[1,0,0,6,2]");

        // A snapshot of this report, then its trend.
        assertThat(view.trendPanel).isNotNull();
        assertThat(view.trendPanel.trendNote.getText()).isEqualTo("Nog geen momentopname met deze instellingen.");
        view.tabSheet.setSelectedIndex(AnalysisView.TAB_NAMES.indexOf("verloop"));
        view.trendPanel.save.click();
        assertThat(view.trendPanel.table.getGenericDataView().getItems().map(sn -> sn.ties() + " " + sn.takenBy()))
                .containsExactly("13 admin");
        assertThat(view.trendPanel.trendNote.getText()).startsWith("Eén momentopname met deze instellingen");
        view.trendPanel.save.click();
        assertThat(view.trendPanel.trendNote.getText()).startsWith("2 momentopnamen met deze instellingen");
        assertThat(view.trendPanel.chart.option()).contains("\"data\":[1.0,1.0]");

        // The same parameters again: answered from the cache at once.
        AnalysisView again = open("regio=" + AnalysisFixture.REGION + "&banden=samenwerking&min=2&veel=5");
        assertThat(again.running).isNull();
        assertThat(text(again.results)).contains("13Verbindingen");
    }

    @Test
    @WithUserDetails("admin")
    void theTabAndTheMapFigureAreInTheUrlAndSurviveANewComputation() {
        AnalysisView view = open("regio=" + AnalysisFixture.REGION + "&banden=samenwerking&min=2&veel=5&tab=kaart"
                + "&kaart=scharnierpunten");
        assertThat(view.tabSheet.getSelectedIndex()).isEqualTo(AnalysisView.TAB_NAMES.indexOf("kaart"));
        assertThat(view.mapPanel.metric.getValue()).isEqualTo(AnalysisMapPanel.MapMetric.CUT_POINTS);
        // Another threshold: computed anew, still on the map with the same figure.
        view.heavySharing.setValue(6);
        view.compute.click();
        AnalysisView again = (AnalysisView) getCurrentView();
        if (again.running != null) {
            again.running.exceptionally(e -> null).join();
            again.onPoll();
        }
        assertThat(again.report.parameters().heavySharing()).isEqualTo(6);
        assertThat(again.tabSheet.getSelectedIndex()).isEqualTo(AnalysisView.TAB_NAMES.indexOf("kaart"));
        assertThat(again.mapPanel.metric.getValue()).isEqualTo(AnalysisMapPanel.MapMetric.CUT_POINTS);
    }

    @Test
    @WithUserDetails("admin")
    void theOnePageRegionReport() {
        UI.getCurrent().navigate(AnalysisReportView.class, QueryParameters.fromString("regio=" + AnalysisFixture.REGION
                + "&banden=samenwerking&min=2&veel=5"));
        AnalysisReportView report = (AnalysisReportView) getCurrentView();
        assertThat(report.message.getText()).isEmpty();
        assertThat(text(report.page)).contains("Connectiviteit van de zorg · Testregio Walcheren")
                .contains("9Zorgaanbieders").contains("13Verbindingen").contains("1Geïsoleerde aanbieders")
                .contains("88,9% van de zorgaanbieders hoort bij het grootste samenhangende deel; daarnaast zijn er 0 losse "
                        + "groepjes en 1 aanbieders zonder enige verbinding.")
                .contains("Het zwakste punt: valt Analyse 4 (Huisarts) weg, dan raken 3 aanbieders los van het grootste deel.")
                .contains("12 formele samenwerkingsafspraken zonder gedeelde cliënten")
                .contains("Nog geen momentopname met deze instellingen.");
        assertThat(report.degreeChart.option()).contains("\"data\":[1,0,0,6,2]");
        assertThat(text(report.page)).contains("Gradenverdeling");

        UI.getCurrent().navigate(AnalysisReportView.class, QueryParameters.fromString("regio=XX99&banden=samenwerking"));
        AnalysisReportView unknown = (AnalysisReportView) getCurrentView();
        assertThat(unknown.message.getText()).isEqualTo("Onbekende regio: XX99");
        assertThat(text(unknown.page)).isEmpty();
    }

    @Test
    @WithUserDetails("beleid")
    void aPolicyAnalystGetsNoTieBelowFiveClients() {
        AnalysisView view = open("regio=" + AnalysisFixture.REGION + "&banden=gedeeld&min=2&veel=10");
        assertThat(view.message.getText()).isEqualTo("Minimum aantal gedeelde cliënten moet tussen 5 en 1000 liggen, niet 2");
        assertThat(view.minimumShared.isInvalid()).isTrue();
        assertThat(text(view.results)).isEmpty();
        AnalysisView allowed = open("regio=" + AnalysisFixture.REGION + "&banden=gedeeld,samenwerking&min=5&veel=5");
        assertThat(allowed.message.getText()).isEmpty();
        assertThat(text(allowed.results)).contains("14Verbindingen");
    }

    @Test
    @WithUserDetails("netwerkmanager")
    void aNetworkManagerSeesOnlyTheirRegions() {
        AnalysisView view = open("regio=" + AnalysisFixture.REGION + "&banden=samenwerking&min=2&veel=10");
        assertThat(view.message.getText()).isEqualTo("U heeft geen toegang tot dit gebied.");
        assertThat(text(view.results)).isEmpty();
        assertThat(view.region.getListDataView().getItems().map(r -> r.code()).toList())
                .doesNotContain(AnalysisFixture.REGION);
    }
}
