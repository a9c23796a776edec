package nl.netwerkzorg.atlas.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import nl.netwerkzorg.atlas.AtlasSpringTest;
import nl.netwerkzorg.atlas.client.ClientAccessLog;
import nl.netwerkzorg.atlas.network.Graph.Canvas;
import nl.netwerkzorg.atlas.network.Graph.Edge;
import nl.netwerkzorg.atlas.network.Graph.EdgeType;
import nl.netwerkzorg.atlas.network.Graph.Expansion;
import nl.netwerkzorg.atlas.network.Graph.ExpansionOption;
import nl.netwerkzorg.atlas.network.Graph.ExpansionResult;
import nl.netwerkzorg.atlas.network.Graph.Kind;
import nl.netwerkzorg.atlas.network.Graph.Node;
import nl.netwerkzorg.atlas.network.Graph.Paths;
import nl.netwerkzorg.atlas.network.Graph.RefusalReason;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.Role;
import nl.netwerkzorg.atlas.security.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Every expansion, search, path and role rule of the Netwerk explorer on a hand-built fixture in Zeeland (where the DEMO
 * data has nothing), with known neighbours and paths:
 * <pre>
 *   huisarts HA (Goes) —AGREEMENT— wijkverpleging WV (Goes, serves Vlissingen) —MDO— apotheek AP (Vlissingen)
 *   AP and casemanager CM (Sluis) are members of dementienetwerk NET; fysiotherapeut ISO (Sluis) has no ties.
 *   client C1 (Goes): cared for by HA (coordinator) and WV; informal carer I1 supports C1 and is known to HA.
 *   client C2 (Vlissingen): cared for by WV and AP; objects to sharing with WV.
 *   clients C3–C8 (Sluis): cared for by CM.
 * </pre>
 */
@AtlasSpringTest
class NetworkGraphServiceTest {

    static final Locale NL = Locale.of("nl");
    static final String HA = "P:TN-HA";
    static final String WV = "P:TN-WV";
    static final String AP = "P:TN-AP";
    static final String CM = "P:TN-CM";
    static final String ISO = "P:TN-ISO";
    static final String NET = "N:TN-NET";
    static final String C1 = "C:C9900001";
    static final String C2 = "C:C9900002";
    static final String I1 = "I:M9900001";

    @Autowired
    NetworkGraphService graph;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    UserService users;
    @Autowired
    ClientAccessLog accessLog;

    AtlasPrincipal admin;
    AtlasPrincipal analyst;
    AtlasPrincipal wijkverpleegkundige;
    AtlasPrincipal zeelandManager;
    AtlasPrincipal utrechtManager;

