package nl.netwerkzorg.atlas.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Where the first-start generation of a synthetic data set stands, for the screens: the application accepts logins
 * while the data set is written in the background, and shows this (phase, overall percentage) until it is done.
 * Thread-safe; the generator thread writes, any UI thread reads a consistent {@link Snapshot}.
 */
@Component
public class GenerationStatus {

    /** Phases in order with their share of the total work (≈ their share of relationships written, rounded). */
    private static final Map<String, Integer> WEIGHTS = weights();

    public enum State {
        /** No generation at this start: the data set was there already, or preset NONE. */
        IDLE,
        RUNNING,
        DONE,
        FAILED
    }

    /**
     * @param preset  the preset being generated, or null when idle
     * @param phase   the phase last reported (Dutch phase name, see {@link #phaseKey})
     * @param percent overall progress, 0–100
     * @param failure the failure message when {@link State#FAILED}
     */
    public record Snapshot(State state, @Nullable DataPreset preset, String phase, int percent, @Nullable String failure,
                           @Nullable Instant startedAt) {

        public boolean running() {
            return state == State.RUNNING;
        }

        /** The i18n key of the phase ({@code data.phase.*}). */
        public String phaseKey() {
            return GenerationStatus.phaseKey(phase);
        }
    }

    private final Map<String, Double> fractions = new LinkedHashMap<>();
    private volatile Snapshot snapshot = new Snapshot(State.IDLE, null, "", 0, null, null);

    public Snapshot snapshot() {
        return snapshot;
    }

    public synchronized void started(DataPreset preset) {
        fractions.clear();
        snapshot = new Snapshot(State.RUNNING, preset, "Voorbereiden", 0, null, Instant.now());
    }

    /** Records progress of a phase; usable directly as (part of) a {@link GenerationProgress}. */
    public synchronized void update(String phase, long done, long total) {
        Snapshot current = snapshot;
        if (current.state() != State.RUNNING) {
            return;
        }
        fractions.put(phase, total <= 0 ? 1 : Math.min(1, (double) done / total));
        double sum = 0;
        int weights = 0;
        for (Map.Entry<String, Integer> w : WEIGHTS.entrySet()) {
            sum += w.getValue() * fractions.getOrDefault(w.getKey(), 0.0);
            weights += w.getValue();
        }
        int percent = (int) Math.min(99, Math.floor(100 * sum / weights));
        snapshot = new Snapshot(State.RUNNING, current.preset(), phase, Math.max(current.percent(), percent), null,
                current.startedAt());
    }

    public synchronized void finished() {
        Snapshot current = snapshot;
        snapshot = new Snapshot(State.DONE, current.preset(), current.phase(), 100, null, current.startedAt());
    }

    public synchronized void failed(String message) {
        Snapshot current = snapshot;
        snapshot = new Snapshot(State.FAILED, current.preset(), current.phase(), current.percent(), message,
                current.startedAt());
    }

    /** Time since the generation started, zero when none ran. */
    public Duration elapsed() {
        Instant started = snapshot.startedAt();
        return started == null ? Duration.ZERO : Duration.between(started, Instant.now());
    }

    static String phaseKey(String phase) {
        return switch (phase) {
            case "Zorgaanbieders" -> "data.phase.providers";
            case "Netwerken" -> "data.phase.networks";
            case "Samenwerkingen" -> "data.phase.collaborations";
            case "Cliënten" -> "data.phase.clients";
            case DERIVED_PHASE -> "data.phase.derived";
            case "Indexen" -> "data.phase.indexes";
            default -> "data.phase.preparing";
        };
    }

    /** The phase name the start-up uses while it computes the derived counts after writing. */
    public static final String DERIVED_PHASE = "Tellingen";

    private static Map<String, Integer> weights() {
        return Map.of("Voorbereiden", 2, "Zorgaanbieders", 6, "Netwerken", 1, "Samenwerkingen", 4, "Cliënten", 80,
                "Indexen", 2, DERIVED_PHASE, 5);
    }
}
