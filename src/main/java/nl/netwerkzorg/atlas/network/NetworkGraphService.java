package nl.netwerkzorg.atlas.network;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import nl.netwerkzorg.atlas.base.FullTextQuery;
import nl.netwerkzorg.atlas.client.ClientAccessLog;
import nl.netwerkzorg.atlas.client.ClientScope;
import nl.netwerkzorg.atlas.network.Graph.Canvas;
import nl.netwerkzorg.atlas.network.Graph.Edge;
import nl.netwerkzorg.atlas.network.Graph.EdgeType;
import nl.netwerkzorg.atlas.network.Graph.Expansion;
import nl.netwerkzorg.atlas.network.Graph.ExpansionOption;
import nl.netwerkzorg.atlas.network.Graph.ExpansionResult;
import nl.netwerkzorg.atlas.network.Graph.Kind;
import nl.netwerkzorg.atlas.network.Graph.Node;
import nl.netwerkzorg.atlas.network.Graph.Paths;
import nl.netwerkzorg.atlas.network.Graph.RefusalReason;
import nl.netwerkzorg.atlas.network.Graph.SearchHit;
import nl.netwerkzorg.atlas.overview.SuppressedCount;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.Role;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Netwerk explorer's queries: search, what a node can be expanded with (counted first), expanding, the edges among
 * the nodes on the canvas, and shortest paths. All reads run in read-only transactions (routable in a cluster); all
 * user text and ids are parameters.
 *
 * <p>Role rules (DESIGN.md §6), applied in every query that can reach a client: organisations (providers, networks,
 * municipalities) are visible to every role. Individual clients only in scope — ADMIN all; NETWORK_MANAGER clients
 * living in their regions; CARE_STAFF clients their own provider cares for or coordinates, unless the client objected to
 * sharing with that provider; POLICY_ANALYST never — everything else arrives as a count node, suppressed below 5.
 * Opening a client's personal network is written to the access log.
 */
@Service
public class NetworkGraphService {

    /** An expansion with more neighbours than this arrives grouped by type ("124 × Apotheek"). */
    public static final int GROUP_ABOVE = 60;
    /** The most nodes one expansion (or opening one group) brings. */
    public static final int MAX_EXPANSION = 300;
    /** Nodes plus edges on the canvas, so the browser stays responsive. */
    public static final int MAX_ELEMENTS = 2_000;
    /** Longest path searched, in relationships. */
    public static final int MAX_HOPS = 6;
    public static final int SEARCH_LIMIT = 8;

    private static final Pattern AGB = Pattern.compile("\\d{8}");
    private static final Pattern CLIENT_ID = Pattern.compile("C\\d{7}|TEST-[A-Z0-9-]+", Pattern.CASE_INSENSITIVE);

    /** Whether client {@code x} is in this user's scope ({@link ClientScope}, parameters {@code $regions}, {@code $own}). */
    private static String clientScope(AtlasPrincipal user) {
        return ClientScope.condition(user, "x");
    }

    /**
     * Per expansion: a MATCH from the source ({@code $id}) to neighbours {@code x} of one kind, ending in
     * {@code WITH x, n} where n is a count carried along (shared clients) or 0. Constants, never user text.
     */
    private record Spec(Kind neighbour, String match) {
    }

    private static final Map<Expansion, List<Spec>> SPECS = specs();

    private final Neo4jClient neo4j;
    private final TransactionTemplate read;
    private final ClientAccessLog accessLog;
    private volatile Map<String, String[]> providerTypes = Map.of();

    NetworkGraphService(Neo4jClient neo4j, PlatformTransactionManager transactions, ClientAccessLog accessLog) {
        this.neo4j = neo4j;
        this.accessLog = accessLog;
        this.read = new TransactionTemplate(transactions);
        this.read.setReadOnly(true);
    }

    // ------------------------------------------------------------------------------------------------------- search

