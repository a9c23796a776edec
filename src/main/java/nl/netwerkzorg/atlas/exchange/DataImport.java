package nl.netwerkzorg.atlas.exchange;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import nl.netwerkzorg.atlas.base.CsvExport;
import nl.netwerkzorg.atlas.client.ClientAccessLog;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.Role;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * CSV import of every {@link ImportKind} (docs/import.md): the file is checked first — size, encoding, header, every
 * row and every cell, then the references against the database — and the user gets every problem with its line,
 * column and value. Only a file without problems is written, in one transaction, with what depends on it; a failure
 * leaves nothing. Each attempt, accepted or not, is recorded in the import history. Client files also write one
 * access-log entry per client, in the same transaction. Administrators only.
 */
@Service
public class DataImport {

    /** The largest file accepted. */
    public static final int MAX_BYTES = 50 * 1024 * 1024;
    /** The most rows one file may hold. */
    public static final int MAX_ROWS = 200_000;
    /** Access-log entries written per transaction by a restore or a dataset export. */
    static final int LOG_BATCH = 50_000;
    /** Problems reported at most (the count of all is given). */
    public static final int MAX_PROBLEMS = 1_000;

    /** The outcome of checking a file: the rows found and every problem (at most {@link #MAX_PROBLEMS} listed). */
    public record Validation(String fileName, ImportKind kind, String encoding, int rows, int inserted, int updated,
                             List<ImportProblem> problems, int problemCount) {
        public boolean valid() {
            return problemCount == 0;
        }
    }

    /** What an import did: written only when the validation had no problem. */
    public record Result(Validation validation, boolean written, long relationships) {
    }

    /** One entry of the import history. */
    public record HistoryEntry(OffsetDateTime at, String username, String kind, String fileName, int rows, boolean accepted,
                               int problems, String summary) {
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DataImport.class);

    private final Neo4jClient neo4j;
    private final TransactionTemplate transactions;
    private final ClientAccessLog accessLog;
    private final Map<ImportKind, CsvTable> tables = new EnumMap<>(ImportKind.class);

    DataImport(Neo4jClient neo4j, PlatformTransactionManager transactionManager, ClientAccessLog accessLog,
            List<CsvTable> tables) {
        this.neo4j = neo4j;
        this.accessLog = accessLog;
        this.transactions = new TransactionTemplate(transactionManager);
        tables.forEach(t -> this.tables.put(t.kind(), t));
        for (ImportKind kind : ImportKind.values()) {
            if (!this.tables.containsKey(kind)) {
                throw new IllegalStateException("No CSV table for " + kind);
            }
        }
    }

    public CsvTable table(ImportKind kind) {
        return tables.get(kind);
    }

    /** The template: the header and an example, as Dutch Excel opens it. */
    public byte[] template(ImportKind kind) {
        CsvTable table = tables.get(kind);
        return CsvExport.toBytes(table.columns(), table.example());
    }

    /** Checks a file without writing anything. Administrators only. */
    public Validation validate(AtlasPrincipal user, ImportKind kind, String fileName, byte[] bytes) {
        requireImporter(user, kind);
        return retrying(() -> transactions.execute(status -> {
            status.setRollbackOnly();
            return check(tables.get(kind), fileName, bytes, true, Progress.NONE, scope(user)).validation();
        }));
    }

    /**
     * Checks the file and, only if it has no problem at all, writes it in one transaction. The attempt is recorded in the
     * history either way. Administrators only.
     */
    public Result importFile(AtlasPrincipal user, ImportKind kind, String fileName, byte[] bytes) {
        return importFile(user, kind, fileName, bytes, Progress.NONE);
    }

