package nl.netwerkzorg.atlas.demo;

/** Receives progress of a long-running generation: a phase label and done/total units within it. */
@FunctionalInterface
public interface GenerationProgress {

    void update(String phase, long done, long total);

    GenerationProgress NONE = (phase, done, total) -> {
    };
}
