package nl.netwerkzorg.atlas.network.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import nl.netwerkzorg.atlas.AtlasSpringTest;
import nl.netwerkzorg.atlas.network.Graph.EdgeType;
import nl.netwerkzorg.atlas.network.Graph.Expansion;
import nl.netwerkzorg.atlas.network.Graph.Kind;
import nl.netwerkzorg.atlas.network.Graph.Node;
import nl.netwerkzorg.atlas.network.Graph.SearchHit;
import nl.netwerkzorg.atlas.network.NetworkGraphService;
import nl.netwerkzorg.atlas.security.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.test.context.support.WithUserDetails;

/** The Netwerk view in a browserless UI on the DEMO data: search, expand, filter, path, URL state, role rules. */
@AtlasSpringTest
class NetworkViewTest extends SpringBrowserlessTest {

    @Autowired
    NetworkGraphService graphs;
    @Autowired
    UserService users;
    @Autowired
    Neo4jClient neo4j;

    private String aCollaboratingHuisarts() {
        return neo4j.query("""
                        MATCH (p:Provider {type: 'HUISARTS'})-[:COLLABORATES_WITH]-() WITH p, count(*) AS c WHERE c >= 2
                        AND EXISTS { (p)-[:COLLABORATES_WITH]-(:Provider)-[:MEMBER_OF]->(:Network) }
                        RETURN p.id ORDER BY p.id LIMIT 1""")
                .fetchAs(String.class).one().orElseThrow();
    }

    private NetworkView open(String query) {
        UI.getCurrent().navigate(NetworkView.class, QueryParameters.fromString(query));
        return (NetworkView) getCurrentView();
    }

    @Test
    @WithUserDetails("beleid")
    void searchExpandFilterAndFindAPathAllInTheUrl() {
        String id = aCollaboratingHuisarts();
        String name = neo4j.query("MATCH (p:Provider {id: $id}) RETURN p.name").bind(id).to("id").fetchAs(String.class).one().orElseThrow();
        NetworkView view = open("");
        assertThat(view.canvas.nodes()).isEmpty();
        assertThat(view.details.getElement().getTextRecursively()).contains("Zoek hierboven");

        List<SearchHit> hits = graphs.search(name, users.loadUserByUsername("beleid"), java.util.Locale.of("nl"));
        SearchHit hit = hits.stream().filter(h -> h.node().key().equals("P:" + id)).findFirst().orElseThrow();
        assertThat(view.search.getItemLabelGenerator().apply(hit)).startsWith(name + " — Huisarts · ");
        view.addFromSearch(hit);
        assertThat(view.canvas.nodes()).extracting(Node::key).containsExactly("P:" + id);
        assertThat(view.details.getElement().getTextRecursively()).contains(name).contains("Samenwerkingen (");

        view.expand("P:" + id, Expansion.COLLABORATIONS);
        int afterFirst = view.canvas.nodes().size();
        assertThat(afterFirst).isGreaterThan(2);
        assertThat(view.canvas.edges()).extracting(e -> e.type()).contains(EdgeType.COLLABORATES_WITH);
        String partner = "P:" + neo4j.query("""
                        MATCH (:Provider {id: $id})-[:COLLABORATES_WITH]-(q:Provider)-[:MEMBER_OF]->(:Network)
                        RETURN q.id ORDER BY q.id LIMIT 1""").bind(id).to("id").fetchAs(String.class).one().orElseThrow();
        assertThat(view.canvas.contains(partner)).isTrue();
        view.expand(partner, Expansion.NETWORKS);
        assertThat(view.canvas.nodes()).anyMatch(n -> n.kind() == Kind.NETWORK);
        assertThat(view.graph.getElement().getProperty("elements")).contains("P:" + id);

        // Filters change the picture, not the canvas.
        view.typeFilter.setValue(Set.of("HUISARTS"));
        view.render(false);
        assertThat(view.visible.nodes()).allMatch(n -> n.kind() != Kind.PROVIDER || n.type().equals("HUISARTS"));
        assertThat(view.canvas.nodes()).anyMatch(n -> n.kind() == Kind.PROVIDER && !n.type().equals("HUISARTS"));
        assertThat(view.status.getText()).contains("verborgen door filters");
        view.typeFilter.clear();
        view.render(false);

        String network = view.canvas.nodes().stream().filter(n -> n.kind() == Kind.NETWORK).findFirst().orElseThrow().key();
        view.selectedNodes = List.of("P:" + id, network);
        view.showPath();
        assertThat(view.message.getText()).startsWith("Kortste verbinding:");
        assertThat(view.highlight).contains("P:" + id, network);

        String url = UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters();
        // The history entry is replaced on every change; the view's own query is what a copied link holds.
        String query = view.query().getQueryString();
        assertThat(query).contains("n=").contains("P%3A" + id);
        NetworkView reopened = open(query);
        assertThat(reopened.canvas.nodes()).extracting(Node::key)
                .containsExactlyInAnyOrderElementsOf(view.canvas.nodes().stream().map(Node::key).toList());
        assertThat(url).startsWith("netwerk");
    }

