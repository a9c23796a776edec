package nl.netwerkzorg.atlas.client;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import nl.netwerkzorg.atlas.client.Clients.Carer;
import nl.netwerkzorg.atlas.client.Clients.Detail;
import nl.netwerkzorg.atlas.client.Clients.EditRefused;
import nl.netwerkzorg.atlas.client.Clients.Event;
import nl.netwerkzorg.atlas.client.Clients.Evidence;
import nl.netwerkzorg.atlas.client.Clients.Filter;
import nl.netwerkzorg.atlas.client.Clients.MissingType;
import nl.netwerkzorg.atlas.client.Clients.Named;
import nl.netwerkzorg.atlas.client.Clients.NetworkTie;
import nl.netwerkzorg.atlas.client.Clients.Professional;
import nl.netwerkzorg.atlas.client.Clients.Row;
import nl.netwerkzorg.atlas.client.Clients.Tie;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.Role;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clients and their personal networks for the Cliënten views: the list (scoped by role through {@link ClientScope},
 * paged in the database), one client's detail with the evidence behind their flags, the CSV export, and the edits of a
 * network. A policy analyst gets no individual client from here at all. Every detail view, every exported client row
 * and every edit writes exactly one entry in the {@link ClientAccessLog}, in the same transaction as the read or write.
 */
@Service
public class ClientService {

    /** The most rows one export may hold; a larger selection is refused with a message to narrow it. */
    public static final int MAX_EXPORT_ROWS = 50_000;
    static final String CONTEXT_DETAIL = "Cliënten › cliëntpagina";
    static final String CONTEXT_EXPORT = "Cliënten › export CSV";
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private static final String ROW = """
            OPTIONAL MATCH (c)-[:LIVES_IN]->(m:Municipality)
            RETURN i, c.id AS id, c.ageBand AS ageBand, c.municipalityCode AS municipalityCode, m.name AS municipalityName,
                   [(c)-[:HAS_CONDITION]->(k:Condition) | [k.code, k.name, k.nameEn]] AS conditions,
                   coalesce(c.flags, []) AS flags,
                   COUNT { (c)<-[:CARES_FOR|COORDINATES]-(:Provider) } AS professionals,
                   [(c)<-[:COORDINATES]-(p:Provider) | p.name] AS coordinators
            ORDER BY i, id""";

    private final Neo4jClient neo4j;
    private final ClientAccessLog accessLog;
    private final ClientQualityRules rules;

    ClientService(Neo4jClient neo4j, ClientAccessLog accessLog, ClientQualityRules rules) {
        this.neo4j = neo4j;
        this.accessLog = accessLog;
        this.rules = rules;
    }

    // --- list -------------------------------------------------------------------------------------------------------

    /** One page of the clients this user may see that match the filter, ordered by pseudonym. */
    @Transactional(readOnly = true)
    public List<Row> page(AtlasPrincipal user, Filter filter, int offset, int limit, Locale locale) {
        Map<String, Object> parameters = parameters(user, filter);
        parameters.put("offset", Math.max(0, offset));
        parameters.put("limit", Math.max(0, Math.min(limit, 1_000)));
        boolean english = english(locale);
        return List.copyOf(neo4j.query(select(user, filter) + "\nWITH i, c SKIP $offset LIMIT $limit\n" + ROW)
                .bindAll(parameters)
                .fetchAs(Row.class).mappedBy((types, r) -> row(r, english))
                .all());
    }

    /** How many clients this user may see match the filter. */
    @Transactional(readOnly = true)
    public long count(AtlasPrincipal user, Filter filter) {
        String query = user.role() == Role.CARE_STAFF ? select(user, filter) + "\nRETURN count(c) AS n" : """
                UNWIND $scope AS code
                CALL (code) {
                  MATCH (c:Client) WHERE c.municipalityCode = code""" + where(filter) + """

                  RETURN count(c) AS n
                }
                RETURN sum(n) AS n""";
        if (user.role() == Role.POLICY_ANALYST) {
            throw new AccessDeniedException("Beleidsmedewerkers zien geen individuele cliënten");
        }
        return neo4j.query(query)
                .bindAll(parameters(user, filter))
                .fetchAs(Long.class).one().orElse(0L);
    }

