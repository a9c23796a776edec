package nl.netwerkzorg.atlas.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import nl.netwerkzorg.atlas.network.Graph.Canvas;
import nl.netwerkzorg.atlas.network.Graph.Edge;
import nl.netwerkzorg.atlas.network.Graph.EdgeType;
import nl.netwerkzorg.atlas.network.Graph.Kind;
import nl.netwerkzorg.atlas.network.Graph.Node;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GraphExportTest {

    private final Canvas canvas = new Canvas(List.of(
            Node.of(Kind.PROVIDER, "P1", "Huisarts <De \"Brug\"> & Co", "HUISARTS", "Huisarts", "MEDICAL"),
            Node.of(Kind.NETWORK, "N1", "Netwerk", "WIJKTEAM", "WIJKTEAM", "")),
            List.of(Edge.of("P:P1", "N:N1", EdgeType.MEMBER_OF, true, 0, "LID")));

    @Test
    void graphMlIsWellFormedWithEscapedText() throws Exception {
        String xml = GraphExport.graphMl(canvas);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("node").getLength()).isEqualTo(2);
        assertThat(doc.getElementsByTagName("edge").getLength()).isEqualTo(1);
        assertThat(doc.getElementsByTagName("node").item(0).getTextContent()).contains("Huisarts <De \"Brug\"> & Co");
        assertThat(doc.getElementsByTagName("edge").item(0).getAttributes().getNamedItem("source").getNodeValue()).isEqualTo("P:P1");
    }

    @Test
    void kumuJsonHasElementsAndConnections() {
        JsonNode json = JsonMapper.builder().build().readTree(GraphExport.kumuJson(canvas));
        assertThat(json.get("elements")).hasSize(2);
        assertThat(json.get("elements").get(0).get("label").asString()).isEqualTo("Huisarts <De \"Brug\"> & Co");
        assertThat(json.get("connections").get(0).get("type").asString()).isEqualTo("MEMBER_OF");
        assertThat(json.get("connections").get(0).get("from").asString()).isEqualTo("P:P1");
    }
}