    @BeforeEach
    void fixture() {
        admin = users.loadUserByUsername("admin");
        analyst = users.loadUserByUsername("beleid");
        utrechtManager = users.loadUserByUsername("netwerkmanager");
        wijkverpleegkundige = new AtlasPrincipal("wv-test", "", "WV", Role.CARE_STAFF, true, "TN-WV", List.of());
        zeelandManager = new AtlasPrincipal("nm-zld", "", "NM", Role.NETWORK_MANAGER, true, null, List.of("PV29"));
        neo4j.query("""
                MATCH (goes:Municipality {code: 'GM0664'}), (vlis:Municipality {code: 'GM0718'}), (sluis:Municipality {code: 'GM1714'})
                CREATE (ha:Provider {id: 'TN-HA', agb: '99000001', name: 'Testpraktijk Goes Noord', type: 'HUISARTS', domain: 'MEDICAL',
                        address: 'Markt 1, 4461 Goes', municipalityCode: 'GM0664'})-[:LOCATED_IN]->(goes)
                CREATE (wv:Provider {id: 'TN-WV', agb: '99000002', name: 'Testzorg Wijkverpleging Bevelanden', type: 'WIJKVERPLEGING',
                        domain: 'LONG_TERM', address: 'Kade 2, 4461 Goes', municipalityCode: 'GM0664'})-[:LOCATED_IN]->(goes)
                CREATE (wv)-[:SERVES]->(vlis)
                CREATE (ap:Provider {id: 'TN-AP', agb: '99000003', name: 'Testapotheek De Schelde', type: 'APOTHEEK', domain: 'MEDICAL',
                        address: 'Boulevard 3, 4381 Vlissingen', municipalityCode: 'GM0718'})-[:LOCATED_IN]->(vlis)
                CREATE (cm:Provider {id: 'TN-CM', name: 'Testcasemanagement Zeeuws-Vlaanderen', type: 'CASEMANAGER_DEMENTIE',
                        domain: 'LONG_TERM', address: 'Dorp 4, 4524 Sluis', municipalityCode: 'GM1714'})-[:LOCATED_IN]->(sluis)
                CREATE (iso:Provider {id: 'TN-ISO', name: 'Testfysio Alleen', type: 'FYSIOTHERAPIE', domain: 'MEDICAL',
                        address: 'Dijk 5, 4524 Sluis', municipalityCode: 'GM1714'})-[:LOCATED_IN]->(sluis)
                CREATE (ha)-[:COLLABORATES_WITH {kind: 'AGREEMENT', formal: true}]->(wv)
                CREATE (wv)-[:COLLABORATES_WITH {kind: 'MDO', formal: false}]->(ap)
                CREATE (net:Network {id: 'TN-NET', name: 'Testnetwerk Dementie Zeeland', kind: 'DEMENTIENETWERK'})
                CREATE (net)-[:COVERS]->(vlis), (net)-[:COVERS]->(sluis)
                CREATE (ap)-[:MEMBER_OF {role: 'LID'}]->(net), (cm)-[:MEMBER_OF {role: 'COORDINATOR'}]->(net)
                CREATE (c1:Client {id: 'C9900001', ageBand: '75-84', municipalityCode: 'GM0664'})-[:LIVES_IN]->(goes)
                CREATE (ha)-[:CARES_FOR {role: 'HUISARTS'}]->(c1), (ha)-[:COORDINATES]->(c1), (wv)-[:CARES_FOR {role: 'WIJKVERPLEGING'}]->(c1)
                CREATE (i1:InformalCarer {id: 'M9900001', role: 'PARTNER'})-[:SUPPORTS]->(c1), (i1)-[:KNOWN_TO]->(ha)
                CREATE (c2:Client {id: 'C9900002', ageBand: '65-74', municipalityCode: 'GM0718', objections: ['TN-WV']})-[:LIVES_IN]->(vlis)
                CREATE (wv)-[:CARES_FOR]->(c2), (ap)-[:CARES_FOR]->(c2)
                WITH cm, sluis
                UNWIND range(3, 8) AS n
                CREATE (c:Client {id: 'C990000' + n, ageBand: '85+', municipalityCode: 'GM1714'})-[:LIVES_IN]->(sluis)
                CREATE (cm)-[:CARES_FOR]->(c)""").run();
    }

    @AfterEach
    void removeFixture() {
        neo4j.query("""
                MATCH (n) WHERE (n:Provider AND n.id STARTS WITH 'TN-') OR (n:Network AND n.id = 'TN-NET')
                   OR (n:Client AND n.id STARTS WITH 'C99000') OR (n:InformalCarer AND n.id = 'M9900001')
                DETACH DELETE n""").run();
        neo4j.query("MATCH (e:AccessLogEntry) WHERE e.clientId STARTS WITH 'C99000' DELETE e").run();
    }

    private static Canvas canvasOf(String... keys) {
        return new Canvas(java.util.Arrays.stream(keys).map(k -> new Node(k, Kind.ofKey(k).orElseThrow(), k, "", "", "", 1,
                null, null, true)).toList(), List.of());
    }