    /**
     * Suggestions for the search box: providers by words of their name or address (place) or by AGB code, narrowed by a
     * provider type named in the text ("apotheek houten"); networks by name; municipalities by name; and, for roles that
     * may see them, a client in scope by exact pseudonymous id.
     */
    public List<SearchHit> search(String text, AtlasPrincipal user, Locale locale) {
        String query = text.strip();
        if (query.length() < 2) {
            return List.of();
        }
        return inRead(() -> {
            List<SearchHit> hits = new ArrayList<>();
            Map<String, String[]> types = providerTypes();
            List<String> words = new ArrayList<>();
            Set<String> typeFilter = new LinkedHashSet<>();
            for (String word : FullTextQuery.words(query)) {
                List<String> named = typesNamed(word, types);
                if (named.isEmpty()) {
                    words.add(word);
                } else {
                    typeFilter.addAll(named);
                }
            }
            if (AGB.matcher(query).matches()) {
                hits.addAll(providerHits(neo4j.query("""
                                MATCH (x:Provider {agb: $agb})
                                RETURN x.id AS id, x.name AS label, x.type AS type, x.domain AS domain, x.address AS detail""")
                        .bind(query).to("agb").fetch().all(), locale));
            }
            if (!words.isEmpty()) {
                String lucene = FullTextQuery.allPrefixes(words);
                hits.addAll(providerHits(neo4j.query("""
                                CALL db.index.fulltext.queryNodes('provider_search', $lucene) YIELD node AS x, score
                                WHERE size($types) = 0 OR x.type IN $types
                                RETURN x.id AS id, x.name AS label, x.type AS type, x.domain AS domain, x.address AS detail
                                ORDER BY score DESC, x.name LIMIT $limit""")
                        .bindAll(Map.of("lucene", lucene, "types", List.copyOf(typeFilter), "limit", SEARCH_LIMIT))
                        .fetch().all(), locale));
                if (typeFilter.isEmpty()) {
                    neo4j.query("""
                                    CALL db.index.fulltext.queryNodes('network_search', $lucene) YIELD node AS x, score
                                    RETURN x.id AS id, x.name AS label, x.kind AS kind ORDER BY score DESC, x.name LIMIT $limit""")
                            .bindAll(Map.of("lucene", lucene, "limit", SEARCH_LIMIT / 2))
                            .fetch().all()
                            .forEach(r -> hits.add(new SearchHit(Node.of(Kind.NETWORK, str(r, "id"), str(r, "label"),
                                    str(r, "kind"), str(r, "kind"), ""), str(r, "kind"))));
                    neo4j.query("""
                                    MATCH (x:Municipality) WHERE toLower(x.name) STARTS WITH $prefix
                                    OR toLower(x.name) CONTAINS ' ' + $prefix OR x.code = toUpper($text)
                                    RETURN x.code AS id, x.name AS label ORDER BY x.name LIMIT $limit""")
                            .bindAll(Map.of("prefix", query.toLowerCase(Locale.ROOT), "text", query, "limit", SEARCH_LIMIT / 2))
                            .fetch().all()
                            .forEach(r -> hits.add(new SearchHit(Node.of(Kind.MUNICIPALITY, str(r, "id"), str(r, "label"),
                                    "", "", ""), str(r, "id"))));
                }
            } else if (!typeFilter.isEmpty()) {
                hits.addAll(providerHits(neo4j.query("""
                                MATCH (x:Provider) WHERE x.type IN $types
                                RETURN x.id AS id, x.name AS label, x.type AS type, x.domain AS domain, x.address AS detail
                                ORDER BY x.name LIMIT $limit""")
                        .bindAll(Map.of("types", List.copyOf(typeFilter), "limit", SEARCH_LIMIT)).fetch().all(), locale));
            }
            if (user.role() != Role.POLICY_ANALYST && CLIENT_ID.matcher(query).matches()) {
                neo4j.query("MATCH (x:Client {id: $id}) WHERE " + clientScope(user)
                                + " RETURN x.id AS id, coalesce(x.ageBand, '') AS ageBand, x.municipalityCode AS municipality")
                        .bindAll(scope(user, Map.of("id", query.toUpperCase(Locale.ROOT))))
                        .fetch().one()
                        .ifPresent(r -> hits.add(new SearchHit(clientNode(str(r, "id"), str(r, "ageBand")),
                                str(r, "municipality"))));
            }
            return hits.stream().distinct().toList();
        });
    }

    // ---------------------------------------------------------------------------------------------- nodes and edges

    /**
     * The nodes for these keys that exist and that this user may see (a shared link or saved view restored); group keys
     * are recomputed from their expansion; unknown or forbidden keys are left out.
     */
    public Canvas restore(List<String> keys, Set<String> sharedFor, AtlasPrincipal user, Locale locale) {
        List<String> plain = new ArrayList<>();
        // Group keys by the expansion that makes them (source|expansion), so each expansion runs once.
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        for (String key : keys) {
            Optional<Kind> kind = Graph.Kind.ofKey(key);
            if (kind.isEmpty()) {
                continue;
            }
            if (kind.get() == Kind.GROUP) {
                String id = Graph.id(key);
                groups.computeIfAbsent(id.substring(0, Math.max(0, id.lastIndexOf('|'))), g -> new LinkedHashSet<>()).add(key);
            } else {
                plain.add(key);
            }
        }
        List<Node> nodes = findNodes(plain, user, locale);
        Canvas canvas = withEdges(new Canvas(nodes, List.of()), List.of(), user);
        for (Map.Entry<String, Set<String>> group : groups.entrySet()) {
            String[] parts = group.getKey().split("\\|");
            if (parts.length != 2 || !canvas.contains(parts[0])) {
                continue;
            }
            try {
                ExpansionResult regrouped = expand(canvas, parts[0], Expansion.valueOf(parts[1]), null, user, locale);
                if (!regrouped.refused()) {
                    Set<String> keep = new LinkedHashSet<>(canvas.nodes().stream().map(Node::key).toList());
                    keep.addAll(group.getValue());
                    canvas = new Canvas(regrouped.canvas().nodes().stream().filter(n -> keep.contains(n.key())).toList(),
                            regrouped.canvas().edges().stream()
                                    .filter(e -> keep.contains(e.source()) && keep.contains(e.target())).toList());
                }
            } catch (IllegalArgumentException | AccessDeniedException e) {
                // a group of an expansion that no longer exists or is no longer allowed is left out
            }
        }
        for (String provider : sharedFor) {
            if (canvas.contains(provider)) {
                canvas = addSharedEdges(canvas, provider);
            }
        }
        return canvas;
    }

    /**
     * The canvas with one more node (a search pick) and its stored edges to the nodes already there; the derived edges
     * stay. Empty when the node does not exist or this user may not see it.
     */
    public Optional<Canvas> add(Canvas canvas, String key, AtlasPrincipal user, Locale locale) {
        List<Node> found = findNodes(List.of(key), user, locale);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<Node> nodes = new ArrayList<>(canvas.nodes());
        nodes.addAll(found);
        return Optional.of(withEdges(new Canvas(nodes, List.of()), derivedEdges(canvas), user));
    }

