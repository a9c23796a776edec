package nl.netwerkzorg.atlas.exchange.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import nl.netwerkzorg.atlas.AtlasSpringTest;
import nl.netwerkzorg.atlas.exchange.ImportProblem;
import nl.netwerkzorg.atlas.exchange.DataImport;
import nl.netwerkzorg.atlas.exchange.ImportKind;
import nl.netwerkzorg.atlas.exchange.ProviderTable;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.test.context.support.WithUserDetails;

/** The import screen shows a refused file's problems and an accepted file's outcome, and lists both in the history. */
@AtlasSpringTest
class ImportViewTest extends SpringBrowserlessTest {

    @Autowired
    DataImport imports;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    nl.netwerkzorg.atlas.exchange.FhirImport fhirImport;

    @AfterEach
    void remove() {
        neo4j.query("MATCH (p:Provider) WHERE p.id STARTS WITH 'IMP-' DETACH DELETE p").run();
        neo4j.query("MATCH (n) WHERE (n:Provider OR n:Network) AND n.id STARTS WITH 'ex-Org' DETACH DELETE n").run();
        neo4j.query("MATCH (h:ImportRecord {username: 'admin'}) DELETE h").run();
    }

    @Test
    @WithUserDetails("admin")
    void showsProblemsOrTheOutcomeAndTheHistory() throws Exception {
        UI.getCurrent().navigate(ImportView.class);
        ImportView view = (ImportView) getCurrentView();
        AtlasPrincipal admin = new AtlasPrincipal("admin", "", "Beheer", Role.ADMIN, true, null, List.of());
        Path corpus = Path.of("src/test/resources/import");

        view.finished(imports.importFile(admin, ImportKind.PROVIDERS, "18-duplicate-id.csv",
                Files.readAllBytes(corpus.resolve("malformed/18-duplicate-id.csv"))));
        assertThat(view.status.getText()).isEqualTo("18-duplicate-id.csv is niet geïmporteerd: 1 fout in 2 regels. "
                + "Er is niets opgeslagen; verbeter het bestand en probeer het opnieuw.");
        assertThat(view.problems.isVisible()).isTrue();
        assertThat(view.problems.getGenericDataView().getItems().map(ImportProblem::toString).toList())
                .containsExactly("regel 3, kolom id ('IMP-1'): Dit id staat ook op regel 2.");

        view.finished(imports.importFile(admin, ImportKind.PROVIDERS, "goed.csv", Files.readAllBytes(corpus.resolve("valid/semicolon-utf8-bom.csv"))));
        assertThat(view.status.getText()).isEqualTo("goed.csv is geïmporteerd (Zorgaanbieders): 2 nieuw, 0 bijgewerkt, 4 nieuwe relaties.");
        assertThat(view.problems.isVisible()).isFalse();
        assertThat(view.history.getGenericDataView().getItems().map(h -> h.fileName() + " " + h.accepted()).toList())
                .startsWith("goed.csv true", "18-duplicate-id.csv false");

        // The progress: rows checked of all, then the write.
        view.showProgress("groot.csv", "CHECK", 40_000, 100_000);
        assertThat(view.progress.getValue()).isEqualTo(0.4);
        assertThat(view.status.getText()).isEqualTo("groot.csv: regel 40.000 van 100.000 gecontroleerd…");
        view.showProgress("groot.csv", "WRITE", 100_000, 100_000);
        assertThat(view.progress.isIndeterminate()).isTrue();
        assertThat(view.status.getText()).isEqualTo("groot.csv: alle 100.000 regels zijn goed; ze worden opgeslagen…");

        // Choosing another kind shows its columns; the upload and the template follow the choice.
        view.kindSelect.setValue(ImportKind.MEMBERSHIPS);
        assertThat(view.kindHelp.getText()).startsWith("Kolommen: netwerk;zorgaanbieder;rol;sinds;verwijderen.");
        assertThat(view.history.getGenericDataView().getItems().map(DataImport.HistoryEntry::kind).findFirst()).contains("PROVIDERS");
    }

    @Test
    @WithUserDetails("admin")
    void theFhirSectionShowsProblemsByResourceAndWhatWasNotImported() throws Exception {
        UI.getCurrent().navigate(ImportView.class);
        ImportView view = (ImportView) getCurrentView();
        AtlasPrincipal admin = new AtlasPrincipal("admin", "", "Beheer", Role.ADMIN, true, null, List.of());
        FhirSection fhir = view.fhir;
        assertThat(fhir.export.getText()).isEqualTo("FHIR-bundel exporteren (JSON)");

        // The IHE example without a municipality for its unplaced organisations: refused, each one named.
        byte[] example = Files.readAllBytes(Path.of("src/test/resources/fhir/Bundle-Example-MCSD.json"));
        fhir.finished(fhirImport.importBundle(admin, "Bundle-Example-MCSD.json", example, java.util.Optional.empty()));
        assertThat(fhir.status.getText()).startsWith("Bundle-Example-MCSD.json is niet geïmporteerd: 4 fouten.");
        assertThat(fhir.problems.getGenericDataView().getItems().map(p -> p.resource()).toList())
                .contains("Organization/ex-OrgA", "Location/MCSDFacilityLocation-Example");
        assertThat(fhir.notes.isVisible()).isTrue();
        assertThat(view.history.getGenericDataView().getItems().findFirst().orElseThrow().kind()).isEqualTo("FHIR");
    }

    @Test
    @WithUserDetails("netwerkmanager")
    void aNetworkManagerSeesTheNetworkKindsOfTheirRegionsOnly() {
        UI.getCurrent().navigate(ImportView.class);
        ImportView view = (ImportView) getCurrentView();
        assertThat(view.kindSelect.getGenericDataView().getItems().toList()).containsExactly(ImportKind.NETWORKS, ImportKind.MEMBERSHIPS);
        assertThat(view.exportKindSelect.getGenericDataView().getItems().toList())
                .containsExactly(ImportKind.NETWORKS, ImportKind.MEMBERSHIPS);
        assertThat(view.exportRegion.getGenericDataView().getItems().toList()).isNotEmpty().allMatch(java.util.Optional::isPresent);
        assertThat(view.datasetExport.isVisible()).isFalse();
        assertThat(view.restoreUpload.isVisible()).isFalse();
        assertThat(view.fhir.isVisible()).isFalse();
    }
}