    @Test
    @WithUserDetails("beleid")
    void aPolicyAnalystSeesClientsOnlyAsACountAndALinkCannotSmuggleThemIn() {
        String id = aCollaboratingHuisarts();
        String client = neo4j.query("MATCH (:Provider {id: $id})-[:CARES_FOR]->(c:Client) RETURN c.id LIMIT 1")
                .bind(id).to("id").fetchAs(String.class).one().orElseThrow();
        NetworkView view = open("n=P:" + id + ",C:" + client);
        assertThat(view.canvas.nodes()).extracting(Node::key).containsExactly("P:" + id);
        assertThat(view.message.getText()).contains("1 knopen uit de link");
        view.expand("P:" + id, Expansion.CLIENTS);
        assertThat(view.canvas.nodes()).noneMatch(n -> n.kind() == Kind.CLIENT);
        Node group = view.canvas.nodes().stream().filter(Node::group).findFirst().orElseThrow();
        assertThat(view.label(group)).endsWith("cliënten (alleen aantal)");
        assertThat(view.graph.getElement().getProperty("elements")).doesNotContain(client);
    }

    @Test
    @WithUserDetails("zorgverlener")
    void careStaffSeeTheirOwnClientsPersonalNetwork() {
        String own = users.loadUserByUsername("zorgverlener").providerId();
        NetworkView view = open("n=P:" + own);
        view.expand("P:" + own, Expansion.CLIENTS);
        List<Node> clients = view.canvas.nodes().stream().filter(n -> n.kind() == Kind.CLIENT).toList();
        List<Node> groups = view.canvas.nodes().stream().filter(Node::group).toList();
        assertThat(clients.size() + groups.size()).isPositive();
        if (!clients.isEmpty()) {
            view.expand(clients.getFirst().key(), Expansion.CLIENT_NETWORK);
            assertThat(view.canvas.edges()).extracting(e -> e.type()).contains(EdgeType.CARES_FOR);
        }
    }

    @Test
    @WithUserDetails("netwerkmanager")
    void oversizedExpansionsAreRefusedPolitely() {
        NetworkView view = open("n=M:GM0344");
        view.expand("M:GM0344", Expansion.PROVIDERS_LOCATED);
        Node big = view.canvas.nodes().stream().filter(Node::group)
                .filter(n -> n.count() > NetworkGraphService.MAX_EXPANSION).findFirst().orElseThrow();
        int before = view.canvas.nodes().size();
        view.openGroup(big);
        assertThat(view.message.getText()).startsWith("Deze groep telt").contains("ten hoogste 300");
        assertThat(view.canvas.nodes()).hasSize(before);
        assertThat(Set.copyOf(view.canvas.nodes())).contains(big);
    }
}
