package nl.netwerkzorg.atlas.exchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import nl.netwerkzorg.atlas.analysis.AnalysisService;
import nl.netwerkzorg.atlas.base.CsvExport;
import nl.netwerkzorg.atlas.client.ClientAccessLog;
import nl.netwerkzorg.atlas.analysis.PatientSharing;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole dataset (or one region) as a zip of CSV files in the import formats plus {@code manifest.json} (format,
 * time, who, region, and per file its kind, rows and SHA-256), and the restore of such a zip (docs/operations.md). The
 * restore checks the manifest and every checksum, then imports the files in dependency order in one transaction: every
 * file is validated against what the files before it wrote, and one problem anywhere rolls back everything. It goes
 * into a database without providers, networks and clients, or replaces them when asked — within the same transaction.
 * Administrators only.
 */
@Service
public class DatasetBackup {

    /** The kinds a dataset zip holds, in restore order (service areas and capacity are part of the provider file). */
    public static final List<ImportKind> KINDS = List.of(ImportKind.REGIONS, ImportKind.INHABITANTS, ImportKind.PROVIDERS,
            ImportKind.NETWORKS, ImportKind.MEMBERSHIPS, ImportKind.COLLABORATIONS, ImportKind.CLIENTS,
            ImportKind.CARE_RELATIONS, ImportKind.CARERS);
    static final String FORMAT = "netwerkzorg-atlas-dataset/1";
    /** Largest zip a restore reads, and the most its files may hold unpacked (a zip bomb stops here). */
    public static final long MAX_ZIP_BYTES = 512L * 1024 * 1024, MAX_UNPACKED_BYTES = 4L * 1024 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(DatasetBackup.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What a restore did; {@code problems} name the file they are in. */
    public record Restore(boolean restored, Map<ImportKind, Integer> rows, List<String> problems) {
    }

    /** Refused before anything was read into the database. */
    public static final class RestoreRefused extends RuntimeException {
        RestoreRefused(String message) {
            super(message);
        }
    }

    private final Neo4jClient neo4j;
    private final DataImport imports;
    private final DataExport exports;
    private final ClientAccessLog accessLog;
    private final PatientSharing sharing;
    private final nl.netwerkzorg.atlas.client.ClientQualityRules rules;
    private final nl.netwerkzorg.atlas.client.ClientConditionCounts conditionCounts;
    private final nl.netwerkzorg.atlas.coverage.ProviderTypeCounts typeCounts;
    private final nl.netwerkzorg.atlas.demo.DemoDataGenerator generator;
    private final AnalysisService analysis;
    private final TransactionTemplate writing;
    private final TransactionTemplate reading;

    DatasetBackup(Neo4jClient neo4j, DataImport imports, DataExport exports, ClientAccessLog accessLog,
            PatientSharing sharing, AnalysisService analysis, PlatformTransactionManager transactionManager,
            nl.netwerkzorg.atlas.client.ClientQualityRules rules, nl.netwerkzorg.atlas.client.ClientConditionCounts conditionCounts,
            nl.netwerkzorg.atlas.coverage.ProviderTypeCounts typeCounts, nl.netwerkzorg.atlas.demo.DemoDataGenerator generator) {
        this.rules = rules;
        this.conditionCounts = conditionCounts;
        this.typeCounts = typeCounts;
        this.generator = generator;
        this.neo4j = neo4j;
        this.imports = imports;
        this.exports = exports;
        this.accessLog = accessLog;
        this.sharing = sharing;
        this.analysis = analysis;
        this.writing = new TransactionTemplate(transactionManager);
        this.reading = new TransactionTemplate(transactionManager);
        this.reading.setReadOnly(true);
    }

    /** The zip's file name for the region (or the country) at a time. */
    public static String fileName(Optional<String> regionCode, OffsetDateTime at) {
        return "netwerkzorg-atlas-" + regionCode.orElse("NL") + "-"
                + at.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().withNano(0).toString().replace(":", "") + ".zip";
    }

    /**
     * Writes the dataset zip to {@code out}: the files are read in one read transaction, so they agree with each other.
     * Every client in the export is access-logged first, in a transaction of its own. Administrators only.
     */
    public Map<ImportKind, Integer> export(AtlasPrincipal user, Optional<String> regionCode, OutputStream out) {
        DataImport.requireAdmin(user);
        Map<ImportKind, Integer> counts = new LinkedHashMap<>();
        List<String> clientIds = new ArrayList<>();
        OffsetDateTime at = OffsetDateTime.now();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            ObjectNode manifest = JSON.createObjectNode();
            manifest.put("format", FORMAT);
            manifest.put("createdAt", at.toString());
            manifest.put("createdBy", user.username());
            manifest.put("region", regionCode.orElse(""));
            manifest.put("schemaVersion", schemaVersion());
            ArrayNode files = manifest.putArray("files");
            // The clients exported are logged before the first byte leaves (NEN 7513: also an export that breaks off).
            CsvTable.ExportScope scope = regionCode.map(exports::scope).orElse(null);
            clientIds.addAll(neo4j.query(scope == null ? "MATCH (c:Client) RETURN c.id"
                            : "UNWIND $codes AS code MATCH (c:Client {municipalityCode: code}) RETURN c.id")
                    .bind(scope == null ? List.of() : List.copyOf(scope.municipalities())).to("codes")
                    .fetchAs(String.class).all());
            for (int from = 0; from < clientIds.size(); from += DataImport.LOG_BATCH) {
                List<String> part = clientIds.subList(from, Math.min(clientIds.size(), from + DataImport.LOG_BATCH));
                writing.executeWithoutResult(status -> accessLog.record(user, part, ClientAccessLog.Action.EXPORT,
                        "Beheer › Export dataset " + fileName(regionCode, at)));
            }
            // One read transaction, not retried: bytes may already have left.
            reading.execute(status -> {
                for (ImportKind kind : KINDS) {
                    CsvTable table = imports.table(kind);
                    String name = kind.fileStem() + ".csv";
                    try {
                        zip.putNextEntry(new ZipEntry(name));
                        MessageDigest digest = MessageDigest.getInstance("SHA-256");
                        // Rows stream from the database through the CSV writer and the checksum into the zip.
                        OutputStream entry = new java.security.DigestOutputStream(new java.io.FilterOutputStream(zip) {
                            @Override
                            public void write(byte[] b, int off, int len) throws IOException {
                                out.write(b, off, len);
                            }

                            @Override
                            public void close() {
                                // the zip stays open for the next entry
                            }
                        }, digest);
                        CsvExport.Writer csv = new CsvExport.Writer(entry, table.columns());
                        long[] rows = {0};
                        table.export(scope, row -> {
                            csv.row(row);
                            rows[0]++;
                        });
                        csv.flush();
                        zip.closeEntry();
                        ObjectNode file = files.addObject();
                        file.put("name", name);
                        file.put("kind", kind.name());
                        file.put("rows", rows[0]);
                        file.put("sha256", HexFormat.of().formatHex(digest.digest()));
                        counts.put(kind, (int) rows[0]);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (NoSuchAlgorithmException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return null;
            });
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.info("Exported the dataset{} for {}: {}", regionCode.map(r -> " of " + r).orElse(""), user.username(), counts);
        return counts;
    }

    /** The whole zip in memory (tests and the download of a small region). */
    public byte[] export(AtlasPrincipal user, Optional<String> regionCode) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export(user, regionCode, out);
        return out.toByteArray();
    }

    private String schemaVersion() {
        return neo4j.query("MATCH (m:__Neo4jMigration) RETURN m.version ORDER BY m.version DESC LIMIT 1")
                .fetchAs(String.class).one().orElse("");
    }

    /**
     * Restores a dataset zip into a database without providers, networks and clients. Refused with
     * {@link RestoreRefused} (nothing read into the database) when the zip or its manifest is wrong, a checksum differs,
     * the database already holds such data, or another restore runs.
     * <p>
     * Staged, because a whole dataset is too large for one transaction: a marker {@code (:AtlasRestore)} is committed
     * first; then every file is checked (against what the files before it wrote) and written in batches; region layers
     * and inhabitants, checked first, are written last together with the removal of the marker — the one commit that
     * makes the restore complete. When a file has a problem or anything fails, everything the restore wrote is deleted
     * again; when the process dies, the next start finds the marker and does the same ({@link #recoverInterruptedRestore}).
     * Either way the database is as it was. Administrators only.
     */
    public synchronized Restore restore(AtlasPrincipal user, String zipName, InputStream zipStream) {
        DataImport.requireAdmin(user);
        Map<ImportKind, byte[]> files = read(zipStream);
        writing.executeWithoutResult(status -> {
            long present = neo4j.query("""
                    CALL () { MATCH (p:Provider) RETURN count(p) AS providers }
                    CALL () { MATCH (n:Network) RETURN count(n) AS networks }
                    CALL () { MATCH (c:Client) RETURN count(c) AS clients }
                    CALL () { MATCH (r:AtlasRestore) RETURN count(r) AS restores }
                    RETURN providers + networks + clients + restores""").fetchAs(Long.class).one().orElse(0L);
            if (present > 0) {
                throw new RestoreRefused("De database bevat al zorgaanbieders, netwerken of cliënten. Een reservekopie "
                        + "wordt hersteld in een lege database (zie docs/operations.md: start met een nieuwe map en "
                        + "atlas.data.preset=NONE).");
            }
            neo4j.query("CREATE (:AtlasRestore {startedAt: datetime(), username: $username, fileName: $fileName})")
                    .bind(user.username()).to("username").bind(zipName).to("fileName").run();
        });
        log.info("Restoring dataset {} for {}", zipName, user.username());
        Map<ImportKind, Integer> rows = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<Runnable> afterCommit = new ArrayList<>();
        String context = "Beheer › Herstel " + zipName;
        boolean restored = false;
        try {
            // Region layers and inhabitants refer to nothing the other files write: checked now, written at the end.
            DataImport.Checked regions = checked(ImportKind.REGIONS, files, problems);
            DataImport.Checked inhabitants = regions == null ? null : checked(ImportKind.INHABITANTS, files, problems);
            if (inhabitants != null) {
                restored = true;
                for (ImportKind kind : KINDS.subList(2, KINDS.size())) {
                    DataImport.Checked checked = checked(kind, files, problems);
                    if (checked == null) {
                        restored = false;
                        break;
                    }
                    imports.write(user, kind, checked, context, true);
                    rows.put(kind, checked.validation().rows());
                    CsvTable table = imports.table(kind);
                    afterCommit.add(() -> table.afterCommit(checked.run()));
                }
            }
            if (restored) {
                writing.executeWithoutResult(status -> {
                    imports.write(user, ImportKind.REGIONS, regions, context, false);
                    imports.write(user, ImportKind.INHABITANTS, inhabitants, context, false);
                    neo4j.query("MATCH (r:AtlasRestore) DELETE r").run();
                });
                rows.put(ImportKind.REGIONS, regions.validation().rows());
                rows.put(ImportKind.INHABITANTS, inhabitants.validation().rows());
            }
        } catch (RuntimeException | Error e) {
            log.error("Restoring {} failed", zipName, e);
            problems.add("Herstellen mislukt: " + e);
            restored = false;
        } finally {
            if (!restored) {
                undo();
            }
        }
        imports.recordRestore(user, zipName, restored, rows.values().stream().mapToInt(Integer::intValue).sum(), problems);
        if (restored) {
            afterCommit.forEach(Runnable::run);
            analysis.clearCache();
            // Signals were not evaluated batch by batch: all at once now, and the shared-clients ties of Analyse.
            rules.recomputeAllInBackground();
            sharing.deriveInBackground();
            log.info("Restored dataset {} for {}: {}", zipName, user.username(), rows);
        }
        return new Restore(restored, rows, problems);
    }

    /** The file of the kind checked in a read transaction; null (with its problems listed) when it has any. */
    private DataImport.Checked checked(ImportKind kind, Map<ImportKind, byte[]> files, List<String> problems) {
        String name = kind.fileStem() + ".csv";
        DataImport.Checked checked = DataImport.retrying(() -> reading.execute(status ->
                imports.check(imports.table(kind), name, files.get(kind), false)));
        if (checked.validation().valid()) {
            return checked;
        }
        checked.validation().problems().forEach(p -> problems.add(name + ", " + p));
        if (checked.validation().problemCount() > checked.validation().problems().size()) {
            problems.add(name + ": " + checked.validation().problemCount() + " problemen in totaal");
        }
        return null;
    }

    /**
     * Deletes what an unfinished restore wrote — it began in a database without providers, networks and clients, so
     * all of those — and its marker. Access-log entries stay (the log is never changed).
     */
    private void undo() {
        generator.clear();
        writing.executeWithoutResult(status -> neo4j.query("MATCH (r:AtlasRestore) DELETE r").run());
        typeCounts.recomputeAll();
        conditionCounts.recomputeAll();
        analysis.clearCache();
        log.warn("The unfinished restore was undone: no providers, networks or clients are left from it");
    }

    /** At start: a restore that was cut off (the process died) is undone, so the database is as before it. */
    public void recoverInterruptedRestore() {
        Optional<String> interrupted = neo4j.query("MATCH (r:AtlasRestore) RETURN r.fileName + ' (' + toString(r.startedAt) + ')'")
                .fetchAs(String.class).one();
        if (interrupted.isPresent()) {
            log.warn("The restore of {} did not finish; undoing what it wrote", interrupted.get());
            undo();
        }
    }

    /** The zip's CSV files by kind, after checking the manifest, the sizes and every checksum. */
    static Map<ImportKind, byte[]> read(InputStream zipStream) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long unpacked = 0;
        InputStream limited = new java.io.FilterInputStream(zipStream) {
            private long count;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                count(Math.max(n, 0));
                return n;
            }

            private void count(int n) {
                count += n;
                if (count > MAX_ZIP_BYTES) {
                    throw new RestoreRefused("Het zip-bestand is te groot (hoogstens " + MAX_ZIP_BYTES / (1024 * 1024) + " MB).");
                }
            }
        };
        try (ZipInputStream zip = new ZipInputStream(limited, StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (entries.size() > 50) {
                    throw new RestoreRefused("Het zip-bestand bevat te veel bestanden voor een Atlas-export.");
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    unpacked += n;
                    if (unpacked > MAX_UNPACKED_BYTES) {
                        throw new RestoreRefused("Het zip-bestand is uitgepakt groter dan "
                                + MAX_UNPACKED_BYTES / (1024 * 1024 * 1024) + " GB; dat is geen Atlas-export.");
                    }
                    out.write(buffer, 0, n);
                }
                entries.put(entry.getName(), out.toByteArray());
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new RestoreRefused("Dit is geen leesbaar zip-bestand (" + e.getMessage() + ").");
        }
        byte[] manifestBytes = entries.get("manifest.json");
        if (manifestBytes == null) {
            throw new RestoreRefused(entries.isEmpty() ? "Dit is geen leesbaar zip-bestand of het is leeg."
                    : "manifest.json ontbreekt: dit is geen export van de Atlas.");
        }
        JsonNode manifest;
        try {
            manifest = JSON.readTree(manifestBytes);
        } catch (JacksonException e) {
            throw new RestoreRefused("manifest.json is geen geldige JSON (" + e.getMessage() + ").");
        }
        if (!FORMAT.equals(manifest.path("format").asString())) {
            throw new RestoreRefused("Onbekend formaat '" + manifest.path("format").asString() + "'; verwacht " + FORMAT + ".");
        }
        Map<ImportKind, byte[]> files = new LinkedHashMap<>();
        for (JsonNode file : manifest.path("files")) {
            String name = file.path("name").asString();
            ImportKind kind;
            try {
                kind = ImportKind.valueOf(file.path("kind").asString());
            } catch (IllegalArgumentException e) {
                throw new RestoreRefused("manifest.json noemt een onbekende soort: " + file.path("kind").asString() + ".");
            }
            byte[] csv = entries.get(name);
            if (csv == null) {
                throw new RestoreRefused(name + " staat in manifest.json maar niet in het zip-bestand.");
            }
            if (!sha256(csv).equals(file.path("sha256").asString())) {
                throw new RestoreRefused(name + " is veranderd of beschadigd: de controlesom klopt niet met manifest.json.");
            }
            files.put(kind, csv);
        }
        for (ImportKind kind : KINDS) {
            if (!files.containsKey(kind)) {
                throw new RestoreRefused("manifest.json noemt geen bestand met " + kind.fileStem() + ".");
            }
        }
        return files;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The zip from bytes. */
    public Restore restore(AtlasPrincipal user, String zipName, byte[] zip) {
        if (zip.length > MAX_ZIP_BYTES) {
            throw new RestoreRefused("Het zip-bestand is te groot (hoogstens " + MAX_ZIP_BYTES / (1024 * 1024) + " MB).");
        }
        return restore(user, zipName, new ByteArrayInputStream(zip));
    }
}
