package nl.netwerkzorg.atlas.demo;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import nl.netwerkzorg.atlas.geography.SearchPlane;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import nl.netwerkzorg.atlas.database.EmbeddedNeo4j;
import nl.netwerkzorg.atlas.geography.MunicipalityGeometry;
import nl.netwerkzorg.atlas.geography.ReferenceGeography;

/**
 * Writes a deterministic synthetic data set (providers, networks, clients and their personal networks)
 * for a preset and seed: plans rows with {@link DemoPlanner} and writes them in parameterised
 * {@code UNWIND} batches, one transaction per batch; one thread plans while two writers write
 * (providers first, then networks, collaborations and clients). The graph depends on the seed only,
 * not on the order in which batches are committed. With the embedded database the batches go through its
 * Java API instead of Bolt (see {@link StatementWriter}); reads always use the driver.
 */
@Component
public class DemoDataGenerator {

    static final int PROVIDER_BATCH = 10_000;
    static final int NETWORK_BATCH = 200;
    static final int COLLABORATION_BATCH = 25_000;
    /** Clients per transaction (≈ 11 relationships and 2 nodes each); a batch never spans municipalities. */
    static final int CLIENT_BATCH = 5_000;
    /**
     * Concurrent writers; planning runs on its own thread. On the 2-core reference machine three writers keep both cores
     * busy while a transaction commits (NATIONAL: 2 → 85k, 3 → 98k, 4 → 95k relationships/s; docs/benchmarks.md).
     */
    static final int WRITERS = 3;
    /**
     * Labels whose plain indexes are dropped while loading and built once afterwards ({@link DeferredIndexes}):
     * NATIONAL 140.6 s → see docs/benchmarks.md.
     */
    static final List<String> BULK_LABELS = List.of("Provider", "Client", "InformalCarer", "Network");
    /** Planned batches waiting for a writer. */
    static final int QUEUE = 3;

    /*
     * Every statement starts with CYPHER replan=skip: the store grows by millions of records while the
     * same statements run, and the statistics divergence would otherwise make Neo4j re-plan them again
     * and again (same plan, wasted CPU). Endpoints are looked up once per batch by element id
     * (NodeByElementIdSeek, no index lookup or index lock per row) and addressed per row by their position
     * in the collected list; the WHERE after each collect checks that the list is complete and in order,
     * otherwise the statement creates nothing and the writer's count check fails.
     */

    private static final String READ_MUNICIPALITIES = """
            MATCH (m:Municipality)
            RETURN m.code AS code, m.name AS name, m.provinceCode AS provinceCode,
                   coalesce(m.inhabitants, 0) AS inhabitants,
                   [(m)-[:IN_REGION]->(z:Region {kind: 'ZORGKANTOOR'}) | [z.code, z.name]] AS zorgkantoor,
                   [(m)-[:IN_REGION]->(g:Region {kind: 'GGD'}) | [g.code, g.name]] AS ggd
            ORDER BY code""";

    private static final String READ_PATHWAYS = """
            MATCH (cp:CarePathway)-[:FOR]->(k:Condition)
            MATCH (cp)-[r:REQUIRES]->(t:ProviderType)
            RETURN cp.code AS code, k.code AS condition, t.code AS type,
                   coalesce(r.optional, false) AS optional, coalesce(r.maxKm, 0) AS maxKm
            ORDER BY code, condition, type""";

    private static final String READ_ELEMENT_IDS = """
            MATCH (n:Municipality) RETURN 'M' AS kind, n.code AS key, elementId(n) AS elementId
            UNION ALL
            MATCH (n:Condition) RETURN 'K' AS kind, n.code AS key, elementId(n) AS elementId""";

