package nl.netwerkzorg.atlas.partner;

import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import nl.netwerkzorg.atlas.base.CypherQueries;
import nl.netwerkzorg.atlas.base.AtlasI18NProvider;
import nl.netwerkzorg.atlas.base.FullTextQuery;
import nl.netwerkzorg.atlas.client.ClientAccessLog;
import nl.netwerkzorg.atlas.client.ClientScope;
import nl.netwerkzorg.atlas.partner.PartnerSearch.AnchorRole;
import nl.netwerkzorg.atlas.partner.PartnerSearch.Availability;
import nl.netwerkzorg.atlas.partner.PartnerSearch.InvalidQuery;
import nl.netwerkzorg.atlas.partner.PartnerSearch.Order;
import nl.netwerkzorg.atlas.partner.PartnerSearch.Origin;
import nl.netwerkzorg.atlas.partner.PartnerSearch.Partner;
import nl.netwerkzorg.atlas.partner.PartnerSearch.Query;
import nl.netwerkzorg.atlas.partner.PartnerSearch.ResolvedOrigin;
import nl.netwerkzorg.atlas.partner.PartnerSearch.Result;
import nl.netwerkzorg.atlas.partner.PartnerSearch.Score;
import nl.netwerkzorg.atlas.partner.PartnerSearch.Tie;
import nl.netwerkzorg.atlas.provider.Capacity;
import nl.netwerkzorg.atlas.provider.CapacityProperties;
import nl.netwerkzorg.atlas.geography.SearchPlane;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.Role;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Values;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Partner search: providers of the wanted types near a client, a municipality, a place or a point, ranked by an
 * explainable score ({@link Scoring}) of distance, availability (with its freshness) and network proximity to the user's
 * organisation and the client's current providers — or, for the ELV/GRZ bed finder, by free beds. Every result carries
 * its reasons in the user's language. Role rules: a policy analyst has no access; a client is a starting point only
 * when it is in the user's {@link ClientScope}.
 */
@Service
public class PartnerSearchService {

    static final String CANDIDATES = CypherQueries.load("partner_candidates");
    static final String SHARED_CLIENTS = CypherQueries.load("partner_shared_clients");
    static final String CLIENT_CONTEXT = """
            MATCH (x:Client {id: $clientId})
            WHERE %s
            OPTIONAL MATCH (x)-[:LIVES_IN]->(m:Municipality)
            RETURN coalesce(x.location, m.location) AS at, m.code AS municipalityCode, m.name AS municipality,
                   coalesce(x.objections, []) AS objections,
                   [(x)<-[r:CARES_FOR|COORDINATES]-(q:Provider) | [q.id, type(r), q.name, q.type,
                        [(q)-[k:COLLABORATES_WITH]-(y:Provider) | [y.id, y.name, k.kind,
                            [(y)-[:COLLABORATES_WITH]-(z:Provider) | z.id]]]]] AS providers,
                   [(x)-[:HAS_CONDITION]->(:Condition)<-[:FOR]-(:CarePathway)-[r:REQUIRES]->(t:ProviderType)
                        WHERE NOT coalesce(r.optional, false) | t.code] AS required""";
    static final String ANCHORS = """
            MATCH (a:Provider) WHERE a.id IN $anchors
            RETURN a.id AS id, a.name AS name, a.type AS type,
                   [(a)-[k:COLLABORATES_WITH]-(y:Provider) | [y.id, y.name, k.kind,
                        [(y)-[:COLLABORATES_WITH]-(z:Provider) | z.id]]] AS collaborators""";

    /** Anchors with more clients than this (hospitals, large pharmacies) are left out of the shared-clients count. */
    public static final int MAX_SHARING_ANCHOR_CLIENTS = 500;
    /** Kinds of collaboration, strongest first, for naming one when a pair collaborates in several ways. */
    private static final List<String> KIND_ORDER = List.of("AGREEMENT", "MDO", "REFERRAL");
    /** Writes access-log entries while a search reads (a virtual thread per entry). */
    private static final Executor LOG_WRITER = Executors.newVirtualThreadPerTaskExecutor();
    private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");
    private static final Pattern POSTCODE = Pattern.compile("\\d{4}(\\s?[A-Za-z]{2})?");
    /** The Netherlands with a margin, for points picked on the map or sent to the API. */
    private static final double MIN_LAT = 50.6;
    private static final double MAX_LAT = 53.7;
    private static final double MIN_LON = 3.2;
    private static final double MAX_LON = 7.3;

    /** One statement the search ran, for the benchmark that replays them directly on the driver. */
    public record Statement(String cypher, Map<String, Object> parameters) {
    }

    private record TypeInfo(String name, String nameEn, boolean bedBased, long slot) {
    }

    private record Anchor(String id, String name, String type, AnchorRole role) {
    }

    /** A provider as an anchor needs it: name, type and collaborators ([id, name, kind, [their collaborators' ids]]). */
    private record ProviderFacts(String name, String type, List<?> collaborators) {
    }