    /** The nodes for these (non-group) keys that exist and that this user may see. */
    private List<Node> findNodes(List<String> keys, AtlasPrincipal user, Locale locale) {
        Map<String, Object> ids = new HashMap<>();
        for (Kind kind : List.of(Kind.PROVIDER, Kind.NETWORK, Kind.MUNICIPALITY, Kind.CLIENT, Kind.INFORMAL_CARER)) {
            ids.put(kind.name(), keys.stream().filter(k -> Graph.Kind.ofKey(k).orElse(null) == kind).map(Graph::id).toList());
        }
        return inRead(() -> neo4j.query("""
                        UNWIND $PROVIDER AS id MATCH (x:Provider {id: id})
                        RETURN 'P' AS kind, x.id AS id, x.name AS label, x.type AS type, x.domain AS domain
                        UNION ALL
                        UNWIND $NETWORK AS id MATCH (x:Network {id: id})
                        RETURN 'N' AS kind, x.id AS id, x.name AS label, x.kind AS type, '' AS domain
                        UNION ALL
                        UNWIND $MUNICIPALITY AS id MATCH (x:Municipality {code: id})
                        RETURN 'M' AS kind, x.code AS id, x.name AS label, '' AS type, '' AS domain
                        UNION ALL
                        UNWIND $CLIENT AS id MATCH (x:Client {id: id}) WHERE""" + " " + clientScope(user) + """

                        RETURN 'C' AS kind, x.id AS id, coalesce(x.ageBand, '') AS label, 'CLIENT' AS type, '' AS domain
                        UNION ALL
                        UNWIND $INFORMAL_CARER AS id MATCH (i:InformalCarer {id: id})-[:SUPPORTS]->(x:Client)
                        WHERE""" + " " + clientScope(user) + """

                        RETURN 'I' AS kind, i.id AS id, i.role AS label, 'CARER' AS type, 'INFORMAL' AS domain""")
                .bindAll(scope(user, ids))
                .fetch().all()
                .stream().map(r -> node(r, locale)).toList());
    }

