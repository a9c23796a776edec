package nl.netwerkzorg.atlas.demo;

import java.time.Duration;

/** What one generation run wrote, as counted by the database, and how long it took. */
public record GenerationReport(DataPreset preset, long seed, long providers, long clients, long nodes,
        long relationships, Duration elapsed) {

    public double relationshipsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : relationships / seconds;
    }
}
