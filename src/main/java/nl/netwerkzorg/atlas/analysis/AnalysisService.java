package nl.netwerkzorg.atlas.analysis;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import nl.netwerkzorg.atlas.base.CypherQueries;
import nl.netwerkzorg.atlas.analysis.Analysis.Bridge;
import nl.netwerkzorg.atlas.analysis.Analysis.Broker;
import nl.netwerkzorg.atlas.analysis.Analysis.Community;
import nl.netwerkzorg.atlas.analysis.Analysis.CoverageLoss;
import nl.netwerkzorg.atlas.analysis.Analysis.MunicipalityFigures;
import nl.netwerkzorg.atlas.analysis.Analysis.NetworkOption;
import nl.netwerkzorg.atlas.analysis.Analysis.WhatIf;
import nl.netwerkzorg.atlas.analysis.Analysis.CutPoint;
import nl.netwerkzorg.atlas.analysis.Analysis.DomainTies;
import nl.netwerkzorg.atlas.analysis.Analysis.Edge;
import nl.netwerkzorg.atlas.analysis.Analysis.InvalidParameters;
import nl.netwerkzorg.atlas.analysis.Analysis.Node;
import nl.netwerkzorg.atlas.analysis.Analysis.Pair;
import nl.netwerkzorg.atlas.analysis.Analysis.Parameters;
import nl.netwerkzorg.atlas.analysis.Analysis.ProviderRef;
import nl.netwerkzorg.atlas.analysis.Analysis.Report;
import nl.netwerkzorg.atlas.analysis.Analysis.TieKind;
import nl.netwerkzorg.atlas.analysis.Connectivity.Structure;
import nl.netwerkzorg.atlas.geography.RegionService;
import nl.netwerkzorg.atlas.overview.SuppressedCount;
import nl.netwerkzorg.atlas.geography.RegionService.RegionSummary;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.RegionAccess;
import nl.netwerkzorg.atlas.security.Role;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Connectivity of care in a region: reads the region's provider graph with one Cypher query (works on any Neo4j,
 * Aura included), computes its structure with {@link Connectivity} (JGraphT), and shapes the report. Aggregates and
 * providers only — no client is read, and patient-sharing ties shown to a policy analyst stand for at least
 * {@link Analysis#POLICY_MINIMUM_SHARED} clients. Reports are cached per region and parameters, and dropped when the
 * patient-sharing network is derived again.
 */
@Service
public class AnalysisService {

    /** The most providers the picture draws (a browser graph stays responsive up to about this many). */
    public static final int PICTURE_LIMIT = 600;
    public static final int MAX_MINIMUM_SHARED = 1000;
    /**
     * Networks with more members than this do not tie every pair of their members: a regional network of hundreds of
     * providers says little about who works with whom, and would add tens of thousands of ties each.
     */
    public static final int MAX_NETWORK_MEMBERS = 150;
    private static final int CACHE_SIZE = 32;
    static final String REGION_GRAPH = CypherQueries.load("analysis_region_graph");

    private final Neo4jClient neo4j;
    private final TransactionTemplate read;
    private final RegionService regions;
    private final RegionAccess regionAccess;
    private final PatientSharing sharing;
    private final Map<CacheKey, Report> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<CacheKey, Report> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private record CacheKey(Parameters parameters, @Nullable OffsetDateTime sharingComputedAt) {
    }

    /**
     * The last region graphs read (a province's is tens of megabytes, so only two): a what-if follows the report of the
     * same region, and needs the same graph. Keyed by what the query reads; the tie kinds are picked afterwards. Kept
     * for {@link #GRAPH_CACHE_TIME} at most, so collaborations recorded since (a referral) are read again soon.
     */
    private static final int GRAPH_CACHE_SIZE = 2;
    private static final Duration GRAPH_CACHE_TIME = Duration.ofMinutes(10);
    private final Map<GraphKey, CachedGraph> graphs = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<GraphKey, CachedGraph> eldest) {
            return size() > GRAPH_CACHE_SIZE;
        }
    };

    private record GraphKey(String regionCode, int minimumShared, @Nullable String domain,
                            @Nullable OffsetDateTime sharingComputedAt) {
    }

    private record CachedGraph(RegionGraph graph, long readAtNanos) {
    }

    AnalysisService(Neo4jClient neo4j, PlatformTransactionManager transactions, RegionService regions,
            RegionAccess regionAccess, PatientSharing sharing) {
        this.neo4j = neo4j;
        this.read = new TransactionTemplate(transactions);
        this.read.setReadOnly(true);
        this.regions = regions;
        this.regionAccess = regionAccess;
        this.sharing = sharing;
    }

    /** Policy makers, network managers (their regions) and administrators; care staff work with clients, not here. */
    public static boolean mayUse(AtlasPrincipal user) {
        return user.role() != Role.CARE_STAFF;
    }

    /** Provider type names by code, in the locale (Dutch, or English for {@code en}). */
    public Map<String, String> typeNames(java.util.Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        Map<String, String> names = new HashMap<>();
        read.executeWithoutResult(tx -> neo4j.query("MATCH (t:ProviderType) RETURN t.code AS code, t.name AS name, t.nameEn AS nameEn")
                .fetch().all().forEach(r -> names.put((String) r.get("code"),
                        (String) (english && r.get("nameEn") != null ? r.get("nameEn") : r.get("name")))));
        return names;
    }

    /** The lowest shared-client threshold this user may ask for. */
    public int minimumSharedFor(AtlasPrincipal user) {
        return user.role() == Role.POLICY_ANALYST ? Math.max(Analysis.POLICY_MINIMUM_SHARED, sharing.minimum())
                : sharing.minimum();
    }

    /** Forgets every cached report and region graph (benchmarks measure cold computations with it). */
    public void clearCache() {
        synchronized (cache) {
            cache.clear();
        }
        synchronized (graphs) {
            graphs.clear();
        }
    }

    /** A cached report for these parameters, if one was computed since the patient-sharing network last changed. */
    public @Nullable Report cached(Parameters parameters, AtlasPrincipal user) {
        check(parameters, user);
        synchronized (cache) {
            return cache.get(new CacheKey(parameters, sharing.computedAt().orElse(null)));
        }
    }

    public Report analyse(Parameters parameters, AtlasPrincipal user) {
        return analyse(parameters, user, () -> false);
    }

    /**
     * The report for a region, from the cache or computed now. Throws {@link InvalidParameters} for input that cannot
     * be analysed, {@link AccessDeniedException} for a user outside the region or without access to Analyse, and
     * {@link Connectivity.Cancelled} when {@code cancelled} turns true during the computation.
     */
    public Report analyse(Parameters parameters, AtlasPrincipal user, BooleanSupplier cancelled) {
        RegionSummary region = check(parameters, user);
        @Nullable OffsetDateTime sharingAt = sharing.computedAt().orElse(null);
        if (parameters.kinds().contains(TieKind.SHARING) && sharingAt == null) {
            throw new InvalidParameters("kinds", "Het patiëntdelingsnetwerk wordt nog afgeleid; probeer het zo opnieuw of "
                    + "kies alleen samenwerkingen en netwerken");
        }
        CacheKey key = new CacheKey(parameters, sharingAt);
        synchronized (cache) {
            Report cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        Report report = compute(parameters, region, sharingAt, cancelled);
        synchronized (cache) {
            cache.put(key, report);
        }
        return report;
    }

    private RegionSummary check(Parameters parameters, AtlasPrincipal user) {
        if (!mayUse(user)) {
            throw new AccessDeniedException("Analyse is not available to " + user.role());
        }
        if (parameters.kinds().isEmpty()) {
            throw new InvalidParameters("kinds", "Kies minstens één soort verbinding");
        }
        int lowest = minimumSharedFor(user);
        if (parameters.minimumShared() < lowest || parameters.minimumShared() > MAX_MINIMUM_SHARED) {
            throw new InvalidParameters("minimumShared", "Minimum aantal gedeelde cliënten moet tussen " + lowest + " en "
                    + MAX_MINIMUM_SHARED + " liggen, niet " + parameters.minimumShared());
        }
        if (parameters.heavySharing() < parameters.minimumShared() || parameters.heavySharing() > MAX_MINIMUM_SHARED) {
            throw new InvalidParameters("heavySharing", "'Veel gedeelde cliënten' moet tussen " + parameters.minimumShared()
                    + " en " + MAX_MINIMUM_SHARED + " liggen, niet " + parameters.heavySharing());
        }
        if (parameters.domain() != null && !Set.of("MEDICAL", "LONG_TERM", "SOCIAL", "INFORMAL").contains(parameters.domain())) {
            throw new InvalidParameters("domain", "Onbekend domein: " + parameters.domain());
        }
        RegionSummary region = regions.region(parameters.regionCode())
                .orElseThrow(() -> new InvalidParameters("region", "Onbekende regio: " + parameters.regionCode()));
        if (!regionAccess.mayView(user, region.code())) {
            throw new AccessDeniedException("Region " + region.code() + " is outside the user's regions");
        }
        return region;
    }

    // ----------------------------------------------------------------------------------------------------- what-if

    public static final int MAX_REMOVED = 50;
    private static final int WHAT_IF_BROKERS = 10;

    /** The networks with members located in the region, by name. */
    public List<NetworkOption> networks(String regionCode, AtlasPrincipal user) {
        if (!mayUse(user) || !regionAccess.mayView(user, regionCode)) {
            throw new AccessDeniedException("Region " + regionCode + " is outside the user's regions");
        }
        return Objects.requireNonNull(read.execute(tx -> List.copyOf(neo4j.query("""
                        MATCH (:Region {code: $region})<-[:IN_REGION]-(:Municipality)<-[:LOCATED_IN]-(p:Provider)
                              -[:MEMBER_OF]->(n:Network)
                        RETURN n.id AS id, n.name AS name, count(DISTINCT p) AS members ORDER BY name, id""")
                .bind(regionCode).to("region")
                .fetchAs(NetworkOption.class)
                .mappedBy((t, r) -> new NetworkOption(r.get("id").asString(), r.get("name").asString(""), r.get("members").asLong()))
                .all())));
    }

    /**
     * What changes if {@code providerIds} leave (and/or {@code networkId} dissolves). Nothing is written. Throws
     * {@link InvalidParameters} for an empty or too large selection or providers outside the region.
     */
    public WhatIf whatIf(Parameters parameters, Set<String> providerIds, @Nullable String networkId, AtlasPrincipal user,
            BooleanSupplier cancelled) {
        long start = System.nanoTime();
        check(parameters, user);
        if (providerIds.isEmpty() && (networkId == null || networkId.isBlank())) {
            throw new InvalidParameters("removed", "Kies een of meer zorgaanbieders of een netwerk dat wegvalt");
        }
        if (providerIds.size() > MAX_REMOVED) {
            throw new InvalidParameters("removed", "Kies hoogstens " + MAX_REMOVED + " zorgaanbieders");
        }
        RegionGraph g = graph(parameters);
        for (String id : providerIds) {
            if (!g.index().containsKey(id)) {
                throw new InvalidParameters("removed", "Zorgaanbieder " + id + " ligt niet in deze regio (of dit domein)");
            }
        }
        String networkName = null;
        if (networkId != null && !networkId.isBlank()) {
            networkName = networks(parameters.regionCode(), user).stream().filter(o -> o.id().equals(networkId)).findFirst()
                    .map(NetworkOption::name)
                    .orElseThrow(() -> new InvalidParameters("network", "Netwerk " + networkId + " heeft geen leden in deze regio"));
        }
        int n = g.providers().size();
        List<int[]> before = g.ties(parameters.kinds(), null, new int[1]);
        List<int[]> withoutNetwork = g.ties(parameters.kinds(), networkId, new int[1]);
        // Before: the structure without betweenness; the brokers before come from the region's report (usually cached).
        Structure s0 = Connectivity.of(n, before, cancelled, false);
        Report current = analyse(parameters, user, cancelled);

        // The graph without the removed providers, re-indexed.
        boolean[] gone = new boolean[n];
        providerIds.forEach(id -> gone[g.index().get(id)] = true);
        int[] newIndex = new int[n];
        List<ProviderRef> remaining = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            newIndex[i] = gone[i] ? -1 : remaining.size();
            if (!gone[i]) {
                remaining.add(g.providers().get(i));
            }
        }
        List<int[]> after = new ArrayList<>();
        for (int[] t : withoutNetwork) {
            if (!gone[t[0]] && !gone[t[1]]) {
                after.add(new int[] {newIndex[t[0]], newIndex[t[1]]});
            }
        }
        Structure s1 = Connectivity.of(remaining.size(), after, cancelled);

        int split = 0;
        Map<Integer, Set<Integer>> piecesOf = new HashMap<>();
        List<ProviderRef> newlyIsolated = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (gone[i]) {
                continue;
            }
            piecesOf.computeIfAbsent(s0.component()[i], c -> new HashSet<>()).add(s1.component()[newIndex[i]]);
            if (s0.degree()[i] > 0 && s1.degree()[newIndex[i]] == 0) {
                newlyIsolated.add(g.providers().get(i));
            }
        }
        for (Set<Integer> pieces : piecesOf.values()) {
            if (pieces.size() > 1) {
                split++;
            }
        }
        Set<String> topBefore = new HashSet<>();
        current.brokers().stream().limit(WHAT_IF_BROKERS).forEach(b -> topBefore.add(b.provider().id()));
        List<Broker> brokersAfter = IntStream.range(0, remaining.size()).boxed()
                .filter(i -> s1.betweenness()[i] > 0)
                .sorted(Comparator.<Integer>comparingDouble(i -> -s1.betweenness()[i]).thenComparing(i -> remaining.get(i).id()))
                .limit(WHAT_IF_BROKERS)
                .map(i -> new Broker(remaining.get(i), Connectivity.normalised(s1.betweenness()[i], remaining.size()),
                        s1.degree()[i], 0))
                .toList();
        List<String> emerging = brokersAfter.stream().map(b -> b.provider().id()).filter(id -> !topBefore.contains(id)).toList();

        List<CoverageLoss> coverage = List.of();
        long[] clients = {0, 0, 0};
        if (!providerIds.isEmpty()) {
            List<String> removed = List.copyOf(providerIds);
            coverage = Objects.requireNonNull(read.execute(tx -> List.copyOf(neo4j.query("""
                            UNWIND $removed AS id
                            MATCH (p:Provider {id: id})-[:SERVES|LOCATED_IN]->(m:Municipality)
                            WITH DISTINCT m, p.type AS type
                            WHERE NOT EXISTS {
                              MATCH (m)<-[:SERVES|LOCATED_IN]-(q:Provider) WHERE q.type = type AND NOT q.id IN $removed }
                            RETURN DISTINCT m.code AS code, m.name AS name, type ORDER BY name, type""")
                    .bind(removed).to("removed")
                    .fetchAs(CoverageLoss.class)
                    .mappedBy((t, r) -> new CoverageLoss(r.get("code").asString(), r.get("name").asString(), r.get("type").asString()))
                    .all())));
            read.executeWithoutResult(tx -> neo4j.query("""
                            MATCH (p:Provider)-[:CARES_FOR|COORDINATES]->(c:Client) WHERE p.id IN $removed
                            WITH DISTINCT c
                            WITH c,
                                 EXISTS { (c)<-[:COORDINATES]-(x:Provider) WHERE x.id IN $removed }
                                 AND NOT EXISTS { (c)<-[:COORDINATES]-(y:Provider) WHERE NOT y.id IN $removed } AS losesCoordinator,
                                 [(c)<-[:CARES_FOR|COORDINATES]-(x:Provider) WHERE x.id IN $removed | x.type] AS lostTypes,
                                 [(c)<-[:CARES_FOR|COORDINATES]-(y:Provider) WHERE NOT y.id IN $removed | y.type] AS keptTypes,
                                 [(c)-[:HAS_CONDITION]->(:Condition)<-[:FOR]-(:CarePathway)-[r:REQUIRES]->(t:ProviderType)
                                   WHERE NOT coalesce(r.optional, false) | t.code] AS required
                            RETURN count(c) AS affected,
                                   count(CASE WHEN losesCoordinator THEN 1 END) AS coordinator,
                                   count(CASE WHEN any(t IN lostTypes WHERE t IN required AND NOT t IN keptTypes) THEN 1 END) AS required""")
                    .bind(removed).to("removed").fetch().one().ifPresent(r -> {
                        clients[0] = ((Number) r.get("affected")).longValue();
                        clients[1] = ((Number) r.get("required")).longValue();
                        clients[2] = ((Number) r.get("coordinator")).longValue();
                    }));
        }
        java.util.function.LongFunction<SuppressedCount> count = user.role() == Role.POLICY_ANALYST
                ? SuppressedCount::of : SuppressedCount::exact;
        return new WhatIf(parameters, providerIds.stream().map(id -> g.providers().get(g.index().get(id)))
                        .sorted(Comparator.comparing(ProviderRef::name)).toList(), networkName,
                n, s0.ties(), s1.ties(), s0.components(), s1.components(), s0.largestComponent(), s1.largestComponent(),
                s0.isolated().length, s1.isolated().length, split,
                newlyIsolated.stream().limit(Analysis.LIST_LIMIT).toList(), brokersAfter, emerging, coverage,
                count.apply(clients[0]), count.apply(clients[1]), count.apply(clients[2]),
                Duration.ofNanos(System.nanoTime() - start));
    }

    // ------------------------------------------------------------------------------------------------- computation

    /** One provider of the region as the query returns it; its ties stay driver values until they are read. */
    private record Row(String id, String name, String type, String domain, String municipality, Value collaborations,
                       Value sharing, Value networks) {
    }

    /**
     * The region's providers (sorted by id, optionally one domain) and what ties them, read with one query. Ties are
     * index pairs in primitive maps (a province has hundreds of thousands): {@code shared} holds the shared clients per
     * pair, {@code collaborations} and {@code agreements} (the formal ones) the kinds between them as bits of
     * {@code kindNames}; {@link #ties} picks the chosen kinds.
     */
    private record RegionGraph(List<ProviderRef> providers, Map<String, Integer> index, PairCounts shared,
                               PairCounts agreements, PairCounts collaborations, List<String> kindNames,
                               Map<String, List<Integer>> members) {

        /** The tie pairs {a, b, 1} of the chosen kinds, leaving out the ties of {@code withoutNetwork}'s membership. */
        List<int[]> ties(Set<TieKind> kinds, @Nullable String withoutNetwork, int[] largeNetworks) {
            PairCounts tieSet = new PairCounts(Math.max(16, collaborations.size() + shared.size()));
            if (kinds.contains(TieKind.COLLABORATION)) {
                collaborations.forEach((a, b, bits) -> tieSet.increment(a, b));
            }
            if (kinds.contains(TieKind.SHARING)) {
                shared.forEach((a, b, count) -> tieSet.increment(a, b));
            }
            if (kinds.contains(TieKind.NETWORK)) {
                for (Map.Entry<String, List<Integer>> network : members.entrySet()) {
                    List<Integer> group = network.getValue();
                    if (network.getKey().equals(withoutNetwork)) {
                        continue;
                    }
                    if (group.size() > MAX_NETWORK_MEMBERS) {
                        largeNetworks[0]++;
                        continue;
                    }
                    for (int i = 0; i < group.size(); i++) {
                        for (int j = i + 1; j < group.size(); j++) {
                            if (!group.get(i).equals(group.get(j))) {
                                tieSet.increment(group.get(i), group.get(j));
                            }
                        }
                    }
                }
            }
            return Arrays.asList(tieSet.atLeast(1));
        }

        /** The kind names of a set of kind bits, sorted. */
        List<String> kinds(int bits) {
            List<String> names = new ArrayList<>();
            for (int k = 0; k < Math.min(kindNames.size(), KIND_BITS); k++) {
                if ((bits & (1 << k)) != 0) {
                    // The last bit stands for every kind from there on when there are more kinds than bits.
                    names.add(k == KIND_BITS - 1 && kindNames.size() > KIND_BITS ? "OVERIG" : kindNames.get(k));
                }
            }
            names.sort(null);
            return List.copyOf(names);
        }
    }

    /** At most this many distinct collaboration kinds are told apart (bits of an int); more share the last bit. */
    private static final int KIND_BITS = 31;

    /**
     * The region graph for these parameters: read now, or the one read moments ago for the same region (a what-if after
     * its report). A new derivation of the patient-sharing network changes the key, so a stale graph is never used.
     */
    private RegionGraph graph(Parameters parameters) {
        GraphKey key = new GraphKey(parameters.regionCode(), parameters.minimumShared(), parameters.domain(),
                sharing.computedAt().orElse(null));
        synchronized (graphs) {
            CachedGraph cached = graphs.get(key);
            if (cached != null && System.nanoTime() - cached.readAtNanos() < GRAPH_CACHE_TIME.toNanos()) {
                return cached.graph();
            }
        }
        long readAt = System.nanoTime();
        RegionGraph g = load(parameters);
        // A graph read while the patient-sharing network is being derived may hold half of it: never kept.
        if (key.sharingComputedAt() != null) {
            synchronized (graphs) {
                graphs.put(key, new CachedGraph(g, readAt));
            }
        }
        return g;
    }

    private RegionGraph load(Parameters parameters) {
        List<ProviderRef> providers = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        Map<String, List<Integer>> members = new HashMap<>();
        List<String> kindNames = new ArrayList<>();
        Map<String, Integer> kindBits = new HashMap<>();
        // The driver's values are read directly (no conversion of every nested list into Java collections).
        List<Row> rows = Objects.requireNonNull(read.execute(tx -> List.copyOf(neo4j.query(REGION_GRAPH)
                .bind(parameters.regionCode()).to("region").bind(parameters.minimumShared()).to("minimumShared")
                .fetchAs(Row.class).mappedBy((types, r) -> new Row(r.get("id").asString(), r.get("name").asString(""),
                        r.get("type").asString(""), r.get("domain").asString(""), r.get("municipality").asString(""),
                        r.get("collaborations"), r.get("sharing"), r.get("networks")))
                .all())));
        // Indexes by provider id, so the same data always gives the same communities and sample.
        rows = rows.stream().sorted(Comparator.comparing(Row::id)).toList();
        int tieEnds = 0;
        for (Row row : rows) {
            if (parameters.domain() != null && !parameters.domain().equals(row.domain())) {
                continue;
            }
            index.put(row.id(), providers.size());
            providers.add(new ProviderRef(row.id(), row.name(), row.type(), row.domain(), row.municipality()));
            tieEnds += row.collaborations().size() + row.sharing().size();
        }
        PairCounts shared = new PairCounts(Math.max(16, tieEnds / 2));
        PairCounts agreements = new PairCounts(Math.max(16, tieEnds / 4));
        PairCounts collaborations = new PairCounts(Math.max(16, tieEnds / 2));
        for (Row row : rows) {
            Integer a = index.get(row.id());
            if (a == null) {
                continue;
            }
            for (Value c : row.collaborations().values()) {
                Integer b = index.get(c.get(0).asString());
                if (b != null && !b.equals(a)) {
                    int bit = 1 << kindBits.computeIfAbsent(c.get(1).asString(""), name -> {
                        kindNames.add(name);
                        return Math.min(kindNames.size() - 1, KIND_BITS - 1);
                    });
                    collaborations.or(a, b, bit);
                    if (c.get(2).asBoolean(false)) {
                        agreements.or(a, b, bit);
                    }
                }
            }
            for (Value t : row.sharing().values()) {
                Integer b = index.get(t.get(0).asString());
                if (b != null && !b.equals(a)) {
                    shared.add(a, b, t.get(1).asInt());
                }
            }
            for (Value n : row.networks().values()) {
                members.computeIfAbsent(n.asString(), x -> new ArrayList<>()).add(a);
            }
        }
        return new RegionGraph(providers, index, shared, agreements, collaborations, kindNames, members);
    }

    private Report compute(Parameters parameters, RegionSummary region, @Nullable OffsetDateTime sharingAt,
            BooleanSupplier cancelled) {
        long start = System.nanoTime();
        RegionGraph g = graph(parameters);
        List<ProviderRef> providers = g.providers();
        int[] large = new int[1];
        List<int[]> pairs = g.ties(parameters.kinds(), null, large);
        int largeNetworks = large[0];
        Duration loading = Duration.ofNanos(System.nanoTime() - start);
        long computeStart = System.nanoTime();
        Structure s = Connectivity.of(providers.size(), pairs, cancelled);
        int n = providers.size();

        // Domains around each provider (as bits) and ties per domain pair, on int arrays: a province has 600,000 ties.
        List<String> domainNames = providers.stream().map(ProviderRef::domain).distinct().sorted().toList();
        Map<String, Integer> domainIndex = new HashMap<>();
        domainNames.forEach(d -> domainIndex.put(d, domainIndex.size()));
        int[] domainOf = new int[n];
        for (int i = 0; i < n; i++) {
            domainOf[i] = domainIndex.get(providers.get(i).domain());
        }
        int domains = domainNames.size();
        long[][] byDomains = new long[domains][domains];
        long across = 0;
        long[] around = new long[n];
        for (int[] p : pairs) {
            int da = domainOf[p[0]];
            int db = domainOf[p[1]];
            byDomains[Math.min(da, db)][Math.max(da, db)]++;
            if (da != db) {
                across++;
            }
            around[p[0]] |= 1L << Math.min(db, 63);
            around[p[1]] |= 1L << Math.min(da, 63);
        }
        List<DomainTies> domainTies = new ArrayList<>();
        for (int a = 0; a < domains; a++) {
            for (int b = a; b < domains; b++) {
                if (byDomains[a][b] > 0) {
                    domainTies.add(new DomainTies(domainNames.get(a), domainNames.get(b), byDomains[a][b]));
                }
            }
        }
        domainTies.sort(Comparator.comparingLong(DomainTies::ties).reversed());

        List<Broker> brokers = IntStream.range(0, n).boxed()
                .filter(i -> s.betweenness()[i] > 0)
                .sorted(Comparator.<Integer>comparingDouble(i -> -s.betweenness()[i]).thenComparing(i -> providers.get(i).id()))
                .limit(Analysis.LIST_LIMIT)
                .map(i -> new Broker(providers.get(i), Connectivity.normalised(s.betweenness()[i], n), s.degree()[i],
                        Long.bitCount(around[i])))
                .toList();
        List<CutPoint> cutPoints = s.articulationPoints().entrySet().stream()
                .sorted(Comparator.<Map.Entry<Integer, Integer>>comparingInt(e -> -e.getValue())
                        .thenComparing(e -> providers.get(e.getKey()).id()))
                .limit(Analysis.LIST_LIMIT)
                .map(e -> new CutPoint(providers.get(e.getKey()), e.getValue(), s.degree()[e.getKey()])).toList();
        List<Bridge> bridges = s.bridges().stream().limit(Analysis.LIST_LIMIT)
                .map(b -> providers.get(b[0]).id().compareTo(providers.get(b[1]).id()) < 0
                        ? new Bridge(providers.get(b[0]), providers.get(b[1]))
                        : new Bridge(providers.get(b[1]), providers.get(b[0]))).toList();
        List<ProviderRef> isolated = Arrays.stream(s.isolated()).limit(Analysis.LIST_LIMIT).mapToObj(providers::get).toList();

        List<Community> communities = new ArrayList<>();
        Map<Integer, List<Integer>> byCommunity = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            byCommunity.computeIfAbsent(s.community()[i], c -> new ArrayList<>()).add(i);
        }
        byCommunity.forEach((c, list) -> {
            if (communities.size() < Analysis.LIST_LIMIT && list.size() > 1) {
                communities.add(new Community(c + 1, list.size(), most(list, i -> providers.get(i).domain()),
                        most(list, i -> providers.get(i).type()),
                        (int) list.stream().map(i -> providers.get(i).municipalityCode()).distinct().count()));
            }
        });
        int realCommunities = (int) s.communitySizes().stream().filter(size -> size > 1).count();

        // Formal versus actual: counted over all pairs, listed (and only then made into records) for the first rows.
        List<long[]> withoutSharingPairs = new ArrayList<>();
        g.agreements().forEach((a, b, bits) -> {
            if (g.shared().count(a, b) == 0) {
                withoutSharingPairs.add(new long[] {a, b, bits});
            }
        });
        Comparator<long[]> byNames = Comparator.<long[], String>comparing(p -> firstName(providers, p))
                .thenComparing(p -> secondName(providers, p))
                .thenComparingLong(p -> Math.min(p[0], p[1])).thenComparingLong(p -> Math.max(p[0], p[1]));
        List<Pair> withoutSharing = withoutSharingPairs.stream().sorted(byNames).limit(Analysis.LIST_LIMIT)
                .map(p -> pair(providers, (int) p[0], (int) p[1], 0, g.kinds((int) p[2]))).toList();
        long withoutSharingCount = withoutSharingPairs.size();
        List<long[]> withoutAgreementPairs = new ArrayList<>();
        g.shared().forEach((a, b, count) -> {
            if (count >= parameters.heavySharing() && g.collaborations().count(a, b) == 0) {
                withoutAgreementPairs.add(new long[] {a, b, count});
            }
        });
        List<Pair> withoutAgreement = withoutAgreementPairs.stream()
                .sorted(Comparator.<long[]>comparingLong(p -> -p[2]).thenComparing(byNames)).limit(Analysis.LIST_LIMIT)
                .map(p -> pair(providers, (int) p[0], (int) p[1], p[2], List.of())).toList();
        long withoutAgreementCount = withoutAgreementPairs.size();

        List<MunicipalityFigures> municipalities = municipalityFigures(parameters.regionCode(), providers, domainOf, pairs, s);

        // The picture: all providers when few enough, otherwise the best connected (by betweenness, then degree).
        List<Integer> drawn = IntStream.range(0, n).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -s.betweenness()[i]).thenComparingInt(i -> -s.degree()[i])
                        .thenComparing(i -> providers.get(i).id()))
                .limit(PICTURE_LIMIT).toList();
        Set<Integer> drawnSet = new HashSet<>(drawn);
        List<Node> nodes = drawn.stream().map(i -> new Node(providers.get(i), s.community()[i], s.component()[i],
                s.degree()[i], Connectivity.normalised(s.betweenness()[i], n))).toList();
        List<Edge> edges = pairs.stream().filter(p -> drawnSet.contains(p[0]) && drawnSet.contains(p[1]))
                .map(p -> new Edge(providers.get(p[0]).id(), providers.get(p[1]).id())).toList();

        return new Report(parameters, region.name(), region.kind(), n, s.ties(), s.density(), s.meanDegree(), s.maxDegree(),
                s.degreeDistribution(), s.components(), s.largestComponent(),
                s.componentSizes().stream().limit(Analysis.LIST_LIMIT).toList(), isolated, s.isolated().length, brokers,
                s.betweennessEstimated(), s.betweennessSources(), bridges, s.bridges().size(), cutPoints, s.articulationPoints().size(), domainTies,
                pairs.isEmpty() ? 0 : (double) across / pairs.size(), communities, realCommunities, s.modularity(),
                withoutSharing, withoutSharingCount, withoutAgreement, withoutAgreementCount,
                largeNetworks, nodes, edges, n <= PICTURE_LIMIT, List.copyOf(providers), municipalities, sharingAt, OffsetDateTime.now(), loading,
                Duration.ofNanos(System.nanoTime() - computeStart));
    }

    /** Per municipality of the region (those without providers too): its providers' figures within the region graph. */
    private List<MunicipalityFigures> municipalityFigures(String regionCode, List<ProviderRef> providers, int[] domainOf,
            List<int[]> pairs, Structure s) {
        Map<String, String> names = new TreeMap<>();
        read.executeWithoutResult(tx -> neo4j.query(
                        "MATCH (:Region {code: $region})<-[:IN_REGION]-(m:Municipality) RETURN m.code AS code, m.name AS name")
                .bind(regionCode).to("region").fetch().all()
                .forEach(r -> names.put((String) r.get("code"), (String) r.get("name"))));
        Map<String, Integer> slot = new HashMap<>();
        List<String> codes = new ArrayList<>(names.keySet());
        codes.forEach(c -> slot.put(c, slot.size()));
        int m = codes.size();
        int[] count = new int[m];
        long[] tieEnds = new long[m];
        int[] isolated = new int[m];
        int[] inLargest = new int[m];
        int[] cutPoints = new int[m];
        double[] brokerage = new double[m];
        long[] across = new long[m];
        int n = providers.size();
        int[] home = new int[n];
        for (int i = 0; i < n; i++) {
            Integer at = slot.get(providers.get(i).municipalityCode());
            home[i] = at == null ? -1 : at;
            if (at == null) {
                continue;
            }
            count[at]++;
            if (s.degree()[i] == 0) {
                isolated[at]++;
            } else if (s.component()[i] == 0) {
                inLargest[at]++;
            }
            if (s.articulationPoints().containsKey(i)) {
                cutPoints[at]++;
            }
            brokerage[at] += Connectivity.normalised(s.betweenness()[i], n);
        }
        for (int[] p : pairs) {
            boolean crosses = domainOf[p[0]] != domainOf[p[1]];
            for (int end : new int[] {p[0], p[1]}) {
                if (home[end] >= 0) {
                    tieEnds[home[end]]++;
                    if (crosses) {
                        across[home[end]]++;
                    }
                }
            }
        }
        List<MunicipalityFigures> figures = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            figures.add(new MunicipalityFigures(codes.get(i), names.get(codes.get(i)), count[i], tieEnds[i], isolated[i],
                    inLargest[i], cutPoints[i], brokerage[i], across[i]));
        }
        figures.sort(Comparator.comparing(MunicipalityFigures::name).thenComparing(MunicipalityFigures::code));
        return List.copyOf(figures);
    }

    /** The pair with the providers in name order. */
    private static Pair pair(List<ProviderRef> providers, int i, int j, long sharedClients, List<String> kinds) {
        ProviderRef a = providers.get(i);
        ProviderRef b = providers.get(j);
        return a.name().compareTo(b.name()) <= 0 ? new Pair(a, b, sharedClients, kinds) : new Pair(b, a, sharedClients, kinds);
    }

    private static String firstName(List<ProviderRef> providers, long[] pair) {
        String a = providers.get((int) pair[0]).name();
        String b = providers.get((int) pair[1]).name();
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String secondName(List<ProviderRef> providers, long[] pair) {
        String a = providers.get((int) pair[0]).name();
        String b = providers.get((int) pair[1]).name();
        return a.compareTo(b) <= 0 ? b : a;
    }

    private static String most(List<Integer> members, java.util.function.IntFunction<String> value) {
        Map<String, Integer> counts = new HashMap<>();
        members.forEach(i -> counts.merge(value.apply(i), 1, Integer::sum));
        return counts.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey).orElse("");
    }
}
