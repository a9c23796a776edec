package nl.netwerkzorg.atlas.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;
import org.neo4j.values.storable.CoordinateReferenceSystem;
import org.neo4j.values.storable.Values;

/**
 * A batch of clients written through the embedded database's Java API: exactly the graph the generator's
 * {@code CREATE_CLIENTS} statement creates from the same parameters (same labels, relationship types, property names,
 * value types and directions; {@code ClientCoreWriteTest} compares the two). Parameters: {@code m} the municipality,
 * {@code ks} the conditions and {@code ps} the providers (element ids; a missing one fails the batch), {@code code} the
 * municipality code, {@code rows} as in {@code DemoDataGenerator.clientBatch}.
 */
final class ClientCoreWrite implements StatementWriter.CoreWrite {

    private static final Label CLIENT = Label.label("Client");
    private static final Label INFORMAL_CARER = Label.label("InformalCarer");
    private static final RelationshipType LIVES_IN = RelationshipType.withName("LIVES_IN");
    private static final RelationshipType HAS_CONDITION = RelationshipType.withName("HAS_CONDITION");
    private static final RelationshipType CARES_FOR = RelationshipType.withName("CARES_FOR");
    private static final RelationshipType COORDINATES = RelationshipType.withName("COORDINATES");
    private static final RelationshipType SUPPORTS = RelationshipType.withName("SUPPORTS");
    private static final RelationshipType KNOWN_TO = RelationshipType.withName("KNOWN_TO");

    private final Map<String, Object> parameters;

    ClientCoreWrite(Map<String, Object> parameters) {
        this.parameters = parameters;
    }

    @Override
    public StatementWriter.Written write(Transaction tx) {
        Node municipality = tx.getNodeByElementId((String) parameters.get("m"));
        Node[] conditions = nodes(tx, (List<?>) parameters.get("ks"));
        Node[] providers = nodes(tx, (List<?>) parameters.get("ps"));
        String code = (String) parameters.get("code");
        long nodes = 0;
        long relationships = 0;
        for (Object o : (List<?>) parameters.get("rows")) {
            List<?> r = (List<?>) o;
            Node c = tx.createNode(CLIENT);
            c.setProperty("id", r.get(0));
            c.setProperty("birthYear", r.get(1));
            c.setProperty("ageBand", r.get(2));
            c.setProperty("municipalityCode", code);
            c.setProperty("location", Values.pointValue(CoordinateReferenceSystem.WGS_84,
                    ((Number) r.get(4)).doubleValue(), ((Number) r.get(3)).doubleValue()));
            c.setProperty("objections", ((List<?>) r.get(5)).stream().map(String.class::cast).toArray(String[]::new));
            c.createRelationshipTo(municipality, LIVES_IN);
            nodes++;
            relationships++;
            for (Object k : (List<?>) r.get(6)) {
                c.createRelationshipTo(conditions[(Integer) k], HAS_CONDITION);
                relationships++;
            }
            for (Object x : (List<?>) r.get(7)) {
                List<?> care = (List<?>) x;
                Relationship rel = providers[(Integer) care.get(0)].createRelationshipTo(c, CARES_FOR);
                rel.setProperty("role", care.get(1));
                rel.setProperty("since", (LocalDate) care.get(2));
                relationships++;
            }
            for (Object p : (List<?>) r.get(8)) {
                providers[(Integer) p].createRelationshipTo(c, COORDINATES);
                relationships++;
            }
            for (Object x : (List<?>) r.get(9)) {
                carer(tx, (List<?>) x).createRelationshipTo(c, SUPPORTS);
                nodes++;
                relationships++;
            }
            for (Object x : (List<?>) r.get(10)) {
                List<?> known = (List<?>) x;
                Node carer = carer(tx, known);
                carer.createRelationshipTo(providers[(Integer) known.get(2)], KNOWN_TO);
                carer.createRelationshipTo(c, SUPPORTS);
                nodes++;
                relationships += 2;
            }
        }
        return new StatementWriter.Written(List.of(), nodes, relationships);
    }

    private static Node carer(Transaction tx, List<?> row) {
        Node carer = tx.createNode(INFORMAL_CARER);
        carer.setProperty("id", row.get(0));
        carer.setProperty("role", row.get(1));
        return carer;
    }

    private static Node[] nodes(Transaction tx, List<?> elementIds) {
        Node[] nodes = new Node[elementIds.size()];
        for (int i = 0; i < nodes.length; i++) {
            nodes[i] = tx.getNodeByElementId((String) elementIds.get(i));
        }
        return nodes;
    }
}
