package nl.netwerkzorg.atlas.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import nl.netwerkzorg.atlas.AtlasSpringTest;
import nl.netwerkzorg.atlas.client.Clients.Detail;
import nl.netwerkzorg.atlas.client.Clients.EditRefused;
import nl.netwerkzorg.atlas.client.Clients.Filter;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;

/** The quality rules on fixture clients, the role scopes of list and detail, the access log, and the edits. */
@AtlasSpringTest
class ClientServiceTest {

    /** The application's days are Dutch days (between 23:00 and 24:00 UTC it is already tomorrow in Amsterdam). */
    static final java.time.ZoneId AMSTERDAM = java.time.ZoneId.of("Europe/Amsterdam");

    static final Locale NL = Locale.forLanguageTag("nl-NL");
    static final AtlasPrincipal ADMIN = new AtlasPrincipal("admin-test", "", "Beheer", Role.ADMIN, true, null, List.of());
    static final AtlasPrincipal ANALYST = new AtlasPrincipal("beleid-test", "", "Beleid", Role.POLICY_ANALYST, true, null, List.of());
    /** Manages Zeeland, where Middelburg lies. */
    static final AtlasPrincipal ZEELAND = new AtlasPrincipal("zeeland-test", "", "Zeeland", Role.NETWORK_MANAGER, true, null,
            List.of("PV29"));
    /** Manages Utrecht only. */
    static final AtlasPrincipal UTRECHT = new AtlasPrincipal("utrecht-test", "", "Utrecht", Role.NETWORK_MANAGER, true, null,
            List.of("PV26"));
    static final AtlasPrincipal CASEMANAGER = new AtlasPrincipal("cm-test", "", "Casemanager", Role.CARE_STAFF, true, "CF-CM",
            List.of());
    static final AtlasPrincipal PHYSIO = new AtlasPrincipal("fysio-test", "", "Fysio", Role.CARE_STAFF, true, "CF-X", List.of());

    @Autowired
    ClientService clients;
    @Autowired
    ClientQualityRules rules;
    @Autowired
    ClientAccessLog accessLog;
    @Autowired
    Neo4jClient neo4j;

    @BeforeEach
    void fixture() {
        ClientFixture.create(neo4j);
        for (int n = 1; n <= 9; n++) {
            rules.recompute("C961000" + n);
        }
    }

    @AfterEach
    void removeFixture() {
        ClientFixture.remove(neo4j);
    }

    private static Filter inFixture() {
        return new Filter(Optional.of(ClientFixture.MUNICIPALITY), Optional.empty(), Optional.empty(), "C96100");
    }

    @Test
    void eachFixtureClientHasExactlyTheExpectedFlags() {
        Map<String, List<ClientFlag>> expected = Map.of(
                "C9610001", List.of(),
                "C9610002", List.of(ClientFlag.PATHWAY_GAP),
                "C9610003", List.of(ClientFlag.NO_COORDINATOR),
                "C9610004", List.of(ClientFlag.CARER_NOT_LINKED),
                "C9610005", List.of(ClientFlag.FRAGMENTED),
                "C9610006", List.of(ClientFlag.MEDICATION_SAFETY),
                "C9610007", List.of(ClientFlag.PATHWAY_GAP, ClientFlag.ALONE_AT_RISK),
                "C9610008", List.of(ClientFlag.PATHWAY_GAP),
                "C9610009", List.of(ClientFlag.PATHWAY_GAP));
        List<Clients.Row> rows = clients.page(ADMIN, inFixture(), 0, 50, NL);
        assertThat(rows).extracting(Clients.Row::id).containsExactlyElementsOf(expected.keySet().stream().sorted().toList());
        for (Clients.Row row : rows) {
            assertThat(row.flags()).as(row.id()).containsExactlyElementsOf(expected.get(row.id()));
        }
    }

