package nl.netwerkzorg.atlas.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.netwerkzorg.atlas.network.Graph.Canvas;
import nl.netwerkzorg.atlas.network.Graph.Edge;
import nl.netwerkzorg.atlas.network.Graph.Node;
import tools.jackson.databind.json.JsonMapper;

/**
 * The visible graph as files for other tools: GraphML (Gephi, yEd, Cytoscape desktop) and JSON in Kumu's import format
 * ({@code elements} and {@code connections}). Counts below 5 are written as -1, as on screen.
 */
public final class GraphExport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GraphExport() {
    }

    public static String graphMl(Canvas canvas) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
                  <key id="label" for="node" attr.name="label" attr.type="string"/>
                  <key id="kind" for="node" attr.name="kind" attr.type="string"/>
                  <key id="type" for="node" attr.name="type" attr.type="string"/>
                  <key id="domain" for="node" attr.name="domain" attr.type="string"/>
                  <key id="count" for="node" attr.name="count" attr.type="long"/>
                  <key id="relationship" for="edge" attr.name="relationship" attr.type="string"/>
                  <key id="formal" for="edge" attr.name="formal" attr.type="boolean"/>
                  <key id="weight" for="edge" attr.name="count" attr.type="long"/>
                  <key id="detail" for="edge" attr.name="detail" attr.type="string"/>
                  <graph id="netwerkzorg-atlas" edgedefault="directed">
                """);
        for (Node n : canvas.nodes()) {
            xml.append("    <node id=\"").append(escape(n.key())).append("\">")
                    .append(data("label", n.label())).append(data("kind", n.kind().name())).append(data("type", n.type()))
                    .append(data("domain", n.domain())).append(data("count", String.valueOf(n.count())))
                    .append("</node>\n");
        }
        for (Edge e : canvas.edges()) {
            xml.append("    <edge id=\"").append(escape(e.key())).append("\" source=\"").append(escape(e.source()))
                    .append("\" target=\"").append(escape(e.target())).append("\">")
                    .append(data("relationship", e.type().name())).append(data("formal", String.valueOf(e.formal())))
                    .append(data("weight", String.valueOf(e.count()))).append(data("detail", e.detail()))
                    .append("</edge>\n");
        }
        return xml.append("  </graph>\n</graphml>\n").toString();
    }

    /** Kumu's JSON import: elements with a label and type, connections from/to with a type. */
    public static String kumuJson(Canvas canvas) {
        List<Map<String, Object>> elements = new ArrayList<>();
        for (Node n : canvas.nodes()) {
            Map<String, Object> element = new LinkedHashMap<>();
            element.put("id", n.key());
            element.put("label", n.label());
            element.put("type", n.kind().name());
            element.put("subtype", n.type());
            element.put("domain", n.domain());
            element.put("count", n.count());
            elements.add(element);
        }
        List<Map<String, Object>> connections = new ArrayList<>();
        for (Edge e : canvas.edges()) {
            Map<String, Object> connection = new LinkedHashMap<>();
            connection.put("from", e.source());
            connection.put("to", e.target());
            connection.put("type", e.type().name());
            connection.put("formal", e.formal());
            connection.put("count", e.count());
            connection.put("detail", e.detail());
            connections.add(connection);
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("elements", elements, "connections", connections));
    }

    private static String data(String key, String value) {
        return "<data key=\"" + key + "\">" + escape(value) + "</data>";
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