    private static Set<String> keys(Canvas canvas) {
        return canvas.nodes().stream().map(Node::key).collect(Collectors.toSet());
    }

    private static Set<String> edges(Canvas canvas) {
        return canvas.edges().stream().map(e -> e.source() + " " + e.type() + " " + e.target()).collect(Collectors.toSet());
    }

    private Canvas start(String key, AtlasPrincipal user) {
        return graph.restore(List.of(key), Set.of(), user, NL);
    }

    @Test
    void searchFindsProvidersByNameWordsPlaceTypeAndAgbAndNetworksAndMunicipalities() {
        assertThat(graph.search("testpraktijk goes", analyst, NL)).extracting(h -> h.node().key()).containsExactly(HA);
        assertThat(graph.search("apotheek vlissingen", analyst, NL)).extracting(h -> h.node().key()).contains(AP)
                .doesNotContain(HA, WV);
        assertThat(graph.search("99000002", analyst, NL)).extracting(h -> h.node().key()).contains(WV);
        assertThat(graph.search("testnetwerk", analyst, NL)).extracting(h -> h.node().key()).contains(NET);
        // Hyphenated words are split like the full-text analyser splits them.
        assertThat(graph.search("Testnetwerk-dementie zee", analyst, NL)).extracting(h -> h.node().key()).contains(NET);
        assertThat(graph.search("-- !!", analyst, NL)).isEmpty();
        assertThat(graph.search("Vlissingen", analyst, NL)).extracting(h -> h.node().key()).contains("M:GM0718");
        assertThat(graph.search("testpraktijk", analyst, NL).getFirst().detail()).isEqualTo("Huisarts · Markt 1, 4461 Goes");
        // Lucene syntax in user text is literal text, not a query.
        assertThat(graph.search("test* OR (x", analyst, NL)).isEmpty();
        assertThat(graph.search("a", analyst, NL)).isEmpty();
    }

    @Test
    void clientsAreFoundByPseudonymOnlyInScope() {
        assertThat(graph.search("C9900001", admin, NL)).extracting(h -> h.node().key()).containsExactly(C1);
        assertThat(graph.search("c9900001", wijkverpleegkundige, NL)).extracting(h -> h.node().key()).containsExactly(C1);
        assertThat(graph.search("C9900002", wijkverpleegkundige, NL)).as("objected to WV").isEmpty();
        assertThat(graph.search("C9900001", analyst, NL)).isEmpty();
        assertThat(graph.search("C9900001", utrechtManager, NL)).isEmpty();
        assertThat(graph.search("C9900001", zeelandManager, NL)).extracting(h -> h.node().key()).containsExactly(C1);
    }

    @Test
    void optionsAreCountedBeforeExpanding() {
        Map<Expansion, ExpansionOption> options = graph.options(WV, admin).stream()
                .collect(Collectors.toMap(ExpansionOption::expansion, o -> o));
        assertThat(options.keySet()).containsExactlyInAnyOrder(Expansion.COLLABORATIONS, Expansion.SHARED_CLIENTS,
                Expansion.CLIENTS, Expansion.SERVICE_AREA);
        assertThat(options.get(Expansion.COLLABORATIONS).count()).isEqualTo(2);
        assertThat(options.get(Expansion.SERVICE_AREA).count()).isEqualTo(2);
        assertThat(options.get(Expansion.SHARED_CLIENTS).count()).isEqualTo(2);
        assertThat(options.get(Expansion.CLIENTS).count()).isEqualTo(2);
        // A policy analyst gets the client count only as a suppressed aggregate.
        ExpansionOption clients = graph.options(WV, analyst).stream()
                .filter(o -> o.expansion() == Expansion.CLIENTS).findFirst().orElseThrow();
        assertThat(clients.count()).isEqualTo(-1);
        assertThat(clients.individual()).isFalse();
        assertThat(graph.options(ISO, admin)).extracting(ExpansionOption::expansion).containsExactly(Expansion.SERVICE_AREA);
        assertThat(graph.options(NET, analyst)).extracting(ExpansionOption::expansion)
                .containsExactlyInAnyOrder(Expansion.MEMBERS, Expansion.NETWORK_AREA);
    }

