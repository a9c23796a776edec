package nl.netwerkzorg.atlas.partner.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.router.QueryParameters;
import nl.netwerkzorg.atlas.AtlasSpringTest;
import nl.netwerkzorg.atlas.client.ClientAccessLog;
import nl.netwerkzorg.atlas.partner.PartnerSearch.Partner;
import nl.netwerkzorg.atlas.partner.PartnerFixtureAccess;
import nl.netwerkzorg.atlas.partner.ReferralService;
import nl.netwerkzorg.atlas.security.Role;
import nl.netwerkzorg.atlas.security.UserService;
import nl.netwerkzorg.atlas.security.UserService.NewUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

/** Partners zoeken and the bed finder in a browserless UI on the partner fixture: URL state, ranking, form, referral. */
@AtlasSpringTest
class PartnerSearchViewTest extends SpringBrowserlessTest {

    @Autowired
    Neo4jClient neo4j;
    @Autowired
    UserService users;
    @Autowired
    ReferralService referrals;
    @Autowired
    ClientAccessLog accessLog;

    @BeforeEach
    void fixture() {
        PartnerFixtureAccess.create(neo4j);
        users.create(new NewUser("tp-huisarts", "Test-Partner-2026!", "Test Huisarts", Role.CARE_STAFF, "TP-HA", List.of()));
    }

    @AfterEach
    void remove() {
        neo4j.query("MATCH (u:User {username: 'tp-huisarts'}) DETACH DELETE u").run();
        PartnerFixtureAccess.remove(neo4j);
    }

    private <T> T open(Class<T> view, String query) {
        UI.getCurrent().navigate(view.asSubclass(com.vaadin.flow.component.Component.class), QueryParameters.fromString(query));
        return view.cast(getCurrentView());
    }

    private static String text(com.vaadin.flow.component.Component c) {
        return c.getElement().getTextRecursively();
    }

