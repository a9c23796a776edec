package nl.netwerkzorg.atlas.partner;

import static nl.netwerkzorg.atlas.partner.PartnerFixture.CLIENT;
import static nl.netwerkzorg.atlas.partner.PartnerFixture.FOREIGN_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import nl.netwerkzorg.atlas.AtlasSpringTest;
import nl.netwerkzorg.atlas.client.ClientAccessLog;
import nl.netwerkzorg.atlas.partner.PartnerSearch.AnchorRole;
import nl.netwerkzorg.atlas.partner.PartnerSearch.InvalidQuery;
import nl.netwerkzorg.atlas.partner.PartnerSearch.Order;
import nl.netwerkzorg.atlas.partner.PartnerSearch.Origin;
import nl.netwerkzorg.atlas.partner.PartnerSearch.Partner;
import nl.netwerkzorg.atlas.partner.PartnerSearch.Query;
import nl.netwerkzorg.atlas.partner.PartnerSearch.Result;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.Role;
import nl.netwerkzorg.atlas.security.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;

/** Ranking, explanations, filters, the bed finder and the role rules of partner search on {@link PartnerFixture}. */
@AtlasSpringTest
class PartnerSearchServiceTest {

    static final Locale NL = Locale.of("nl");
    static final Set<String> WV = Set.of("WIJKVERPLEGING");

    @Autowired
    ClientAccessLog accessLog;
    @Autowired
    PartnerSearchService partners;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    UserService users;

    AtlasPrincipal huisarts;
    AtlasPrincipal admin;
    AtlasPrincipal analyst;

    @BeforeEach
    void fixture() {
        PartnerFixture.create(neo4j);
        huisarts = new AtlasPrincipal("ha-test", "", "Huisarts", Role.CARE_STAFF, true, "TP-HA", List.of());
        admin = users.loadUserByUsername("admin");
        analyst = users.loadUserByUsername("beleid");
    }

    @AfterEach
    void removeFixture() {
        PartnerFixture.remove(neo4j);
    }

    private Result fromClient(Set<String> types, int radius, boolean onlyAvailable, Integer maxWaiting) {
        return partners.search(new Query(new Origin.OfClient(CLIENT), types, false, radius, onlyAvailable, maxWaiting,
                Order.SCORE, 50), huisarts, NL);
    }

    @Test
    void ranksByDistanceAvailabilityAndNetworkWithExactScores() {
        Result result = fromClient(WV, 10, false, null);
        assertThat(result.partners()).extracting(Partner::id)
                .containsExactly("TP-W1", "TP-W5", "TP-W2", "TP-W3", "TP-W4");
        assertThat(result.partners()).extracting(p -> p.score().total()).containsExactly(96, 66, 58, 56, 48);
        assertThat(result.partners()).extracting(Partner::distanceKm).containsExactly(1.0, 4.0, 2.0, 0.5, 3.0);
        assertThat(result.partners()).extracting(Partner::rank).containsExactly(1, 2, 3, 4, 5);
        assertThat(result.origin().kind()).isEqualTo("CLIENT");
        assertThat(result.matched()).isEqualTo(5);
        assertThat(result.candidatesCut()).isFalse();

        Partner w1 = result.partners().getFirst();
        assertThat(w1.score()).isEqualTo(new PartnerSearch.Score(96, 36, 35, 25));
        assertThat(w1.ties()).singleElement().satisfies(t -> {
            assertThat(t.role()).isEqualTo(AnchorRole.MY_ORGANISATION);
            assertThat(t.relation()).isEqualTo("AGREEMENT");
        });
        assertThat(w1.reasons()).containsExactly(
                "1,0 km van de woning van de cliënt",
                "neemt nieuwe cliënten aan, wachttijd 0 dagen, bijgewerkt vandaag",
                "werkt al samen met uw organisatie: samenwerkingsafspraak");
        assertThat(w1.referralBlocked()).isNull();
    }

