package nl.netwerkzorg.atlas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import nl.netwerkzorg.atlas.client.ClientFixture;
import nl.netwerkzorg.atlas.client.ClientService;
import nl.netwerkzorg.atlas.client.Clients;
import nl.netwerkzorg.atlas.network.Graph;
import nl.netwerkzorg.atlas.network.NetworkGraphService;
import nl.netwerkzorg.atlas.partner.ReferralService;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * An objection recorded on the client page holds wherever the client's data would cross to that provider: the client
 * list and page, the Netwerk explorer's search and expansions, exports, and referrals.
 */
@AtlasSpringTest
class ConsentTest {

    static final Locale NL = Locale.of("nl");
    static final AtlasPrincipal ADMIN = new AtlasPrincipal("consent-admin", "", "Beheer", Role.ADMIN, true, null, List.of());
    static final AtlasPrincipal PHYSIO = new AtlasPrincipal("consent-fysio", "", "Fysio", Role.CARE_STAFF, true, "CF-X", List.of());
    static final AtlasPrincipal GP = new AtlasPrincipal("consent-ha", "", "Huisarts", Role.CARE_STAFF, true, "CF-HA", List.of());
    static final String CLIENT = "C9610005";

    @Autowired
    ClientService clients;
    @Autowired
    NetworkGraphService graphs;
    @Autowired
    ReferralService referrals;
    @Autowired
    Neo4jClient neo4j;

    @BeforeEach
    void fixture() {
        ClientFixture.create(neo4j);
    }

    @AfterEach
    void remove() {
        ClientFixture.remove(neo4j);
    }

    private boolean physioFindsTheClient() {
        return graphs.search(CLIENT, PHYSIO, NL).stream().anyMatch(h -> h.node().key().equals("C:" + CLIENT));
    }

    private boolean physioExpandsToTheClient() {
        Graph.Canvas start = new Graph.Canvas(List.of(), List.of());
        start = graphs.expand(start, "P:CF-X", Graph.Expansion.CLIENTS, null, PHYSIO, NL).canvas();
        return start.nodes().stream().anyMatch(n -> n.key().equals("C:" + CLIENT));
    }

    @Test
    void anObjectionStopsTheClientsDataReachingThatProvider() {
        Clients.Filter mine = new Clients.Filter(Optional.empty(), Optional.empty(), Optional.empty(), "");
        assertThat(physioFindsTheClient()).isTrue();
        assertThat(physioExpandsToTheClient()).isTrue();
        assertThat(clients.export(PHYSIO, mine, NL)).extracting(Clients.Row::id).containsExactly(CLIENT);

        clients.setObjection(ADMIN, CLIENT, "CF-X", true, NL);

        assertThat(clients.page(PHYSIO, mine, 0, 50, NL)).isEmpty();
        assertThat(clients.detail(PHYSIO, CLIENT, NL)).isEmpty();
        assertThat(clients.export(PHYSIO, mine, NL)).isEmpty();
        assertThat(physioFindsTheClient()).isFalse();
        assertThat(physioExpandsToTheClient()).isFalse();
        assertThatThrownBy(() -> referrals.record(CLIENT, "CF-X", "", GP)).isInstanceOf(ReferralService.Refused.class)
                .hasMessageContaining("bezwaar");
        // The other professionals still see the client, and see the objection.
        assertThat(clients.detail(GP, CLIENT, NL).orElseThrow().professionals())
                .filteredOn(p -> p.id().equals("CF-X")).singleElement().satisfies(p -> assertThat(p.objected()).isTrue());
    }
}