    /** {@code $ms}: element ids of all municipalities; rows are lists, see {@link #providerRow}. */
    private static final String CREATE_PROVIDERS = """
            CYPHER replan=skip
            CALL () {
              UNWIND $ms AS e
              MATCH (m:Municipality) WHERE elementId(m) = e
              RETURN collect(m) AS ms
            }
            WITH ms WHERE size(ms) = size($ms) AND all(i IN range(0, size(ms) - 1) WHERE elementId(ms[i]) = $ms[i])
            UNWIND $rows AS r
            WITH ms, r, ms[r[14]] AS m
            CREATE (p:Provider {id: r[0], agb: r[1], kvk: r[2], name: r[3], type: r[4], domain: r[5],
                    location: point({latitude: r[6], longitude: r[7]}), address: r[8], municipalityCode: r[16],
                    searchPoint: point({x: r[17], y: r[18]}),
                    acceptingClients: r[9], waitingDays: r[10], capacity: r[11], available: r[12],
                    capacityUpdatedAt: r[13]})-[:LOCATED_IN]->(m)
            FOREACH (i IN r[15] | FOREACH (s IN [ms[i]] | CREATE (p)-[:SERVES]->(s)))
            RETURN collect([r[0], elementId(p)]) AS ids""";

    private static final String CREATE_NETWORKS = """
            CYPHER replan=skip
            UNWIND $rows AS row
            CREATE (n:Network {id: row.id, name: row.name, kind: row.kind, focusCondition: row.focus})
            WITH n, row
            CALL (n, row) {
              UNWIND row.covers AS code
              MATCH (m:Municipality {code: code})
              CREATE (n)-[:COVERS]->(m)
            }
            CALL (n, row) {
              UNWIND row.focusList AS code
              MATCH (k:Condition {code: code})
              CREATE (n)-[:FOCUSES_ON]->(k)
            }
            CALL (n, row) {
              UNWIND row.members AS member
              MATCH (p:Provider) WHERE elementId(p) = member.p
              CREATE (p)-[:MEMBER_OF {role: member.role, since: member.since}]->(n)
            }""";

    private static final String CREATE_COLLABORATIONS = """
            CYPHER replan=skip
            UNWIND $rows AS r
            MATCH (a:Provider) WHERE elementId(a) = r[0]
            MATCH (b:Provider) WHERE elementId(b) = r[1]
            CREATE (a)-[:COLLABORATES_WITH {kind: r[2], since: r[3], formal: r[4]}]->(b)""";

    /**
     * The clients of (part of) one municipality with their whole personal networks, no subqueries:
     * {@code $m} the municipality, {@code $ks} the conditions and {@code $ps} the providers the batch
     * refers to (element ids); rows are lists, see {@link #clientBatch}.
     */
    static final String CREATE_CLIENTS = """
            CYPHER replan=skip
            MATCH (m:Municipality) WHERE elementId(m) = $m
            CALL () {
              UNWIND $ks AS e
              MATCH (k:Condition) WHERE elementId(k) = e
              RETURN collect(k) AS ks
            }
            CALL () {
              UNWIND $ps AS e
              MATCH (p:Provider) WHERE elementId(p) = e
              RETURN collect(p) AS ps
            }
            WITH m, ks, ps WHERE size(ks) = size($ks) AND size(ps) = size($ps)
              AND all(i IN range(0, size(ks) - 1) WHERE elementId(ks[i]) = $ks[i])
              AND all(i IN range(0, size(ps) - 1) WHERE elementId(ps[i]) = $ps[i])
            UNWIND $rows AS r
            CREATE (c:Client {id: r[0], birthYear: r[1], ageBand: r[2], municipalityCode: $code,
                    location: point({latitude: r[3], longitude: r[4]}), objections: r[5]})-[:LIVES_IN]->(m)
            FOREACH (i IN r[6] | FOREACH (k IN [ks[i]] | CREATE (c)-[:HAS_CONDITION]->(k)))
            FOREACH (x IN r[7] | FOREACH (p IN [ps[x[0]]] | CREATE (p)-[:CARES_FOR {role: x[1], since: x[2]}]->(c)))
            FOREACH (i IN r[8] | FOREACH (p IN [ps[i]] | CREATE (p)-[:COORDINATES]->(c)))
            FOREACH (x IN r[9] | CREATE (:InformalCarer {id: x[0], role: x[1]})-[:SUPPORTS]->(c))
            FOREACH (x IN r[10] | FOREACH (p IN [ps[x[2]]] |
                CREATE (p)<-[:KNOWN_TO]-(:InformalCarer {id: x[0], role: x[1]})-[:SUPPORTS]->(c)))""";