    @Test
    void explainsTwoHopTiesSharedClientsStaleInformationAndObjections() {
        List<Partner> ranked = fromClient(WV, 10, false, null).partners();
        Partner w5 = ranked.get(1);
        assertThat(w5.reasons()).containsExactly(
                "4,0 km van de woning van de cliënt",
                "neemt nieuwe cliënten aan, wachttijd 10 dagen, bijgewerkt gisteren",
                "via Testfysio Goes verbonden met uw organisatie",
                "de cliënt heeft bezwaar tegen delen met deze aanbieder: geen verwijzing mogelijk");
        assertThat(w5.referralBlocked()).contains("bezwaar");

        Partner w3 = ranked.get(3);
        assertThat(w3.availability().stale()).isTrue();
        assertThat(w3.reasons()).contains("neemt nieuwe cliënten aan, wachttijd 0 dagen, bijgewerkt 40 dagen geleden",
                "let op: beschikbaarheid verouderd (ouder dan 30 dagen), bel eerst na");
        assertThat(w3.score().availability()).as("stale availability counts half").isEqualTo(18);

        Partner w4 = ranked.get(4);
        assertThat(w4.ties()).singleElement().satisfies(t -> {
            assertThat(t.role()).isEqualTo(AnchorRole.CLIENT_PROVIDER);
            assertThat(t.relation()).isEqualTo("SHARED_CLIENTS");
            assertThat(t.sharedClients()).isEqualTo(1);
        });
        assertThat(w4.reasons()).contains("neemt geen nieuwe cliënten aan (wachttijd 90 dagen), bijgewerkt vandaag",
                "deelt 1 cliënt met de apotheek van de cliënt (Testapotheek Goes)");
    }

    @Test
    void filtersOnAvailabilityWaitingDaysRadiusAndLimit() {
        assertThat(fromClient(WV, 10, true, null).partners()).extracting(Partner::id)
                .containsExactly("TP-W1", "TP-W5", "TP-W2", "TP-W3");
        assertThat(fromClient(WV, 10, false, 5).partners()).extracting(Partner::id).containsExactly("TP-W1", "TP-W3");
        assertThat(fromClient(WV, 15, false, null).partners()).extracting(Partner::id).contains("TP-W6");
        assertThat(partners.search(new Query(new Origin.OfClient(CLIENT), WV, false, 10, false, null, Order.SCORE, 2),
                huisarts, NL).partners()).extracting(Partner::id).containsExactly("TP-W1", "TP-W5");
    }

    @Test
    void searchesWhatTheClientsPathwayMisses() {
        Result result = partners.search(new Query(new Origin.OfClient(CLIENT), Set.of(), true, 10, false, null,
                Order.SCORE, 50), huisarts, NL);
        assertThat(result.missingTypes()).containsExactly("CASEMANAGER_DEMENTIE", "MANTELZORGONDERSTEUNING",
                "SPECIALIST_OUDERENGENEESKUNDE", "WIJKVERPLEGING", "WMO_DAGBESTEDING");
        assertThat(result.partners()).extracting(Partner::type).containsOnly("WIJKVERPLEGING");
    }

    @Test
    void bedFinderSortsFreshReportsByFreeBedsThenStaleOnes() {
        Result beds = partners.search(new Query(new Origin.OfMunicipality("GM0664"), Set.of("ELV", "GRZ"), false, 20,
                false, null, Order.FREE_BEDS, 50), huisarts, NL);
        // Goes' point is not the client's: compare the order only.
        assertThat(beds.partners()).extracting(Partner::id).containsExactly("TP-E4", "TP-E1", "TP-E3", "TP-E2");
        Partner e2 = beds.partners().getLast();
        assertThat(e2.availability().stale()).isTrue();
        assertThat(e2.reasons()).anySatisfy(r -> assertThat(r).startsWith("6 van 12 bedden vrij, bijgewerkt"))
                .contains("let op: beschikbaarheid verouderd (ouder dan 24 uur), bel eerst na");
        assertThat(beds.partners().getFirst().referralBlocked()).isEqualTo("verwijzen kan alleen vanuit een cliënt");

        Result free = partners.search(new Query(new Origin.OfPoint(PartnerFixture.LAT, PartnerFixture.LON),
                Set.of("ELV", "GRZ"), false, 20, true, null, Order.FREE_BEDS, 50), huisarts, NL);
        assertThat(free.partners()).extracting(Partner::id).containsExactly("TP-E4", "TP-E1", "TP-E2");
        assertThat(free.partners().get(1).reasons().getFirst()).isEqualTo("5,0 km van het gekozen punt");
    }