    /** The client: where they live, their objections, the providers caring for them (by id), coordinators, pathway needs. */
    private record ClientContext(double latitude, double longitude, String municipalityCode, String municipality,
                                 Set<String> objections, Map<String, ProviderFacts> providers, Set<String> coordinators,
                                 Set<String> required) {
    }

    private final Neo4jClient neo4j;
    private final CapacityProperties capacity;
    private final AtlasI18NProvider i18n;
    private final ClientAccessLog accessLog;
    private final TransactionTemplate read;
    private volatile Map<String, TypeInfo> types = Map.of();
    private volatile Map<String, String> municipalityNames = Map.of();
    /**
     * The ranking query returns this many times the asked number of partners, which the service scores again and cuts;
     * tests raise it to compare the ranking in Cypher with the one in Java over all candidates.
     */
    volatile int preRankFactor = 2;

    PartnerSearchService(Neo4jClient neo4j, CapacityProperties capacity, AtlasI18NProvider i18n, ClientAccessLog accessLog,
            PlatformTransactionManager transactions) {
        this.neo4j = neo4j;
        this.capacity = capacity;
        this.i18n = i18n;
        this.accessLog = accessLog;
        this.read = new TransactionTemplate(transactions);
        this.read.setReadOnly(true);
    }

    /** Policy analysts see aggregates only; everyone else may search partners. */
    public static boolean mayUse(AtlasPrincipal user) {
        return user.role() != Role.POLICY_ANALYST;
    }

    /** Provider type codes with their name in the locale, sorted by name. */
    @Transactional(readOnly = true)
    public Map<String, String> providerTypes(Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        types().entrySet().stream()
                .sorted(Comparator.comparing(e -> typeName(e.getKey(), locale)))
                .forEach(e -> names.put(e.getKey(), typeName(e.getKey(), locale)));
        return names;
    }

    /** A client a user may start from: pseudonym, age band and home municipality, nothing more. */
    public record ClientOption(String id, String ageBand, String municipality) {
    }

    /** A municipality to start from. */
    public record MunicipalityOption(String code, String name) {
    }

    /**
     * The clients a user may start from whose id starts with {@code prefix}, by id: a care professional's own clients
     * (also with an empty prefix); for other roles at least two characters of an id must be typed.
     */
    @Transactional(readOnly = true)
    public List<ClientOption> clients(AtlasPrincipal user, String prefix, int offset, int limit) {
        String wanted = prefix.strip().toUpperCase(Locale.ROOT);
        if (!mayUse(user) || (user.role() != Role.CARE_STAFF && wanted.length() < 2)) {
            return List.of();
        }
        String match = user.role() == Role.CARE_STAFF
                ? "MATCH (:Provider {id: $own})-[:CARES_FOR|COORDINATES]->(x:Client) WHERE x.id STARTS WITH $prefix AND "
                : "MATCH (x:Client) WHERE x.id STARTS WITH $prefix AND ";
        Map<String, Object> parameters = new HashMap<>(ClientScope.parameters(user));
        parameters.put("prefix", wanted);
        parameters.put("offset", offset);
        parameters.put("limit", limit);
        return List.copyOf(neo4j.query(match + ClientScope.condition(user, "x") + """

                        WITH DISTINCT x ORDER BY x.id SKIP $offset LIMIT $limit
                        RETURN x.id AS id, coalesce(x.ageBand, '') AS ageBand,
                               coalesce([(x)-[:LIVES_IN]->(m:Municipality) | m.name][0], '') AS municipality""")
                .bindAll(parameters).fetchAs(ClientOption.class)
                .mappedBy((t, r) -> new ClientOption(r.get("id").asString(), r.get("ageBand").asString(),
                        r.get("municipality").asString()))
                .all());
    }

    @Transactional(readOnly = true)
    public List<MunicipalityOption> municipalities() {
        return List.copyOf(neo4j.query("MATCH (m:Municipality) RETURN m.code AS code, m.name AS name ORDER BY m.name")
                .fetchAs(MunicipalityOption.class)
                .mappedBy((t, r) -> new MunicipalityOption(r.get("code").asString(), r.get("name").asString())).all());
    }

    public String typeName(String code, Locale locale) {
        TypeInfo info = types().get(code);
        return info == null ? code : "en".equals(locale.getLanguage()) ? info.nameEn() : info.name();
    }

    public Result search(Query query, AtlasPrincipal user, Locale locale) {
        return search(query, user, locale, statement -> {
        });
    }

