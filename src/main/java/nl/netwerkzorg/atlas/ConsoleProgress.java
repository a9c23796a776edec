package nl.netwerkzorg.atlas;

import java.io.PrintStream;

import nl.netwerkzorg.atlas.demo.GenerationProgress;

/** A console progress bar for data generation: redrawn in place on a terminal, a line per 10 % otherwise. */
final class ConsoleProgress implements GenerationProgress {

    private static final int WIDTH = 30;
    private final PrintStream out = System.out;
    private final boolean terminal = System.console() != null;
    private String lastPhase = "";
    private long lastTenth = -1;
    private long lastDraw;

    @Override
    public synchronized void update(String phase, long done, long total) {
        double fraction = total <= 0 ? 1 : Math.min(1, (double) done / total);
        if (terminal) {
            long now = System.nanoTime();
            if (phase.equals(lastPhase) && done < total && now - lastDraw < 100_000_000L) {
                return;
            }
            lastDraw = now;
            int filled = (int) Math.round(fraction * WIDTH);
            out.printf("\r%-24s [%s%s] %5.1f%% %,d/%,d", phase, "#".repeat(filled), ".".repeat(WIDTH - filled),
                    fraction * 100, done, total);
            if (done >= total) {
                out.println();
            }
        } else {
            long tenth = (long) Math.floor(fraction * 10);
            if (!phase.equals(lastPhase)) {
                lastTenth = -1;
            }
            if (tenth != lastTenth) {
                out.printf("%s: %d%% (%,d/%,d)%n", phase, tenth * 10, done, total);
                lastTenth = tenth;
            }
        }
        lastPhase = phase;
        out.flush();
    }
}
