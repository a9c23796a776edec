package nl.netwerkzorg.atlas.client;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import nl.netwerkzorg.atlas.base.CypherQueries;
import nl.netwerkzorg.atlas.analysis.PatientSharing;
import nl.netwerkzorg.atlas.database.DerivedDataMarkers;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The client quality rules (docs/quality-rules.md) applied and stored: every client carries its current
 * {@code flags} and {@code missingTypes} with {@code flagsComputedAt}, so lists filter and regions count without
 * evaluating the rules for every client on every request. An edit of a client's network recomputes that client in the
 * same transaction; a changed care pathway or a new patient-sharing network recomputes all clients in batches (the
 * marker {@code clientFlags} says when that last finished).
 */
@Service
public class ClientQualityRules {

    static final String KEY = "clientFlags";
    static final String RULES = CypherQueries.load("client_flags");
    private static final int BATCH = 10_000;
    private static final Logger log = LoggerFactory.getLogger(ClientQualityRules.class);

    /** Types that prescribe medication (huisarts, medisch specialist, GGZ, specialist ouderengeneeskunde). */
    static final List<String> PRESCRIBER_TYPES = List.of("HUISARTS", "ZIEKENHUIS", "GGZ", "SPECIALIST_OUDERENGENEESKUNDE");
    /** Conditions treated as chronic for the medication rule. */
    static final List<String> CHRONIC_CONDITIONS = List.of("DEMENTIE", "PARKINSON", "COPD", "HARTFALEN", "DIABETES",
            "GGZ_ERNSTIG", "KWETSBARE_OUDERE");
    /** Conditions that make a client frail for the living-alone rule. */
    static final List<String> FRAIL_CONDITIONS = List.of("DEMENTIE", "KWETSBARE_OUDERE", "PALLIATIEF");
    static final List<String> OLD_AGE_BANDS = List.of("75-84", "85+");

    /** The rule parameters every use of {@link #RULES} binds. */
    static final Map<String, Object> PARAMETERS = Map.of("prescriberTypes", PRESCRIBER_TYPES, "pharmacyType", "APOTHEEK",
            "homeNursingType", "WIJKVERPLEGING", "chronicConditions", CHRONIC_CONDITIONS,
            "frailConditions", FRAIL_CONDITIONS, "oldAgeBands", OLD_AGE_BANDS);

    /**
     * Stores the outcome on the client bound to {@code c}: the flag list, the missing types, the time, and one
     * {@code flag_<FLAG>} property per flag the client has (removed when it no longer has it), for the flag indexes.
     */
    static final String STORE = "SET c.flags = flags, c.missingTypes = [m IN missing | m.type], c.flagsComputedAt = $now"
            + java.util.Arrays.stream(ClientFlag.values())
                    .map(f -> ", c." + property(f) + " = CASE WHEN '" + f.name() + "' IN flags THEN true END")
                    .collect(java.util.stream.Collectors.joining());

    /** The property that marks a client with the flag (indexed with the municipality, migration V008). */
    static String property(ClientFlag flag) {
        return "flag_" + flag.name();
    }

    private final Neo4jClient neo4j;
    private final Driver driver;
    private final DerivedDataMarkers markers;
    private final AtomicReference<@Nullable CompletableFuture<Long>> running = new AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicBoolean again = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile long done;
    private volatile long total;

    ClientQualityRules(Neo4jClient neo4j, Driver driver, DerivedDataMarkers markers) {
        this.neo4j = neo4j;
        this.driver = driver;
        this.markers = markers;
    }

    /** When all clients were last evaluated; empty while that never finished. */
    public Optional<OffsetDateTime> computedAt() {
        return markers.computedAt(KEY);
    }

    /** Whether a recomputation of all clients is running, and how far: {done, total}. */
    public Optional<long[]> progress() {
        CompletableFuture<Long> current = running.get();
        return current != null && !current.isDone() ? Optional.of(new long[] {done, total}) : Optional.empty();
    }