    /**
     * The search, reporting every statement it runs to {@code recorder} (the benchmark replays them on the driver to
     * measure the floor). Throws {@link InvalidQuery} for input that cannot be searched (nothing is read or written),
     * {@link AccessDeniedException} for a policy analyst. The reads run in one read-only transaction; a search from a
     * client is then logged (it shows who cares for the client).
     */
    public Result search(Query query, AtlasPrincipal user, Locale locale, Consumer<Statement> recorder) {
        if (!mayUse(user)) {
            throw new AccessDeniedException("Partner search is not available to " + user.role());
        }
        validate(query);
        // A search from a client shows who cares for that client, so it is logged. The entry is written while the
        // search reads (its own transaction, on another thread), under the same scope rule as the read: a client
        // outside the user's scope is neither shown nor logged. No result leaves before its entry is committed.
        CompletableFuture<Void> logged = query.origin() instanceof Origin.OfClient(String clientId)
                ? CompletableFuture.runAsync(() -> accessLog.recordIfInScope(user, clientId.strip(),
                        ClientAccessLog.Action.VIEW_NETWORK, "Partners zoeken"), LOG_WRITER)
                : CompletableFuture.completedFuture(null);
        Result result;
        try {
            result = read.execute(tx -> searchInRead(query, user, locale, recorder));
        } finally {
            awaitLog(logged);
        }
        return Objects.requireNonNull(result);
    }