    /**
     * All matching rows for a CSV export (at most {@link #MAX_EXPORT_ROWS}), with one access-log entry per exported
     * client written in the same transaction. A larger selection is refused before anything is read or logged.
     */
    @Transactional
    public List<Row> export(AtlasPrincipal user, Filter filter, Locale locale) {
        long matching = count(user, filter);
        if (matching > MAX_EXPORT_ROWS) {
            throw new EditRefused("clients.export.tooMany", matching, MAX_EXPORT_ROWS);
        }
        List<Row> rows = allRows(user, filter, locale);
        accessLog.record(user, rows.stream().map(Row::id).toList(), ClientAccessLog.Action.EXPORT,
                CONTEXT_EXPORT + describe(filter));
        return rows;
    }

    private List<Row> allRows(AtlasPrincipal user, Filter filter, Locale locale) {
        Map<String, Object> parameters = parameters(user, filter);
        boolean english = english(locale);
        return List.copyOf(neo4j.query(select(user, filter) + "\nWITH i, c\n" + ROW)
                .bindAll(parameters)
                .fetchAs(Row.class).mappedBy((types, r) -> row(r, english))
                .all());
    }

    private static String describe(Filter filter) {
        List<String> parts = new ArrayList<>();
        filter.municipalityCode().ifPresent(m -> parts.add("gemeente " + m));
        filter.flag().ifPresent(f -> parts.add("signaal " + f.name()));
        filter.conditionCode().ifPresent(k -> parts.add("zorgvraag " + k));
        if (!filter.idPrefix().isBlank()) {
            parts.add("pseudoniem " + filter.idPrefix().strip() + "…");
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    /** The municipalities whose clients the user may see in lists: a network manager's regions; empty for others. */
    @Transactional(readOnly = true)
    public List<Named> municipalitiesInScope(AtlasPrincipal user) {
        String where = user.role() == Role.NETWORK_MANAGER
                ? "WHERE EXISTS { (m)-[:IN_REGION]->(r:Region) WHERE r.code IN $regions }" : "";
        return List.copyOf(neo4j.query("MATCH (m:Municipality) " + where + " RETURN m.code AS code, m.name AS name ORDER BY name")
                .bind(user.regionCodes()).to("regions")
                .fetchAs(Named.class).mappedBy((types, r) -> new Named(r.get("code").asString(), r.get("name").asString()))
                .all());
    }

    /** The conditions (zorgvragen), named in the reader's language. */
    @Transactional(readOnly = true)
    public List<Named> conditions(Locale locale) {
        boolean english = english(locale);
        return List.copyOf(neo4j.query("MATCH (k:Condition) RETURN k.code AS code, k.name AS name, k.nameEn AS nameEn ORDER BY code")
                .fetchAs(Named.class).mappedBy((types, r) -> new Named(r.get("code").asString(),
                        english ? r.get("nameEn").asString(r.get("name").asString()) : r.get("name").asString()))
                .all());
    }

    /**
     * The clients in scope matching the filter, as rows {@code i, c} in list order: for an administrator or a network
     * manager municipality by municipality (by name; {@code i} is the position), each in pseudonym order, read through
     * the (municipalityCode, id) index or, with a flag, the small index of that flag — so a page stops reading once it is
     * full. For care staff their provider's clients in pseudonym order. Constants only, never user text.
     */
    private String select(AtlasPrincipal user, Filter filter) {
        String where = where(filter);
        return switch (user.role()) {
            case ADMIN, NETWORK_MANAGER -> """
                    UNWIND range(0, size($scope) - 1) AS i
                    CALL (i) {
                      MATCH (c:Client) WHERE c.municipalityCode = $scope[i]""" + where + """

                      RETURN c ORDER BY c.id
                    }""";
            case CARE_STAFF -> "MATCH (:Provider {id: $own})-[:CARES_FOR|COORDINATES]->(c:Client) WITH DISTINCT c"
                    + " WHERE NOT $own IN coalesce(c.objections, [])" + where
                    + (filter.municipalityCode().isPresent() ? " AND c.municipalityCode = $municipality" : "")
                    + " WITH 0 AS i, c ORDER BY c.id";
            case POLICY_ANALYST -> throw new AccessDeniedException("Beleidsmedewerkers zien geen individuele cliënten");
        };
    }

    /** The filter's conditions on {@code c} beyond scope and municipality. */
    private static String where(Filter filter) {
        StringBuilder where = new StringBuilder(" AND c.id STARTS WITH $prefix");
        filter.flag().ifPresent(f -> where.append(" AND c.").append(ClientQualityRules.property(f)).append(" = true"));
        filter.conditionCode().ifPresent(k -> where.append(" AND EXISTS { (c)-[:HAS_CONDITION]->(:Condition {code: $condition}) }"));
        return where.toString();
    }

    private Map<String, Object> parameters(AtlasPrincipal user, Filter filter) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("prefix", filter.idPrefix().strip().toUpperCase(Locale.ROOT));
        parameters.put("own", user.provider().orElse(""));
        if (user.role() == Role.NETWORK_MANAGER || user.role() == Role.ADMIN) {
            List<String> scope = municipalitiesInScope(user).stream().map(Named::code).toList();
            parameters.put("scope", filter.municipalityCode().map(m -> scope.contains(m) ? List.of(m) : List.<String>of())
                    .orElse(scope));
        }
        filter.municipalityCode().ifPresent(m -> parameters.put("municipality", m));
        filter.flag().ifPresent(f -> parameters.put("flag", f.name()));
        filter.conditionCode().ifPresent(k -> parameters.put("condition", k));
        return parameters;
    }

    private static Row row(org.neo4j.driver.Record r, boolean english) {
        return new Row(r.get("id").asString(), r.get("ageBand").asString(""),
                new Named(r.get("municipalityCode").asString(""), r.get("municipalityName").asString("")),
                named(r.get("conditions"), english),
                ClientFlag.of(r.get("flags").asList(Value::asString)),
                r.get("professionals").asInt(),
                r.get("coordinators").asList(Value::asString));
    }

    private static List<Named> named(Value triples, boolean english) {
        return triples.asList(v -> new Named(v.get(0).asString(),
                english && !v.get(2).isNull() ? v.get(2).asString() : v.get(1).asString()));
    }

    private static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }

