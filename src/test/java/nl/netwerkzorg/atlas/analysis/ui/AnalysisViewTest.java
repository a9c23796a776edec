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

        // The same parameters again: answered from the cache at once.
        AnalysisView again = open("regio=" + AnalysisFixture.REGION + "&banden=samenwerking&min=2&veel=5");
        assertThat(again.running).isNull();
        assertThat(text(again.results)).contains("13Verbindingen");
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
