package nl.netwerkzorg.atlas.analysis;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import nl.netwerkzorg.atlas.database.DerivedDataMarkers;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The patient-sharing network: {@code (:Provider)-[:SHARES_CLIENTS {count, computedAt}]->(:Provider)} for every pair of
 * providers that care for or coordinate at least {@code atlas.analysis.sharing-minimum} of the same clients — the
 * measure of working together in practice, next to the formal agreements. One tie per pair, from the provider with
 * the lower id to the other (the tie has no direction).
 *
 * <p>Derived in Java rather than in Cypher: one pass reads every client's providers (one row per client), the pairs are
 * counted in memory, and the ties are written in batches. At the national scale that is a few million ties; a single
 * transaction could not hold them, so while a derivation runs the marker is absent and readers treat the network as
 * not available ({@link #computedAt()} empty) instead of reading half of it. Runs after data generation and on
 * demand (an administrator in Analyse); one derivation at a time.
 */
@Service
public class PatientSharing {

    static final String KEY = "sharesClients";

    private static final Logger log = LoggerFactory.getLogger(PatientSharing.class);
    private static final int CANCEL_CHECK_EVERY = 10_000;

    /** The steps of a derivation, in order. */
    public enum Phase {
        READING, DELETING, WRITING, DONE
    }

    /** How far a running derivation is: its phase and, within it, done of total units (clients, ties). */
    public record Progress(Phase phase, long done, long total) {

        /** 0–100 over the whole derivation (reading weighs 40 %, deleting 10 %, writing 50 %). */
        public int percent() {
            double within = total == 0 ? 1 : Math.min(1, (double) done / total);
            double overall = switch (phase) {
                case READING -> 0.4 * within;
                case DELETING -> 0.4 + 0.1 * within;
                case WRITING -> 0.5 + 0.5 * within;
                case DONE -> 1;
            };
            return (int) Math.round(overall * 100);
        }
    }

    /** The outcome of a derivation. */
    public record Derivation(long clients, long pairs, long ties, int minimum, Duration readAndCount, Duration write,
                             OffsetDateTime computedAt) {
    }

    /** Thrown when a derivation was cancelled; the network then stays unavailable until derived again. */
    public static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("Afleiden van het patiëntdelingsnetwerk is afgebroken");
        }
    }

    /** Published when a derivation has finished and its marker is recorded: who works together may have changed. */
    public record Derived(OffsetDateTime computedAt) {
    }

    /** What the network looks like now: when it was derived, and any derivation running or failed. */
    public record Status(Optional<OffsetDateTime> computedAt, boolean running, @Nullable Progress progress,
                         @Nullable String failure, int minimum) {
    }

    private final Driver driver;
    private final DerivedDataMarkers markers;
    private final AnalysisProperties properties;
    private final AtomicReference<@Nullable CompletableFuture<Derivation>> running = new AtomicReference<>();
    private final AtomicReference<@Nullable Progress> progress = new AtomicReference<>();
    private final AtomicReference<@Nullable String> failure = new AtomicReference<>();
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private final Object derivationLock = new Object();
    private final ApplicationEventPublisher events;

    PatientSharing(Driver driver, DerivedDataMarkers markers, AnalysisProperties properties,
            ApplicationEventPublisher events) {
        this.events = events;
        this.driver = driver;
        this.markers = markers;
        this.properties = properties;
    }

    /** When the network was last derived completely; empty while it never was or while it is being derived. */
    public Optional<OffsetDateTime> computedAt() {
        return markers.computedAt(KEY);
    }

    public int minimum() {
        return properties.sharingMinimum();
    }

    public Status status() {
        CompletableFuture<Derivation> current = running.get();
        return new Status(computedAt(), current != null && !current.isDone(), progress.get(), failure.get(), minimum());
    }

    /**
     * Starts a derivation on a background thread, or returns the one already running. Its progress is in
     * {@link #status()}; {@link #cancel()} stops it between batches.
     */
    public synchronized CompletableFuture<Derivation> deriveInBackground() {
        CompletableFuture<Derivation> current = running.get();
        if (current != null && !current.isDone()) {
            return current;
        }
        CompletableFuture<Derivation> started = new CompletableFuture<>();
        running.set(started);
        cancelRequested.set(false);
        failure.set(null);
        Thread.ofPlatform().name("atlas-patient-sharing").daemon(true).start(() -> {
            try {
                started.complete(derive());
            } catch (RuntimeException e) {
                failure.set(String.valueOf(e.getMessage()));
                if (!(e instanceof Cancelled)) {
                    log.error("Deriving the patient-sharing network failed", e);
                }
                started.completeExceptionally(e);
            }
        });
        return started;
    }

    /** Asks a running derivation to stop (between batches); the network stays unavailable until derived again. */
    public void cancel() {
        cancelRequested.set(true);
    }

    /** Derives the network anew on the calling thread (tests, the benchmark and {@link #deriveInBackground()}). */
    public Derivation derive() {
        synchronized (derivationLock) {
            return deriveExclusively();
        }
    }

    private Derivation deriveExclusively() {
        long start = System.nanoTime();
        OffsetDateTime now = OffsetDateTime.now();
        markers.remove(KEY);

        // 1. Every provider gets a small index; every client's providers become index pairs counted in memory.
        Map<String, Integer> index = new HashMap<>();
        List<String> ids = new ArrayList<>();
        long clients;
        int[][] kept;
        long pairCount;
        try (Session session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
            session.executeRead(tx -> {
                tx.run("MATCH (p:Provider) RETURN p.id AS id").forEachRemaining(r -> {
                    index.put(r.get(0).asString(), ids.size());
                    ids.add(r.get(0).asString());
                });
                return null;
            });
            clients = session.executeRead(tx -> tx.run("MATCH (c:Client) RETURN count(c) AS n").single().get(0).asLong());
            PairCounts pairs = new PairCounts((int) Math.min(1L << 28, Math.max(1024, clients * 4)));
            update(Phase.READING, 0, clients);
            session.executeRead(tx -> {
                var result = tx.run("""
                        MATCH (c:Client)
                        RETURN [(c)<-[:CARES_FOR|COORDINATES]-(p:Provider) | p.id] AS providers""");
                int[] buffer = new int[64];
                long read = 0;
                while (result.hasNext()) {
                    Record r = result.next();
                    Value providers = r.get(0);
                    int n = 0;
                    for (Value v : providers.values()) {
                        if (n == buffer.length) {
                            buffer = Arrays.copyOf(buffer, n * 2);
                        }
                        // A provider written after the list was read (no snapshot isolation) gets its index now.
                        buffer[n++] = index.computeIfAbsent(v.asString(), id -> {
                            ids.add(id);
                            return ids.size() - 1;
                        });
                    }
                    Arrays.sort(buffer, 0, n);
                    for (int i = 0; i < n; i++) {
                        if (i > 0 && buffer[i] == buffer[i - 1]) {
                            continue; // cares for and coordinates the same client: one shared client, not two
                        }
                        for (int j = i + 1; j < n; j++) {
                            if (buffer[j] != buffer[j - 1]) {
                                pairs.increment(buffer[i], buffer[j]);
                            }
                        }
                    }
                    if (++read % CANCEL_CHECK_EVERY == 0) {
                        checkCancelled();
                        update(Phase.READING, read, clients);
                    }
                }
                return null;
            });
            kept = pairs.atLeast(properties.sharingMinimum());
            pairCount = pairs.size();
        }
        Duration counted = Duration.ofNanos(System.nanoTime() - start);

        // 2. The old ties go, in batches (a national network is too large for one transaction).
        long writeStart = System.nanoTime();
        update(Phase.DELETING, 0, 1);
        try (Session session = driver.session()) {
            session.run("""
                    MATCH ()-[t:SHARES_CLIENTS]->()
                    CALL (t) { DELETE t } IN TRANSACTIONS OF $batch ROWS""", Map.of("batch", properties.writeBatch()))
                    .consume();
        }
        checkCancelled();

        // 3. The new ties, in batches sorted by the first provider.
        update(Phase.WRITING, 0, kept.length);
        long written = 0;
        try (Session session = driver.session()) {
            for (int from = 0; from < kept.length; from += properties.writeBatch()) {
                int to = Math.min(kept.length, from + properties.writeBatch());
                List<List<Object>> rows = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) {
                    rows.add(List.of(ids.get(kept[i][0]), ids.get(kept[i][1]), kept[i][2]));
                }
                written += session.executeWrite(tx -> tx.run("""
                                UNWIND $rows AS row
                                MATCH (a:Provider {id: row[0]})
                                MATCH (b:Provider {id: row[1]})
                                CREATE (a)-[:SHARES_CLIENTS {count: row[2], computedAt: $now}]->(b)""",
                        Map.of("rows", rows, "now", now)).consume().counters().relationshipsCreated());
                update(Phase.WRITING, to, kept.length);
                checkCancelled();
            }
        }
        markers.record(KEY, now, written);
        update(Phase.DONE, 1, 1);
        Derivation derivation = new Derivation(clients, pairCount, written, properties.sharingMinimum(), counted,
                Duration.ofNanos(System.nanoTime() - writeStart), now);
        log.info("Patient-sharing network derived: {} clients, {} provider pairs share a client, {} ties with ≥ {} shared "
                        + "clients written; read and counted in {} ms, written in {} ms", clients, pairCount, written,
                properties.sharingMinimum(), counted.toMillis(), derivation.write().toMillis());
        events.publishEvent(new Derived(now));
        return derivation;
    }

    private void update(Phase phase, long done, long total) {
        progress.set(new Progress(phase, done, total));
    }

    private void checkCancelled() {
        if (cancelRequested.getAndSet(false)) {
            progress.set(null);
            throw new Cancelled();
        }
    }
}