    // --- detail -----------------------------------------------------------------------------------------------------

    /**
     * One client's page, if the user may see the client; writes one VIEW_DETAIL entry in the access log in the same
     * transaction (nothing when the client is outside the user's scope or does not exist). The flags are evaluated anew
     * and stored, so the list catches up with changes around the client.
     */
    @Transactional
    public Optional<Detail> detail(AtlasPrincipal user, String clientId, Locale locale) {
        Optional<Detail> detail = read(user, clientId, locale);
        detail.ifPresent(d -> accessLog.record(user, List.of(d.id()), ClientAccessLog.Action.VIEW_DETAIL, CONTEXT_DETAIL));
        return detail;
    }

    /** The client's page without an access-log entry: only for the caller that logs (a view, or an edit showing its result). */
    private Optional<Detail> read(AtlasPrincipal user, String clientId, Locale locale) {
        if (user.role() == Role.POLICY_ANALYST) {
            throw new AccessDeniedException("Beleidsmedewerkers zien geen individuele cliënten");
        }
        boolean english = english(locale);
        Map<String, Object> parameters = new HashMap<>(ClientQualityRules.PARAMETERS);
        parameters.putAll(ClientScope.parameters(user));
        parameters.put("id", clientId);
        parameters.put("now", OffsetDateTime.now());
        Map<String, String> typeNames = typeNames(english);
        return neo4j.query("MATCH (c:Client {id: $id}) WHERE " + ClientScope.condition(user, "c") + "\n"
                        + ClientQualityRules.RULES + "\n" + """
""" + ClientQualityRules.STORE + "\n" + """
                        WITH c, professionals, missing, unlinkedCarers, isolated, prescribers, flags
                        OPTIONAL MATCH (c)-[:LIVES_IN]->(m:Municipality)
                        CALL (professionals) {
                          UNWIND professionals AS a
                          UNWIND professionals AS b
                          WITH a, b WHERE a.id < b.id
                          WITH a, b, EXISTS { (a)-[:COLLABORATES_WITH]-(b) } AS formal, EXISTS { (a)-[:SHARES_CLIENTS]-(b) } AS shared
                          WHERE formal OR shared
                          RETURN collect([a.id, b.id, CASE WHEN formal THEN 'COLLABORATION' ELSE 'SHARED_CLIENTS' END]) AS ties
                        }
                        CALL (c, professionals, m) {
                          UNWIND professionals AS p
                          MATCH (p)-[:MEMBER_OF]->(n:Network)
                          WHERE EXISTS { (n)-[:COVERS]->(m) } OR EXISTS { (n)-[:COVERS]->(:Region)<-[:IN_REGION]-(m) }
                          RETURN collect([n.id, n.name, n.kind, p.id]) AS networks
                        }
                        RETURN c.id AS id, c.ageBand AS ageBand, c.birthYear AS birthYear, m.code AS municipalityCode,
                               m.name AS municipalityName, c.flagsComputedAt AS flagsComputedAt,
                               [(c)-[:HAS_CONDITION]->(k:Condition) | [k.code, k.name, k.nameEn]] AS conditions,
                               [(c)<-[r:CARES_FOR]-(p:Provider) | [p.id, r.role, r.since]] AS cares,
                               [(c)<-[r:COORDINATES]-(p:Provider) | [p.id, r.since]] AS coordinates,
                               [(c)<-[r:CARED_FOR]-(p:Provider) | [p.id, p.name, r.since, r.until]] AS ended,
                               [(c)<-[r:COORDINATED]-(p:Provider) | [p.id, p.name, r.since, r.until]] AS endedCoordination,
                               [p IN professionals | [p.id, p.name, p.type, p.domain]] AS professionals,
                               [(c)<-[s:SUPPORTS]-(k:InformalCarer) | [k.id, k.role, s.since, [(k)-[:KNOWN_TO]->(q:Provider) | q.id]]] AS carers,
                               [o IN coalesce(c.objections, []) | [o, COLLECT { MATCH (q:Provider {id: o}) RETURN q.name }]] AS objections,
                               missing, unlinkedCarers, isolated, prescribers, flags, ties, networks""")
                .bindAll(parameters)
                .fetchAs(Detail.class).mappedBy((types, r) -> detail(r, english, typeNames))
                .one();
    }