    /** The canvas with its stored edges recomputed from its nodes, keeping the derived edges whose ends remain. */
    private Canvas withEdges(Canvas canvas, List<Edge> derived, AtlasPrincipal user) {
        Map<Kind, List<String>> ids = new HashMap<>();
        for (Node n : canvas.nodes()) {
            ids.computeIfAbsent(n.kind(), k -> new ArrayList<>()).add(Graph.id(n.key()));
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("providers", ids.getOrDefault(Kind.PROVIDER, List.of()));
        parameters.put("networks", ids.getOrDefault(Kind.NETWORK, List.of()));
        parameters.put("municipalities", ids.getOrDefault(Kind.MUNICIPALITY, List.of()));
        parameters.put("clients", ids.getOrDefault(Kind.CLIENT, List.of()));
        parameters.put("carers", ids.getOrDefault(Kind.INFORMAL_CARER, List.of()));
        List<Edge> edges = new ArrayList<>();
        // Every relationship type is followed from its low-degree end, so a hospital with thousands of clients on the
        // canvas costs no more than its few collaborations.
        inRead(() -> neo4j.query("""
                        UNWIND $providers AS id MATCH (a:Provider {id: id})-[r:COLLABORATES_WITH]->(b:Provider) WHERE b.id IN $providers
                        RETURN 'P:' + a.id AS s, 'P:' + b.id AS t, type(r) AS type, coalesce(r.formal, false) AS formal,
                               coalesce(r.kind, '') AS detail
                        UNION ALL
                        UNWIND $providers AS id MATCH (a:Provider {id: id})-[r:MEMBER_OF]->(b:Network) WHERE b.id IN $networks
                        RETURN 'P:' + a.id AS s, 'N:' + b.id AS t, type(r) AS type, true AS formal, coalesce(r.role, '') AS detail
                        UNION ALL
                        UNWIND $providers AS id MATCH (a:Provider {id: id})-[r:SERVES|LOCATED_IN]->(b:Municipality)
                        WHERE b.code IN $municipalities
                        RETURN 'P:' + a.id AS s, 'M:' + b.code AS t, type(r) AS type, true AS formal, '' AS detail
                        UNION ALL
                        UNWIND $networks AS id MATCH (a:Network {id: id})-[r:COVERS]->(b:Municipality) WHERE b.code IN $municipalities
                        RETURN 'N:' + a.id AS s, 'M:' + b.code AS t, type(r) AS type, true AS formal, '' AS detail
                        UNION ALL
                        UNWIND $clients AS id MATCH (b:Client {id: id})<-[r:CARES_FOR|COORDINATES]-(a:Provider) WHERE a.id IN $providers
                        RETURN 'P:' + a.id AS s, 'C:' + b.id AS t, type(r) AS type, true AS formal, coalesce(r.role, '') AS detail
                        UNION ALL
                        UNWIND $clients AS id MATCH (a:Client {id: id})-[r:LIVES_IN]->(b:Municipality) WHERE b.code IN $municipalities
                        RETURN 'C:' + a.id AS s, 'M:' + b.code AS t, type(r) AS type, true AS formal, '' AS detail
                        UNION ALL
                        UNWIND $carers AS id MATCH (a:InformalCarer {id: id})-[r:SUPPORTS]->(b:Client) WHERE b.id IN $clients
                        RETURN 'I:' + a.id AS s, 'C:' + b.id AS t, type(r) AS type, false AS formal, '' AS detail
                        UNION ALL
                        UNWIND $carers AS id MATCH (a:InformalCarer {id: id})-[r:KNOWN_TO]->(b:Provider) WHERE b.id IN $providers
                        RETURN 'I:' + a.id AS s, 'P:' + b.id AS t, type(r) AS type, false AS formal, '' AS detail""")
                .bindAll(parameters)
                .fetch().all())
                .forEach(r -> {
                    EdgeType type = EdgeType.valueOf(str(r, "type"));
                    edges.add(Edge.of(str(r, "s"), str(r, "t"), type, type.formal((Boolean) r.get("formal")), 0,
                            str(r, "detail")));
                });
        Set<String> present = new LinkedHashSet<>(canvas.nodes().stream().map(Node::key).toList());
        Set<String> seen = new LinkedHashSet<>(edges.stream().map(Edge::key).toList());
        for (Edge e : derived) {
            if (present.contains(e.source()) && present.contains(e.target()) && seen.add(e.key())) {
                edges.add(e);
            }
        }
        return new Canvas(canvas.nodes(), edges);
    }

    private static List<Edge> derivedEdges(Canvas canvas) {
        return canvas.edges().stream()
                .filter(e -> e.type() == EdgeType.SHARES_CLIENTS || e.type() == EdgeType.GROUP).toList();
    }

    // ----------------------------------------------------------------------------------------------------- expanding

    /** What each expansion of this node would bring, counted; only the expansions that bring something. */
    public List<ExpansionOption> options(String key, AtlasPrincipal user) {
        Kind kind = Graph.Kind.ofKey(key).orElseThrow(() -> new IllegalArgumentException("Unknown node " + key));
        if (kind == Kind.GROUP) {
            return List.of();
        }
        requireVisible(key, kind, user);
        return inRead(() -> {
            List<ExpansionOption> options = new ArrayList<>();
            for (Expansion expansion : Expansion.of(kind)) {
                long total = 0;
                long visible = 0;
                boolean clients = false;
                for (Spec spec : SPECS.get(expansion)) {
                    clients |= spec.neighbour() == Kind.CLIENT;
                    Map<String, Object> counted = neo4j.query(spec.match() + " WITH x RETURN count(x) AS total, "
                                    + "sum(CASE WHEN " + visibleExpression(spec, user) + " THEN 1 ELSE 0 END) AS visible")
                            .bindAll(scope(user, Map.of("id", Graph.id(key)))).fetch().one().orElseThrow();
                    total += ((Number) counted.get("total")).longValue();
                    visible += ((Number) counted.get("visible")).longValue();
                }
                if (total == 0) {
                    continue;
                }
                boolean individual = !clients || visible > 0;
                long shown = clients && user.role() != Role.ADMIN ? suppressed(total) : total;
                options.add(new ExpansionOption(expansion, shown, individual));
            }
            return options;
        });
    }

    /**
     * Expands a node (or opens a group node: {@code key} is then the group's key). More than {@link #GROUP_ABOVE}
     * neighbours arrive as one group node per type; {@code type} narrows to one type. Refused, with the canvas unchanged,
     * when a group is larger than {@link #MAX_EXPANSION} or the canvas would exceed {@link #MAX_ELEMENTS}.
     */
    public ExpansionResult expand(Canvas canvas, String key, Expansion expansion, @Nullable String type, AtlasPrincipal user,
                                  Locale locale) {
        Kind kind = Graph.Kind.ofKey(key).orElseThrow(() -> new IllegalArgumentException("Unknown node " + key));
        if (kind == Kind.GROUP) {
            String[] parts = Graph.id(key).split("\\|");
            return expand(canvas, parts[0], Expansion.valueOf(parts[1]), parts[2], user, locale);
        }
        if (expansion.from() != kind) {
            throw new IllegalArgumentException(expansion + " does not apply to " + key);
        }
        requireVisible(key, kind, user);
        if (expansion == Expansion.CLIENT_NETWORK) {
            accessLog.record(user, List.of(Graph.id(key)), ClientAccessLog.Action.VIEW_NETWORK, "Netwerk: persoonlijk netwerk");
        } else if (expansion == Expansion.CARER_LINKS) {
            accessLog.record(user, inRead(() -> neo4j.query("MATCH (:InformalCarer {id: $id})-[:SUPPORTS]->(c:Client) RETURN c.id")
                    .bind(Graph.id(key)).to("id").fetchAs(String.class).all()), ClientAccessLog.Action.VIEW_NETWORK,
                    "Netwerk: mantelzorger " + Graph.id(key));
        }
        List<Node> found = new ArrayList<>();
        List<Edge> derived = new ArrayList<>(derivedEdges(canvas));
        for (Spec spec : SPECS.get(expansion)) {
            boolean clients = spec.neighbour() == Kind.CLIENT;
            Map<String, Object> parameters = new HashMap<>(scope(user, Map.of("id", Graph.id(key))));
            parameters.put("type", type);
            parameters.put("cap", (type == null ? GROUP_ABOVE : MAX_EXPANSION) + 1);
            List<Map<String, Object>> rows = clients && user.role() == Role.POLICY_ANALYST ? List.of()
                    : inRead(() -> List.copyOf(neo4j.query(spec.match() + " WITH x, n, " + typeExpression(spec) + " AS type"
                            + " WHERE ($type IS NULL OR type = $type) AND " + visibleExpression(spec, user)
                            + " RETURN " + projection(spec) + " ORDER BY n DESC, label, id LIMIT $cap")
                    .bindAll(parameters).fetch().all()));
            boolean grouped = type == null && rows.size() > GROUP_ABOVE;
            if (type != null && rows.size() > MAX_EXPANSION) {
                return ExpansionResult.refused(canvas, RefusalReason.GROUP_TOO_LARGE, groupCount(spec, key, type, user),
                        MAX_EXPANSION);
            }
            if (!grouped) {
                for (Map<String, Object> row : rows) {
                    Node node = node(row, locale);
                    found.add(node);
                    long shared = ((Number) row.get("n")).longValue();
                    if (expansion == Expansion.SHARED_CLIENTS) {
                        derived.add(sharedEdge(key, node.key(), shared));
                    }
                }
            }
            if (grouped || clients) {
                // Groups per type; for clients also the ones this user may only see as a count.
                for (Map<String, Object> group : inRead(() -> List.copyOf(neo4j.query(spec.match() + " WITH x, n, "
                                + typeExpression(spec) + " AS type WHERE $type IS NULL OR type = $type"
                                + " WITH type, x, n, " + visibleExpression(spec, user) + " AS visible"
                                + " RETURN type, count(x) AS total, sum(CASE WHEN visible THEN 1 ELSE 0 END) AS visible,"
                                + " sum(n) AS n ORDER BY total DESC, type")
                        .bindAll(parameters).fetch().all()))) {
                    String groupType = str(group, "type");
                    long total = ((Number) group.get("total")).longValue();
                    long visible = clients && user.role() == Role.POLICY_ANALYST ? 0 : ((Number) group.get("visible")).longValue();
                    if (grouped && visible > 0) {
                        found.add(groupNode(key, expansion, groupType, visible, visible <= MAX_EXPANSION, clients, locale));
                    }
                    long hidden = total - visible;
                    if (clients && hidden > 0) {
                        found.add(groupNode(key, expansion, "HIDDEN_CLIENT", suppressed(hidden), false, true, locale));
                    }
                }
            }
        }
        List<Node> added = found.stream().filter(n -> !canvas.contains(n.key())).distinct().toList();
        for (Node n : added) {
            if (n.group()) {
                derived.add(Edge.of(key, n.key(), EdgeType.GROUP, false, n.count(), ""));
            }
        }
        if (canvas.nodes().size() + added.size() > MAX_ELEMENTS / 2) {
            return ExpansionResult.refused(canvas, RefusalReason.CANVAS_FULL, canvas.nodes().size() + added.size(),
                    MAX_ELEMENTS);
        }
        List<Node> nodes = new ArrayList<>(canvas.nodes());
        nodes.addAll(added);
        // A group that has now been opened individually gives way to its members.
        if (type != null) {
            String groupKey = groupKey(key, expansion, type);
            nodes.removeIf(n -> n.key().equals(groupKey));
            derived.removeIf(e -> e.target().equals(groupKey));
        }
        Canvas grown = withEdges(new Canvas(nodes, List.of()), derived, user);
        if (grown.elements() > MAX_ELEMENTS) {
            return ExpansionResult.refused(canvas, RefusalReason.CANVAS_FULL, grown.elements(), MAX_ELEMENTS);
        }
        return new ExpansionResult(grown, added.stream().map(Node::key).toList(), null);
    }

    private long groupCount(Spec spec, String key, String type, AtlasPrincipal user) {
        Map<String, Object> parameters = new HashMap<>(scope(user, Map.of("id", Graph.id(key))));
        parameters.put("type", type);
        return inRead(() -> neo4j.query(spec.match() + " WITH x, n, " + typeExpression(spec) + " AS type"
                        + " WHERE type = $type AND " + visibleExpression(spec, user) + " RETURN count(x) AS total")
                .bindAll(parameters).fetchAs(Long.class).one().orElse(0L));
    }

    private Canvas addSharedEdges(Canvas canvas, String providerKey) {
        List<String> others = canvas.nodes().stream().filter(n -> n.kind() == Kind.PROVIDER && !n.key().equals(providerKey))
                .map(n -> Graph.id(n.key())).toList();
        List<Edge> edges = new ArrayList<>(canvas.edges());
        inRead(() -> neo4j.query("""
                        MATCH (p:Provider {id: $id})-[:CARES_FOR|COORDINATES]->(c:Client)<-[:CARES_FOR|COORDINATES]-(q:Provider)
                        WHERE q.id IN $others
                        RETURN q.id AS id, count(DISTINCT c) AS n""")
                .bind(Graph.id(providerKey)).to("id").bind(others).to("others")
                .fetch().all())
                .forEach(r -> edges.add(sharedEdge(providerKey, Kind.PROVIDER.key(str(r, "id")), ((Number) r.get("n")).longValue())));
        return new Canvas(canvas.nodes(), edges);
    }

    private static Edge sharedEdge(String a, String b, long shared) {
        String first = a.compareTo(b) < 0 ? a : b;
        String second = first.equals(a) ? b : a;
        return Edge.of(first, second, EdgeType.SHARES_CLIENTS, false, suppressed(shared), "");
    }

    // --------------------------------------------------------------------------------------------------------- paths

    /**
     * The shortest paths (at most five of the shortest length, at most {@link #MAX_HOPS} relationships) between two
     * providers or networks over formal ties — collaborations and network memberships; clients are never on a path. The
     * path nodes are added to the canvas.
     */
    public Paths paths(Canvas canvas, String from, String to, AtlasPrincipal user, Locale locale) {
        Kind a = endpoint(from);
        Kind b = endpoint(to);
        List<List<String>> paths = new ArrayList<>();
        List<Node> pathNodes = new ArrayList<>();
        inRead(() -> neo4j.query("MATCH (a:" + label(a) + " {id: $a}), (b:" + label(b) + " {id: $b})"
                        + " MATCH p = ALL SHORTEST (a)-[:COLLABORATES_WITH|MEMBER_OF]-{1," + MAX_HOPS + "}(b)"
                        + " RETURN [n IN nodes(p) | [CASE WHEN n:Provider THEN 'P' ELSE 'N' END, n.id, n.name,"
                        + " coalesce(n.type, n.kind), coalesce(n.domain, '')]] AS path LIMIT 5")
                .bind(Graph.id(from)).to("a").bind(Graph.id(to)).to("b")
                .fetch().all())
                .forEach(r -> {
                    List<String> keys = new ArrayList<>();
                    for (Object element : (List<?>) r.get("path")) {
                        List<?> n = (List<?>) element;
                        Map<String, Object> row = Map.of("kind", n.get(0), "id", n.get(1), "label", n.get(2),
                                "type", n.get(3), "domain", n.get(4));
                        Node node = node(row, locale);
                        keys.add(node.key());
                        pathNodes.add(node);
                    }
                    paths.add(keys);
                });
        if (paths.isEmpty()) {
            return new Paths(canvas, List.of(), Set.of(), 0, null);
        }
        List<Node> nodes = new ArrayList<>(canvas.nodes());
        pathNodes.stream().distinct().filter(n -> !canvas.contains(n.key())).forEach(nodes::add);
        if (nodes.size() > MAX_ELEMENTS / 2) {
            return new Paths(canvas, paths, Set.of(), paths.getFirst().size() - 1,
                    new Graph.Refusal(RefusalReason.CANVAS_FULL, nodes.size(), MAX_ELEMENTS));
        }
        Canvas grown = withEdges(new Canvas(nodes, List.of()), derivedEdges(canvas), user);
        Set<String> highlight = new LinkedHashSet<>();
        for (List<String> path : paths) {
            highlight.addAll(path);
            for (int i = 0; i + 1 < path.size(); i++) {
                String s = path.get(i);
                String t = path.get(i + 1);
                grown.edges().stream()
                        .filter(e -> (e.type() == EdgeType.COLLABORATES_WITH || e.type() == EdgeType.MEMBER_OF)
                                && (e.source().equals(s) && e.target().equals(t) || e.source().equals(t) && e.target().equals(s)))
                        .forEach(e -> highlight.add(e.key()));
            }
        }
        return new Paths(grown, paths, highlight, paths.getFirst().size() - 1, null);
    }

    private static Kind endpoint(String key) {
        Kind kind = Graph.Kind.ofKey(key).orElseThrow(() -> new IllegalArgumentException("Unknown node " + key));
        if (kind != Kind.PROVIDER && kind != Kind.NETWORK) {
            throw new IllegalArgumentException("A path connects providers and networks, not " + key);
        }
        return kind;
    }

    // ------------------------------------------------------------------------------------------------------- details

    /**
     * The properties of one node for the details panel, as label → value pairs in a fixed order (values are data, the
     * view translates the labels). Opening a client's details is written to the access log.
     */
    public Map<String, Object> details(String key, AtlasPrincipal user) {
        Kind kind = Graph.Kind.ofKey(key).orElseThrow(() -> new IllegalArgumentException("Unknown node " + key));
        requireVisible(key, kind, user);
        String query = switch (kind) {
            case PROVIDER -> """
                    MATCH (x:Provider {id: $id}) OPTIONAL MATCH (x)-[:LOCATED_IN]->(m:Municipality)
                    RETURN x.id AS id, x.name AS name, x.type AS type, x.domain AS domain, x.agb AS agb, x.kvk AS kvk,
                           x.address AS address, m.name AS municipality, m.code AS municipalityCode,
                           m.provinceCode AS provinceCode, x.acceptingClients AS acceptingClients,
                           x.waitingDays AS waitingDays, x.capacity AS capacity, x.available AS available""";
            case NETWORK -> """
                    MATCH (x:Network {id: $id})
                    RETURN x.id AS id, x.name AS name, x.kind AS kind, x.focusCondition AS focusCondition,
                           COUNT { (x)<-[:MEMBER_OF]-() } AS members, COUNT { (x)-[:COVERS]->() } AS municipalities""";
            case MUNICIPALITY -> """
                    MATCH (x:Municipality {code: $id})
                    RETURN x.code AS code, x.name AS name, x.provinceCode AS provinceCode, x.inhabitants AS inhabitants,
                           COUNT { (x)<-[:LOCATED_IN]-() } AS providers""";
            case CLIENT -> """
                    MATCH (x:Client {id: $id}) OPTIONAL MATCH (x)-[:LIVES_IN]->(m:Municipality)
                    RETURN x.id AS id, x.ageBand AS ageBand, m.name AS municipality,
                           [(x)-[:HAS_CONDITION]->(k) | k.code] AS conditions,
                           [(x)<-[:COORDINATES]-(p) | p.name] AS coordinator,
                           COUNT { (x)<-[:CARES_FOR]-() } AS providers, COUNT { (x)<-[:SUPPORTS]-() } AS informalCarers""";
            case INFORMAL_CARER -> """
                    MATCH (x:InformalCarer {id: $id})-[:SUPPORTS]->(c:Client)
                    RETURN x.id AS id, x.role AS role, c.id AS client,
                           [(x)-[:KNOWN_TO]->(p) | p.name] AS knownTo""";
            case GROUP -> "RETURN $id AS group";
        };
        if (kind == Kind.CLIENT) {
            accessLog.record(user, List.of(Graph.id(key)), ClientAccessLog.Action.VIEW_DETAIL, "Netwerk: details");
        }
        Map<String, Object> values = inRead(() -> neo4j.query(query).bind(Graph.id(key)).to("id").fetch().one()
                .orElse(Map.of()));
        Map<String, Object> ordered = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                ordered.put(k, v);
            }
        });
        return ordered;
    }

    // ------------------------------------------------------------------------------------------------------- exports

    public enum ExportFormat {
        GRAPHML, JSON, PNG, SVG
    }

    /**
     * Records an export of the visible graph: every client on it gets an access-log entry (an export containing client
     * rows, NEN 7513). Returns the file content for GraphML and JSON, and an empty string for the images the browser draws.
     */
    public String export(Canvas visible, ExportFormat format, AtlasPrincipal user) {
        List<String> clients = visible.nodes().stream().filter(n -> n.kind() == Kind.CLIENT).map(n -> Graph.id(n.key())).toList();
        accessLog.record(user, clients, ClientAccessLog.Action.EXPORT, "Netwerk: export " + format.name());
        return switch (format) {
            case GRAPHML -> GraphExport.graphMl(visible);
            case JSON -> GraphExport.kumuJson(visible);
            case PNG, SVG -> "";
        };
    }

    // ------------------------------------------------------------------------------------------------------- helpers

    /** Throws when this user may not see this node (a client outside their scope; any client for a policy analyst). */
    private void requireVisible(String key, Kind kind, AtlasPrincipal user) {
        String clientMatch = switch (kind) {
            case CLIENT -> "MATCH (x:Client {id: $id})";
            case INFORMAL_CARER -> "MATCH (:InformalCarer {id: $id})-[:SUPPORTS]->(x:Client)";
            default -> null;
        };
        if (clientMatch == null) {
            return;
        }
        boolean visible = user.role() != Role.POLICY_ANALYST && inRead(() -> neo4j.query(clientMatch + " RETURN "
                        + clientScope(user) + " AS visible")
                .bindAll(scope(user, Map.of("id", Graph.id(key)))).fetchAs(Boolean.class).one().orElse(false));
        if (!visible) {
            throw new AccessDeniedException("No access to " + key);
        }
    }

    private static Map<String, Object> scope(AtlasPrincipal user, Map<String, Object> parameters) {
        Map<String, Object> all = new HashMap<>(parameters);
        all.put("role", user.role().name());
        all.put("regions", user.regionCodes());
        all.put("own", user.provider().orElse(""));
        return all;
    }

    private static String visibleExpression(Spec spec, AtlasPrincipal user) {
        return spec.neighbour() == Kind.CLIENT ? clientScope(user) : "true";
    }

    private static String typeExpression(Spec spec) {
        return switch (spec.neighbour()) {
            case PROVIDER -> "x.type";
            case NETWORK -> "x.kind";
            case CLIENT -> "'CLIENT'";
            case INFORMAL_CARER -> "'CARER'";
            default -> "'MUNICIPALITY'";
        };
    }

    private static String projection(Spec spec) {
        return switch (spec.neighbour()) {
            case PROVIDER -> "'P' AS kind, x.id AS id, x.name AS label, x.type AS type, x.domain AS domain, n";
            case NETWORK -> "'N' AS kind, x.id AS id, x.name AS label, x.kind AS type, '' AS domain, n";
            case MUNICIPALITY -> "'M' AS kind, x.code AS id, x.name AS label, '' AS type, '' AS domain, n";
            case CLIENT -> "'C' AS kind, x.id AS id, coalesce(x.ageBand, '') AS label, 'CLIENT' AS type, '' AS domain, n";
            case INFORMAL_CARER -> "'I' AS kind, x.id AS id, x.role AS label, 'CARER' AS type, 'INFORMAL' AS domain, n";
            case GROUP -> throw new IllegalStateException("no group neighbours");
        };
    }

    private static String label(Kind kind) {
        return kind == Kind.PROVIDER ? "Provider" : "Network";
    }

    private Node node(Map<String, Object> row, Locale locale) {
        String id = str(row, "id");
        String type = str(row, "type");
        return switch (str(row, "kind")) {
            case "P" -> Node.of(Kind.PROVIDER, id, str(row, "label"), type, typeName(type, locale), str(row, "domain"));
            case "N" -> Node.of(Kind.NETWORK, id, str(row, "label"), type, type, "");
            case "M" -> Node.of(Kind.MUNICIPALITY, id, str(row, "label"), "", "", "");
            case "C" -> clientNode(id, str(row, "label"));
            case "I" -> Node.of(Kind.INFORMAL_CARER, id, str(row, "label"), "CARER", "", "INFORMAL");
            default -> throw new IllegalStateException("Unknown kind " + row.get("kind"));
        };
    }

    private static Node clientNode(String id, String ageBand) {
        return Node.of(Kind.CLIENT, id, ageBand.isEmpty() ? id : id + " · " + ageBand, "CLIENT", "", "");
    }

    private Node groupNode(String source, Expansion expansion, String type, long count, boolean expandable,
                           boolean clients, Locale locale) {
        String[] known = providerTypes().get(type);
        String domain = known == null ? "" : known[2];
        String typeName = clients ? type : typeName(type, locale);
        return new Node(groupKey(source, expansion, type), Kind.GROUP, typeName, type, typeName, domain, count, source,
                expansion, expandable);
    }

    private static String groupKey(String source, Expansion expansion, String type) {
        return Kind.GROUP.key(source + "|" + expansion.name() + "|" + type);
    }

    private List<SearchHit> providerHits(Collection<Map<String, Object>> rows, Locale locale) {
        List<SearchHit> hits = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            String type = str(r, "type");
            hits.add(new SearchHit(Node.of(Kind.PROVIDER, str(r, "id"), str(r, "label"), type, typeName(type, locale),
                    str(r, "domain")), typeName(type, locale) + " · " + str(r, "detail")));
        }
        return hits;
    }

    /** The provider types a search word names: a word of at least 4 letters that starts a type's Dutch or English name. */
    private static List<String> typesNamed(String word, Map<String, String[]> types) {
        if (word.length() < 4) {
            return List.of();
        }
        List<String> named = new ArrayList<>();
        types.forEach((code, names) -> {
            if (names[0].toLowerCase(Locale.ROOT).startsWith(word) || names[1].toLowerCase(Locale.ROOT).startsWith(word)
                    || code.toLowerCase(Locale.ROOT).equals(word)) {
                named.add(code);
            }
        });
        return named;
    }

    /** The provider type codes, in a stable order (reference data). */
    public List<String> providerTypeCodes() {
        return List.copyOf(providerTypes().keySet().stream().sorted().toList());
    }

    public String typeName(String code, Locale locale) {
        String[] names = providerTypes().get(code);
        if (names == null) {
            return code;
        }
        return "en".equals(locale.getLanguage()) ? names[1] : names[0];
    }

    /** Provider type code → [Dutch name, English name, domain]; reference data, read once. */
    private Map<String, String[]> providerTypes() {
        Map<String, String[]> types = providerTypes;
        if (types.isEmpty()) {
            Map<String, String[]> loaded = new LinkedHashMap<>();
            inRead(() -> neo4j.query("MATCH (t:ProviderType) RETURN t.code AS code, t.name AS name, "
                            + "coalesce(t.nameEn, t.name) AS nameEn, coalesce(t.domain, '') AS domain ORDER BY code")
                    .fetch().all())
                    .forEach(r -> loaded.put(str(r, "code"), new String[] {str(r, "name"), str(r, "nameEn"), str(r, "domain")}));
            types = Map.copyOf(loaded);
            providerTypes = types;
        }
        return types;
    }

    private static long suppressed(long count) {
        return SuppressedCount.of(count).value();
    }

    private static String str(Map<String, Object> row, String column) {
        Object value = row.get(column);
        if (value instanceof Value v) {
            return v.isNull() ? "" : v.asString();
        }
        return value == null ? "" : String.valueOf(value);
    }

    private <T> T inRead(java.util.function.Supplier<T> work) {
        T result = read.execute(status -> work.get());
        if (result == null) {
            throw new IllegalStateException("A read returned nothing");
        }
        return result;
    }

    private static Map<Expansion, List<Spec>> specs() {
        Map<Expansion, List<Spec>> specs = new java.util.EnumMap<>(Expansion.class);
        specs.put(Expansion.COLLABORATIONS, List.of(new Spec(Kind.PROVIDER,
                "MATCH (:Provider {id: $id})-[:COLLABORATES_WITH]-(x:Provider) WITH DISTINCT x, 0 AS n")));
        specs.put(Expansion.SHARED_CLIENTS, List.of(new Spec(Kind.PROVIDER, """
                MATCH (s:Provider {id: $id})-[:CARES_FOR|COORDINATES]->(c:Client)<-[:CARES_FOR|COORDINATES]-(x:Provider)
                WHERE x <> s WITH x, count(DISTINCT c) AS n""")));
        specs.put(Expansion.NETWORKS, List.of(new Spec(Kind.NETWORK,
                "MATCH (:Provider {id: $id})-[:MEMBER_OF]->(x:Network) WITH DISTINCT x, 0 AS n")));
        specs.put(Expansion.CLIENTS, List.of(new Spec(Kind.CLIENT,
                "MATCH (:Provider {id: $id})-[:CARES_FOR|COORDINATES]->(x:Client) WITH DISTINCT x, 0 AS n")));
        specs.put(Expansion.SERVICE_AREA, List.of(new Spec(Kind.MUNICIPALITY,
                "MATCH (:Provider {id: $id})-[:SERVES|LOCATED_IN]->(x:Municipality) WITH DISTINCT x, 0 AS n")));
        specs.put(Expansion.MEMBERS, List.of(new Spec(Kind.PROVIDER,
                "MATCH (:Network {id: $id})<-[:MEMBER_OF]-(x:Provider) WITH DISTINCT x, 0 AS n")));
        specs.put(Expansion.NETWORK_AREA, List.of(new Spec(Kind.MUNICIPALITY,
                "MATCH (:Network {id: $id})-[:COVERS]->(x:Municipality) WITH DISTINCT x, 0 AS n")));
        specs.put(Expansion.PROVIDERS_LOCATED, List.of(new Spec(Kind.PROVIDER,
                "MATCH (:Municipality {code: $id})<-[:LOCATED_IN]-(x:Provider) WITH x, 0 AS n")));
        specs.put(Expansion.NETWORKS_COVERING, List.of(new Spec(Kind.NETWORK,
                "MATCH (:Municipality {code: $id})<-[:COVERS]-(x:Network) WITH DISTINCT x, 0 AS n")));
        specs.put(Expansion.RESIDENTS, List.of(new Spec(Kind.CLIENT,
                "MATCH (:Municipality {code: $id})<-[:LIVES_IN]-(x:Client) WITH x, 0 AS n")));
        specs.put(Expansion.CLIENT_NETWORK, List.of(
                new Spec(Kind.PROVIDER, "MATCH (:Client {id: $id})<-[:CARES_FOR|COORDINATES]-(x:Provider) WITH DISTINCT x, 0 AS n"),
                new Spec(Kind.INFORMAL_CARER, "MATCH (:Client {id: $id})<-[:SUPPORTS]-(x:InformalCarer) WITH x, 0 AS n")));
        specs.put(Expansion.CARER_LINKS, List.of(
                new Spec(Kind.CLIENT, "MATCH (:InformalCarer {id: $id})-[:SUPPORTS]->(x:Client) WITH x, 0 AS n"),
                new Spec(Kind.PROVIDER, "MATCH (:InformalCarer {id: $id})-[:KNOWN_TO]->(x:Provider) WITH x, 0 AS n")));
        return Map.copyOf(specs);
    }
}