    @Test
    void startsFromAPlaceNameOrPostcode() {
        Result byName = partners.search(Query.of(new Origin.OfPlace("goes"), WV, 10), admin, NL);
        assertThat(byName.origin().label()).isEqualTo("Goes");
        assertThat(byName.origin().municipalityCode()).isEqualTo("GM0664");
        assertThat(byName.partners()).isNotEmpty();
        assertThat(partners.search(Query.of(new Origin.OfPlace("'s-Hertogenbosch"), Set.of("HUISARTS"), 5), admin, NL)
                .origin().municipalityCode()).isEqualTo("GM0796");
        Result byPostcode = partners.search(Query.of(new Origin.OfPlace("4461"), WV, 10), admin, NL);
        assertThat(byPostcode.partners()).extracting(Partner::id).contains("TP-W1");
        assertThatThrownBy(() -> partners.search(Query.of(new Origin.OfPlace("Nergenshuizen"), WV, 10), admin, NL))
                .isInstanceOf(InvalidQuery.class).hasMessageContaining("niet gevonden");
    }

    @Test
    void careStaffStartOnlyFromTheirOwnClientsAndPolicyAnalystsNotAtAll() {
        assertThatThrownBy(() -> partners.search(Query.of(new Origin.OfClient(FOREIGN_CLIENT), WV, 10), huisarts, NL))
                .isInstanceOf(InvalidQuery.class).hasMessage("Cliënt C9800003 is niet (meer) in uw zorg of bestaat niet");
        assertThatThrownBy(() -> partners.search(Query.of(new Origin.OfClient("C0000000"), WV, 10), huisarts, NL))
                .isInstanceOf(InvalidQuery.class).hasMessageContaining("niet (meer) in uw zorg");
        assertThatThrownBy(() -> partners.search(Query.of(new Origin.OfMunicipality("GM0664"), WV, 10), analyst, NL))
                .isInstanceOf(AccessDeniedException.class);
        // An administrator may start from any client, but records no referrals (no provider of their own).
        Partner first = partners.search(Query.of(new Origin.OfClient(FOREIGN_CLIENT), WV, 10), admin, NL).partners().getFirst();
        assertThat(first.referralBlocked()).isEqualTo("alleen een zorgverlener van een zorgaanbieder kan een verwijzing vastleggen");
    }

    @Test
    void aSearchFromAClientIsLoggedOnlyWhenTheClientIsTheUsers() {
        // The entry is written while the search reads, under the same scope rule: a foreign client is neither shown
        // nor logged; the user's own client is logged once, committed before the result is returned.
        assertThatThrownBy(() -> partners.search(Query.of(new Origin.OfClient(FOREIGN_CLIENT), WV, 10), huisarts, NL))
                .isInstanceOf(InvalidQuery.class);
        assertThat(accessLog.entriesFor(FOREIGN_CLIENT, 10)).noneMatch(e -> e.username().equals("ha-test"));

        long before = accessLog.entriesFor(CLIENT, 1000).stream().filter(e -> e.username().equals("ha-test")).count();
        partners.search(Query.of(new Origin.OfClient(CLIENT), WV, 10), huisarts, NL);
        List<ClientAccessLog.Entry> mine = accessLog.entriesFor(CLIENT, 1000).stream()
                .filter(e -> e.username().equals("ha-test")).toList();
        assertThat(mine).hasSize((int) before + 1);
        assertThat(mine.getFirst()).satisfies(e -> {
            assertThat(e.role()).isEqualTo("CARE_STAFF");
            assertThat(e.action()).isEqualTo("VIEW_NETWORK");
            assertThat(e.context()).isEqualTo("Partners zoeken");
        });

        // Bad input is refused before anything is read or written.
        assertThatThrownBy(() -> partners.search(Query.of(new Origin.OfClient(CLIENT), WV, 500), huisarts, NL))
                .isInstanceOf(InvalidQuery.class);
        assertThat(accessLog.entriesFor(CLIENT, 1000).stream().filter(e -> e.username().equals("ha-test")))
                .hasSize((int) before + 1);
    }

    @Test
    void badInputGetsAClearMessage() {
        List<String> messages = new ArrayList<>();
        for (Query bad : List.of(
                Query.of(new Origin.OfClient(CLIENT), WV, -5),
                Query.of(new Origin.OfClient(CLIENT), WV, 500),
                Query.of(new Origin.OfClient(CLIENT), Set.of("TANDARTS"), 10),
                Query.of(new Origin.OfClient(CLIENT), Set.of(), 10),
                new Query(new Origin.OfMunicipality("GM0664"), Set.of(), true, 10, false, null, Order.SCORE, 50),
                new Query(new Origin.OfClient(CLIENT), WV, false, 10, false, -1, Order.SCORE, 50),
                Query.of(new Origin.OfMunicipality("GM9999"), WV, 10),
                Query.of(new Origin.OfPoint(48.85, 2.35), WV, 10))) {
            try {
                partners.search(bad, huisarts, NL);
                messages.add("accepted: " + bad);
            } catch (InvalidQuery e) {
                messages.add(e.parameter() + ": " + e.getMessage());
            }
        }
        assertThat(messages).containsExactly(
                "radiusKm: Zoekafstand moet tussen 1 en 100 km liggen, niet -5",
                "radiusKm: Zoekafstand moet tussen 1 en 100 km liggen, niet 500",
                "types: Onbekende soort zorgaanbieder: TANDARTS",
                "types: Kies minstens één soort zorgaanbieder (of 'wat het zorgpad van de cliënt mist')",
                "missing: 'Wat het zorgpad mist' kan alleen vanuit een cliënt",
                "maxWaitingDays: Maximale wachttijd moet tussen 0 en 730 dagen liggen, niet -1",
                "municipality: Onbekende gemeente: GM9999",
                "point: Het gekozen punt ligt buiten Nederland");
    }

