package nl.netwerkzorg.atlas.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import nl.netwerkzorg.atlas.AtlasSpringTest;
import nl.netwerkzorg.atlas.network.SavedGraphViews.SavedView;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/** Named Netwerk canvases per user, in the real database. */
@AtlasSpringTest
class SavedGraphViewsTest {

    @Autowired
    SavedGraphViews views;
    @Autowired
    UserService users;
    @Autowired
    Neo4jClient neo4j;

    @AfterEach
    void clean() {
        neo4j.query("MATCH (v:SavedGraphView) DETACH DELETE v").run();
    }

    private long count() {
        return neo4j.query("MATCH (v:SavedGraphView) RETURN count(v)").fetchAs(Long.class).one().orElseThrow();
    }

    @Test
    void saveListReplaceAndDeleteOnlyOwnViews() {
        AtlasPrincipal analyst = users.loadUserByUsername("beleid");
        AtlasPrincipal manager = users.loadUserByUsername("netwerkmanager");
        SavedView first = views.save(analyst, "  Dementie Amersfoort ", "n=P%3AP000001&kleur=domein");
        assertThat(first.name()).isEqualTo("Dementie Amersfoort");
        views.save(analyst, "Apotheken", "n=P%3AP000002");
        SavedView replaced = views.save(analyst, "Dementie Amersfoort", "n=P%3AP000003");
        assertThat(replaced.id()).isEqualTo(first.id());
        assertThat(views.list(analyst)).extracting(SavedView::name).containsExactly("Apotheken", "Dementie Amersfoort");
        assertThat(views.list(analyst).get(1).state()).isEqualTo("n=P%3AP000003");
        assertThat(views.list(manager)).isEmpty();

        views.delete(manager, first.id());
        assertThat(views.list(analyst)).hasSize(2);
        views.delete(analyst, first.id());
        assertThat(views.list(analyst)).extracting(SavedView::name).containsExactly("Apotheken");
    }

    @Test
    void invalidNamesAndOversizedStatesChangeNothing() {
        AtlasPrincipal analyst = users.loadUserByUsername("beleid");
        for (String bad : List.of("", "   ", "x".repeat(SavedGraphViews.MAX_NAME + 1), "tab\there")) {
            assertThatThrownBy(() -> views.save(analyst, bad, "n=P%3AP000001")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("naam");
        }
        assertThatThrownBy(() -> views.save(analyst, "Groot", "n=" + "x".repeat(SavedGraphViews.MAX_STATE)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(count()).isZero();
    }
}
