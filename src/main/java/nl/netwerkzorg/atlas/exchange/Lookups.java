package nl.netwerkzorg.atlas.exchange;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** What the import checks look up in the database: reference data and whether referenced keys exist. Reads only. */
@Component
public class Lookups {

    /** A provider a file refers to (by id or AGB code). */
    public record ProviderRef(String id, String type, boolean bedBased) {
    }

    private final Neo4jClient neo4j;
    private final org.springframework.transaction.support.TransactionTemplate ownTransaction;

    Lookups(Neo4jClient neo4j, org.springframework.transaction.PlatformTransactionManager transactionManager) {
        this.neo4j = neo4j;
        this.ownTransaction = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public Set<String> municipalities() {
        return new HashSet<>(neo4j.query("MATCH (m:Municipality) RETURN m.code").fetchAs(String.class).all());
    }

    public Set<String> conditions() {
        return new HashSet<>(neo4j.query("MATCH (c:Condition) RETURN c.code").fetchAs(String.class).all());
    }

    /** Provider type code → whether it has beds. */
    public Map<String, Boolean> providerTypes() {
        Map<String, Boolean> types = new HashMap<>();
        neo4j.query("MATCH (t:ProviderType) RETURN t.code AS code, t.bedBased AS bedBased").fetch().all()
                .forEach(t -> types.put((String) t.get("code"), Boolean.TRUE.equals(t.get("bedBased"))));
        return types;
    }

    /** The providers the keys name: a provider id, or else an 8-digit AGB code. Unknown keys are absent. */
    public Map<String, ProviderRef> providers(Collection<String> keys) {
        Map<String, ProviderRef> found = new HashMap<>();
        neo4j.query("""
                        UNWIND $keys AS key
                        OPTIONAL MATCH (byId:Provider {id: key})
                        OPTIONAL MATCH (byAgb:Provider {agb: key})
                        WITH key, coalesce(byId, byAgb) AS p WHERE p IS NOT NULL
                        OPTIONAL MATCH (t:ProviderType {code: p.type})
                        RETURN key, p.id AS id, p.type AS type, coalesce(t.bedBased, false) AS bedBased""")
                .bind(List.copyOf(new HashSet<>(keys))).to("keys").fetch().all()
                .forEach(r -> found.put((String) r.get("key"), new ProviderRef((String) r.get("id"), (String) r.get("type"),
                        Boolean.TRUE.equals(r.get("bedBased")))));
        return found;
    }

    /**
     * Runs a write statement over {@code rows} (bound as {@code $rows}) in batches of 5,000, with the other parameters,
     * in the caller's transaction — or, for a staged write (a restore), each batch in a transaction of its own; returns
     * the relationships created.
     */
    public long writeInBatches(CsvTable.Writing writing, String cypher, List<? extends Map<String, ?>> rows,
            Map<String, Object> parameters) {
        long created = 0;
        for (int from = 0; from < rows.size(); from += 5_000) {
            Map<String, Object> bound = new HashMap<>(parameters);
            bound.put("rows", rows.subList(from, Math.min(rows.size(), from + 5_000)));
            java.util.function.Supplier<Long> batch = () -> (long) neo4j.query(cypher).bindAll(bound).run().counters()
                    .relationshipsCreated();
            Long written = writing.staged() ? ownTransaction.execute(status -> batch.get()) : batch.get();
            created += written == null ? 0 : written;
        }
        return created;
    }

    /**
     * For files whose rows may say {@code verwijderen=ja}: {@code cypher} returns the {@code line} of each row (of
     * {@code rows}, bound as {@code $rows}) whose relationship exists; a row to remove whose relationship does not exist
     * is a problem with {@code absent} as message. Returns how many rows exist already.
     */
    public int existingOrRemovable(String cypher, List<Map<String, Object>> rows, List<ImportProblem> problems, String absent) {
        Set<Long> present = new HashSet<>(neo4j.query(cypher).bind(rows).to("rows").fetchAs(Long.class).all());
        for (Map<String, Object> r : rows) {
            int line = (Integer) r.get("line");
            if (Boolean.TRUE.equals(r.get("remove")) && !present.contains((long) line)) {
                problems.add(new ImportProblem(line, "verwijderen", "ja", absent));
            }
        }
        return present.size();
    }

    /**
     * Which of the networks reach outside the municipalities (a network manager's scope): one that covers a municipality
     * outside them, or covers none.
     */
    public Set<String> networksOutside(Collection<String> networkIds, Set<String> municipalities) {
        return new HashSet<>(neo4j.query("""
                        UNWIND $ids AS id
                        MATCH (n:Network {id: id})
                        WHERE NOT EXISTS { (n)-[:COVERS]->(:Municipality) }
                           OR EXISTS { (n)-[:COVERS]->(m:Municipality) WHERE NOT m.code IN $scope }
                        RETURN n.id""")
                .bindAll(Map.of("ids", List.copyOf(new HashSet<>(networkIds)), "scope", List.copyOf(municipalities)))
                .fetchAs(String.class).all());
    }

    /** Which of the ids exist as nodes with the label (a constant of the caller, never input). */
    public Set<String> existing(String label, Collection<String> ids) {
        if (!label.matches("[A-Za-z]+")) {
            throw new IllegalArgumentException(label);
        }
        return new HashSet<>(neo4j.query("UNWIND $ids AS id MATCH (n:" + label + " {id: id}) RETURN n.id")
                .bind(List.copyOf(new HashSet<>(ids))).to("ids").fetchAs(String.class).all());
    }
}