    private Map<String, String> typeNames(boolean english) {
        Map<String, String> names = new HashMap<>();
        neo4j.query("MATCH (t:ProviderType) RETURN t.code AS code, t.name AS name, t.nameEn AS nameEn").fetch().all()
                .forEach(t -> names.put((String) t.get("code"),
                        (String) (english && t.get("nameEn") != null ? t.get("nameEn") : t.get("name"))));
        return names;
    }

    private static Detail detail(org.neo4j.driver.Record r, boolean english, Map<String, String> typeNames) {
        List<Named> conditions = named(r.get("conditions"), english);
        Map<String, String> conditionNames = new HashMap<>();
        conditions.forEach(k -> conditionNames.put(k.code(), k.name()));
        Map<String, Value> cares = new HashMap<>();
        r.get("cares").values().forEach(v -> cares.put(v.get(0).asString(), v));
        Map<String, @Nullable LocalDate> coordinators = new HashMap<>();
        r.get("coordinates").values().forEach(v -> coordinators.put(v.get(0).asString(), date(v.get(1))));
        List<String> objectedIds = r.get("objections").asList(v -> v.get(0).asString());
        Map<String, String> names = new HashMap<>();
        List<Professional> professionals = new ArrayList<>();
        for (Value p : r.get("professionals").values()) {
            String id = p.get(0).asString();
            names.put(id, p.get(1).asString(""));
            Value care = cares.get(id);
            String type = p.get(2).asString("");
            professionals.add(new Professional(id, p.get(1).asString(""), type, typeNames.getOrDefault(type, type),
                    p.get(3).asString(""), care == null ? "COORDINATOR" : care.get(1).asString("ZORGVERLENER"),
                    care == null ? coordinators.get(id) : date(care.get(2)), coordinators.containsKey(id),
                    objectedIds.contains(id)));
        }
        professionals.sort(Comparator.comparing((Professional p) -> !p.coordinator()).thenComparing(Professional::typeName)
                .thenComparing(Professional::name));
        List<Carer> carers = r.get("carers").asList(v -> new Carer(v.get(0).asString(), v.get(1).asString(""),
                v.get(3).asList(Value::asString), date(v.get(2))));
        List<Event> timeline = new ArrayList<>();
        for (Value care : r.get("cares").values()) {
            LocalDate since = date(care.get(2));
            if (since != null) {
                timeline.add(new Event(since, "JOINED", care.get(0).asString(), names.getOrDefault(care.get(0).asString(), "")));
            }
        }
        coordinators.forEach((id, since) -> {
            if (since != null) {
                timeline.add(new Event(since, "COORDINATOR_SET", id, names.getOrDefault(id, "")));
            }
        });
        for (Value e : r.get("ended").values()) {
            addEnded(timeline, e, "JOINED", "LEFT");
        }
        for (Value e : r.get("endedCoordination").values()) {
            addEnded(timeline, e, "COORDINATOR_SET", "COORDINATOR_ENDED");
        }
        for (Carer carer : carers) {
            if (carer.since() != null) {
                timeline.add(new Event(carer.since(), "CARER_ADDED", carer.id(), carer.role()));
            }
        }
        timeline.sort(Comparator.comparing(Event::date).reversed().thenComparing(Event::kind));
        List<NetworkTie> networks = r.get("networks").asList(v -> new NetworkTie(v.get(0).asString(), v.get(1).asString(""),
                v.get(2).asString(""), v.get(3).asString()));
        List<Tie> ties = r.get("ties").asList(v -> new Tie(v.get(0).asString(), v.get(1).asString(), v.get(2).asString()));
        List<Named> objections = r.get("objections").asList(v -> new Named(v.get(0).asString(),
                v.get(1).isEmpty() ? v.get(0).asString() : v.get(1).get(0).asString()));
        List<MissingType> missing = r.get("missing").asList(v -> {
            String type = v.get("type").asString();
            return new MissingType(type, typeNames.getOrDefault(type, type), v.get("conditions").asList(k ->
                    new Named(k.asString(), conditionNames.getOrDefault(k.asString(), k.asString()))));
        });
        missing = missing.stream().sorted(Comparator.comparing(MissingType::typeName)).toList();
        Evidence evidence = new Evidence(ClientFlag.of(r.get("flags").asList(Value::asString)), missing,
                r.get("unlinkedCarers").asList(Value::asString), r.get("isolated").asList(Value::asString),
                r.get("prescribers").asList(Value::asString));
        Value birthYear = r.get("birthYear");
        Value computed = r.get("flagsComputedAt");
        return new Detail(r.get("id").asString(), r.get("ageBand").asString(""), birthYear.isNull() ? null : birthYear.asInt(),
                new Named(r.get("municipalityCode").asString(""), r.get("municipalityName").asString("")), conditions,
                List.copyOf(professionals), carers, networks, ties, List.copyOf(timeline), objections, evidence,
                computed.isNull() ? null : computed.asOffsetDateTime());
    }