    @Test
    void collaborationsMembershipsAndAreasExpandWithTheirEdges() {
        ExpansionResult collaborations = graph.expand(start(WV, analyst), WV, Expansion.COLLABORATIONS, null, analyst, NL);
        assertThat(collaborations.added()).containsExactlyInAnyOrder(HA, AP);
        assertThat(edges(collaborations.canvas())).containsExactlyInAnyOrder(
                HA + " COLLABORATES_WITH " + WV, WV + " COLLABORATES_WITH " + AP);
        Edge agreement = collaborations.canvas().edges().stream().filter(e -> e.source().equals(HA)).findFirst().orElseThrow();
        assertThat(agreement.formal()).isTrue();
        assertThat(agreement.detail()).isEqualTo("AGREEMENT");
        assertThat(collaborations.canvas().edges().stream().filter(e -> e.target().equals(AP)).findFirst().orElseThrow()
                .formal()).isFalse();

        ExpansionResult networks = graph.expand(collaborations.canvas(), AP, Expansion.NETWORKS, null, analyst, NL);
        assertThat(networks.added()).containsExactly(NET);
        ExpansionResult members = graph.expand(networks.canvas(), NET, Expansion.MEMBERS, null, analyst, NL);
        assertThat(members.added()).containsExactly(CM);
        assertThat(edges(members.canvas())).contains(AP + " MEMBER_OF " + NET, CM + " MEMBER_OF " + NET);
        ExpansionResult area = graph.expand(members.canvas(), NET, Expansion.NETWORK_AREA, null, analyst, NL);
        assertThat(area.added()).containsExactlyInAnyOrder("M:GM0718", "M:GM1714");
        // Stored edges among all canvas nodes appear, also those the expansion did not ask for.
        assertThat(edges(area.canvas())).contains(NET + " COVERS M:GM0718", AP + " LOCATED_IN M:GM0718",
                WV + " SERVES M:GM0718", CM + " LOCATED_IN M:GM1714");
        Node provider = area.canvas().node(AP).orElseThrow();
        assertThat(provider.typeName()).isEqualTo("Apotheek");
        assertThat(provider.domain()).isEqualTo("MEDICAL");

        ExpansionResult located = graph.expand(start("M:GM1714", analyst), "M:GM1714", Expansion.PROVIDERS_LOCATED, null,
                analyst, NL);
        assertThat(located.added()).containsExactlyInAnyOrder(CM, ISO);
        assertThat(graph.expand(start("M:GM1714", analyst), "M:GM1714", Expansion.NETWORKS_COVERING, null, analyst, NL)
                .added()).containsExactly(NET);
    }

