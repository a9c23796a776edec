package nl.netwerkzorg.atlas.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import nl.netwerkzorg.atlas.AtlasSpringTest;
import nl.netwerkzorg.atlas.client.ClientAccessLog;
import nl.netwerkzorg.atlas.client.ClientFixture;
import nl.netwerkzorg.atlas.client.ClientQualityRules;
import nl.netwerkzorg.atlas.client.Clients;
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

/** Cliënten in a browserless UI on the client fixture: filters from the URL, the client page, the edit forms, roles. */
@AtlasSpringTest
class ClientViewsTest extends SpringBrowserlessTest {

    @Autowired
    Neo4jClient neo4j;
    @Autowired
    UserService users;
    @Autowired
    ClientQualityRules rules;
    @Autowired
    ClientAccessLog accessLog;

    @BeforeEach
    void fixture() {
        ClientFixture.create(neo4j);
        for (int n = 1; n <= 9; n++) {
            rules.recompute("C961000" + n);
        }
        users.create(new NewUser("cf-zeeland", "Test-Zeeland-2026!", "Test Zeeland", Role.NETWORK_MANAGER, null, List.of("PV29")));
        users.create(new NewUser("cf-fysio", "Test-Fysio-2026!", "Test Fysio", Role.CARE_STAFF, "CF-X", List.of()));
    }

    @AfterEach
    void remove() {
        neo4j.query("MATCH (u:User) WHERE u.username IN ['cf-zeeland', 'cf-fysio'] DETACH DELETE u").run();
        ClientFixture.remove(neo4j);
    }

    private ClientListView list(String query) {
        UI.getCurrent().navigate(ClientListView.class, QueryParameters.fromString(query));
        return (ClientListView) getCurrentView();
    }

    private ClientDetailView detail(String id) {
        UI.getCurrent().navigate(ClientDetailView.class, new RouteParameters("id", id));
        return (ClientDetailView) getCurrentView();
    }

    private static String text(Component c) {
        return c.getElement().getTextRecursively();
    }

