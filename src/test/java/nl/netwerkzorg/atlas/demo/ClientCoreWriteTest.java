package nl.netwerkzorg.atlas.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nl.netwerkzorg.atlas.AtlasSpringTest;
import nl.netwerkzorg.atlas.database.EmbeddedNeo4j;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * The generator writes clients through Cypher over Bolt (external database) or through the embedded database's Java
 * API ({@link ClientCoreWrite}); both must create the same graph. One batch covering every part of a client's network
 * is written each way and the two subgraphs, with value types, are compared.
 */
@AtlasSpringTest
class ClientCoreWriteTest {

    @Autowired
    Neo4jClient neo4j;
    @Autowired
    EmbeddedNeo4j embedded;

    @AfterEach
    void remove() {
        neo4j.query("""
                MATCH (n) WHERE (n:Client AND n.id STARTS WITH 'CTEST-') OR (n:InformalCarer AND n.id STARTS WITH 'ITEST-')
                DETACH DELETE n""").run();
    }

    @Test
    void theJavaApiCreatesExactlyWhatTheStatementCreates() {
        DemoDataGenerator.Batch batch = batch();
        StatementWriter.Embedded writer = new StatementWriter.Embedded(embedded.database());

        StatementWriter.Written byCypher = writer.write(batch.query(), batch.parameters());
        List<String> cypherGraph = dump();
        remove();
        StatementWriter.Written byJavaApi = writer.write(batch.query(), batch.parameters(), batch.core());
        List<String> javaGraph = dump();

        assertThat(byCypher.nodesCreated()).isEqualTo(batch.nodes()).isEqualTo(byJavaApi.nodesCreated()).isEqualTo(6);
        assertThat(byCypher.relationshipsCreated()).isEqualTo(batch.relationships())
                .isEqualTo(byJavaApi.relationshipsCreated()).isEqualTo(17);
        assertThat(javaGraph).isEqualTo(cypherGraph);
        assertThat(cypherGraph).anySatisfy(line -> assertThat(line).contains("objections=[]:LIST<"))
                .anySatisfy(line -> assertThat(line).contains("since=2019-03-01:DATE"))
                .anySatisfy(line -> assertThat(line).contains("location=point({x: 5.1"));
    }

    @Test
    void aMissingProviderFailsTheBatchAndWritesNothing() {
        DemoDataGenerator.Batch batch = batch();
        Map<String, Object> broken = new LinkedHashMap<>(batch.parameters());
        List<Object> providers = new ArrayList<>((List<?>) broken.get("ps"));
        providers.set(0, "4:00000000-0000-0000-0000-000000000000:999999999");
        broken.put("ps", providers);
        StatementWriter.Embedded writer = new StatementWriter.Embedded(embedded.database());
        assertThatThrownBy(() -> writer.write(batch.query(), broken, new ClientCoreWrite(broken)))
                .isInstanceOf(RuntimeException.class);
        assertThat(dump()).isEmpty();
    }

    /** Three clients in Utrecht with conditions (one unknown), cares, a coordinator, free and known carers, objections. */
    private DemoDataGenerator.Batch batch() {
        List<String> providers = List.copyOf(neo4j.query("""
                        MATCH (p:Provider {municipalityCode: 'GM0344'}) WHERE p.type IN ['HUISARTS', 'WIJKVERPLEGING', 'APOTHEEK']
                        WITH p.type AS type, min(p.id) AS id RETURN id ORDER BY id""")
                .fetchAs(String.class).all());
        assertThat(providers).hasSize(3);
        Map<String, String> providerIds = new TreeMap<>();
        neo4j.query("MATCH (p:Provider) WHERE p.id IN $ids RETURN p.id AS id, elementId(p) AS e").bind(providers).to("ids")
                .fetch().all().forEach(r -> providerIds.put((String) r.get("id"), (String) r.get("e")));
        TreeMap<String, String> conditions = new TreeMap<>();
        neo4j.query("MATCH (k:Condition) RETURN k.code AS code, elementId(k) AS e").fetch().all()
                .forEach(r -> conditions.put((String) r.get("code"), (String) r.get("e")));
        String utrecht = neo4j.query("MATCH (m:Municipality {code: 'GM0344'}) RETURN elementId(m)").fetchAs(String.class)
                .one().orElseThrow();
        String ha = providers.get(0);
        String wv = providers.get(1);
        String ap = providers.get(2);
        LocalDate since = LocalDate.of(2019, 3, 1);
        List<PlannedClient> clients = List.of(
                new PlannedClient("CTEST-1", 1941, "80+", "GM0344", 52.09, 5.12, List.of("DEMENTIE", "COPD", "ONBEKEND"),
                        List.of(new PlannedClient.Care(ha, "HUISARTS", "HUISARTS", since),
                                new PlannedClient.Care(wv, "WIJKVERPLEGING", "VERPLEEGKUNDIGE", since.plusDays(40))),
                        wv, List.of(new PlannedClient.Carer("ITEST-1", "PARTNER", null),
                                new PlannedClient.Carer("ITEST-2", "KIND", wv)), List.of(ap)),
                new PlannedClient("CTEST-2", 1960, "65-74", "GM0344", 52.1, 5.13, List.of(),
                        List.of(new PlannedClient.Care(ap, "APOTHEEK", "APOTHEKER", since)), null, List.of(), List.of()),
                new PlannedClient("CTEST-3", 2001, "18-64", "GM0344", 52.08, 5.11, List.of("GGZ_ERNSTIG"),
                        List.of(new PlannedClient.Care(ha, "HUISARTS", "HUISARTS", since)), ha,
                        List.of(new PlannedClient.Carer("ITEST-3", "OUDER", ha)), List.of(ha, wv)));
        return DemoDataGenerator.clientBatch("GM0344", utrecht, List.copyOf(conditions.keySet()),
                List.copyOf(conditions.values()), clients, providerIds, () -> {
                });
    }

    /**
     * The test clients and carers and every relationship touching them: one line per node (labels), relationship
     * (type, endpoints) and property (value and type), sorted, so property order does not matter.
     */
    private List<String> dump() {
        return List.copyOf(neo4j.query("""
                MATCH (n) WHERE (n:Client AND n.id STARTS WITH 'CTEST-') OR (n:InformalCarer AND n.id STARTS WITH 'ITEST-')
                WITH collect(n) AS ns
                CALL (ns) {
                  UNWIND ns AS n
                  UNWIND [null] + keys(n) AS k
                  RETURN 'node ' + n.id + ' ' + reduce(s = '', l IN labels(n) | s + l + ' ')
                         + CASE WHEN k IS NULL THEN '' ELSE k + '=' + CASE WHEN valueType(n[k]) STARTS WITH 'LIST'
                             THEN '[' + reduce(t = '', x IN n[k] | t + toString(x) + ',') + ']' ELSE toString(n[k]) END
                           + ':' + valueType(n[k]) END AS line
                  UNION ALL
                  MATCH (a)-[r]->(b) WHERE a IN ns OR b IN ns
                  UNWIND [null] + keys(r) AS k
                  RETURN 'rel ' + type(r) + ' ' + coalesce(a.id, a.code) + ' -> ' + coalesce(b.id, b.code) + ' '
                         + CASE WHEN k IS NULL THEN '' ELSE k + '=' + toString(r[k]) + ':' + valueType(r[k]) END AS line
                }
                RETURN line ORDER BY line""").fetchAs(String.class).all());
    }
}