    private static void addEnded(List<Event> timeline, Value e, String startKind, String endKind) {
        LocalDate since = date(e.get(2));
        LocalDate until = date(e.get(3));
        if (since != null) {
            timeline.add(new Event(since, startKind, e.get(0).asString(), e.get(1).asString("")));
        }
        if (until != null) {
            timeline.add(new Event(until, endKind, e.get(0).asString(), e.get(1).asString("")));
        }
    }

    private static @Nullable LocalDate date(Value v) {
        return v.isNull() ? null : v.asLocalDate();
    }

    /**
     * Providers whose name, address or AGB match the typed words (full-text, every word a prefix), the closest to the
     * client's home first — for "add a provider to the network". At most 20.
     */
    @Transactional(readOnly = true)
    public List<Named> findProviders(String text, String clientId, Locale locale) {
        List<String> words = nl.netwerkzorg.atlas.base.FullTextQuery.words(text);
        if (words.isEmpty()) {
            return List.of();
        }
        Map<String, String> types = typeNames(english(locale));
        return List.copyOf(neo4j.query("""
                        CALL db.index.fulltext.queryNodes('provider_search', $lucene) YIELD node, score
                        WITH node, score ORDER BY score DESC LIMIT 200
                        OPTIONAL MATCH (c:Client {id: $client})
                        WITH node, point.distance(node.location, c.location) AS metres
                        RETURN node.id AS id, node.name AS name, node.type AS type, node.address AS address, metres
                        ORDER BY metres IS NULL, metres, name LIMIT 20""")
                .bind(nl.netwerkzorg.atlas.base.FullTextQuery.allPrefixes(words)).to("lucene").bind(clientId).to("client")
                .fetchAs(Named.class).mappedBy((t, r) -> new Named(r.get("id").asString(), r.get("name").asString("")
                        + " · " + types.getOrDefault(r.get("type").asString(""), r.get("type").asString(""))
                        + (r.get("address").isNull() ? "" : " · " + r.get("address").asString())
                        + (r.get("metres").isNull() ? "" : String.format(locale, " · %.1f km", r.get("metres").asDouble() / 1000))))
                .all());
    }