    @Test
    void theEvidenceNamesWhatIsMissingAndWho() {
        Detail gap = clients.detail(ADMIN, "C9610002", NL).orElseThrow();
        assertThat(gap.evidence().missing()).singleElement().satisfies(m -> {
            assertThat(m.type()).isEqualTo("SPECIALIST_OUDERENGENEESKUNDE");
            assertThat(m.conditions()).extracting(Clients.Named::code).containsExactly("DEMENTIE");
        });
        Detail fragmented = clients.detail(ADMIN, "C9610005", NL).orElseThrow();
        assertThat(fragmented.evidence().isolated()).containsExactly("CF-X");
        assertThat(fragmented.ties()).hasSize(6)
                .allSatisfy(t -> assertThat(List.of(t.fromId(), t.toId())).contains("CF-HA").doesNotContain("CF-X"));
        Detail carer = clients.detail(ADMIN, "C9610004", NL).orElseThrow();
        assertThat(carer.evidence().unlinkedCarers()).containsExactly("C9610004-M1");
        Detail medication = clients.detail(ADMIN, "C9610006", NL).orElseThrow();
        assertThat(medication.evidence().prescribers()).containsExactlyInAnyOrder("CF-HA", "CF-SO");
    }

    @Test
    void filtersByFlagAndCountsLikeTheList() {
        Filter gaps = new Filter(Optional.of(ClientFixture.MUNICIPALITY), Optional.of(ClientFlag.PATHWAY_GAP), Optional.empty(), "");
        assertThat(clients.page(ADMIN, gaps, 0, 50, NL)).extracting(Clients.Row::id)
                .containsExactly("C9610002", "C9610007", "C9610008", "C9610009");
        assertThat(clients.count(ADMIN, gaps)).isEqualTo(4);
        assertThat(clients.page(ADMIN, gaps, 1, 2, NL)).extracting(Clients.Row::id).containsExactly("C9610007", "C9610008");
    }

    @Test
    void eachRoleSeesOnlyItsClients() {
        assertThat(clients.count(ZEELAND, inFixture())).isEqualTo(9);
        assertThat(clients.count(UTRECHT, inFixture())).isZero();
        assertThat(clients.detail(UTRECHT, "C9610001", NL)).isEmpty();
        assertThat(clients.count(CASEMANAGER, inFixture())).isEqualTo(9);
        assertThat(clients.count(PHYSIO, inFixture())).isEqualTo(1);
        assertThat(clients.detail(PHYSIO, "C9610001", NL)).isEmpty();
        assertThatThrownBy(() -> clients.page(ANALYST, Filter.none(), 0, 10, NL)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> clients.count(ANALYST, Filter.none())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> clients.detail(ANALYST, "C9610001", NL)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> clients.export(ANALYST, Filter.none(), NL)).isInstanceOf(AccessDeniedException.class);
        assertThat(logEntries("C9610001")).isZero();
    }

    @Test
    void anObjectionHidesTheClientFromThatProvidersStaff() {
        clients.setObjection(ADMIN, "C9610005", "CF-X", true, NL);
        assertThat(clients.count(PHYSIO, inFixture())).isZero();
        assertThat(clients.detail(PHYSIO, "C9610005", NL)).isEmpty();
        assertThat(clients.detail(ADMIN, "C9610005", NL).orElseThrow().objections()).extracting(Clients.Named::code)
                .containsExactly("CF-X");
        clients.setObjection(ADMIN, "C9610005", "CF-X", false, NL);
        assertThat(clients.count(PHYSIO, inFixture())).isEqualTo(1);
    }