    /** Generated labels, deleted by {@link #clear()}; constants, never data. */
    private static final List<String> CLEAR_STATEMENTS = List.of(
            "MATCH (n:InformalCarer) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 20000 ROWS",
            "MATCH (n:Client) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS",
            "MATCH (n:Network) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 100 ROWS",
            "MATCH (n:Provider) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS");

    private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);

    private final Driver driver;
    private final StatementWriter writer;
    private final ReferenceGeography geography;
    private final DeferredIndexes deferredIndexes;

    /** {@code embedded} is there only in embedded mode; an external database is written over Bolt. */
    public DemoDataGenerator(Driver driver, ObjectProvider<EmbeddedNeo4j> embedded, ReferenceGeography geography) {
        this.driver = driver;
        this.writer = embedded.stream().findFirst()
                .<StatementWriter>map(e -> new StatementWriter.Embedded(e.database()))
                .orElseGet(() -> new StatementWriter.Bolt(driver));
        this.geography = geography;
        this.deferredIndexes = new DeferredIndexes(driver);
    }

    /**
     * Builds again any index a bulk load dropped and did not get to restore (the application stopped mid-load); start-up
     * calls this before anything reads. Returns how many were created.
     */
    public int restoreDeferredIndexes() {
        return deferredIndexes.restore();
    }

    /** Generates the preset into a database without generated data (see {@link #clear()}). */
    public GenerationReport generate(DataPreset preset, long seed, GenerationProgress progress) {
        long start = System.nanoTime();
        GenerationProgress serialProgress = serialized(progress);
        serialProgress.update("Voorbereiden", 0, 1);
        List<MunicipalityInput> municipalities = readMunicipalities(preset);
        List<PathwaySpec> pathways = readPathways();
        Map<String, String> municipalityIds = new HashMap<>();
        Map<String, String> conditionIds = new TreeMap<>();
        readElementIds(municipalityIds, conditionIds);
        DemoPlanner planner = DemoPlanner.plan(municipalities, pathways, seed);
        serialProgress.update("Voorbereiden", 1, 1);
        deferredIndexes.defer(BULK_LABELS);
        long planned = System.nanoTime();
        log.info("Planned {} municipalities and {} providers in {} ms; writing {}", municipalities.size(),
                planner.providers().providers().size(), (planned - start) / 1_000_000, writer.route());

        Counts counts = new Counts();
        Map<String, String> providerIds = new ConcurrentHashMap<>();
        List<PlannedProvider> providers = planner.providers().providers();
        // The plan dates capacity reports relative to a fixed reference time; written relative to now, so a fresh demo
        // shows mostly current availability (and ages like real reports until someone updates them).
        Duration reportShift = Duration.between(DemoPlanner.REFERENCE_TIME, OffsetDateTime.now(ZoneOffset.UTC))
                .truncatedTo(ChronoUnit.MINUTES);
        Map<String, Long> slots = typeSlots();
        writeConcurrently(batches -> providerBatches(providers, municipalityIds, providerIds, reportShift, slots, batches,
                serialProgress), counts);
        if (providerIds.size() != providers.size()) {
            throw new IllegalStateException("Provider ids are not unique in the plan");
        }
        long providersWritten = System.nanoTime();
        long providerRelationships = counts.relationships();
        log.info("Providers written: {} nodes, {} relationships in {} ms", counts.nodes(), providerRelationships,
                (providersWritten - planned) / 1_000_000);
        progress.providersWritten();
        writeConcurrently(batches -> {
            networkBatches(planner.networks().networks(), providerIds, municipalityIds, conditionIds, batches,
                    serialProgress);
            collaborationBatches(planner, providerIds, batches, serialProgress);
            clientBatches(planner, providerIds, municipalityIds, conditionIds, batches, serialProgress);
        }, counts);
        log.info("Networks, collaborations and clients written: {} relationships in {} ms",
                counts.relationships() - providerRelationships, (System.nanoTime() - providersWritten) / 1_000_000);
        serialProgress.update("Indexen", 0, 1);
        deferredIndexes.restore();
        serialProgress.update("Indexen", 1, 1);
        return new GenerationReport(preset, seed, providers.size(), counts.clients(),
                counts.nodes(), counts.relationships(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** Each provider type's search-point slot (given at start by provider.SearchPoints, before any generation). */
    private Map<String, Long> typeSlots() {
        Map<String, Long> slots = new HashMap<>();
        try (Session session = driver.session()) {
            for (Record r : session.executeRead(tx -> tx.run("MATCH (t:ProviderType) RETURN t.code AS code, t.slot AS slot").list())) {
                if (!r.get("slot").isNull()) {
                    slots.put(r.get("code").asString(), r.get("slot").asLong());
                }
            }
        }
        return slots;
    }

    private void readElementIds(Map<String, String> municipalities, Map<String, String> conditions) {
        try (Session session = driver.session()) {
            for (Record r : session.executeRead(tx -> tx.run(READ_ELEMENT_IDS).list())) {
                (r.get("kind").asString().equals("M") ? municipalities : conditions)
                        .put(r.get("key").asString(), r.get("elementId").asString());
            }
        }
    }

    /** Providers with LOCATED_IN and SERVES; fills provider id → element id as batches are written. */
    private static void providerBatches(List<PlannedProvider> providers, Map<String, String> municipalityIds,
            Map<String, String> providerIds, Duration reportShift, Map<String, Long> slots, Consumer<Batch> batches,
            GenerationProgress progress) {
        PhaseProgress done = new PhaseProgress("Zorgaanbieders", providers.size(), progress);
        for (int from = 0; from < providers.size(); from += PROVIDER_BATCH) {
            List<PlannedProvider> batch = providers.subList(from, Math.min(providers.size(), from + PROVIDER_BATCH));
            Refs ms = new Refs(municipalityIds, "municipality");
            List<List<Object>> rows = new ArrayList<>(batch.size());
            long relationships = 0;
            for (PlannedProvider p : batch) {
                rows.add(providerRow(p, ms, reportShift, slots));
                relationships += 1 + p.serves().size();
            }
            batches.accept(new Batch(CREATE_PROVIDERS, Map.of("ms", ms.elementIds(), "rows", rows), batch.size(),
                    relationships, 0, created -> {
                        for (Object ids : (List<?>) created.getFirst().get("ids")) {
                            List<?> pair = (List<?>) ids;
                            providerIds.put((String) pair.get(0), (String) pair.get(1));
                        }
                        done.add(batch.size());
                    }));
        }
    }

    private static void networkBatches(List<PlannedNetwork> networks, Map<String, String> providerIds,
            Map<String, String> municipalityIds, Map<String, String> conditionIds, Consumer<Batch> batches,
            GenerationProgress progress) {
        PhaseProgress done = new PhaseProgress("Netwerken", networks.size(), progress);
        for (int from = 0; from < networks.size(); from += NETWORK_BATCH) {
            List<PlannedNetwork> batch = networks.subList(from, Math.min(networks.size(), from + NETWORK_BATCH));
            List<Map<String, Object>> rows = new ArrayList<>(batch.size());
            long relationships = 0;
            for (PlannedNetwork n : batch) {
                rows.add(networkRow(n, providerIds));
                relationships += n.covers().stream().filter(municipalityIds::containsKey).count()
                        + (n.focusCondition() != null && conditionIds.containsKey(n.focusCondition()) ? 1 : 0)
                        + n.members().size();
            }
            batches.accept(new Batch(CREATE_NETWORKS, Map.of("rows", rows), batch.size(), relationships, 0,
                    _ -> done.add(batch.size())));
        }
    }

    private static void collaborationBatches(DemoPlanner planner, Map<String, String> providerIds,
            Consumer<Batch> batches, GenerationProgress progress) {
        List<PlannedProvider> providers = planner.providers().providers();
        List<PlannedCollaboration> collaborations = planner.networks().collaborations();
        PhaseProgress done = new PhaseProgress("Samenwerkingen", collaborations.size(), progress);
        for (int from = 0; from < collaborations.size(); from += COLLABORATION_BATCH) {
            List<PlannedCollaboration> batch = collaborations.subList(from,
                    Math.min(collaborations.size(), from + COLLABORATION_BATCH));
            List<List<Object>> rows = new ArrayList<>(batch.size());
            for (PlannedCollaboration c : batch) {
                rows.add(List.of(elementId(providerIds, providers.get(c.from()).id()),
                        elementId(providerIds, providers.get(c.to()).id()), c.kind(), c.since(), c.formal()));
            }
            batches.accept(new Batch(CREATE_COLLABORATIONS, Map.of("rows", rows), 0, batch.size(), 0,
                    _ -> done.add(batch.size())));
        }
    }

    /** Clients municipality by municipality (planned here, on the producer thread), at most one municipality a batch. */
    private static void clientBatches(DemoPlanner planner, Map<String, String> providerIds,
            Map<String, String> municipalityIds, Map<String, String> conditionIds, Consumer<Batch> batches,
            GenerationProgress progress) {
        List<MunicipalityInput> municipalities = planner.providers().municipalities();
        List<String> conditionOrder = List.copyOf(conditionIds.keySet());
        List<String> conditionElementIds = List.copyOf(conditionIds.values());
        MunicipalityProgress done = new MunicipalityProgress(municipalities.size(), progress);
        planner.forEachMunicipality((m, clients) -> {
            String code = municipalities.get(m).code();
            String municipality = elementId(municipalityIds, code);
            done.expect(m, (clients.size() + CLIENT_BATCH - 1) / CLIENT_BATCH);
            for (int from = 0; from < clients.size(); from += CLIENT_BATCH) {
                batches.accept(clientBatch(code, municipality, conditionOrder, conditionElementIds,
                        clients.subList(from, Math.min(clients.size(), from + CLIENT_BATCH)), providerIds,
                        () -> done.written(m)));
            }
        });
    }

    /**
     * Runs the producer on its own thread and writes the batches it hands over (bounded queue) with
     * {@link #WRITERS} concurrent writers, one transaction per batch. Returns when
     * all batches are written; the first failure stops the others and is rethrown.
     */
    private void writeConcurrently(Consumer<Consumer<Batch>> producer, Counts counts) {
        BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUE);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1,
                Thread.ofPlatform().name("atlas-demo-", 0).daemon(true).factory());
        try {
            CompletionService<Void> tasks = new ExecutorCompletionService<>(pool);
            tasks.submit(() -> {
                producer.accept(batch -> put(queue, batch));
                for (int w = 0; w < WRITERS; w++) {
                    put(queue, Batch.END);
                }
                return null;
            });
            for (int w = 0; w < WRITERS; w++) {
                tasks.submit(() -> {
                    for (Batch batch = queue.take(); batch != Batch.END; batch = queue.take()) {
                        batch.written().accept(write(batch, counts));
                    }
                    return null;
                });
            }
            for (int i = 0; i < WRITERS + 1; i++) {
                tasks.take().get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("Writing failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** A statement with its parameters, what it must create, and what to do once it is committed. */
    record Batch(String query, Map<String, Object> parameters, long nodes, long relationships, long clients,
            Consumer<List<Map<String, Object>>> written, StatementWriter.@Nullable CoreWrite core) {

        Batch(String query, Map<String, Object> parameters, long nodes, long relationships, long clients,
                Consumer<List<Map<String, Object>>> written) {
            this(query, parameters, nodes, relationships, clients, written, null);
        }

        static final Batch END = new Batch("", Map.of(), 0, 0, 0, _ -> {
        });
    }

    /** Done/total of a phase whose batches finish on several threads. */
    private static final class PhaseProgress {
        private final String phase;
        private final long total;
        private final GenerationProgress progress;
        private long done;

        PhaseProgress(String phase, long total, GenerationProgress progress) {
            this.phase = phase;
            this.total = total;
            this.progress = progress;
            progress.update(phase, 0, total);
        }

        synchronized void add(long count) {
            done += count;
            progress.update(phase, done, total);
        }
    }

    private static void put(BlockingQueue<Batch> queue, Batch batch) {
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Planning interrupted");
        }
    }

    /** Counts municipalities whose client batches are all written, for progress in municipality units. */
    private static final class MunicipalityProgress {
        private final int[] pending;
        private final GenerationProgress progress;
        private int done;

        MunicipalityProgress(int total, GenerationProgress progress) {
            this.pending = new int[total];
            this.progress = progress;
            progress.update("Cliënten", 0, total);
        }

        synchronized void expect(int municipality, int batches) {
            pending[municipality] = batches;
            if (batches == 0) {
                progress.update("Cliënten", ++done, pending.length);
            }
        }

        synchronized void written(int municipality) {
            if (--pending[municipality] == 0) {
                progress.update("Cliënten", ++done, pending.length);
            }
        }
    }

    /**
     * Deletes all generated nodes (Provider, Client, InformalCarer, Network) and their relationships in
     * batches; reference data, municipalities, regions and users stay.
     */
    public void clear() {
        try (Session session = driver.session()) {
            for (String statement : CLEAR_STATEMENTS) {
                session.run(statement).consume();
            }
        }
    }

    /** Totals as counted by the database; the client writers add concurrently. */
    private static final class Counts {
        private long nodes;
        private long relationships;
        private long clients;

        synchronized void add(long nodes, long relationships, long clients) {
            this.nodes += nodes;
            this.relationships += relationships;
            this.clients += clients;
        }

        synchronized long nodes() {
            return nodes;
        }

        synchronized long relationships() {
            return relationships;
        }

        synchronized long clients() {
            return clients;
        }
    }

    /**
     * Runs the statement in one transaction and checks that the database created exactly the planned
     * nodes and relationships (a missing endpoint would otherwise silently drop data).
     */
    private List<Map<String, Object>> write(Batch batch, Counts counts) {
        StatementWriter.Written written = writer.write(batch.query(), batch.parameters(), batch.core());
        if (written.nodesCreated() != batch.nodes() || written.relationshipsCreated() != batch.relationships()) {
            throw new IllegalStateException("Expected %d nodes and %d relationships, the database created %d and %d"
                    .formatted(batch.nodes(), batch.relationships(), written.nodesCreated(),
                            written.relationshipsCreated()));
        }
        counts.add(batch.nodes(), batch.relationships(), batch.clients());
        return written.rows();
    }

    /** Progress callbacks one at a time (client batches finish on several threads). */
    private static GenerationProgress serialized(GenerationProgress progress) {
        Object lock = new Object();
        return (phase, done, total) -> {
            synchronized (lock) {
                progress.update(phase, done, total);
            }
        };
    }

    private static String elementId(Map<String, String> elementIds, String key) {
        String elementId = elementIds.get(key);
        if (elementId == null) {
            throw new IllegalStateException("Not in the database: " + key);
        }
        return elementId;
    }

    /** The nodes one batch refers to: element ids in first-use order, addressed by position in the statement. */
    private static final class Refs {
        private final Map<String, String> elementIds;
        private final String what;
        private final Map<String, Integer> positions = new HashMap<>();
        private final List<String> list = new ArrayList<>();

        Refs(Map<String, String> elementIds, String what) {
            this.elementIds = elementIds;
            this.what = what;
        }

        int position(String key) {
            Integer position = positions.get(key);
            if (position == null) {
                String elementId = elementIds.get(key);
                if (elementId == null) {
                    throw new IllegalStateException("Unknown " + what + " " + key);
                }
                position = list.size();
                positions.put(key, position);
                list.add(elementId);
            }
            return position;
        }

        List<String> elementIds() {
            return list;
        }
    }

    /**
     * One transaction of clients of one municipality. Row: [id, birthYear, ageBand, lat, lon, objections,
     * [condition position], [[provider position, role, since]] (CARES_FOR), [provider position] (COORDINATES),
     * [[carer id, role]] (SUPPORTS only), [[carer id, role, provider position]] (SUPPORTS and KNOWN_TO)].
     * Same graph as one client at a time: conditions unknown to the database are skipped, COORDINATES goes to
     * the care whose provider is the coordinator, a carer known to a provider hangs off that provider's care.
     */
    static Batch clientBatch(String code, String municipalityElementId,
            List<String> conditionOrder, List<String> conditionElementIds, List<PlannedClient> clients,
            Map<String, String> providerIds, Runnable written) {
        Refs providers = new Refs(providerIds, "provider");
        List<List<Object>> rows = new ArrayList<>(clients.size());
        long nodes = 0;
        long relationships = 0;
        for (PlannedClient c : clients) {
            List<Integer> conditions = new ArrayList<>(c.conditions().size());
            for (String condition : c.conditions()) {
                int k = Collections.binarySearch(conditionOrder, condition);
                if (k >= 0) {
                    conditions.add(k);
                }
            }
            List<List<Object>> cares = new ArrayList<>(c.cares().size());
            List<Integer> coordinates = new ArrayList<>(1);
            List<List<Object>> known = new ArrayList<>(0);
            for (PlannedClient.Care care : c.cares()) {
                int p = providers.position(care.providerId());
                cares.add(List.of(p, care.role(), care.since()));
                if (care.providerId().equals(c.coordinatorId())) {
                    coordinates.add(p);
                }
                for (PlannedClient.Carer k : c.carers()) {
                    if (care.providerId().equals(k.knownTo())) {
                        known.add(List.of(k.id(), k.role(), p));
                    }
                }
            }
            List<List<Object>> free = new ArrayList<>(c.carers().size());
            for (PlannedClient.Carer k : c.carers()) {
                if (k.knownTo() == null) {
                    free.add(List.of(k.id(), k.role()));
                }
            }
            rows.add(Arrays.asList(c.id(), asLong(c.birthYear()), c.ageBand(), c.latitude(), c.longitude(),
                    c.objections(), conditions, cares, coordinates, free, known));
            nodes += 1 + free.size() + known.size();
            relationships += 1 + conditions.size() + cares.size() + coordinates.size() + free.size()
                    + 2L * known.size();
        }
        Map<String, Object> parameters = Map.of("m", municipalityElementId, "code", code, "ks",
                conditionElementIds, "ps", providers.elementIds(), "rows", rows);
        return new Batch(CREATE_CLIENTS, parameters, nodes, relationships, clients.size(),
                _ -> written.run(), new ClientCoreWrite(parameters));
    }

    List<MunicipalityInput> readMunicipalities(DataPreset preset) {
        Map<String, MunicipalityGeometry> geometries = new HashMap<>();
        for (MunicipalityGeometry g : geography.municipalities()) {
            geometries.put(g.code(), g);
        }
        try (Session session = driver.session()) {
            List<Record> records = session.executeRead(tx -> tx.run(READ_MUNICIPALITIES).list());
            List<MunicipalityInput> result = new ArrayList<>();
            for (Record r : records) {
                String code = r.get("code").asString();
                MunicipalityGeometry geometry = geometries.get(code);
                String province = r.get("provinceCode").isNull() ? geometry == null ? "" : geometry.provinceCode()
                        : r.get("provinceCode").asString();
                if (geometry == null || !preset.includes(province)) {
                    continue; // no outline to place anything in, or outside the preset
                }
                String[] zk = firstRegion(r.get("zorgkantoor"), province, geometry.provinceName());
                String[] ggd = firstRegion(r.get("ggd"), province, geometry.provinceName());
                result.add(new MunicipalityInput(code, r.get("name").asString(geometry.name()), province,
                        r.get("inhabitants").asLong(), zk[0], zk[1], ggd[0], ggd[1], geometry));
            }
            return result;
        }
    }

    /** The region with the lowest code of the kind, or the province when the municipality has none. */
    private static String[] firstRegion(Value regions, String provinceCode, String provinceName) {
        return regions.asList(v -> v.asList(Value::asString)).stream()
                .min(Comparator.comparing((List<String> l) -> l.getFirst()))
                .map(l -> new String[] {l.get(0), l.get(1)})
                .orElse(new String[] {provinceCode, provinceName});
    }

    List<PathwaySpec> readPathways() {
        try (Session session = driver.session()) {
            List<Record> records = session.executeRead(tx -> tx.run(READ_PATHWAYS).list());
            Map<String, List<PathwaySpec.Requirement>> requirements = new java.util.LinkedHashMap<>();
            for (Record r : records) {
                requirements.computeIfAbsent(r.get("code").asString() + "\u0000" + r.get("condition").asString(),
                        k -> new ArrayList<>()).add(new PathwaySpec.Requirement(r.get("type").asString(),
                        r.get("optional").asBoolean(), r.get("maxKm").asInt()));
            }
            List<PathwaySpec> result = new ArrayList<>();
            requirements.forEach((key, reqs) -> {
                String[] parts = key.split("\u0000");
                result.add(new PathwaySpec(parts[0], parts[1], reqs));
            });
            return result;
        }
    }

    /** [id, agb, kvk, name, type, domain, lat, lon, address, accepting, waitingDays, capacity, available,
     *  updatedAt, municipality position, [served municipality positions], municipality code, search point x, y]. */
    private static List<Object> providerRow(PlannedProvider p, Refs municipalities, Duration reportShift,
            Map<String, Long> slots) {
        List<Integer> serves = new ArrayList<>(p.serves().size());
        for (String code : p.serves()) {
            serves.add(municipalities.position(code));
        }
        return Arrays.asList(p.id(), p.agb(), p.kvk(), p.name(), p.type().name(), p.type().domain, p.latitude(),
                p.longitude(), p.address(), p.acceptingClients(), asLong(p.waitingDays()), asLong(p.capacity()),
                asLong(p.available()), p.capacityUpdatedAt().plus(reportShift), municipalities.position(p.municipalityCode()), serves,
                p.municipalityCode(),
                SearchPlane.x(Objects.requireNonNull(slots.get(p.type().name()), "No slot for type " + p.type()), p.longitude()),
                SearchPlane.y(p.latitude()));
    }

    /**
     * Integers that become properties are passed as Long: Bolt has only 64-bit integers, but the embedded API
     * would store a Java int as a 32-bit one, and the graph must not depend on how it was written.
     */
    private static @Nullable Long asLong(@Nullable Integer value) {
        return value == null ? null : value.longValue();
    }

    private static Map<String, Object> networkRow(PlannedNetwork n, Map<String, String> providerIds) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", n.id());
        row.put("name", n.name());
        row.put("kind", n.kind());
        row.put("focus", n.focusCondition());
        row.put("focusList", n.focusCondition() == null ? List.of() : List.of(n.focusCondition()));
        row.put("covers", n.covers());
        row.put("members", n.members().stream()
                .map(m -> Map.of("p", elementId(providerIds, m.providerId()), "role", m.role(), "since", m.since()))
                .toList());
        return row;
    }
}
