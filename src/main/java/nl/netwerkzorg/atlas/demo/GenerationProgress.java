package nl.netwerkzorg.atlas.demo;

/** Receives progress of a long-running generation: a phase label and done/total units within it. */
@FunctionalInterface
public interface GenerationProgress {

    void update(String phase, long done, long total);

    /** Called once all providers are written and committed, before networks, collaborations and clients. */
    default void providersWritten() {
    }

    GenerationProgress NONE = (phase, done, total) -> {
    };
}
