package nl.netwerkzorg.atlas.network;

import java.time.OffsetDateTime;
import java.util.List;

import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Named canvases per user: {@code (:User)-[:SAVED]->(:SavedGraphView {id, name, state, savedAt})}. The state is the
 * explorer's URL query (nodes, filters, layout), so opening a saved view is the same as opening a link; it is
 * validated again (role rules included) when it is opened. Saving under an existing name replaces that view.
 */
@Service
public class SavedGraphViews {

    public static final int MAX_NAME = 60;
    public static final int MAX_STATE = 100_000;

    public record SavedView(String id, String name, String state, OffsetDateTime savedAt) {
    }

    private final Neo4jClient neo4j;

    SavedGraphViews(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** Saves (or replaces) a named view; an empty or over-long name or state is refused before anything is written. */
    @Transactional
    public SavedView save(AtlasPrincipal user, String name, String state) {
        String clean = name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME || clean.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("Geef de weergave een naam van 1 tot " + MAX_NAME + " tekens.");
        }
        if (state.length() > MAX_STATE) {
            throw new IllegalArgumentException("Deze weergave is te groot om te bewaren.");
        }
        return neo4j.query("""
                        MATCH (u:User {username: $username})
                        MERGE (u)-[:SAVED]->(v:SavedGraphView {owner: $username, name: $name})
                        ON CREATE SET v.id = randomUUID()
                        SET v.state = $state, v.savedAt = datetime()
                        RETURN v.id AS id, v.name AS name, v.state AS state, v.savedAt AS savedAt""")
                .bind(user.username()).to("username").bind(clean).to("name").bind(state).to("state")
                .fetchAs(SavedView.class).mappedBy((types, r) -> view(r))
                .one().orElseThrow(() -> new IllegalStateException("Unknown user " + user.username()));
    }

    @Transactional(readOnly = true)
    public List<SavedView> list(AtlasPrincipal user) {
        return List.copyOf(neo4j.query("""
                        MATCH (:User {username: $username})-[:SAVED]->(v:SavedGraphView)
                        RETURN v.id AS id, v.name AS name, v.state AS state, v.savedAt AS savedAt ORDER BY toLower(v.name)""")
                .bind(user.username()).to("username")
                .fetchAs(SavedView.class).mappedBy((types, r) -> view(r)).all());
    }

    /** Deletes one of this user's own views; another user's id changes nothing. */
    @Transactional
    public void delete(AtlasPrincipal user, String id) {
        neo4j.query("MATCH (:User {username: $username})-[:SAVED]->(v:SavedGraphView {id: $id}) DETACH DELETE v")
                .bind(user.username()).to("username").bind(id).to("id").run();
    }

    private static SavedView view(org.neo4j.driver.Record r) {
        return new SavedView(r.get("id").asString(), r.get("name").asString(), r.get("state").asString(),
                r.get("savedAt").asOffsetDateTime());
    }
}