    // --- edits ------------------------------------------------------------------------------------------------------

    // Edits return the client's page after the edit (read in the same transaction), or empty when the edit took the client
    // out of the user's scope (care staff ending their own provider's involvement, or recording an objection to it).

    /** A provider joins the client's network from {@code since} (not in the future) in the given role. */
    @Transactional
    public Optional<Detail> addInvolvement(AtlasPrincipal user, String clientId, String providerId, String role, LocalDate since,
            Locale locale) {
        State s = state(user, clientId, providerId);
        if (!Clients.CARE_ROLES.contains(role)) {
            throw new EditRefused("clients.edit.error.role", role);
        }
        if (since.isAfter(today())) {
            throw new EditRefused("clients.edit.error.futureStart");
        }
        if (s.caring) {
            throw new EditRefused("clients.edit.error.alreadyInvolved", s.providerName);
        }
        if (s.objected) {
            throw new EditRefused("clients.edit.error.objected", s.providerName);
        }
        write("""
                MATCH (c:Client {id: $client}), (p:Provider {id: $provider})
                CREATE (p)-[:CARES_FOR {role: $role, since: $since, addedBy: $username}]->(c)""",
                Map.of("client", clientId, "provider", providerId, "role", role, "since", since, "username", user.username()));
        done(user, clientId, "Betrokkenheid toegevoegd: " + s.providerName + " (" + role + ") vanaf " + since);
        return read(user, clientId, locale);
    }

