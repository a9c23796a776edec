package nl.netwerkzorg.atlas.client;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The access log for client records (NEN 7513 style): who saw or exported which client's data, when, in which role,
 * doing what and in what context. Entries are only ever created; the application has no way to change or delete them.
 * Views call this through their services whenever a client's personal network or details are shown or exported.
 */
@Service
public class ClientAccessLog {

    /** What the user did with the client record. */
    public enum Action {
        /** Saw the client's personal network (who cares for them, their informal carers). */
        VIEW_NETWORK,
        /** Saw the client's details (age band, conditions, coordinator). */
        VIEW_DETAIL,
        /** Exported data containing the client. */
        EXPORT,
        /** Recorded a referral of the client to another provider. */
        REFERRAL,
        /** Changed the client's network or consent (the context says what). */
        EDIT,
        /** Wrote the client's record from an imported file or a restored backup (the context names the file). */
        IMPORT
    }

    public record Entry(String username, String role, String clientId, String action, String context, OffsetDateTime at) {
    }

    /** The statement that writes entries (public for the benchmark that measures the same work on the driver). */
    public static final String RECORD = """
            UNWIND $clients AS clientId
            CREATE (:AccessLogEntry {id: randomUUID(), at: datetime(), username: $username, role: $role,
                    clientId: clientId, action: $action, context: $context})""";

    /**
     * The statement that writes one entry only when the client is within the user's scope ({@link ClientScope}); the
     * scope condition is appended with {@code formatted} (public for the benchmark).
     */
    public static final String RECORD_IN_SCOPE = """
            MATCH (x:Client {id: $clientId}) WHERE %s
            CREATE (:AccessLogEntry {id: randomUUID(), at: datetime(), username: $username, role: $role,
                    clientId: x.id, action: $action, context: $context})""";

    private static final java.time.ZoneId AMSTERDAM = java.time.ZoneId.of("Europe/Amsterdam");

    private final Neo4jClient neo4j;

    ClientAccessLog(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** One entry per client, in one transaction. */
    @Transactional
    public void record(AtlasPrincipal user, Collection<String> clientIds, Action action, String context) {
        if (clientIds.isEmpty()) {
            return;
        }
        neo4j.query(RECORD)
                .bindAll(Map.of("clients", List.copyOf(clientIds), "username", user.username(), "role", user.role().name(),
                        "action", action.name(), "context", context))
                .run();
    }

    /**
     * One entry for a client, written only if the client is within the user's scope (the same rule that decides what
     * the user may see). A service can therefore write the entry while it reads, instead of after: a client outside the
     * scope is neither shown nor logged.
     */
    @Transactional
    public void recordIfInScope(AtlasPrincipal user, String clientId, Action action, String context) {
        Map<String, Object> parameters = new HashMap<>(ClientScope.parameters(user));
        parameters.put("clientId", clientId);
        parameters.put("username", user.username());
        parameters.put("role", user.role().name());
        parameters.put("action", action.name());
        parameters.put("context", context);
        neo4j.query(RECORD_IN_SCOPE.formatted(ClientScope.condition(user, "x"))).bindAll(parameters).run();
    }

    /** What the Toegangslog view filters on; every part optional. Dates are whole days in Europe/Amsterdam, inclusive. */
    public record Filter(String username, String clientId, Optional<Action> action, Optional<LocalDate> from,
                         Optional<LocalDate> to) {
        public static Filter none() {
            return new Filter("", "", Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** The most entries one export may hold. */
    public static final int MAX_EXPORT = 100_000;

    /** One page of entries matching the filter, newest first. Administrators only. */
    @Transactional(readOnly = true)
    public List<Entry> search(AtlasPrincipal user, Filter filter, int offset, int limit) {
        Map<String, Object> parameters = parameters(user, filter);
        parameters.put("offset", Math.max(0, offset));
        parameters.put("limit", Math.max(0, Math.min(limit, MAX_EXPORT)));
        return List.copyOf(neo4j.query(select(filter)
                        + " RETURN e.username AS username, e.role AS role, e.clientId AS clientId, e.action AS action,"
                        + " e.context AS context, e.at AS at ORDER BY e.at DESC SKIP $offset LIMIT $limit")
                .bindAll(parameters).fetchAs(Entry.class).mappedBy((types, r) -> entry(r)).all());
    }

    /** How many entries match the filter. Administrators only. */
    @Transactional(readOnly = true)
    public long count(AtlasPrincipal user, Filter filter) {
        return neo4j.query(select(filter) + " RETURN count(e)").bindAll(parameters(user, filter))
                .fetchAs(Long.class).one().orElse(0L);
    }

    /**
     * All matching entries for a CSV export (at most {@link #MAX_EXPORT}); the export itself holds client pseudonyms, so
     * it is logged too: one EXPORT entry per client in it, in the same transaction.
     */
    @Transactional
    public List<Entry> export(AtlasPrincipal user, Filter filter) {
        List<Entry> entries = search(user, filter, 0, MAX_EXPORT);
        record(user, entries.stream().map(Entry::clientId).distinct().toList(), Action.EXPORT, "Toegangslog › export CSV");
        return entries;
    }

    private static String select(Filter filter) {
        // A predicate on e.at lets the planner read the at index in order instead of sorting the whole log.
        StringBuilder q = new StringBuilder("MATCH (e:AccessLogEntry) WHERE e.at IS NOT NULL");
        if (!filter.username().isBlank()) {
            q.append(" AND e.username = $username");
        }
        if (!filter.clientId().isBlank()) {
            q.append(" AND e.clientId = $clientId");
        }
        filter.action().ifPresent(a -> q.append(" AND e.action = $action"));
        filter.from().ifPresent(d -> q.append(" AND e.at >= $from"));
        filter.to().ifPresent(d -> q.append(" AND e.at < $until"));
        return q.toString();
    }

    private static Map<String, Object> parameters(AtlasPrincipal user, Filter filter) {
        if (user.role() != Role.ADMIN) {
            throw new AccessDeniedException("Alleen een beheerder ziet de toegangslog");
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("username", filter.username().strip());
        parameters.put("clientId", filter.clientId().strip().toUpperCase(java.util.Locale.ROOT));
        filter.action().ifPresent(a -> parameters.put("action", a.name()));
        filter.from().ifPresent(d -> parameters.put("from", d.atStartOfDay(AMSTERDAM)));
        filter.to().ifPresent(d -> parameters.put("until", d.plusDays(1).atStartOfDay(AMSTERDAM)));
        return parameters;
    }

    private static Entry entry(org.neo4j.driver.Record r) {
        return new Entry(r.get("username").asString(), r.get("role").asString(), r.get("clientId").asString(),
                r.get("action").asString(), r.get("context").asString(""), r.get("at").asOffsetDateTime());
    }

    /** The newest entries about one client (tests). */
    @Transactional(readOnly = true)
    public List<Entry> entriesFor(String clientId, int limit) {
        return List.copyOf(neo4j.query("""
                        MATCH (e:AccessLogEntry {clientId: $clientId})
                        RETURN e.username AS username, e.role AS role, e.clientId AS clientId, e.action AS action,
                               e.context AS context, e.at AS at
                        ORDER BY e.at DESC LIMIT $limit""")
                .bind(clientId).to("clientId").bind(limit).to("limit")
                .fetchAs(Entry.class)
                .mappedBy((types, r) -> entry(r))
                .all());
    }
}
