package nl.netwerkzorg.atlas.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.netwerkzorg.atlas.AtlasSpringTest;
import nl.netwerkzorg.atlas.client.CarePathways.Pathway;
import nl.netwerkzorg.atlas.client.CarePathways.Requirement;
import nl.netwerkzorg.atlas.client.Clients.EditRefused;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;

/** Care pathways: a change is versioned, refused when invalid, and takes effect in the client quality rules. */
@AtlasSpringTest
class CarePathwaysTest {

    static final Locale NL = Locale.of("nl");
    static final AtlasPrincipal ADMIN = new AtlasPrincipal("pathway-admin", "", "Beheer", Role.ADMIN, true, null, List.of());
    static final AtlasPrincipal MANAGER = new AtlasPrincipal("pathway-manager", "", "Netwerk", Role.NETWORK_MANAGER, true, null,
            List.of("PV26"));

    @Autowired
    CarePathways pathways;
    @Autowired
    ClientQualityRules rules;
    @Autowired
    ClientService clients;
    @Autowired
    Neo4jClient neo4j;

    List<Requirement> original;

    @BeforeEach
    void fixture() {
        ClientFixture.create(neo4j);
        original = dementia().requirements();
    }

    @AfterEach
    void restore() {
        ClientFixture.remove(neo4j);
        if (!dementia().requirements().equals(original)) {
            neo4j.query("""
                            MATCH (cp:CarePathway {code: 'PAD_DEMENTIE'})-[q:REQUIRES]->() DELETE q
                            WITH DISTINCT cp UNWIND $rows AS r MATCH (t:ProviderType {code: r[0]})
                            CREATE (cp)-[:REQUIRES {optional: r[1], maxKm: r[2]}]->(t)""")
                    .bind(original.stream().map(r -> List.<Object>of(r.type(), r.optional(), r.maxKm())).toList()).to("rows").run();
        }
        neo4j.query("MATCH (v:CarePathwayVersion {replacedBy: 'pathway-admin'}) DETACH DELETE v").run();
        neo4j.query("MATCH (cp:CarePathway {code: 'PAD_DEMENTIE'}) REMOVE cp.version, cp.changedAt, cp.changedBy").run();
    }

    private Pathway dementia() {
        return pathways.pathways(NL).stream().filter(p -> p.code().equals("PAD_DEMENTIE")).findFirst().orElseThrow();
    }

    private List<Requirement> with(String type, boolean optional, int km) {
        List<Requirement> changed = new ArrayList<>(original.stream().filter(r -> !r.type().equals(type)).toList());
        changed.add(new Requirement(type, optional, km));
        return changed;
    }

    @Test
    void aChangeIsANewVersionAndChangesTheGapFlags() {
        rules.recompute("C9610002");
        assertThat(flags("C9610002")).containsExactly(ClientFlag.PATHWAY_GAP);
        Pathway saved = pathways.update(ADMIN, "PAD_DEMENTIE", with("SPECIALIST_OUDERENGENEESKUNDE", true, 30),
                "Regionaal besluit: SO alleen op indicatie", NL);
        assertThat(saved.version()).isEqualTo(2);
        assertThat(saved.changedBy()).isEqualTo("pathway-admin");
        assertThat(saved.requirements()).contains(new Requirement("SPECIALIST_OUDERENGENEESKUNDE", true, 30));
        assertThat(pathways.history("PAD_DEMENTIE")).singleElement().satisfies(v -> {
            assertThat(v.version()).isEqualTo(1);
            assertThat(v.requirements()).containsExactlyInAnyOrderElementsOf(original);
            assertThat(v.note()).isEqualTo("Regionaal besluit: SO alleen op indicatie");
        });
        rules.recompute("C9610002");
        assertThat(flags("C9610002")).isEmpty();
    }

    @Test
    void invalidChangesAreRefusedAndChangeNothing() {
        refused(() -> pathways.update(ADMIN, "PAD_DEMENTIE", with("BAKKER", false, 10), "x", NL), "pathways.error.type");
        List<Requirement> twice = new ArrayList<>(original);
        twice.add(new Requirement("HUISARTS", true, 5));
        refused(() -> pathways.update(ADMIN, "PAD_DEMENTIE", twice, "x", NL), "pathways.error.duplicate");
        refused(() -> pathways.update(ADMIN, "PAD_DEMENTIE", with("HUISARTS", false, 0), "x", NL), "pathways.error.km");
        refused(() -> pathways.update(ADMIN, "PAD_DEMENTIE", with("HUISARTS", false, 201), "x", NL), "pathways.error.km");
        refused(() -> pathways.update(ADMIN, "PAD_DEMENTIE",
                original.stream().map(r -> new Requirement(r.type(), true, r.maxKm())).toList(), "x", NL),
                "pathways.error.noneRequired");
        refused(() -> pathways.update(ADMIN, "PAD_DEMENTIE", original, "x", NL), "pathways.error.unchanged");
        refused(() -> pathways.update(ADMIN, "PAD_DEMENTIE", with("HUISARTS", false, 12), "  ", NL), "pathways.error.note");
        refused(() -> pathways.update(ADMIN, "PAD_GEEN", original, "x", NL), "pathways.error.unknown");
        assertThatThrownBy(() -> pathways.update(MANAGER, "PAD_DEMENTIE", with("HUISARTS", false, 12), "x", NL))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(dementia().version()).isEqualTo(1);
        assertThat(dementia().requirements()).isEqualTo(original);
        assertThat(pathways.history("PAD_DEMENTIE")).isEmpty();
    }

    private void refused(Runnable change, String key) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(EditRefused.class, e -> assertThat(e.key()).isEqualTo(key));
    }

    private List<ClientFlag> flags(String id) {
        return clients.page(ADMIN, new Clients.Filter(java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), id), 0, 1, NL).getFirst().flags();
    }
}