    /**
     * A provider's involvement ends on {@code until}: today or earlier, and not before it began. The coordinator's
     * involvement cannot end while they coordinate. The ended involvement stays as {@code CARED_FOR} for the timeline.
     */
    @Transactional
    public Optional<Detail> endInvolvement(AtlasPrincipal user, String clientId, String providerId, LocalDate until, Locale locale) {
        State s = state(user, clientId, providerId);
        if (!s.caring) {
            throw new EditRefused("clients.edit.error.notInvolved", s.providerName);
        }
        if (s.since != null && until.isBefore(s.since)) {
            throw new EditRefused("clients.edit.error.endBeforeStart", until, s.since);
        }
        if (until.isAfter(today())) {
            throw new EditRefused("clients.edit.error.futureEnd");
        }
        if (s.coordinating) {
            throw new EditRefused("clients.edit.error.endCoordinator", s.providerName);
        }
        write("""
                MATCH (c:Client {id: $client})<-[r:CARES_FOR]-(p:Provider {id: $provider})
                CREATE (p)-[:CARED_FOR {role: r.role, since: r.since, until: $until, endedBy: $username}]->(c)
                DELETE r""", Map.of("client", clientId, "provider", providerId, "until", until, "username", user.username()));
        done(user, clientId, "Betrokkenheid beëindigd: " + s.providerName + " per " + until);
        return read(user, clientId, locale);
    }

    /** The provider becomes the client's coordinator; they must be in the network. The previous coordination ends today. */
    @Transactional
    public Optional<Detail> setCoordinator(AtlasPrincipal user, String clientId, String providerId, Locale locale) {
        State s = state(user, clientId, providerId);
        if (!s.caring) {
            throw new EditRefused("clients.edit.error.coordinatorNotInNetwork", s.providerName);
        }
        if (s.coordinating) {
            throw new EditRefused("clients.edit.error.alreadyCoordinator", s.providerName);
        }
        if (s.objected) {
            throw new EditRefused("clients.edit.error.objected", s.providerName);
        }
        write("""
                MATCH (c:Client {id: $client}), (p:Provider {id: $provider})
                CALL (c) {
                  MATCH (c)<-[old:COORDINATES]-(q:Provider)
                  CREATE (q)-[:COORDINATED {since: old.since, until: $today, endedBy: $username}]->(c)
                  DELETE old
                }
                CREATE (p)-[:COORDINATES {since: $today, setBy: $username}]->(c)""",
                Map.of("client", clientId, "provider", providerId, "today", today(), "username", user.username()));
        done(user, clientId, "Coördinator ingesteld: " + s.providerName);
        return read(user, clientId, locale);
    }

    /**
     * An informal carer (a role only, no personal details) starts supporting the client, optionally in contact with one
     * of the client's professionals.
     */
    @Transactional
    public Optional<Detail> addInformalCarer(AtlasPrincipal user, String clientId, String role, Optional<String> knownTo,
            Locale locale) {
        if (!Clients.CARER_ROLES.contains(role)) {
            throw new EditRefused("clients.edit.error.carerRole", role);
        }
        String contact = knownTo.orElse("");
        State s = state(user, clientId, contact);
        if (!contact.isEmpty() && !s.caring) {
            throw new EditRefused("clients.edit.error.contactNotInNetwork", s.providerName);
        }
        String id = "M-" + java.util.UUID.randomUUID();
        write("""
                MATCH (c:Client {id: $client})
                CREATE (k:InformalCarer {id: $id, role: $role})-[:SUPPORTS {since: $today, addedBy: $username}]->(c)
                WITH k
                OPTIONAL MATCH (p:Provider {id: $contact})
                FOREACH (x IN CASE WHEN p IS NULL THEN [] ELSE [p] END | CREATE (k)-[:KNOWN_TO]->(x))""",
                Map.of("client", clientId, "id", id, "role", role, "today", today(), "username", user.username(),
                        "contact", contact));
        done(user, clientId, "Mantelzorger toegevoegd: " + role + (contact.isEmpty() ? "" : ", in contact met " + s.providerName));
        return read(user, clientId, locale);
    }