    /** Re-evaluates one client inside the caller's transaction (an edit of their network). */
    @Transactional
    public List<ClientFlag> recompute(String clientId) {
        Map<String, Object> parameters = new HashMap<>(PARAMETERS);
        parameters.put("id", clientId);
        parameters.put("now", OffsetDateTime.now());
        return neo4j.query("MATCH (c:Client {id: $id})\n" + RULES + "\n" + STORE + "\nRETURN flags")
                .bindAll(parameters)
                .fetchAs(List.class).mappedBy((types, r) -> r.get("flags").asList(v -> v.asString()))
                .one().map(codes -> ClientFlag.of(castStrings(codes))).orElse(List.of());
    }

    /** Re-evaluates the given clients inside the caller's transaction (an import of their records or networks). */
    @Transactional
    public long recompute(java.util.Collection<String> clientIds) {
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(clientIds));
        long evaluated = 0;
        for (int from = 0; from < ids.size(); from += BATCH) {
            Map<String, Object> parameters = new HashMap<>(PARAMETERS);
            parameters.put("ids", ids.subList(from, Math.min(ids.size(), from + BATCH)));
            parameters.put("now", OffsetDateTime.now());
            evaluated += neo4j.query("UNWIND $ids AS id\nMATCH (c:Client {id: id})\n" + RULES + "\n" + STORE
                            + "\nRETURN count(c)")
                    .bindAll(parameters).fetchAs(Long.class).one().orElse(0L);
        }
        return evaluated;
    }

    @SuppressWarnings("unchecked")
    private static List<String> castStrings(List<?> codes) {
        return (List<String>) codes;
    }

    /**
     * Starts re-evaluating all clients on a background thread. When a run is already going, it is asked to run once more
     * after it finishes (what triggered this call may have changed clients it already passed), and its future is returned.
     */
    public synchronized CompletableFuture<Long> recomputeAllInBackground() {
        CompletableFuture<Long> current = running.get();
        if (current != null && !current.isDone()) {
            again.set(true);
            return current;
        }
        CompletableFuture<Long> started = new CompletableFuture<>();
        running.set(started);
        again.set(false);
        Thread.ofPlatform().name("atlas-client-flags").daemon(true).start(() -> {
            try {
                long evaluated;
                do {
                    again.set(false);
                    evaluated = recomputeAll();
                } while (again.get());
                started.complete(evaluated);
            } catch (RuntimeException e) {
                log.error("Evaluating the client quality rules failed", e);
                started.completeExceptionally(e);
            }
        });
        return started;
    }

    /**
     * Re-evaluates every client, {@value #BATCH} per transaction in id order, and stamps the marker. Readers meanwhile
     * see each client's old or new flags; the marker time is that of the start.
     */
    public long recomputeAll() {
        long start = System.nanoTime();
        OffsetDateTime now = OffsetDateTime.now();
        long evaluated = 0;
        try (Session session = driver.session()) {
            total = session.executeRead(tx -> tx.run("MATCH (c:Client) RETURN count(c)").single().get(0).asLong());
            done = 0;
            String after = "";
            while (true) {
                Map<String, Object> parameters = new HashMap<>(PARAMETERS);
                parameters.put("after", after);
                parameters.put("batch", BATCH);
                parameters.put("now", now);
                var last = session.executeWrite(tx -> tx.run("""
                        MATCH (c:Client) WHERE c.id > $after
                        WITH c ORDER BY c.id LIMIT $batch
                        """ + RULES + "\n" + STORE + "\nRETURN count(c) AS n, max(c.id) AS last",
                        parameters).single());
                long n = last.get("n").asLong();
                if (n == 0) {
                    break;
                }
                evaluated += n;
                done = evaluated;
                after = last.get("last").asString();
            }
        }
        markers.record(KEY, now, evaluated);
        log.info("Client quality rules evaluated for {} clients in {} ms", evaluated, (System.nanoTime() - start) / 1_000_000);
        return evaluated;
    }

    /** A new patient-sharing network changes who works together, so the integrated-care flag is evaluated again. */
    @EventListener
    void sharingDerived(PatientSharing.Derived event) {
        recomputeAllInBackground();
    }
}
