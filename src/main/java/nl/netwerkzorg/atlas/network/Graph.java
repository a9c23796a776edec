package nl.netwerkzorg.atlas.network;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The vocabulary of the Netwerk explorer: nodes and edges as the canvas holds them, what can be expanded, search hits
 * and paths. A node's {@code key} is its kind's prefix and its id ({@code P:P000123}, {@code N:N00012},
 * {@code M:GM0344}, {@code C:C0000001}, {@code I:M0000001}); a group node stands for the members of one expansion of
 * one type ({@code G:P:P000123|CLIENTS|CLIENT}).
 */
public final class Graph {

    private Graph() {
    }

    /** The kinds of node on the canvas, with their key prefix. */
    public enum Kind {
        PROVIDER("P"), NETWORK("N"), MUNICIPALITY("M"), CLIENT("C"), INFORMAL_CARER("I"), GROUP("G");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String key(String id) {
            return prefix + ":" + id;
        }

        public static Optional<Kind> ofKey(String key) {
            for (Kind kind : values()) {
                if (key.startsWith(kind.prefix + ":") && key.length() > 2) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /** The id part of a key ({@code P:P000123} → {@code P000123}). */
    public static String id(String key) {
        return key.substring(key.indexOf(':') + 1);
    }

    /**
     * A node. {@code type} is the provider type code, the network kind, {@code CLIENT} for a group of clients, else empty;
     * {@code typeName} its display name in the user's language; {@code domain} MEDICAL / LONG_TERM / SOCIAL / INFORMAL
     * for providers (and groups of them), else empty. A group has its {@code count} (-1 when suppressed below 5),
     * the node it was expanded from and the expansion; {@code expandable} says whether this user may open it.
     */
    public record Node(String key, Kind kind, String label, String type, String typeName, String domain, long count,
                       @Nullable String groupSource, @Nullable Expansion groupExpansion, boolean expandable) {

        static Node of(Kind kind, String id, String label, String type, String typeName, String domain) {
            return new Node(kind.key(id), kind, label, type, typeName, domain, 1, null, null, true);
        }

        public boolean group() {
            return kind == Kind.GROUP;
        }
    }

    /** Relationship types on the canvas: the stored ones, the derived patient-sharing tie, and a group's link. */
    public enum EdgeType {
        COLLABORATES_WITH, MEMBER_OF, SERVES, LOCATED_IN, COVERS, CARES_FOR, COORDINATES, SUPPORTS, KNOWN_TO, LIVES_IN,
        SHARES_CLIENTS, GROUP;

        /** Formal ties: agreements and memberships; actual ties: shared clients and collaborations without an agreement. */
        public boolean formal(boolean formalFlag) {
            return switch (this) {
                case MEMBER_OF -> true;
                case SHARES_CLIENTS -> false;
                default -> formalFlag;
            };
        }
    }

    /**
     * An edge between two canvas nodes; {@code formal} per {@link EdgeType#formal}; {@code count} the shared clients of a
     * SHARES_CLIENTS edge or a group's size (-1 when suppressed below 5), else 0; {@code detail} e.g. the collaboration
     * kind or the care role.
     */
    public record Edge(String key, String source, String target, EdgeType type, boolean formal, long count, String detail) {

        static Edge of(String source, String target, EdgeType type, boolean formal, long count, String detail) {
            return new Edge(source + ">" + type + ">" + target, source, target, type, formal, count, detail);
        }
    }

    /** One way to grow the canvas from a node of a kind. */
    public enum Expansion {
        COLLABORATIONS(Kind.PROVIDER), SHARED_CLIENTS(Kind.PROVIDER), NETWORKS(Kind.PROVIDER), CLIENTS(Kind.PROVIDER),
        SERVICE_AREA(Kind.PROVIDER),
        MEMBERS(Kind.NETWORK), NETWORK_AREA(Kind.NETWORK),
        PROVIDERS_LOCATED(Kind.MUNICIPALITY), NETWORKS_COVERING(Kind.MUNICIPALITY), RESIDENTS(Kind.MUNICIPALITY),
        CLIENT_NETWORK(Kind.CLIENT), CARER_LINKS(Kind.INFORMAL_CARER);

        private final Kind from;

        Expansion(Kind from) {
            this.from = from;
        }

        public Kind from() {
            return from;
        }

        public static List<Expansion> of(Kind kind) {
            return java.util.Arrays.stream(values()).filter(e -> e.from == kind).toList();
        }
    }

    /**
     * What expanding would bring, counted before expanding: {@code count} neighbours ({@code -1} when a client count is
     * below 5 and suppressed); {@code individual} false when this user only gets them as a count (clients for a policy
     * analyst).
     */
    public record ExpansionOption(Expansion expansion, long count, boolean individual) {
    }

    /** Why an expansion was refused, with the numbers the message needs. */
    public enum RefusalReason {
        /** A group is larger than one expansion may bring individually. */
        GROUP_TOO_LARGE,
        /** The canvas would exceed its element limit. */
        CANVAS_FULL,
        /** This user may see these only as a count. */
        AGGREGATE_ONLY
    }

    public record Refusal(RefusalReason reason, long count, long limit) {
    }

    /** The canvas after an expansion and the keys it added; or, with the canvas unchanged, a polite refusal. */
    public record ExpansionResult(Canvas canvas, List<String> added, @Nullable Refusal refusal) {

        static ExpansionResult refused(Canvas unchanged, RefusalReason reason, long count, long limit) {
            return new ExpansionResult(unchanged, List.of(), new Refusal(reason, count, limit));
        }

        public boolean refused() {
            return refusal != null;
        }
    }

    /**
     * What the canvas holds: nodes, and all edges among them (stored relationships, recomputed from the nodes, plus the
     * derived shared-client and group edges the expansions brought).
     */
    public record Canvas(List<Node> nodes, List<Edge> edges) {

        public static final Canvas EMPTY = new Canvas(List.of(), List.of());

        public Canvas {
            nodes = List.copyOf(nodes);
            edges = List.copyOf(edges);
        }

        public Optional<Node> node(String key) {
            return nodes.stream().filter(n -> n.key().equals(key)).findFirst();
        }

        public boolean contains(String key) {
            return nodes.stream().anyMatch(n -> n.key().equals(key));
        }

        public int elements() {
            return nodes.size() + edges.size();
        }

        /** Without these nodes and their edges. */
        public Canvas without(java.util.Collection<String> keys) {
            java.util.Set<String> gone = java.util.Set.copyOf(keys);
            return new Canvas(nodes.stream().filter(n -> !gone.contains(n.key())).toList(),
                    edges.stream().filter(e -> !gone.contains(e.source()) && !gone.contains(e.target())).toList());
        }
    }

    /** A search suggestion; picking it puts {@code node} on the canvas. */
    public record SearchHit(Node node, String detail) {
    }

    /**
     * Shortest paths between two nodes over formal ties (collaborations, network memberships): the canvas with the path
     * nodes added, and the keys of the path nodes and edges to highlight; {@code hops} 0 when there is no path within
     * the limit.
     */
    public record Paths(Canvas canvas, List<List<String>> paths, java.util.Set<String> highlight, int hops,
                        @Nullable Refusal refusal) {
    }
}