    @Test
    void reasonsFollowTheLocale() {
        Partner w1 = partners.search(Query.of(new Origin.OfClient(CLIENT), WV, 10), huisarts, Locale.ENGLISH)
                .partners().getFirst();
        assertThat(w1.reasons()).containsExactly("1.0 km from the client's home",
                "accepting new clients, waiting time 0 days, updated today",
                "already works with your organisation: collaboration agreement");
        assertThat(w1.typeName()).isEqualTo("District nursing");
    }

    @Test
    void theRankingInCypherPicksTheSamePartnersAsTheScoreInJava() {
        // The ranking query returns preRankFactor × limit rows, which the service scores again in Java. With the factor
        // at 1 the query alone decides who is shown; over DEMO clients (anchors, shared clients, two-hop ties, stale and
        // bed-based reports, what a pathway misses) that must be exactly whom the Java score picks from all candidates.
        List<String> clients = List.copyOf(neo4j.query("""
                        MATCH (x:Client)-[:HAS_CONDITION]->(:Condition)<-[:FOR]-(:CarePathway)-[r:REQUIRES]->(t:ProviderType)
                        WHERE x.id STARTS WITH 'C0' AND NOT coalesce(r.optional, false)
                          AND NOT EXISTS { (x)<-[:CARES_FOR|COORDINATES]-(:Provider {type: t.code}) }
                        WITH DISTINCT x ORDER BY x.id
                        WITH collect(x.id) AS ids
                        UNWIND range(0, size(ids) - 1, size(ids) / 12) AS i
                        RETURN ids[i] AS id""").fetchAs(String.class).all());
        assertThat(clients).hasSizeGreaterThanOrEqualTo(12);
        List<Query> queries = new ArrayList<>();
        for (String client : clients) {
            queries.add(new Query(new Origin.OfClient(client), WV, false, 15, false, null, Order.SCORE, 3));
            queries.add(new Query(new Origin.OfClient(client), Set.of("FYSIOTHERAPIE", "HUISARTS", "APOTHEEK"), false, 10,
                    false, null, Order.SCORE, 10));
            queries.add(new Query(new Origin.OfClient(client), Set.of(), true, 20, false, null, Order.SCORE, 5));
        }
        queries.add(new Query(new Origin.OfMunicipality("GM0344"), Set.of("ELV", "GRZ", "VERPLEEGHUIS"), false, 40, false,
                null, Order.FREE_BEDS, 7));
        queries.add(new Query(new Origin.OfMunicipality("GM0344"), Set.of("WIJKVERPLEGING"), false, 30, true, 20,
                Order.SCORE, 1));
        queries.add(new Query(new Origin.OfClient(CLIENT), WV, false, 15, false, null, Order.SCORE, 2));
        int compared = 0;
        PartnerSearchService target = org.springframework.test.util.AopTestUtils.getTargetObject(partners);
        int before = target.preRankFactor;
        try {
            for (Query query : queries) {
                target.preRankFactor = 1;
                Result cut = partners.search(query, admin, NL);
                target.preRankFactor = 100_000;
                Result all = partners.search(query, admin, NL);
                assertThat(cut.partners()).as("%s", query).extracting(Partner::id, p -> p.score().total())
                        .containsExactlyElementsOf(all.partners().stream().map(p -> org.assertj.core.groups.Tuple.tuple(
                                p.id(), p.score().total())).toList());
                assertThat(cut.matched()).isEqualTo(all.matched());
                if (all.matched() > query.limit()) {
                    compared++;
                }
            }
        } finally {
            target.preRankFactor = before;
        }
        assertThat(compared).as("searches where the query had to choose").isGreaterThanOrEqualTo(30);
    }
}