    /**
     * Records (or withdraws) the client's objection to sharing their data with a named provider. While it stands, that
     * provider's staff do not see the client, partner search does not propose the provider and a referral to it is
     * refused. The coordinator cannot be objected to while they coordinate: choose another coordinator first.
     */
    @Transactional
    public Optional<Detail> setObjection(AtlasPrincipal user, String clientId, String providerId, boolean objected, Locale locale) {
        State s = state(user, clientId, providerId);
        if (objected && s.objected) {
            throw new EditRefused("clients.edit.error.alreadyObjected", s.providerName);
        }
        if (!objected && !s.objected) {
            throw new EditRefused("clients.edit.error.noObjection", s.providerName);
        }
        if (objected && s.coordinating) {
            throw new EditRefused("clients.edit.error.objectCoordinator", s.providerName);
        }
        write(objected
                ? "MATCH (c:Client {id: $client}) SET c.objections = coalesce(c.objections, []) + $provider"
                : "MATCH (c:Client {id: $client}) SET c.objections = [o IN coalesce(c.objections, []) WHERE o <> $provider]",
                Map.of("client", clientId, "provider", providerId));
        done(user, clientId, (objected ? "Bezwaar vastgelegd tegen delen met " : "Bezwaar ingetrokken tegen delen met ")
                + s.providerName);
        return read(user, clientId, locale);
    }

    /** What an edit needs to know, read in the edit's transaction. */
    private record State(String providerName, boolean known, boolean caring, boolean coordinating, boolean objected,
                         @Nullable LocalDate since) {
    }

    private State state(AtlasPrincipal user, String clientId, String providerId) {
        if (user.role() == Role.POLICY_ANALYST) {
            throw new AccessDeniedException("Beleidsmedewerkers wijzigen geen cliëntnetwerken");
        }
        Map<String, Object> parameters = new HashMap<>(ClientScope.parameters(user));
        parameters.put("client", clientId);
        parameters.put("provider", providerId);
        // The first write takes the client's lock, so two edits of one client run one after the other, each seeing the
        // other's outcome (a refused edit rolls back, so the mark goes too).
        Optional<State> state = neo4j.query("MATCH (c:Client {id: $client}) WHERE " + ClientScope.condition(user, "c") + """

                        SET c.lastEditedAt = datetime()
                        WITH c
                        OPTIONAL MATCH (p:Provider {id: $provider})
                        OPTIONAL MATCH (p)-[r:CARES_FOR]->(c)
                        RETURN p IS NOT NULL AS known, p.name AS name, r IS NOT NULL AS caring, r.since AS since,
                               p IS NOT NULL AND EXISTS { (p)-[:COORDINATES]->(c) } AS coordinating,
                               $provider IN coalesce(c.objections, []) AS objected""")
                .bindAll(parameters)
                .fetchAs(State.class).mappedBy((types, r) -> new State(r.get("name").asString(providerId),
                        r.get("known").asBoolean(), r.get("caring").asBoolean(), r.get("coordinating").asBoolean(),
                        r.get("objected").asBoolean(), date(r.get("since"))))
                .one();
        State found = state.orElseThrow(() -> new EditRefused("clients.edit.error.notInScope", clientId));
        if (!providerId.isEmpty() && !found.known()) {
            throw new EditRefused("clients.edit.error.unknownProvider", providerId);
        }
        return found;
    }

    private void write(String statement, Map<String, Object> parameters) {
        neo4j.query(statement).bindAll(parameters).run();
    }

    /**
     * After an edit: the client's flags are evaluated again and the edit is logged, in the edit's transaction. The edit
     * returns the client's page as it is now; its one EDIT entry covers that view.
     */
    private void done(AtlasPrincipal user, String clientId, String what) {
        rules.recompute(clientId);
        accessLog.record(user, List.of(clientId), ClientAccessLog.Action.EDIT, what);
    }

    private static LocalDate today() {
        return LocalDate.now(AMSTERDAM);
    }
}