    /** How far an import is, for a progress bar: rows checked of all, then the write. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (phase, done, total) -> {
        };

        /** {@code phase} is CHECK (with rows done of total) or WRITE. Called from the importing thread. */
        void update(String phase, int done, int total);
    }

    /** {@link #importFile} reporting its progress every {@value #PROGRESS_STEP} rows checked and when it writes. */
    public Result importFile(AtlasPrincipal user, ImportKind kind, String fileName, byte[] bytes, Progress progress) {
        requireImporter(user, kind);
        return importChecked(user, kind, fileName, bytes, true, progress);
    }

    static final int PROGRESS_STEP = 2_000;

    /** The import without the upload limits (a restore of a whole dataset; the caller checked the user). */
    Result importChecked(AtlasPrincipal user, ImportKind kind, String fileName, byte[] bytes, boolean limits) {
        return importChecked(user, kind, fileName, bytes, limits, Progress.NONE);
    }

    private Result importChecked(AtlasPrincipal user, ImportKind kind, String fileName, byte[] bytes, boolean limits,
            Progress progress) {
        CsvTable table = tables.get(kind);
        Result result;
        CsvTable.Run[] written = new CsvTable.Run[1];
        try {
            result = retrying(() -> transactions.execute(status -> {
                Checked checked = check(table, fileName, bytes, limits, progress, scope(user));
                if (!checked.validation().valid()) {
                    status.setRollbackOnly();
                    return new Result(checked.validation(), false, 0);
                }
                progress.update("WRITE", checked.validation().rows(), checked.validation().rows());
                long relationships = write(user, kind, checked, "Beheer › Import " + checked.validation().fileName(), false);
                written[0] = checked.run();
                return new Result(checked.validation(), true, relationships);
            }));
        } catch (RuntimeException e) {
            // The transaction rolled back: nothing of the file is stored. The attempt is still part of the history.
            ImportProblem problem = ImportProblem.file("Opslaan mislukt, er is niets opgeslagen: " + e.getMessage());
            record(user, new Result(new Validation(fileName, kind, "", 0, 0, 0, List.of(problem), 1), false, 0));
            throw e;
        }
        record(user, result);
        if (result.written()) {
            log.info("Imported {} ({}): {} new, {} updated", fileName, kind, result.validation().inserted(),
                    result.validation().updated());
            table.afterCommit(written[0]);
        }
        return result;
    }

    /**
     * Runs a whole transaction again when the database reports a transient conflict with a concurrent writer (e.g. the
     * patient-sharing derivation); the failed attempt rolled back completely, so a retry is safe.
     */
    static <T> T retrying(Supplier<T> attempt) {
        for (int tries = 1; ; tries++) {
            try {
                return attempt.get();
            } catch (TransientDataAccessException e) {
                if (tries == 3) {
                    throw e;
                }
            }
        }
    }

    /** The newest imports first. Administrators only. */
    public List<HistoryEntry> history(AtlasPrincipal user, int limit) {
        if (user.role() != Role.ADMIN && user.role() != Role.NETWORK_MANAGER) {
            requireAdmin(user);
        }
        // A network manager sees their own imports; an administrator everyone's.
        return List.copyOf(neo4j.query("""
                        MATCH (h:ImportRecord) WHERE $everyone OR h.username = $username
                        RETURN h ORDER BY h.at DESC LIMIT $limit""")
                .bind(limit).to("limit").bind(user.role() == Role.ADMIN).to("everyone").bind(user.username()).to("username")
                .fetchAs(HistoryEntry.class).mappedBy((types, r) -> {
                    var h = r.get("h");
                    return new HistoryEntry(h.get("at").asOffsetDateTime(), h.get("username").asString(), h.get("kind").asString(),
                            h.get("fileName").asString(), h.get("rows").asInt(), h.get("accepted").asBoolean(),
                            h.get("problems").asInt(), h.get("summary").asString(""));
                }).all());
    }

    private void record(AtlasPrincipal user, Result result) {
        Validation v = result.validation();
        String summary = result.written()
                ? v.inserted() + " nieuw, " + v.updated() + " bijgewerkt"
                : v.problems().stream().limit(3).map(ImportProblem::toString).reduce((a, b) -> a + "; " + b).orElse("");
        transactions.executeWithoutResult(status -> neo4j.query("""
                        CREATE (:ImportRecord {id: randomUUID(), at: datetime(), username: $username, kind: $kind,
                                fileName: $fileName, rows: $rows, accepted: $accepted, problems: $problems, summary: $summary})""")
                .bindAll(Map.of("username", user.username(), "kind", v.kind().name(), "fileName", v.fileName(), "rows", v.rows(),
                        "accepted", result.written(), "problems", v.problemCount(), "summary", summary))
                .run());
    }

    /** The kinds a network manager imports and exports: the networks of their own regions and who is in them. */
    public static final Set<ImportKind> NETWORK_MANAGER_KINDS = java.util.EnumSet.of(ImportKind.NETWORKS, ImportKind.MEMBERSHIPS);

    /** The kinds this user may import. */
    public static List<ImportKind> kindsFor(AtlasPrincipal user) {
        return switch (user.role()) {
            case ADMIN -> List.of(ImportKind.values());
            case NETWORK_MANAGER -> List.copyOf(NETWORK_MANAGER_KINDS);
            default -> List.of();
        };
    }

    static void requireImporter(AtlasPrincipal user, ImportKind kind) {
        if (!kindsFor(user).contains(kind)) {
            throw new AccessDeniedException(user.role() == Role.NETWORK_MANAGER
                    ? "Een netwerkmanager importeert alleen netwerken en lidmaatschappen van de eigen regio's"
                    : "Alleen een beheerder importeert of exporteert gegevens");
        }
    }

    /** The municipalities of a network manager's regions (null: no limit, for an administrator). */
    @org.jspecify.annotations.Nullable Set<String> scope(AtlasPrincipal user) {
        if (user.role() != Role.NETWORK_MANAGER) {
            return null;
        }
        return Set.copyOf(neo4j.query("""
                        MATCH (m:Municipality)-[:IN_REGION]->(r:Region) WHERE r.code IN $regions RETURN DISTINCT m.code""")
                .bind(user.regionCodes()).to("regions").fetchAs(String.class).all());
    }

    static void requireAdmin(AtlasPrincipal user) {
        if (user.role() != Role.ADMIN) {
            throw new AccessDeniedException("Alleen een beheerder importeert of exporteert gegevens");
        }
    }

    /** A checked file: its validation and, when valid, the run that writes it. */
    record Checked(Validation validation, CsvTable.Run run) {
    }

    /**
     * Writes a valid checked file in the caller's transaction (or, {@code staged}, batch by batch in transactions of
     * their own), with an access-log entry per client for client data.
     */
    long write(AtlasPrincipal user, ImportKind kind, Checked checked, String context, boolean staged) {
        log.info("Writing {} ({}, {} rows) for {}", checked.validation().fileName(), kind, checked.validation().rows(),
                user.username());
        CsvTable.Writing writing = new CsvTable.Writing(user, OffsetDateTime.now(), checked.validation().fileName(), staged);
        long relationships = checked.run().write(writing);
        Collection<String> clients = checked.run().clientIds();
        if (kind.clientData() && !clients.isEmpty()) {
            // Staged (a restore, outside any transaction): each part of the log in a transaction of its own.
            List<String> ids = List.copyOf(clients);
            int part = staged ? LOG_BATCH : Integer.MAX_VALUE;
            for (int from = 0; from < ids.size(); from += part) {
                accessLog.record(user, ids.subList(from, (int) Math.min(ids.size(), (long) from + part)),
                        ClientAccessLog.Action.IMPORT, context);
            }
        }
        return relationships;
    }

    /** One file of an import of several kinds at once (a FHIR bundle translated into the CSV formats). */
    record Part(ImportKind kind, String fileName, byte[] bytes) {
    }

    /**
     * What an import of several parts did: all written, or nothing; {@code failed} is the first part with problems (the
     * parts after it were not checked: they may name what it holds).
     */
    record PartsResult(boolean written, @org.jspecify.annotations.Nullable ImportKind failed, List<ImportProblem> problems,
                       int problemCount, Map<ImportKind, Validation> validations, long relationships) {
    }

    /**
     * Checks and writes the parts in order in one transaction: each part is checked against the database as the parts
     * before it left it, so a membership may name a network of the same import. The first part with a problem rolls
     * everything back. Administrators only; the caller records the history.
     */
    PartsResult importParts(AtlasPrincipal user, List<Part> parts) {
        requireAdmin(user);
        List<Runnable> afterCommit = new ArrayList<>();
        PartsResult result = retrying(() -> transactions.execute(status -> {
            afterCommit.clear();
            Map<ImportKind, Validation> validations = new EnumMap<>(ImportKind.class);
            long relationships = 0;
            for (Part part : parts) {
                CsvTable table = tables.get(part.kind());
                Checked checked = check(table, part.fileName(), part.bytes(), true, Progress.NONE, null);
                validations.put(part.kind(), checked.validation());
                if (!checked.validation().valid()) {
                    status.setRollbackOnly();
                    return new PartsResult(false, part.kind(), checked.validation().problems(),
                            checked.validation().problemCount(), validations, 0);
                }
                relationships += write(user, part.kind(), checked, "Beheer › Import " + part.fileName(), false);
                CsvTable.Run run = checked.run();
                afterCommit.add(() -> table.afterCommit(run));
            }
            return new PartsResult(true, null, List.of(), 0, validations, relationships);
        }));
        if (result.written()) {
            for (Runnable hook : afterCommit) {
                try {
                    hook.run();
                } catch (RuntimeException e) {
                    // The import is committed; what follows it (caches, signals) must not make it look failed.
                    log.warn("After an import of several parts: {}", e.toString());
                }
            }
        }
        return result;
    }

    /** A history entry of an import that is not one CSV file (a FHIR bundle). */
    void recordOther(AtlasPrincipal user, String kind, String fileName, int rows, boolean accepted, int problems, String summary) {
        transactions.executeWithoutResult(status -> neo4j.query("""
                        CREATE (:ImportRecord {id: randomUUID(), at: datetime(), username: $username, kind: $kind,
                                fileName: $fileName, rows: $rows, accepted: $accepted, problems: $problems, summary: $summary})""")
                .bindAll(Map.of("username", user.username(), "kind", kind,
                        "fileName", fileName.length() > 200 ? fileName.substring(0, 200) : fileName, "rows", rows,
                        "accepted", accepted, "problems", problems, "summary", summary.length() > 500 ? summary.substring(0, 500) : summary))
                .run());
    }

    /** The history entry of a dataset restore. */
    void recordRestore(AtlasPrincipal user, String zipName, boolean restored, int rows, List<String> problems) {
        transactions.executeWithoutResult(status -> neo4j.query("""
                        CREATE (:ImportRecord {id: randomUUID(), at: datetime(), username: $username, kind: 'RESTORE',
                                fileName: $fileName, rows: $rows, accepted: $accepted, problems: $problems, summary: $summary})""")
                .bindAll(Map.of("username", user.username(), "fileName", zipName.length() > 200 ? zipName.substring(0, 200) : zipName,
                        "rows", rows, "accepted", restored, "problems", problems.size(),
                        "summary", restored ? "hersteld" : String.join("; ", problems.stream().limit(3).toList())))
                .run());
    }

    /** Every check, in the caller's transaction; reads only. */
    Checked check(CsvTable table, String fileName, byte[] bytes, boolean limits) {
        return check(table, fileName, bytes, limits, Progress.NONE, null);
    }

    /**
     * {@code scope}: the municipalities a network manager's regions hold, within which every row must stay (null for an
     * administrator).
     */
    private Checked check(CsvTable table, String fileName, byte[] bytes, boolean limits, Progress progress,
            @org.jspecify.annotations.Nullable Set<String> scope) {
        String name = fileName.length() > 200 ? fileName.substring(0, 200) : fileName;
        List<ImportProblem> problems = new ArrayList<>();
        if (limits && bytes.length > MAX_BYTES) {
            problems.add(ImportProblem.file("Het bestand is te groot (" + bytes.length / (1024 * 1024) + " MB, hoogstens "
                    + MAX_BYTES / (1024 * 1024) + " MB). Splits het in delen."));
            return done(table, name, "", 0, problems, null);
        }
        CsvFile.Parsed parsed = CsvFile.parse(bytes);
        problems.addAll(parsed.problems());
        int total = parsed.rows().size();
        if (parsed.header().isEmpty()) {
            return done(table, name, parsed.encoding(), total, problems, null);
        }
        List<String> columns = table.columns();
        Map<String, Integer> column = new LinkedHashMap<>();
        for (int i = 0; i < parsed.header().size(); i++) {
            String h = parsed.header().get(i);
            if (!columns.contains(h)) {
                problems.add(new ImportProblem(1, h, h, "Onbekende kolom; verwacht zijn " + String.join(";", columns) + "."));
            } else if (column.putIfAbsent(h, i) != null) {
                problems.add(new ImportProblem(1, h, h, "Deze kolom staat twee keer in de kopregel."));
            }
        }
        for (String required : table.required()) {
            if (!column.containsKey(required)) {
                problems.add(new ImportProblem(1, required, "", "De verplichte kolom '" + required + "' ontbreekt in de kopregel."));
            }
        }
        if (!problems.isEmpty() && parsed.rows().isEmpty() || problems.stream().anyMatch(p -> p.line() <= 1)) {
            return done(table, name, parsed.encoding(), total, problems, null);
        }
        if (parsed.rows().isEmpty() && limits) {
            problems.add(ImportProblem.file("Het bestand bevat alleen een kopregel, geen gegevens."));
            return done(table, name, parsed.encoding(), total, problems, null);
        }
        // (In a restore an empty table is data too: a dataset without imported inhabitants, say.)
        if (limits && total > MAX_ROWS) {
            problems.add(ImportProblem.file("Het bestand bevat " + total + " regels; hoogstens " + MAX_ROWS
                    + " per import. Splits het in delen."));
            return done(table, name, parsed.encoding(), total, problems, null);
        }
        if (limits && neo4j.query("MATCH (r:AtlasRestore) RETURN count(r) > 0").fetchAs(Boolean.class).one().orElse(false)) {
            // A restore in progress would delete this file's data if it fails, or mix with it if it succeeds.
            problems.add(ImportProblem.file("Er wordt nu een reservekopie hersteld; importeer als dat klaar is."));
            return done(table, name, parsed.encoding(), total, problems, null);
        }
        CsvTable.Run run = table.start(!limits);
        int checkedRows = 0;
        for (CsvFile.Row row : parsed.rows()) {
            if (checkedRows++ % PROGRESS_STEP == 0) {
                progress.update("CHECK", checkedRows - 1, total);
            }
            if (row.cells().size() != parsed.header().size()) {
                problems.add(new ImportProblem(row.line(), "", "", "De regel heeft " + row.cells().size() + " cellen; de kopregel "
                        + parsed.header().size() + ". Controleer het scheidingsteken ('" + parsed.separator() + "')."));
                continue;
            }
            run.row(new CsvCells(row, column, problems));
            if (problems.size() > MAX_PROBLEMS * 4) {
                break;
            }
        }
        // The references of the rows that passed are checked too, so one report holds a file's problems of both kinds.
        if (problems.size() <= MAX_PROBLEMS) {
            run.checkDatabase(problems);
            if (scope != null && problems.size() <= MAX_PROBLEMS) {
                run.checkScope(scope, problems);
            }
        }
        return done(table, name, parsed.encoding(), total, problems, run);
    }

    private static Checked done(CsvTable table, String name, String encoding, int total, List<ImportProblem> problems,
            CsvTable.Run run) {
        problems.sort(Comparator.comparingInt(ImportProblem::line));
        int count = problems.size();
        List<ImportProblem> listed = List.copyOf(problems.subList(0, Math.min(count, MAX_PROBLEMS)));
        int updated = count == 0 && run != null ? run.existing() : 0;
        return new Checked(new Validation(name, table.kind(), encoding, total, count == 0 ? total - updated : 0, updated,
                listed, count), run);
    }
}
