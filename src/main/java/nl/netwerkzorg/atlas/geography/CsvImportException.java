package nl.netwerkzorg.atlas.geography;

import java.util.List;
import java.util.stream.Collectors;

/** An import was rejected as a whole; nothing was written. Carries one problem per offending line. */
public class CsvImportException extends RuntimeException {

    private final List<RowProblem> problems;

    public CsvImportException(List<RowProblem> problems) {
        super(problems.stream().limit(20).map(RowProblem::toString).collect(Collectors.joining("; "))
                + (problems.size() > 20 ? "; … (" + problems.size() + " problems)" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<RowProblem> problems() {
        return problems;
    }

    /** A problem with line {@code line} of the file (1 = header). */
    public record RowProblem(int line, String message) {
        @Override
        public String toString() {
            return "regel " + line + ": " + message;
        }
    }
}