    @Test
    void serviceAreaAndAnInformalCarersLinksExpand() {
        ExpansionResult area = graph.expand(start(WV, analyst), WV, Expansion.SERVICE_AREA, null, analyst, NL);
        assertThat(area.added()).containsExactlyInAnyOrder("M:GM0664", "M:GM0718");
        assertThat(edges(area.canvas())).containsExactlyInAnyOrder(WV + " LOCATED_IN M:GM0664", WV + " SERVES M:GM0718");

        int before = accessLog.entriesFor("C9900001", 100).size();
        ExpansionResult links = graph.expand(start(I1, admin), I1, Expansion.CARER_LINKS, null, admin, NL);
        assertThat(links.added()).containsExactlyInAnyOrder(C1, HA);
        assertThat(edges(links.canvas())).containsExactlyInAnyOrder(I1 + " SUPPORTS " + C1, I1 + " KNOWN_TO " + HA,
                HA + " CARES_FOR " + C1, HA + " COORDINATES " + C1);
        assertThat(accessLog.entriesFor("C9900001", 100)).hasSize(before + 1);
        assertThat(graph.expand(canvasOf(I1), I1, Expansion.CARER_LINKS, null, zeelandManager, NL).added()).contains(C1);
        assertThatThrownBy(() -> graph.expand(canvasOf(I1), I1, Expansion.CARER_LINKS, null, utrechtManager, NL))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void exportsWriteOneAccessLogEntryPerClientOnTheCanvas() {
        Canvas canvas = graph.expand(start(C1, admin), C1, Expansion.CLIENT_NETWORK, null, admin, NL).canvas();
        int before = accessLog.entriesFor("C9900001", 100).size();
        String graphMl = graph.export(canvas, NetworkGraphService.ExportFormat.GRAPHML, admin);
        assertThat(graphMl).contains("C:C9900001").contains("COORDINATES");
        graph.export(canvas, NetworkGraphService.ExportFormat.PNG, admin);
        List<ClientAccessLog.Entry> entries = accessLog.entriesFor("C9900001", 100);
        assertThat(entries).hasSize(before + 2);
        assertThat(entries.getFirst().action()).isEqualTo("EXPORT");
        assertThat(graph.export(start(HA, analyst), NetworkGraphService.ExportFormat.JSON, analyst)).contains("TN-HA");
    }

    @Test
    void sharedClientsAreActualTiesWithASuppressedCount() {
        ExpansionResult shared = graph.expand(start(HA, analyst), HA, Expansion.SHARED_CLIENTS, null, analyst, NL);
        assertThat(shared.added()).containsExactly(WV);
        Edge tie = shared.canvas().edges().stream().filter(e -> e.type() == EdgeType.SHARES_CLIENTS).findFirst().orElseThrow();
        assertThat(tie.formal()).isFalse();
        assertThat(tie.count()).as("one shared client is below 5").isEqualTo(-1);
        assertThat(edges(shared.canvas())).contains(HA + " COLLABORATES_WITH " + WV);
        // The derived tie survives later expansions and comes back when the canvas is restored with it.
        ExpansionResult more = graph.expand(shared.canvas(), WV, Expansion.COLLABORATIONS, null, analyst, NL);
        assertThat(more.canvas().edges()).extracting(Edge::type).contains(EdgeType.SHARES_CLIENTS);
        Canvas restored = graph.restore(List.of(HA, WV), Set.of(HA), analyst, NL);
        assertThat(restored.edges()).extracting(Edge::type).contains(EdgeType.SHARES_CLIENTS);
    }

    @Test
    void clientsAreIndividualOnlyInScopeAndOtherwiseACount() {
        // Admin: the six Sluis clients of CM individually, with their CARES_FOR edges.
        ExpansionResult all = graph.expand(start(CM, admin), CM, Expansion.CLIENTS, null, admin, NL);
        assertThat(all.added()).hasSize(6).allMatch(k -> k.startsWith("C:C99000"));
        assertThat(all.canvas().edges()).hasSize(6).allMatch(e -> e.type() == EdgeType.CARES_FOR);

        // Policy analyst: never an individual client; one count node, not expandable.
        ExpansionResult counted = graph.expand(start(CM, analyst), CM, Expansion.CLIENTS, null, analyst, NL);
        assertThat(counted.added()).hasSize(1);
        Node group = counted.canvas().node(counted.added().getFirst()).orElseThrow();
        assertThat(group.kind()).isEqualTo(Kind.GROUP);
        assertThat(group.count()).isEqualTo(6);
        assertThat(group.expandable()).isFalse();
        assertThat(counted.canvas().nodes()).noneMatch(n -> n.kind() == Kind.CLIENT);

        // Care staff of WV: C1 yes; C2 objected to WV, so only "<5" as a count.
        ExpansionResult own = graph.expand(start(WV, wijkverpleegkundige), WV, Expansion.CLIENTS, null, wijkverpleegkundige, NL);
        assertThat(own.canvas().nodes()).filteredOn(n -> n.kind() == Kind.CLIENT).extracting(Node::key).containsExactly(C1);
        assertThat(own.canvas().nodes()).filteredOn(Node::group).singleElement().satisfies(g -> {
            assertThat(g.count()).isEqualTo(-1);
            assertThat(g.expandable()).isFalse();
        });
        // ... and the clients of another provider (AP) only as far as WV cares for them too: none here.
        ExpansionResult other = graph.expand(start(CM, wijkverpleegkundige), CM, Expansion.CLIENTS, null, wijkverpleegkundige, NL);
        assertThat(other.canvas().nodes()).noneMatch(n -> n.kind() == Kind.CLIENT);

        // Network managers: clients in their regions only.
        assertThat(graph.expand(start("M:GM1714", zeelandManager), "M:GM1714", Expansion.RESIDENTS, null, zeelandManager, NL)
                .added()).hasSize(6);
        assertThat(graph.expand(start("M:GM1714", utrechtManager), "M:GM1714", Expansion.RESIDENTS, null, utrechtManager, NL)
                .canvas().nodes()).noneMatch(n -> n.kind() == Kind.CLIENT);
    }

    @Test
    void aClientsPersonalNetworkIsLoggedAndRefusedOutsideScope() {
        int before = accessLog.entriesFor("C9900001", 100).size();
        ExpansionResult network = graph.expand(start(C1, admin), C1, Expansion.CLIENT_NETWORK, null, admin, NL);
        assertThat(network.added()).containsExactlyInAnyOrder(HA, WV, I1);
        assertThat(edges(network.canvas())).containsExactlyInAnyOrder(HA + " CARES_FOR " + C1, HA + " COORDINATES " + C1,
                WV + " CARES_FOR " + C1, I1 + " SUPPORTS " + C1, I1 + " KNOWN_TO " + HA, HA + " COLLABORATES_WITH " + WV);
        List<ClientAccessLog.Entry> entries = accessLog.entriesFor("C9900001", 100);
        assertThat(entries).hasSize(before + 1);
        assertThat(entries.getFirst().username()).isEqualTo("admin");
        assertThat(entries.getFirst().action()).isEqualTo("VIEW_NETWORK");

        graph.details(C1, wijkverpleegkundige);
        assertThat(accessLog.entriesFor("C9900001", 100)).hasSize(before + 2);

        assertThatThrownBy(() -> graph.expand(canvasOf(C1), C1, Expansion.CLIENT_NETWORK, null, analyst, NL))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> graph.expand(canvasOf(C2), C2, Expansion.CLIENT_NETWORK, null, wijkverpleegkundige, NL))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> graph.details(I1, analyst)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> graph.options(C1, utrechtManager)).isInstanceOf(AccessDeniedException.class);
        assertThat(accessLog.entriesFor("C9900001", 100)).as("refusals log nothing").hasSize(before + 2);
        // A restored link never smuggles in a client the user may not see.
        assertThat(keys(graph.restore(List.of(HA, C1, I1), Set.of(), analyst, NL))).containsExactly(HA);
    }

    @Test
    void largeExpansionsArriveGroupedByTypeAndOversizedOnesAreRefused() {
        // Utrecht city (DEMO data): thousands of providers, so grouped per type.
        String utrecht = "M:GM0344";
        ExpansionResult grouped = graph.expand(start(utrecht, analyst), utrecht, Expansion.PROVIDERS_LOCATED, null, analyst, NL);
        assertThat(grouped.refused()).isFalse();
        List<Node> groups = grouped.canvas().nodes().stream().filter(Node::group).toList();
        assertThat(groups).hasSizeGreaterThan(5).allMatch(g -> g.groupSource().equals(utrecht));
        long located = neo4j.query("MATCH (:Municipality {code: 'GM0344'})<-[:LOCATED_IN]-(p) RETURN count(p)")
                .fetchAs(Long.class).one().orElseThrow();
        assertThat(groups.stream().mapToLong(Node::count).sum()).isEqualTo(located);
        assertThat(grouped.canvas().edges()).filteredOn(e -> e.type() == EdgeType.GROUP).hasSize(groups.size());
        // A link holding the groups restores every one of them (one expansion for all groups of the same source).
        Canvas restored = graph.restore(grouped.canvas().nodes().stream().map(Node::key).toList(), Set.of(), analyst, NL);
        assertThat(keys(restored)).isEqualTo(keys(grouped.canvas()));
        assertThat(restored.edges()).hasSameSizeAs(grouped.canvas().edges());

        Node small = groups.stream().filter(g -> g.count() <= NetworkGraphService.MAX_EXPANSION).findFirst().orElseThrow();
        ExpansionResult opened = graph.expand(grouped.canvas(), small.key(), Expansion.PROVIDERS_LOCATED, null, analyst, NL);
        assertThat(opened.added()).hasSize((int) small.count());
        assertThat(opened.canvas().contains(small.key())).as("the opened group gives way to its members").isFalse();

        Node big = groups.stream().filter(g -> g.count() > NetworkGraphService.MAX_EXPANSION).findFirst().orElseThrow();
        ExpansionResult refused = graph.expand(grouped.canvas(), big.key(), Expansion.PROVIDERS_LOCATED, null, analyst, NL);
        assertThat(refused.refusal().reason()).isEqualTo(RefusalReason.GROUP_TOO_LARGE);
        assertThat(refused.refusal().count()).isEqualTo(big.count());
        assertThat(refused.canvas()).isEqualTo(grouped.canvas());
    }

    @Test
    void aFullCanvasRefusesToGrow() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < NetworkGraphService.MAX_ELEMENTS / 2 - 1; i++) {
            many.add("P:NOPE-" + i);
        }
        many.add(WV);
        Canvas full = canvasOf(many.toArray(String[]::new));
        ExpansionResult refused = graph.expand(full, WV, Expansion.COLLABORATIONS, null, analyst, NL);
        assertThat(refused.refused()).isTrue();
        assertThat(refused.refusal().reason()).isEqualTo(RefusalReason.CANVAS_FULL);
        assertThat(refused.canvas()).isSameAs(full);
    }

    @Test
    void shortestPathsFollowFormalTiesAndNeverClients() {
        Canvas canvas = graph.restore(List.of(HA, CM), Set.of(), analyst, NL);
        Paths paths = graph.paths(canvas, HA, CM, analyst, NL);
        assertThat(paths.hops()).isEqualTo(4);
        assertThat(paths.paths()).containsExactly(List.of(HA, WV, AP, NET, CM));
        assertThat(keys(paths.canvas())).contains(HA, WV, AP, NET, CM);
        assertThat(paths.highlight()).contains(HA, WV, AP, NET, CM).hasSize(5 + 4);
        // Between two networks' members: the network itself connects them.
        assertThat(graph.paths(canvas, AP, CM, analyst, NL).paths()).containsExactly(List.of(AP, NET, CM));
        // HA and WV also share a client, but clients are never on a path; ISO has no ties at all.
        assertThat(graph.paths(canvas, HA, ISO, analyst, NL).hops()).isZero();
        assertThatThrownBy(() -> graph.paths(canvas, HA, C1, admin, NL)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void detailsShowTheNodesProperties() {
        Map<String, Object> provider = graph.details(AP, analyst);
        assertThat(provider).containsEntry("name", "Testapotheek De Schelde").containsEntry("agb", "99000003")
                .containsEntry("municipality", "Vlissingen");
        assertThat(graph.details(NET, analyst)).containsEntry("members", 2L).containsEntry("municipalities", 2L);
        assertThat(graph.details(C1, admin)).containsEntry("ageBand", "75-84");
    }
}