    @Test
    @WithUserDetails(value = "cf-zeeland", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void theListFiltersFromTheUrlAndCounts() {
        ClientListView view = list("gemeente=" + ClientFixture.MUNICIPALITY + "&signaal=PATHWAY_GAP&zoek=C9610");
        assertThat(view.grid.getGenericDataView().getItems().map(Clients.Row::id).toList())
                .containsExactly("C9610002", "C9610007", "C9610008", "C9610009");
        assertThat(view.count.getText()).isEqualTo("4 cliënten");
        assertThat(view.flag.getValue()).hasValue(nl.netwerkzorg.atlas.client.ClientFlag.PATHWAY_GAP);
        assertThat(view.municipality.getValue().name()).isEqualTo("Middelburg (Z.)");
        assertThat(view.export.isEnabled()).isTrue();

        ClientListView ignored = list("gemeente=GM0344&signaal=NIETS&zorgvraag=<script>");
        assertThat(ignored.municipality.getValue()).as("Utrecht is outside Zeeland").isNull();
        assertThat(ignored.flag.getValue()).isEmpty();
        assertThat(ignored.condition.getValue()).isEmpty();
        assertThat(accessLog.entriesFor("C9610002", 10)).isEmpty();
    }

    @Test
    @WithUserDetails(value = "cf-fysio", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void careStaffSeeOnlyTheirClientsAndNotOthersPages() {
        ClientListView view = list("");
        assertThat(view.grid.getGenericDataView().getItems().map(Clients.Row::id).toList()).containsExactly("C9610005");
        assertThat(view.municipality.isVisible()).isFalse();
        ClientDetailView other = detail("C9610001");
        assertThat(other.notFound.isVisible()).isTrue();
        assertThat(other.page.isVisible()).isFalse();
        assertThat(accessLog.entriesFor("C9610001", 10)).isEmpty();
    }

    @Test
    @WithUserDetails("beleid")
    void aPolicyAnalystCannotOpenTheClientViews() {
        UI.getCurrent().navigate("clienten");
        assertThat(getCurrentView()).isNotInstanceOf(ClientListView.class);
        UI.getCurrent().navigate("clienten/C9610001");
        assertThat(getCurrentView()).isNotInstanceOf(ClientDetailView.class);
        assertThat(accessLog.entriesFor("C9610001", 10)).isEmpty();
    }

    @Test
    @WithUserDetails("admin")
    void theClientPageExplainsItsFlagsDrawsTheEcogramAndIsLogged() {
        ClientDetailView view = detail("C9610005");
        assertThat(view.title.getText()).isEqualTo("Cliënt C9610005");
        assertThat(text(view.flags)).contains("Versnipperd netwerk").contains("Integrale zorg")
                .contains("Cliënttest X werkt met geen van de andere professionals samen");
        String elements = view.ecogram.getElement().getProperty("elements");
        assertThat(elements).contains("\"client:C9610005\"").contains("\"p:CF-X\"").contains("\"k:C9610005-M0\"")
                .contains("\"tie:");
        assertThat(view.professionals.getGenericDataView().getItems().map(Clients.Professional::id).toList())
                .first().isEqualTo("CF-CM");
        assertThat(accessLog.entriesFor("C9610005", 10)).extracting(ClientAccessLog.Entry::action).containsExactly("VIEW_DETAIL");

        ClientDetailView complete = detail("C9610001");
        assertThat(text(complete.flags)).contains("Geen signalen");
    }

    @Test
    @WithUserDetails("admin")
    void theEditFormsRefuseBadInputAndApplyGoodInput() {
        ClientDetailView view = detail("C9610003");
        assertThat(text(view.flags)).contains("Geen coördinator");

        // An end date before the start: refused in the form, nothing reaches the service.
        view.endWho.setValue(view.professionals.getGenericDataView().getItems()
                .filter(p -> p.id().equals("CF-WV")).findFirst().orElseThrow());
        view.endDate.setValue(LocalDate.of(2025, 1, 1));
        view.end.click();
        assertThat(view.endDate.isInvalid()).isTrue();
        assertThat(view.endDate.getErrorMessage()).isEqualTo("De einddatum ligt vóór het begin van de betrokkenheid");
        assertThat(accessLog.entriesFor("C9610003", 10)).extracting(ClientAccessLog.Entry::action).containsExactly("VIEW_DETAIL");

        // No coordinator chosen: required.
        view.coordinator.click();
        assertThat(view.coordinatorWho.isInvalid()).isTrue();

        view.coordinatorWho.setValue(view.professionals.getGenericDataView().getItems()
                .filter(p -> p.id().equals("CF-HA")).findFirst().orElseThrow());
        view.coordinator.click();
        assertThat(view.message.getText()).isEqualTo("De coördinator is ingesteld.");
        assertThat(text(view.flags)).contains("Geen signalen");
        assertThat(text(view.professionals)).isNotNull();
        assertThat(accessLog.entriesFor("C9610003", 10)).extracting(ClientAccessLog.Entry::action)
                .containsExactly("EDIT", "VIEW_DETAIL");

        // Refused by the service: the message says why and the page is unchanged.
        view.objectTo.setValue(new Clients.Named("CF-HA", "Cliënttest HA"));
        view.object.click();
        assertThat(view.message.getText()).startsWith("Cliënttest HA coördineert de zorg");
        assertThat(view.message.getElement().getAttribute("role")).isEqualTo("alert");
    }

    @Test
    @WithUserDetails("admin")
    void theAccessLogViewShowsWhoOpenedAClientAndRejectsBadFilters() {
        detail("C9610004");
        UI.getCurrent().navigate(AccessLogView.class, QueryParameters.fromString("client=C9610004&handeling=VIEW_DETAIL"));
        AccessLogView view = (AccessLogView) getCurrentView();
        assertThat(view.grid.getGenericDataView().getItems().map(e -> e.username() + " " + e.action() + " " + e.context()).toList())
                .containsExactly("admin VIEW_DETAIL Cliënten › cliëntpagina");
        assertThat(view.count.getText()).isEqualTo("1 regel");
        assertThat(view.client.getValue()).isEqualTo("C9610004");

        UI.getCurrent().navigate(AccessLogView.class, QueryParameters.fromString("handeling=WISSEN&van=gisteren&client=C9610004"));
        AccessLogView bad = (AccessLogView) getCurrentView();
        assertThat(bad.message.getText()).isEqualTo("Onbekende handeling: WISSEN. Geen geldige datum: gisteren (verwacht jjjj-mm-dd).");
        assertThat(bad.action.getValue()).isEmpty();
        assertThat(bad.from.getValue()).isNull();
    }

    @Test
    @WithUserDetails(value = "cf-zeeland", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void onlyAnAdministratorOpensTheAccessLog() {
        UI.getCurrent().navigate("beheer/toegangslog");
        assertThat(getCurrentView()).isNotInstanceOf(AccessLogView.class);
    }

    @Test
    @WithUserDetails("beleid")
    void aPolicyAnalystSeesTheSignalsPerRegionSuppressedBelowFive() {
        UI.getCurrent().navigate(ClientRatesView.class, QueryParameters.fromString("regio=PV29&signaal=FRAGMENTED"));
        ClientRatesView view = (ClientRatesView) getCurrentView();
        assertThat(view.message.isVisible()).isFalse();
        assertThat(view.computed.getText()).startsWith("10 cliënten in Zeeland.");
        nl.netwerkzorg.atlas.client.ClientRates.Rate middelburg = view.municipalities.getGenericDataView().getItems()
                .filter(r -> r.code().equals(ClientFixture.MUNICIPALITY)).findFirst().orElseThrow();
        assertThat(middelburg.flagged().values()).allSatisfy(n -> assertThat(n.format(java.util.Locale.of("nl"))).isEqualTo("<5"));
        assertThat(view.byMunicipality.option()).contains("Versnipperd netwerk").doesNotContain("11.1");
        assertThat(view.flag.getValue()).isEqualTo(nl.netwerkzorg.atlas.client.ClientFlag.FRAGMENTED);
        String csv = new String(view.municipalitiesCsv(), java.nio.charset.StandardCharsets.UTF_8);
        String middelburgLine = csv.lines().filter(l -> l.startsWith(ClientFixture.MUNICIPALITY)).findFirst().orElseThrow();
        assertThat(middelburgLine).isEqualTo(ClientFixture.MUNICIPALITY + ";Middelburg (Z.);10;<5;;<5;;<5;;<5;;<5;;<5;");

        UI.getCurrent().navigate(ClientRatesView.class, QueryParameters.fromString("regio=XX99"));
        assertThat(((ClientRatesView) getCurrentView()).message.getText()).isEqualTo("Onbekend gebied: XX99");
    }

    @Test
    @WithUserDetails(value = "cf-zeeland", setupBefore = TestExecutionEvent.TEST_EXECUTION)
    void aManagerSeesExactSharesInTheirRegionOnly() {
        UI.getCurrent().navigate(ClientRatesView.class, QueryParameters.fromString("regio=PV29"));
        ClientRatesView view = (ClientRatesView) getCurrentView();
        assertThat(text(view.municipalities)).isNotNull();
        assertThat(view.byMunicipality.option()).contains("44.4");
        UI.getCurrent().navigate(ClientRatesView.class, QueryParameters.fromString("regio=PV26"));
        assertThat(((ClientRatesView) getCurrentView()).message.getText()).isEqualTo("U heeft geen toegang tot dit gebied.");
    }

    @Test
    @WithUserDetails("admin")
    void anAdministratorSavesANewPathwayVersionAndBadDistancesAreRefused() {
        UI.getCurrent().navigate(PathwaysView.class, QueryParameters.fromString("zorgpad=PAD_COPD"));
        PathwaysView view = (PathwaysView) getCurrentView();
        assertThat(view.pathway.getValue().code()).isEqualTo("PAD_COPD");
        int before = view.pathway.getValue().version();
        PathwaysView.Line first = view.lines.getGenericDataView().getItems().findFirst().orElseThrow();
        int km = first.maxKm.getValue();
        first.maxKm.setValue(0);
        view.note.setValue("Test");
        view.save.click();
        assertThat(first.maxKm.isInvalid()).isTrue();
        assertThat(view.message.getText()).isEqualTo("Verbeter de gemarkeerde velden; er is niets opgeslagen.");
        try {
            first.maxKm.setValue(km + 1);
            view.save.click();
            assertThat(view.message.getText()).isEqualTo("Versie " + (before + 1) + " is opgeslagen; de signalen van alle cliënten worden opnieuw berekend.");
            assertThat(view.history.getGenericDataView().getItems().toList()).hasSize(1);
        } finally {
            neo4j.query("""
                    MATCH (v:CarePathwayVersion {pathwayCode: 'PAD_COPD'})-[:VERSION_OF]->(cp:CarePathway)
                    WITH v, cp ORDER BY v.version LIMIT 1
                    CALL (cp) { MATCH (cp)-[q:REQUIRES]->() DELETE q }
                    WITH v, cp
                    UNWIND v.requirements AS r
                    WITH v, cp, split(r, '|') AS parts
                    MATCH (t:ProviderType {code: parts[0]})
                    CREATE (cp)-[:REQUIRES {optional: parts[1] = 'true', maxKm: toInteger(parts[2])}]->(t)""").run();
            neo4j.query("MATCH (cp:CarePathway {code: 'PAD_COPD'}) REMOVE cp.version, cp.changedAt, cp.changedBy").run();
            neo4j.query("MATCH (v:CarePathwayVersion {pathwayCode: 'PAD_COPD'}) DETACH DELETE v").run();
        }
    }
}