    @Test
    void everyDetailViewExportAndEditIsLoggedExactlyOnce() {
        clients.detail(CASEMANAGER, "C9610001", NL);
        assertThat(entries("C9610001")).containsExactly("cm-test CARE_STAFF VIEW_DETAIL");
        clients.detail(ADMIN, "C9610001", NL);
        assertThat(logEntries("C9610001")).isEqualTo(2);

        List<Clients.Row> exported = clients.export(ZEELAND, inFixture(), NL);
        assertThat(exported).hasSize(9);
        for (int n = 1; n <= 9; n++) {
            assertThat(entries("C961000" + n)).filteredOn(e -> e.endsWith("EXPORT")).containsExactly("zeeland-test NETWORK_MANAGER EXPORT");
        }
        clients.setCoordinator(ADMIN, "C9610003", "CF-HA", NL);
        assertThat(entries("C9610003")).filteredOn(e -> e.endsWith("EDIT")).containsExactly("admin-test ADMIN EDIT");
        assertThat(accessLog.entriesFor("C9610003", 10).getFirst().context()).contains("Coördinator ingesteld: Cliënttest HA");
    }

    @Test
    void editsChangeTheNetworkAndItsFlags() {
        clients.setCoordinator(CASEMANAGER, "C9610003", "CF-HA", NL);
        assertThat(flags("C9610003")).isEmpty();

        clients.addInvolvement(ADMIN, "C9610002", "CF-SO", "BEHANDELAAR", LocalDate.now(AMSTERDAM).minusDays(3), NL);
        assertThat(flags("C9610002")).isEmpty();

        clients.endInvolvement(ADMIN, "C9610001", "CF-WV", LocalDate.now(AMSTERDAM), NL);
        assertThat(flags("C9610001")).containsExactly(ClientFlag.PATHWAY_GAP);
        Detail ended = clients.detail(ADMIN, "C9610001", NL).orElseThrow();
        assertThat(ended.professionals()).extracting(Clients.Professional::id).doesNotContain("CF-WV");
        assertThat(ended.timeline()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("LEFT");
            assertThat(e.providerId()).isEqualTo("CF-WV");
        });

