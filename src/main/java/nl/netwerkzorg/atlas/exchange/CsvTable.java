package nl.netwerkzorg.atlas.exchange;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import org.jspecify.annotations.Nullable;

/**
 * One CSV format of the Atlas (docs/import.md): its columns, its template, the checks and the write of an import, and
 * the export in exactly the same format. {@link DataImport} does what all formats share — size limits, parsing, the
 * header, the transaction, the history — and calls the table for the rest. Every method but {@link #afterCommit} runs
 * inside the import's (or export's) transaction.
 */
public interface CsvTable {

    ImportKind kind();

    /** The columns, in template and export order. */
    List<String> columns();

    /** The columns the header must have. */
    List<String> required();

    /** The template's example row(s). */
    List<List<Object>> example();

    /** Starts checking one file: loads what the checks look up. */
    Run start();

    /**
     * Starts checking one file of a dataset restore: the state it restores was valid when it was exported, so a table may
     * skip a rule about how that state may come about (an involvement begun before the client's objection).
     */
    default Run start(boolean restoring) {
        return start();
    }

    /** The rows of the whole dataset, or of the {@code scope}, in import format and a stable order. */
    default List<List<Object>> export(@Nullable ExportScope scope) {
        List<List<Object>> rows = new java.util.ArrayList<>();
        export(scope, rows::add);
        return rows;
    }

    /** The same rows, one by one as they are read (the large client tables stream; the others read a list). */
    default void export(@Nullable ExportScope scope, java.util.function.Consumer<List<Object>> sink) {
        export(scope).forEach(sink);
    }

    /** The column that holds the client's pseudonym, in client files (every client exported is access-logged). */
    default String clientColumn() {
        throw new UnsupportedOperationException(kind() + " holds no client data");
    }

    /** What is done once an import of this kind is committed (derived data, caches); runs outside the transaction. */
    default void afterCommit(Run run) {
    }

    /** A part of the dataset to export: the municipalities of a region and the providers that belong with them. */
    record ExportScope(String regionCode, Set<String> municipalities, Set<String> providers) {
    }

    /**
     * What is written, for the write: who imports, and when. {@code staged} is a dataset restore: every batch commits
     * on its own (the restore undoes them if it fails) and the clients' signals are evaluated afterwards for all.
     */
    record Writing(AtlasPrincipal user, OffsetDateTime now, String fileName, boolean staged) {
    }

    /** The check and write of one file. */
    interface Run {

        /** Checks one data row (cell count already right); keeps it when it has no problem. */
        void row(CsvCells cells);

        /** After every row is valid: the checks against the database; problems go to the list. */
        void checkDatabase(List<ImportProblem> problems);

        /** How many of the rows change something already there (the rest is new). */
        int existing();

        /** Writes every kept row; returns the relationships created. */
        long write(Writing writing);

        /**
         * For a network manager, after the other checks: every row must stay within the municipalities of their regions.
         * A table that does not say how is not theirs to import.
         */
        default void checkScope(Set<String> municipalities, List<ImportProblem> problems) {
            problems.add(new ImportProblem(0, "", "", "Deze soort gegevens importeert alleen een beheerder."));
        }

        /** The clients the file writes (access-logged), for client data. */
        default Collection<String> clientIds() {
            return List.of();
        }
    }
}