    private static void awaitLog(CompletableFuture<Void> logged) {
        try {
            logged.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private Result searchInRead(Query query, AtlasPrincipal user, Locale locale, Consumer<Statement> recorder) {
        ClientContext client = null;
        ResolvedOrigin origin;
        switch (query.origin()) {
            case Origin.OfClient(String clientId) -> {
                client = clientContext(clientId.strip(), user, recorder);
                origin = new ResolvedOrigin("CLIENT", clientId.strip(), client.latitude(), client.longitude(),
                        clientId.strip(), client.municipalityCode());
            }
            case Origin.OfMunicipality(String code) -> origin = municipality(code.strip().toUpperCase(Locale.ROOT), recorder);
            case Origin.OfPlace(String name) -> origin = place(name, recorder);
            case Origin.OfPoint(double latitude, double longitude) ->
                    origin = new ResolvedOrigin("POINT", String.format(Locale.ROOT, "%.5f, %.5f", latitude, longitude),
                            latitude, longitude, null, null);
        }

        Set<String> wanted = new TreeSet<>(query.types());
        List<String> missing = List.of();
        if (query.missingFromPathway()) {
            if (client != null) {
                Set<String> present = new HashSet<>();
                client.providers().values().forEach(p -> present.add(p.type()));
                missing = client.required().stream().filter(t -> !present.contains(t)).sorted().toList();
                wanted.addAll(missing);
            }
            if (wanted.isEmpty()) {
                return new Result(origin, List.of(), List.of(), query.radiusKm(), 0, false, List.of());
            }
        }

        Anchors anchors = anchors(user, client, recorder);
        Map<String, List<Tie>> ties = ties(anchors, sharedClients(anchors, wanted, recorder));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

        Map<String, Object> parameters = new HashMap<>();
        parameters.put("slots", wanted.stream().map(t -> types().get(t).slot()).toList());
        parameters.put("x", SearchPlane.x(0, origin.longitude()));
        parameters.put("y", SearchPlane.y(origin.latitude()));
        parameters.put("seekRadius", query.radiusKm() * 1000.0 * SearchPlane.SEEK_MARGIN);
        parameters.put("origin", Values.point(4326, origin.longitude(), origin.latitude()));
        parameters.put("radius", query.radiusKm() * 1000.0);
        parameters.put("radiusKm", query.radiusKm());
        parameters.put("types", List.copyOf(wanted));
        parameters.put("onlyAvailable", query.onlyAvailable());
        parameters.put("maxWaitingDays", query.maxWaitingDays());
        parameters.put("candidateLimit", PartnerSearch.CANDIDATE_LIMIT);
        parameters.put("bedTypes", types().entrySet().stream().filter(e -> e.getValue().bedBased()).map(Map.Entry::getKey)
                .sorted().toList());
        parameters.put("bedsFreshFrom", now.minus(capacity.bedsStaleAfter()));
        parameters.put("otherFreshFrom", now.minus(capacity.otherStaleAfter()));
        parameters.put("network", networkPoints(ties));
        parameters.put("byBeds", query.order() == Order.FREE_BEDS);
        parameters.put("top", query.limit() * preRankFactor);
        recorder.accept(new Statement(CANDIDATES, parameters));
        List<Map<String, Object>> rows = List.copyOf(neo4j.query(CANDIDATES).bindAll(parameters).fetch().all());
        int matched = rows.isEmpty() ? 0 : ((Number) rows.getFirst().get("matched")).intValue();

        List<Partner> partners = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            partners.add(partner(row, query, client, ties.getOrDefault((String) row.get("id"), List.of()), now, locale));
        }
        Comparator<Partner> order = query.order() == Order.FREE_BEDS
                ? Comparator.<Partner, Boolean>comparing(p -> p.availability().stale())
                        .thenComparing(p -> p.availability().available() == null ? -1 : p.availability().available(),
                                Comparator.reverseOrder())
                        .thenComparingDouble(Partner::distanceKm)
                : Comparator.<Partner>comparingInt(p -> p.score().total()).reversed()
                        .thenComparingDouble(Partner::distanceKm);
        order = order.thenComparing(Partner::name).thenComparing(Partner::id);
        List<Partner> ranked = partners.stream().sorted(order).limit(query.limit()).toList();
        List<Partner> numbered = new ArrayList<>(ranked.size());
        for (int i = 0; i < ranked.size(); i++) {
            numbered.add(explained(ranked.get(i), i + 1, origin, client, user, now, locale));
        }
        return new Result(origin, List.copyOf(wanted), missing, query.radiusKm(), matched,
                matched >= PartnerSearch.CANDIDATE_LIMIT, numbered);
    }

    // ------------------------------------------------------------------------------------------------- validation

    private void validate(Query query) {
        if (query.radiusKm() < 1 || query.radiusKm() > PartnerSearch.MAX_RADIUS_KM) {
            throw new InvalidQuery("radiusKm", "Zoekafstand moet tussen 1 en " + PartnerSearch.MAX_RADIUS_KM
                    + " km liggen, niet " + query.radiusKm());
        }
        if (query.maxWaitingDays() != null
                && (query.maxWaitingDays() < 0 || query.maxWaitingDays() > Capacity.MAX_WAITING_DAYS)) {
            throw new InvalidQuery("maxWaitingDays", "Maximale wachttijd moet tussen 0 en " + Capacity.MAX_WAITING_DAYS
                    + " dagen liggen, niet "
                    + query.maxWaitingDays());
        }
        if (query.limit() < 1 || query.limit() > PartnerSearch.MAX_RESULTS) {
            throw new InvalidQuery("limit", "Aantal resultaten moet tussen 1 en " + PartnerSearch.MAX_RESULTS + " liggen");
        }
        for (String type : query.types()) {
            if (!types().containsKey(type)) {
                throw new InvalidQuery("types", "Onbekende soort zorgaanbieder: " + type);
            }
        }
        if (query.types().isEmpty() && !query.missingFromPathway()) {
            throw new InvalidQuery("types", "Kies minstens één soort zorgaanbieder (of 'wat het zorgpad van de cliënt mist')");
        }
        if (query.missingFromPathway() && !(query.origin() instanceof Origin.OfClient)) {
            throw new InvalidQuery("missing", "'Wat het zorgpad mist' kan alleen vanuit een cliënt");
        }
        switch (query.origin()) {
            case Origin.OfClient(String id) when id.isBlank() -> throw new InvalidQuery("client", "Kies een cliënt");
            case Origin.OfMunicipality(String code) when code.isBlank() ->
                    throw new InvalidQuery("municipality", "Kies een gemeente");
            case Origin.OfPlace(String name) when name.strip().length() < 2 ->
                    throw new InvalidQuery("place", "Typ een plaatsnaam of postcode (minstens 2 tekens)");
            case Origin.OfPoint(double lat, double lon) when !(lat >= MIN_LAT && lat <= MAX_LAT && lon >= MIN_LON && lon <= MAX_LON) ->
                    throw new InvalidQuery("point", "Het gekozen punt ligt buiten Nederland");
            default -> {
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------ origin

    private ClientContext clientContext(String clientId, AtlasPrincipal user, Consumer<Statement> recorder) {
        Map<String, Object> parameters = new HashMap<>(ClientScope.parameters(user));
        parameters.put("clientId", clientId);
        String cypher = CLIENT_CONTEXT.formatted(ClientScope.condition(user, "x"));
        recorder.accept(new Statement(cypher, parameters));
        Map<String, Object> row = neo4j.query(cypher).bindAll(parameters).fetch().one()
                .orElseThrow(() -> new InvalidQuery("client", "Cliënt " + clientId + " is niet (meer) in uw zorg of bestaat niet"));
        if (row.get("at") == null) {
            throw new InvalidQuery("client", "Van cliënt " + clientId + " is geen woonplaats bekend");
        }
        org.neo4j.driver.types.Point at = (org.neo4j.driver.types.Point) row.get("at");
        Map<String, ProviderFacts> providers = new LinkedHashMap<>();
        Set<String> coordinators = new LinkedHashSet<>();
        for (Object o : (List<?>) row.get("providers")) {
            List<?> p = (List<?>) o;
            String id = (String) p.get(0);
            if ("COORDINATES".equals(p.get(1))) {
                coordinators.add(id);
            }
            providers.putIfAbsent(id, new ProviderFacts((String) p.get(2), (String) p.get(3), (List<?>) p.get(4)));
        }
        Set<String> objections = new LinkedHashSet<>();
        ((List<?>) row.get("objections")).forEach(o -> objections.add(String.valueOf(o)));
        Set<String> required = new TreeSet<>();
        ((List<?>) row.get("required")).forEach(o -> required.add(String.valueOf(o)));
        return new ClientContext(at.y(), at.x(), String.valueOf(row.get("municipalityCode")),
                String.valueOf(row.get("municipality")), objections, providers, coordinators, required);
    }

    private ResolvedOrigin municipality(String code, Consumer<Statement> recorder) {
        String cypher = "MATCH (m:Municipality {code: $code}) RETURN m.name AS name, m.location AS at";
        recorder.accept(new Statement(cypher, Map.of("code", code)));
        return neo4j.query(cypher).bind(code).to("code").fetch().one()
                .map(r -> origin("MUNICIPALITY", (String) r.get("name"), r.get("at"), code))
                .orElseThrow(() -> new InvalidQuery("municipality", "Onbekende gemeente: " + code));
    }

    /**
     * A place typed by the user: a municipality by name (accents, case and "'s-" ignored), else a postcode (4 digits,
     * optionally with letters) or place name found in provider addresses — the middle of the first 50 matches.
     */
    private ResolvedOrigin place(String text, Consumer<Statement> recorder) {
        String wanted = normalise(text);
        String all = "MATCH (m:Municipality) RETURN m.code AS code, m.name AS name, m.location AS at";
        recorder.accept(new Statement(all, Map.of()));
        List<Map<String, Object>> municipalities = List.copyOf(neo4j.query(all).fetch().all());
        for (Map<String, Object> m : municipalities) {
            if (normalise((String) m.get("name")).equals(wanted)) {
                return origin("PLACE", (String) m.get("name"), m.get("at"), (String) m.get("code"));
            }
        }
        String stripped = text.strip();
        String lucene = POSTCODE.matcher(stripped).matches()
                ? "address:" + stripped.substring(0, 4)
                : FullTextQuery.allInField("address", FullTextQuery.words(stripped));
        if (lucene.isEmpty()) {
            throw new InvalidQuery("place", "Plaats '" + stripped + "' niet gevonden: typ een gemeente, woonplaats of postcode (4 cijfers)");
        }
        String byAddress = """
                CALL db.index.fulltext.queryNodes('provider_search', $lucene, {limit: 50}) YIELD node
                WITH node WHERE node.location IS NOT NULL
                RETURN count(node) AS n, avg(node.location.latitude) AS lat, avg(node.location.longitude) AS lon""";
        recorder.accept(new Statement(byAddress, Map.of("lucene", lucene)));
        Optional<Map<String, Object>> found = neo4j.query(byAddress)
                .bind(lucene).to("lucene").fetch().one().filter(r -> ((Number) r.get("n")).longValue() > 0);
        return found.map(r -> new ResolvedOrigin("PLACE", stripped, ((Number) r.get("lat")).doubleValue(),
                        ((Number) r.get("lon")).doubleValue(), null, null))
                .orElseThrow(() -> new InvalidQuery("place",
                        "Plaats '" + stripped + "' niet gevonden: typ een gemeente, woonplaats of postcode (4 cijfers)"));
    }

    private static ResolvedOrigin origin(String kind, String label, @Nullable Object at, String code) {
        if (!(at instanceof org.neo4j.driver.types.Point point)) {
            throw new InvalidQuery("municipality", "Van " + label + " is geen ligging bekend");
        }
        return new ResolvedOrigin(kind, label, point.y(), point.x(), null, code);
    }

    static String normalise(String text) {
        String plain = Normalizer.normalize(text.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return plain.replaceAll("^'s[- ]", "").replaceAll("[^a-z0-9]", "");
    }

    // ----------------------------------------------------------------------------------------------------- anchors

    /**
     * The anchors — the user's organisation, the client's coordinators and the client's other providers, in that
     * precedence — read from their side: each anchor's collaborators with the kind of collaboration ({@code direct}:
     * anchor id → collaborator id → kind), the ring (collaborator id → [its name, anchor id] pairs) and, for two-hop
     * ties, who collaborates with the ring ({@code viaOf}: provider id → ring members it collaborates with).
     */
    private record Anchors(Map<String, Anchor> byId, Map<String, Map<String, String>> direct,
                           Map<String, List<String[]>> ring, Map<String, Set<String>> viaOf) {
        static final Anchors NONE = new Anchors(Map.of(), Map.of(), Map.of(), Map.of());
    }

    private Anchors anchors(AtlasPrincipal user, @Nullable ClientContext client, Consumer<Statement> recorder) {
        Map<String, AnchorRole> roles = new LinkedHashMap<>();
        user.provider().ifPresent(id -> roles.put(id, AnchorRole.MY_ORGANISATION));
        if (client != null) {
            client.coordinators().forEach(id -> roles.putIfAbsent(id, AnchorRole.COORDINATOR));
            client.providers().keySet().forEach(id -> roles.putIfAbsent(id, AnchorRole.CLIENT_PROVIDER));
        }
        if (roles.isEmpty()) {
            return Anchors.NONE;
        }
        // Usually read with the client already (a care professional's own provider always cares for the client).
        Map<String, ProviderFacts> facts = client != null && client.providers().keySet().containsAll(roles.keySet())
                ? client.providers() : anchorFacts(roles.keySet(), recorder);
        Map<String, Anchor> anchors = new LinkedHashMap<>();
        Map<String, Map<String, String>> direct = new HashMap<>();
        Map<String, List<String[]>> ring = new LinkedHashMap<>();
        Map<String, Set<String>> viaOf = new HashMap<>();
        roles.forEach((id, role) -> {
            ProviderFacts p = facts.get(id);
            if (p == null) {
                return;
            }
            anchors.put(id, new Anchor(id, p.name(), p.type(), role));
            Map<String, String> kinds = direct.computeIfAbsent(id, k -> new HashMap<>());
            for (Object o : p.collaborators()) {
                List<?> c = (List<?>) o;
                String collaborator = (String) c.get(0);
                kinds.merge(collaborator, String.valueOf(c.get(2)), PartnerSearchService::strongerKind);
                ring.computeIfAbsent(collaborator, k -> new ArrayList<>()).add(new String[] {(String) c.get(1), id});
                for (Object z : (List<?>) c.get(3)) {
                    viaOf.computeIfAbsent((String) z, k -> new LinkedHashSet<>()).add(collaborator);
                }
            }
        });
        return new Anchors(anchors, direct, ring, viaOf);
    }

    /** Of two kinds of collaboration between the same pair, the one to name: agreement, then MDO, then referral. */
    static String strongerKind(String a, String b) {
        int ra = kindRank(a);
        int rb = kindRank(b);
        return ra != rb ? (ra < rb ? a : b) : (a.compareTo(b) <= 0 ? a : b);
    }

    private static int kindRank(String kind) {
        int rank = KIND_ORDER.indexOf(kind);
        return rank < 0 ? KIND_ORDER.size() : rank;
    }

    private Map<String, ProviderFacts> anchorFacts(Set<String> ids, Consumer<Statement> recorder) {
        Map<String, Object> parameters = Map.of("anchors", List.copyOf(ids));
        recorder.accept(new Statement(ANCHORS, parameters));
        Map<String, ProviderFacts> facts = new HashMap<>();
        for (Map<String, Object> r : neo4j.query(ANCHORS).bindAll(parameters).fetch().all()) {
            facts.put((String) r.get("id"), new ProviderFacts((String) r.get("name"), (String) r.get("type"),
                    (List<?>) r.get("collaborators")));
        }
        return facts;
    }

    /** Provider id → anchor id → clients they share, for providers of the wanted types. */
    private Map<String, Map<String, Long>> sharedClients(Anchors anchors, Set<String> wanted, Consumer<Statement> recorder) {
        if (anchors.byId().isEmpty() || wanted.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> parameters = Map.of("anchors", List.copyOf(anchors.byId().keySet()),
                "types", List.copyOf(wanted), "maxAnchorClients", MAX_SHARING_ANCHOR_CLIENTS);
        recorder.accept(new Statement(SHARED_CLIENTS, parameters));
        Map<String, Map<String, Long>> shared = new HashMap<>();
        for (Map<String, Object> r : neo4j.query(SHARED_CLIENTS).bindAll(parameters).fetch().all()) {
            shared.computeIfAbsent((String) r.get("id"), k -> new LinkedHashMap<>())
                    .put((String) r.get("anchor"), ((Number) r.get("shared")).longValue());
        }
        return shared;
    }

    /**
     * The ties of every provider with a tie to an anchor (everyone else has none): a direct collaborator of an anchor,
     * a sharer of its clients, or a collaborator of its collaborators.
     */
    private static Map<String, List<Tie>> ties(Anchors anchors, Map<String, Map<String, Long>> shared) {
        Set<String> tied = new HashSet<>(shared.keySet());
        anchors.direct().values().forEach(m -> tied.addAll(m.keySet()));
        tied.addAll(anchors.viaOf().keySet());
        Map<String, List<Tie>> ties = new HashMap<>();
        for (String id : tied) {
            List<Tie> t = ties(id, anchors, shared);
            if (!t.isEmpty()) {
                ties.put(id, t);
            }
        }
        return ties;
    }

    /** The network points per tied provider, for the ranking in Cypher: those the shown partners get from {@link Scoring}. */
    private static Map<String, Integer> networkPoints(Map<String, List<Tie>> ties) {
        Map<String, Integer> points = new HashMap<>();
        ties.forEach((id, t) -> {
            int p = Scoring.networkPoints(t);
            if (p > 0) {
                points.put(id, p);
            }
        });
        return points;
    }

    /**
     * A provider's ties with the anchors: per anchor a direct collaboration (with the clients they share) or shared
     * clients; only without any of those, at most two ties through an anchor's collaborator (two hops), by anchor
     * role, anchor name and intermediary name. Ordered by anchor role, direct first.
     */
    private static List<Tie> ties(String id, Anchors anchors, Map<String, Map<String, Long>> shared) {
        List<Tie> ties = new ArrayList<>();
        Map<String, Long> sharedWith = shared.getOrDefault(id, Map.of());
        for (Anchor anchor : anchors.byId().values()) {
            if (anchor.id().equals(id)) {
                continue;
            }
            String kind = anchors.direct().getOrDefault(anchor.id(), Map.of()).get(id);
            if (kind != null) {
                ties.add(new Tie(anchor.role(), anchor.id(), anchor.name(), anchor.type(), kind,
                        sharedWith.getOrDefault(anchor.id(), 0L).intValue(), null));
            } else if (sharedWith.containsKey(anchor.id())) {
                ties.add(new Tie(anchor.role(), anchor.id(), anchor.name(), anchor.type(), "SHARED_CLIENTS",
                        sharedWith.get(anchor.id()).intValue(), null));
            }
        }
        if (ties.isEmpty()) {
            Map<String, Tie> via = new TreeMap<>();
            for (String y : anchors.viaOf().getOrDefault(id, Set.of())) {
                for (String[] pair : anchors.ring().getOrDefault(y, List.of())) {
                    Anchor anchor = anchors.byId().get(pair[1]);
                    if (anchor != null && !anchor.id().equals(id) && !y.equals(id)) {
                        via.putIfAbsent(anchor.role().ordinal() + "\u0000" + anchor.name() + "\u0000" + anchor.id()
                                        + "\u0000" + pair[0] + "\u0000" + y,
                                new Tie(anchor.role(), anchor.id(), anchor.name(), anchor.type(), "VIA", 0, pair[0]));
                    }
                }
            }
            via.values().stream().limit(2).forEach(ties::add);
        }
        ties.sort(Comparator.comparing(Tie::role).thenComparing(t -> t.direct() ? 0 : 1));
        return ties;
    }

    // ----------------------------------------------------------------------------------------------------- ranking

    /** A candidate with its facts, ties and score; reasons follow for the ranked few only ({@link #explained}). */
    private Partner partner(Map<String, Object> row, Query query, @Nullable ClientContext client, List<Tie> ties,
            OffsetDateTime now, Locale locale) {
        String id = (String) row.get("id");
        String type = (String) row.get("type");
        TypeInfo info = types().get(type);
        boolean bedBased = info != null && info.bedBased();
        OffsetDateTime updatedAt = time(row.get("updatedAt"));
        Availability availability = new Availability(bedBased, (Boolean) row.get("accepting"),
                integer(row.get("capacity")), integer(row.get("available")), integer(row.get("waitingDays")), updatedAt,
                capacity.isStale(bedBased, updatedAt, now));
        double km = Math.round(((Number) row.get("meters")).doubleValue() / 100.0) / 10.0;

        boolean caresForClient = client != null && client.providers().containsKey(id);
        Score score = Scoring.score(km, query.radiusKm(), availability, ties);

        Object code = row.get("municipalityCode");
        String municipality = code == null ? "" : municipalityNames().getOrDefault((String) code, (String) code);
        return new Partner(0, id, (String) row.get("name"), type, typeName(type, locale), (String) row.get("agb"),
                (String) row.get("kvk"), String.valueOf(row.getOrDefault("address", "")), municipality,
                ((Number) row.get("latitude")).doubleValue(), ((Number) row.get("longitude")).doubleValue(), km,
                availability, List.copyOf(ties), caresForClient, score, List.of(), null);
    }

    /** The partner with its rank, its reasons in the user's language and why a referral is impossible, if it is. */
    private Partner explained(Partner p, int rank, ResolvedOrigin origin, @Nullable ClientContext client, AtlasPrincipal user,
            OffsetDateTime now, Locale locale) {
        Availability availability = p.availability();
        List<String> reasons = new ArrayList<>();
        reasons.add(t(locale, "partner.reason.distance", format(p.distanceKm(), locale), originPhrase(origin, locale)));
        reasons.add(availabilityReason(availability, now, locale));
        if (availability.stale()) {
            reasons.add(t(locale, "partner.reason.stale",
                    t(locale, availability.bedBased() ? "partner.stale.beds" : "partner.stale.other")));
        }
        for (Tie tie : p.ties()) {
            reasons.add(tieReason(tie, locale));
        }
        if (p.caresForClient()) {
            reasons.add(t(locale, "partner.reason.caresForClient"));
        }
        String blocked = null;
        if (client == null) {
            blocked = t(locale, "partner.blocked.noClient");
        } else if (client.objections().contains(p.id())) {
            blocked = t(locale, "partner.blocked.objection");
            reasons.add(blocked);
        } else if (user.provider().isEmpty()) {
            blocked = t(locale, "partner.blocked.noProvider");
        } else if (user.provider().get().equals(p.id())) {
            blocked = t(locale, "partner.blocked.own");
        } else if (p.caresForClient()) {
            blocked = t(locale, "partner.blocked.already");
        }
        return new Partner(rank, p.id(), p.name(), p.type(), p.typeName(), p.agb(), p.kvk(), p.address(), p.municipality(),
                p.latitude(), p.longitude(), p.distanceKm(), availability, p.ties(), p.caresForClient(), p.score(),
                List.copyOf(reasons), blocked);
    }

    private String availabilityReason(Availability a, OffsetDateTime now, Locale locale) {
        if (a.updatedAt() == null) {
            return t(locale, "partner.reason.neverUpdated");
        }
        String age = age(a.updatedAt(), now, locale);
        if (a.bedBased()) {
            int free = a.available() == null ? 0 : a.available();
            return free > 0 ? t(locale, "partner.reason.beds", free, a.capacity() == null ? "?" : a.capacity(), age)
                    : t(locale, "partner.reason.noBeds", age);
        }
        if (Boolean.TRUE.equals(a.acceptingClients())) {
            return a.waitingDays() == null ? t(locale, "partner.reason.acceptingNoWait", age)
                    : t(locale, "partner.reason.accepting", a.waitingDays(), age);
        }
        return t(locale, "partner.reason.notAccepting", a.waitingDays() == null ? "?" : a.waitingDays(), age);
    }

    /** "vandaag", "gisteren" or "n dagen geleden", by the Dutch calendar. */
    public String age(OffsetDateTime at, OffsetDateTime now, Locale locale) {
        long days = ChronoUnit.DAYS.between(at.atZoneSameInstant(DUTCH_TIME).toLocalDate(),
                now.atZoneSameInstant(DUTCH_TIME).toLocalDate());
        if (days <= 0) {
            return t(locale, "partner.age.today");
        }
        return days == 1 ? t(locale, "partner.age.yesterday") : t(locale, "partner.age.days", days);
    }

    private String tieReason(Tie tie, Locale locale) {
        String anchor = switch (tie.role()) {
            case MY_ORGANISATION -> t(locale, "partner.anchor.mine", tie.anchorName());
            case COORDINATOR -> t(locale, "partner.anchor.coordinator", tie.anchorName());
            case CLIENT_PROVIDER -> t(locale, "partner.anchor.clientProvider",
                    typeName(tie.anchorType(), locale).toLowerCase(locale), tie.anchorName());
        };
        return switch (tie.relation()) {
            case "SHARED_CLIENTS" -> t(locale, "partner.reason.shared", tie.sharedClients(), anchor);
            case "VIA" -> t(locale, "partner.reason.via", tie.viaName(), anchor);
            default -> tie.sharedClients() > 0
                    ? t(locale, "partner.reason.collaboratesShared", anchor, relationName(tie.relation(), locale), tie.sharedClients())
                    : t(locale, "partner.reason.collaborates", anchor, relationName(tie.relation(), locale));
        };
    }

    private String relationName(String kind, Locale locale) {
        return switch (kind) {
            case "AGREEMENT", "MDO", "REFERRAL" -> t(locale, "partner.relation." + kind);
            default -> kind;
        };
    }

    private String originPhrase(ResolvedOrigin origin, Locale locale) {
        return switch (origin.kind()) {
            case "CLIENT" -> t(locale, "partner.origin.client");
            case "POINT" -> t(locale, "partner.origin.point");
            default -> origin.label();
        };
    }

    private static String format(double km, Locale locale) {
        return String.format("en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.of("nl"), "%.1f", km);
    }

    private String t(Locale locale, String key, Object... parameters) {
        return i18n.getTranslation(key, locale, parameters);
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    /** Municipality code → name (342 names; they change only with a new CBS year). */
    private Map<String, String> municipalityNames() {
        Map<String, String> current = municipalityNames;
        if (current.isEmpty()) {
            Map<String, String> loaded = new HashMap<>();
            neo4j.query("MATCH (m:Municipality) RETURN m.code AS code, m.name AS name").fetch().all()
                    .forEach(r -> loaded.put((String) r.get("code"), (String) r.get("name")));
            current = Map.copyOf(loaded);
            municipalityNames = current;
        }
        return current;
    }

    private Map<String, TypeInfo> types() {
        Map<String, TypeInfo> current = types;
        if (current.isEmpty()) {
            Map<String, TypeInfo> loaded = new HashMap<>();
            neo4j.query("MATCH (t:ProviderType) RETURN t.code AS code, t.name AS name, t.nameEn AS nameEn, "
                            + "coalesce(t.bedBased, false) AS bedBased, coalesce(t.slot, -1) AS slot").fetch().all()
                    .forEach(r -> loaded.put((String) r.get("code"), new TypeInfo((String) r.get("name"),
                            String.valueOf(r.getOrDefault("nameEn", r.get("name"))), (Boolean) r.get("bedBased"),
                            ((Number) r.get("slot")).longValue())));
            current = Map.copyOf(loaded);
            types = current;
        }
        return current;
    }

    private static @Nullable Integer integer(@Nullable Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    private static @Nullable OffsetDateTime time(@Nullable Object value) {
        return switch (value) {
            case null -> null;
            case OffsetDateTime t -> t;
            case java.time.ZonedDateTime z -> z.toOffsetDateTime();
            case java.time.LocalDateTime l -> l.atOffset(ZoneOffset.UTC);
            default -> null;
        };
    }
}