        Detail withCarer = clients.addInformalCarer(ADMIN, "C9610007", "BUUR", Optional.empty(), NL).orElseThrow();
        assertThat(withCarer.carers()).singleElement().satisfies(k -> {
            assertThat(k.id()).startsWith("M-");
            assertThat(k.role()).isEqualTo("BUUR");
            assertThat(k.knownTo()).isEmpty();
        });
        assertThat(flags("C9610007")).containsExactly(ClientFlag.PATHWAY_GAP, ClientFlag.CARER_NOT_LINKED);
    }

    @Test
    void careStaffEndingTheirOwnInvolvementLoseTheClientAndSeeNothingMore() {
        clients.setCoordinator(ADMIN, "C9610005", "CF-HA", NL);
        assertThat(clients.endInvolvement(PHYSIO, "C9610005", "CF-X", LocalDate.now(AMSTERDAM), NL)).isEmpty();
        assertThat(clients.count(PHYSIO, inFixture())).isZero();
        assertThat(entries("C9610005")).contains("fysio-test CARE_STAFF EDIT");
        assertThat(flags("C9610005")).isEmpty();
    }

    @Test
    void invalidEditsAreRefusedAndChangeNothing() {
        String before = fingerprint();
        assertRefused(() -> clients.endInvolvement(ADMIN, "C9610001", "CF-WV", LocalDate.of(2025, 2, 1), NL),
                "clients.edit.error.endBeforeStart");
        assertRefused(() -> clients.endInvolvement(ADMIN, "C9610001", "CF-WV", LocalDate.now(AMSTERDAM).plusDays(1), NL),
                "clients.edit.error.futureEnd");
        assertRefused(() -> clients.endInvolvement(ADMIN, "C9610001", "CF-CM", LocalDate.now(AMSTERDAM), NL),
                "clients.edit.error.endCoordinator");
        assertRefused(() -> clients.endInvolvement(ADMIN, "C9610001", "CF-X", LocalDate.now(AMSTERDAM), NL),
                "clients.edit.error.notInvolved");
        assertRefused(() -> clients.setCoordinator(ADMIN, "C9610001", "CF-X", NL), "clients.edit.error.coordinatorNotInNetwork");
        assertRefused(() -> clients.setCoordinator(ADMIN, "C9610001", "CF-CM", NL), "clients.edit.error.alreadyCoordinator");
        assertRefused(() -> clients.addInvolvement(ADMIN, "C9610001", "CF-HA", "BEHANDELAAR", LocalDate.now(AMSTERDAM), NL),
                "clients.edit.error.alreadyInvolved");
        assertRefused(() -> clients.addInvolvement(ADMIN, "C9610001", "CF-X", "BEHANDELAAR", LocalDate.now(AMSTERDAM).plusDays(2), NL),
                "clients.edit.error.futureStart");
        assertRefused(() -> clients.addInvolvement(ADMIN, "C9610001", "CF-X", "'); DROP", LocalDate.now(AMSTERDAM), NL),
                "clients.edit.error.role");
        assertRefused(() -> clients.addInvolvement(ADMIN, "C9610001", "GEEN-AANBIEDER", "BEHANDELAAR", LocalDate.now(AMSTERDAM), NL),
                "clients.edit.error.unknownProvider");
        assertRefused(() -> clients.addInformalCarer(ADMIN, "C9610001", "BUURMAN JANSEN", Optional.empty(), NL),
                "clients.edit.error.carerRole");
        assertRefused(() -> clients.addInformalCarer(ADMIN, "C9610001", "BUUR", Optional.of("CF-X"), NL),
                "clients.edit.error.contactNotInNetwork");
        assertRefused(() -> clients.setObjection(ADMIN, "C9610001", "CF-CM", true, NL), "clients.edit.error.objectCoordinator");
        assertRefused(() -> clients.setObjection(ADMIN, "C9610001", "CF-X", false, NL), "clients.edit.error.noObjection");
        assertRefused(() -> clients.setCoordinator(UTRECHT, "C9610003", "CF-HA", NL), "clients.edit.error.notInScope");
        assertRefused(() -> clients.setCoordinator(PHYSIO, "C9610003", "CF-HA", NL), "clients.edit.error.notInScope");
        assertThatThrownBy(() -> clients.setCoordinator(ANALYST, "C9610003", "CF-HA", NL)).isInstanceOf(AccessDeniedException.class);
        clients.setObjection(ADMIN, "C9610001", "CF-X", true, NL);
        assertRefused(() -> clients.addInvolvement(ADMIN, "C9610001", "CF-X", "BEHANDELAAR", LocalDate.now(AMSTERDAM), NL),
                "clients.edit.error.objected");
        clients.setObjection(ADMIN, "C9610001", "CF-X", false, NL);
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(entries("C9610001")).containsOnly("admin-test ADMIN EDIT").hasSize(2);
    }

    private void assertRefused(Runnable edit, String key) {
        assertThatThrownBy(edit::run).isInstanceOfSatisfying(EditRefused.class, e -> assertThat(e.key()).isEqualTo(key));
    }

    /** Everything an edit could change around the fixture clients, as one number. */
    private String fingerprint() {
        return neo4j.query("""
                MATCH (c:Client) WHERE c.id STARTS WITH 'C96100'
                RETURN c.id AS id, c.flags AS flags, c.objections AS objections,
                       COLLECT { MATCH (c)<-[r]-(p) RETURN [type(r), coalesce(p.id, ''), properties(r)] AS x
                                 ORDER BY type(r), coalesce(p.id, '') } AS around
                ORDER BY id""").fetch().all().toString();
    }

    private List<ClientFlag> flags(String id) {
        return clients.page(ADMIN, new Filter(Optional.empty(), Optional.empty(), Optional.empty(), id), 0, 1, NL)
                .getFirst().flags();
    }

    private long logEntries(String id) {
        return accessLog.entriesFor(id, 1000).size();
    }

    private List<String> entries(String id) {
        return accessLog.entriesFor(id, 1000).stream().map(e -> e.username() + " " + e.role() + " " + e.action()).toList();
    }
}