    @Test
    @WithUserDetails(value = "tp-huisarts", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void searchesFromAClientShowsRankedReasonsAndRecordsAReferral() {
        PartnerSearchView view = open(PartnerSearchView.class, "start=client&client=C9800001&soort=WIJKVERPLEGING&km=10");
        List<Partner> shown = view.grid.getGenericDataView().getItems().toList();
        assertThat(shown).extracting(Partner::id).containsExactly("TP-W1", "TP-W5", "TP-W2", "TP-W3", "TP-W4");
        assertThat(view.start.getValue()).isEqualTo(PartnerSearchView.Start.CLIENT);
        assertThat(view.client.getValue().id()).isEqualTo("C9800001");
        assertThat(text(view.summary)).isEqualTo("5 zorgaanbieders binnen 10 km van cliënt C9800001 · gezocht: Wijkverpleging.");
        assertThat(view.map.getElement().getProperty("markers")).contains("TP-W1").contains("TP-W4");
        assertThat(view.map.getElement().getProperty("origin")).contains("51.5");
        assertThat(text(view.detail)).contains("1. Testwijkzorg Een")
                .contains("Score 96: afstand 36/40 · beschikbaarheid 35/35 · netwerk 25/25")
                .contains("werkt al samen met uw organisatie: samenwerkingsafspraak");
        assertThat(accessLog.entriesFor("C9800001", 5)).extracting(ClientAccessLog.Entry::context).contains("Partners zoeken");

        Button record = find(view.detail, Button.class, "Verwijzing vastleggen");
        assertThat(record.isEnabled()).isTrue();
        record.click();
        assertThat(referrals.referralsOf("C9800001")).extracting(ReferralService.Referral::toId).containsExactly("TP-W1");

        view.grid.select(shown.get(1));
        assertThat(text(view.detail)).contains("Geen verwijzing mogelijk: de cliënt heeft bezwaar tegen delen met deze aanbieder");
        assertThat(find(view.detail, Button.class, "Verwijzing vastleggen").isEnabled()).isFalse();
    }

    @Test
    @WithUserDetails(value = "tp-huisarts", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void aSearchWithMoreCandidatesThanShownSaysHowManyMatched() {
        PartnerSearchView view = open(PartnerSearchView.class, "start=gemeente&gemeente=GM0344&soort=WIJKVERPLEGING&km=10");
        assertThat(view.grid.getGenericDataView().getItems()).hasSize(50);
        assertThat(text(view.summary)).matches("De beste 50 van \\d+ zorgaanbieders binnen 10 km van Utrecht · gezocht: Wijkverpleging\\.");
    }

    @Test
    @WithUserDetails(value = "tp-huisarts", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void anInvalidFormSaysWhatIsWrongAndSearchesNothing() {
        PartnerSearchView view = open(PartnerSearchView.class, "");
        assertThat(view.start.getValue()).as("care staff start from a client").isEqualTo(PartnerSearchView.Start.CLIENT);
        assertThat(view.grid.getGenericDataView().getItems()).isEmpty();
        view.start.setValue(PartnerSearchView.Start.MUNICIPALITY);
        view.radius.setValue(-5);
        view.search.click();
        assertThat(text(view.message)).isEqualTo("Controleer de rood gemarkeerde velden");
        assertThat(view.municipality.isInvalid()).isTrue();
        assertThat(view.radius.isInvalid()).isTrue();
        assertThat(view.types.isInvalid()).isTrue();
        assertThat(view.grid.getGenericDataView().getItems()).isEmpty();

        // C9800002 has no condition, so no pathway misses anything; make it one of the huisarts's clients.
        neo4j.query("MATCH (h:Provider {id: 'TP-HA'}), (c:Client {id: 'C9800002'}) CREATE (h)-[:CARES_FOR]->(c)").run();
        PartnerSearchView nothing = open(PartnerSearchView.class, "start=client&client=C9800002&mist=1");
        assertThat(text(nothing.summary)).isEqualTo("Het netwerk van cliënt C9800002 mist niets volgens de zorgpaden van de cliënt.");
        assertThat(text(nothing.detail)).contains("Er is niets te zoeken").doesNotContain("vergroot de straal");

        PartnerSearchView foreign = open(PartnerSearchView.class, "start=client&client=C9800003&soort=WIJKVERPLEGING");
        assertThat(text(foreign.message)).isEqualTo("Cliënt C9800003 is niet (meer) in uw zorg of bestaat niet");
        assertThat(foreign.grid.getGenericDataView().getItems()).isEmpty();
    }

    @Test
    @WithUserDetails(value = "tp-huisarts", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void theBedFinderSortsByFreeBedsAndFlagsStaleReports() {
        BedFinderView view = open(BedFinderView.class, "start=punt&lat=51.5&lon=3.9&soort=ELV,GRZ&km=20");
        assertThat(view.grid.getGenericDataView().getItems().map(Partner::id).toList())
                .containsExactly("TP-E4", "TP-E1", "TP-E3", "TP-E2");
        assertThat(text(view.point)).isEqualTo("Gekozen punt: 51.50000, 3.90000");
        BedFinderView free = open(BedFinderView.class, "start=punt&lat=51.5&lon=3.9&soort=ELV,GRZ&km=20&beschikbaar=1");
        assertThat(free.grid.getGenericDataView().getItems().map(Partner::id).toList())
                .containsExactly("TP-E4", "TP-E1", "TP-E2");
        BedFinderView fresh = open(BedFinderView.class, "");
        assertThat(fresh.types.getValue()).containsExactlyInAnyOrder("ELV", "GRZ");
        assertThat(fresh.radius.getValue()).isEqualTo(20);
        assertThat(fresh.onlyAvailable.getValue()).isTrue();
    }

    private <T extends com.vaadin.flow.component.Component> T find(com.vaadin.flow.component.Component root, Class<T> type,
            String text) {
        return root.getChildren().flatMap(c -> java.util.stream.Stream.concat(java.util.stream.Stream.of(c), c.getChildren()))
                .filter(type::isInstance).map(type::cast).filter(c -> text(c).equals(text)).findFirst().orElseThrow();
    }
}
