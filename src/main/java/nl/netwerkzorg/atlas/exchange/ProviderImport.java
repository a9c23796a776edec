package nl.netwerkzorg.atlas.exchange;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import nl.netwerkzorg.atlas.analysis.AnalysisService;
import nl.netwerkzorg.atlas.base.CsvExport;
import nl.netwerkzorg.atlas.client.ClientQualityRules;
import nl.netwerkzorg.atlas.coverage.ProviderTypeCounts;
import nl.netwerkzorg.atlas.geography.SearchPlane;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Import of the provider register from CSV (docs/import.md): every row is checked first — required cells, AGB and KvK
 * formats, known provider types and municipalities, coordinates inside the Netherlands, duplicates within the file and
 * against other providers' AGB codes, capacity only for bed-based types — and the user gets every problem with its
 * line, column and value. Only a file without problems is written, in one transaction, keyed by {@code id} (a provider
 * already there is updated, its location and service area replaced), together with its search point and the derived
 * providers-per-type counts; a failure leaves nothing. Each attempt, accepted or not, is recorded in the import history.
 */
@Service
public class ProviderImport {

    /** The largest file accepted. */
    public static final int MAX_BYTES = 50 * 1024 * 1024;
    /** The most rows one file may hold. */
    public static final int MAX_ROWS = 200_000;
    /** Problems reported at most (the count of all is given). */
    public static final int MAX_PROBLEMS = 1_000;

    /** The columns, in template order; the first five of them and the coordinates are required. */
    public static final List<String> COLUMNS = List.of("id", "agb", "kvk", "naam", "soort", "gemeente", "adres",
            "breedtegraad", "lengtegraad", "neemt_clienten_aan", "capaciteit", "beschikbaar", "wachtdagen", "werkgebied");
    static final List<String> REQUIRED = List.of("id", "naam", "soort", "gemeente", "breedtegraad", "lengtegraad");

    // The Netherlands including the Wadden islands and the coast, in WGS84.
    static final double MIN_LAT = 50.75, MAX_LAT = 53.56, MIN_LON = 3.35, MAX_LON = 7.23;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    private static final Pattern EIGHT_DIGITS = Pattern.compile("\\d{8}");
    private static final Pattern MUNICIPALITY = Pattern.compile("GM\\d{4}");
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,3}([.,]\\d{1,20})?");

    /** A validated provider, ready to write. */
    record ProviderRow(String id, @Nullable String agb, @Nullable String kvk, String name, String type, String municipality,
                       @Nullable String address, double latitude, double longitude, boolean accepting,
                       @Nullable Integer capacity, @Nullable Integer available, @Nullable Integer waitingDays,
                       List<String> serves) {
    }

    /** The outcome of checking a file: the rows found and every problem (at most {@link #MAX_PROBLEMS} listed). */
    public record Validation(String fileName, String encoding, int rows, int newProviders, int updatedProviders,
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

    private final Neo4jClient neo4j;
    private final ProviderTypeCounts typeCounts;
    private final TransactionTemplate transactions;
    private final ClientQualityRules rules;
    private final AnalysisService analysis;

    ProviderImport(Neo4jClient neo4j, ProviderTypeCounts typeCounts, PlatformTransactionManager transactionManager,
            ClientQualityRules rules, AnalysisService analysis) {
        this.rules = rules;
        this.analysis = analysis;
        this.neo4j = neo4j;
        this.typeCounts = typeCounts;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The template: the header and one example row, as Dutch Excel opens it. */
    public byte[] template() {
        return CsvExport.toBytes(COLUMNS, List.of(List.of("P-HOUTEN-001", "01234567", "12345678", "Huisartsenpraktijk De Linde",
                "HUISARTS", "GM0321", "Lindelaan 1, 3991 AB Houten", new CsvExport.Numeric("52,0284"),
                new CsvExport.Numeric("5,1681"), "ja", "", "", new CsvExport.Numeric("0"), "GM0321|GM0356")));
    }

    /** Checks a file without writing anything. Administrators only. */
    public Validation validate(AtlasPrincipal user, String fileName, byte[] bytes) {
        requireAdmin(user);
        return retrying(() -> transactions.execute(status -> {
            status.setRollbackOnly();
            return check(fileName, bytes).validation();
        }));
    }

    /**
     * Checks the file and, only if it has no problem at all, writes it in one transaction (with the derived counts).
     * The attempt is recorded in the history either way. Administrators only.
     */
    public Result importFile(AtlasPrincipal user, String fileName, byte[] bytes) {
        requireAdmin(user);
        Result result;
        try {
            result = retrying(() -> transactions.execute(status -> {
                Checked checked = check(fileName, bytes);
                if (!checked.validation().valid()) {
                    status.setRollbackOnly();
                    return new Result(checked.validation(), false, 0);
                }
                long relationships = write(checked.rows());
                typeCounts.recomputeAll();
                return new Result(checked.validation(), true, relationships);
            }));
        } catch (RuntimeException e) {
            // The transaction rolled back: nothing of the file is stored. The attempt is still part of the history.
            ImportProblem problem = ImportProblem.file("Opslaan mislukt, er is niets opgeslagen: " + e.getMessage());
            record(user, new Result(new Validation(fileName, "", 0, 0, 0, List.of(problem), 1), false, 0));
            throw e;
        }
        record(user, result);
        if (result.written()) {
            // Analyse's cached region graphs hold providers. An updated provider may have changed type, which the client
            // signals read (a new provider cares for nobody yet, so only updates re-evaluate them).
            analysis.clearCache();
            if (result.validation().updatedProviders() > 0) {
                rules.recomputeAllInBackground();
            }
        }
        return result;
    }

    /**
     * Runs a whole check-and-write transaction again when the database reports a transient conflict with a concurrent
     * writer (e.g. the patient-sharing derivation); the failed attempt rolled back completely, so a retry is safe.
     */
    static <T> T retrying(java.util.function.Supplier<T> attempt) {
        for (int tries = 1; ; tries++) {
            try {
                return attempt.get();
            } catch (org.springframework.dao.TransientDataAccessException e) {
                if (tries == 3) {
                    throw e;
                }
            }
        }
    }

    /** The newest imports first. Administrators only. */
    public List<HistoryEntry> history(AtlasPrincipal user, int limit) {
        requireAdmin(user);
        return List.copyOf(neo4j.query("""
                        MATCH (h:ImportRecord) RETURN h ORDER BY h.at DESC LIMIT $limit""")
                .bind(limit).to("limit")
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
                ? v.newProviders() + " nieuw, " + v.updatedProviders() + " bijgewerkt"
                : v.problems().stream().limit(3).map(ImportProblem::toString).reduce((a, b) -> a + "; " + b).orElse("");
        transactions.executeWithoutResult(status -> neo4j.query("""
                        CREATE (:ImportRecord {id: randomUUID(), at: datetime(), username: $username, kind: 'PROVIDERS',
                                fileName: $fileName, rows: $rows, accepted: $accepted, problems: $problems, summary: $summary})""")
                .bindAll(Map.of("username", user.username(), "fileName", v.fileName(), "rows", v.rows(),
                        "accepted", result.written(), "problems", v.problemCount(), "summary", summary))
                .run());
    }

    private static void requireAdmin(AtlasPrincipal user) {
        if (user.role() != Role.ADMIN) {
            throw new AccessDeniedException("Alleen een beheerder importeert gegevens");
        }
    }

    private record Checked(Validation validation, List<ProviderRow> rows) {
    }

    /** Every check, in the caller's transaction; reads only. */
    private Checked check(String fileName, byte[] bytes) {
        String name = fileName.length() > 200 ? fileName.substring(0, 200) : fileName;
        List<ImportProblem> problems = new ArrayList<>();
        if (bytes.length > MAX_BYTES) {
            problems.add(ImportProblem.file("Het bestand is te groot (" + bytes.length / (1024 * 1024) + " MB, hoogstens "
                    + MAX_BYTES / (1024 * 1024) + " MB). Splits het in delen."));
            return new Checked(new Validation(name, "", 0, 0, 0, problems, problems.size()), List.of());
        }
        CsvFile.Parsed parsed = CsvFile.parse(bytes);
        problems.addAll(parsed.problems());
        if (parsed.header().isEmpty()) {
            return done(name, parsed, problems, List.of(), 0);
        }
        Map<String, Integer> column = new LinkedHashMap<>();
        for (int i = 0; i < parsed.header().size(); i++) {
            String h = parsed.header().get(i);
            if (!COLUMNS.contains(h)) {
                problems.add(new ImportProblem(1, h, h, "Onbekende kolom; verwacht zijn " + String.join(";", COLUMNS) + "."));
            } else if (column.putIfAbsent(h, i) != null) {
                problems.add(new ImportProblem(1, h, h, "Deze kolom staat twee keer in de kopregel."));
            }
        }
        for (String required : REQUIRED) {
            if (!column.containsKey(required)) {
                problems.add(new ImportProblem(1, required, "", "De verplichte kolom '" + required + "' ontbreekt in de kopregel."));
            }
        }
        if (!problems.isEmpty() && parsed.rows().isEmpty() || problems.stream().anyMatch(p -> p.line() <= 1)) {
            return done(name, parsed, problems, List.of(), 0);
        }
        if (parsed.rows().isEmpty()) {
            problems.add(ImportProblem.file("Het bestand bevat alleen een kopregel, geen zorgaanbieders."));
            return done(name, parsed, problems, List.of(), 0);
        }
        if (parsed.rows().size() > MAX_ROWS) {
            problems.add(ImportProblem.file("Het bestand bevat " + parsed.rows().size() + " regels; hoogstens " + MAX_ROWS
                    + " per import. Splits het in delen."));
            return done(name, parsed, problems, List.of(), 0);
        }

        Map<String, Boolean> bedBased = new HashMap<>();
        neo4j.query("MATCH (t:ProviderType) RETURN t.code AS code, t.bedBased AS bedBased").fetch().all()
                .forEach(t -> bedBased.put((String) t.get("code"), Boolean.TRUE.equals(t.get("bedBased"))));
        Set<String> municipalities = new HashSet<>(neo4j.query("MATCH (m:Municipality) RETURN m.code").fetchAs(String.class).all());

        List<ProviderRow> rows = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        Map<String, Integer> agbs = new HashMap<>();
        for (CsvFile.Row row : parsed.rows()) {
            Cells cells = new Cells(row, column, problems);
            if (row.cells().size() != parsed.header().size()) {
                problems.add(new ImportProblem(row.line(), "", "", "De regel heeft " + row.cells().size() + " cellen; de kopregel "
                        + parsed.header().size() + ". Controleer het scheidingsteken ('" + parsed.separator() + "')."));
                continue;
            }
            String id = cells.required("id");
            if (!id.isEmpty() && !ID.matcher(id).matches()) {
                cells.problem("id", id, "Een id bestaat uit 1 tot 40 letters, cijfers, punten, liggende streepjes of koppeltekens.");
            } else if (!id.isEmpty() && ids.putIfAbsent(id, row.line()) != null) {
                cells.problem("id", id, "Dit id staat ook op regel " + ids.get(id) + ".");
            }
            String agb = cells.optional("agb");
            if (agb != null && !EIGHT_DIGITS.matcher(agb).matches()) {
                cells.problem("agb", agb, "Een AGB-code heeft precies 8 cijfers.");
            } else if (agb != null && agbs.putIfAbsent(agb, row.line()) != null) {
                cells.problem("agb", agb, "Deze AGB-code staat ook op regel " + agbs.get(agb) + ".");
            }
            String kvk = cells.optional("kvk");
            if (kvk != null && !EIGHT_DIGITS.matcher(kvk).matches()) {
                cells.problem("kvk", kvk, "Een KvK-nummer heeft precies 8 cijfers.");
            }
            String providerName = cells.required("naam");
            if (providerName.length() > 200) {
                cells.problem("naam", providerName, "De naam is langer dan 200 tekens.");
            }
            String type = cells.required("soort").toUpperCase(Locale.ROOT);
            if (!type.isEmpty() && !bedBased.containsKey(type)) {
                cells.problem("soort", type, "Onbekende soort zorgaanbieder; de lijst staat in docs/import.md.");
            }
            String municipality = cells.required("gemeente").toUpperCase(Locale.ROOT);
            if (!municipality.isEmpty() && !(MUNICIPALITY.matcher(municipality).matches() && municipalities.contains(municipality))) {
                cells.problem("gemeente", municipality, "Onbekende gemeentecode; verwacht GM met vier cijfers van een bestaande gemeente.");
            }
            String address = cells.optional("adres");
            if (address != null && address.length() > 200) {
                cells.problem("adres", address, "Het adres is langer dan 200 tekens.");
            }
            Double latitude = cells.decimal("breedtegraad", true);
            Double longitude = cells.decimal("lengtegraad", true);
            if (latitude != null && longitude != null && (latitude < MIN_LAT || latitude > MAX_LAT || longitude < MIN_LON
                    || longitude > MAX_LON)) {
                cells.problem(latitude < MIN_LAT || latitude > MAX_LAT ? "breedtegraad" : "lengtegraad",
                        latitude + ", " + longitude, "Deze coördinaten liggen niet in Nederland (breedtegraad " + MIN_LAT + "–"
                                + MAX_LAT + ", lengtegraad " + MIN_LON + "–" + MAX_LON + "; let op: niet verwisseld?).");
            }
            Boolean accepting = cells.yesNo("neemt_clienten_aan");
            Integer capacity = cells.integer("capaciteit", 0, 100_000);
            Integer available = cells.integer("beschikbaar", 0, 100_000);
            Integer waiting = cells.integer("wachtdagen", 0, 730);
            boolean beds = Boolean.TRUE.equals(bedBased.get(type));
            if (!beds && bedBased.containsKey(type) && (capacity != null || available != null)) {
                cells.problem(capacity != null ? "capaciteit" : "beschikbaar", String.valueOf(capacity != null ? capacity : available),
                        "Bedden horen alleen bij soorten met bedden (ziekenhuis, verpleeghuis, ELV, GRZ).");
            }
            if (capacity != null && available != null && available > capacity) {
                cells.problem("beschikbaar", String.valueOf(available), "Meer vrije bedden (" + available + ") dan bedden (" + capacity + ").");
            }
            if (available != null && capacity == null) {
                cells.problem("capaciteit", "", "Vul het aantal bedden in bij een aantal vrije bedden.");
            }
            List<String> serves = new ArrayList<>();
            String area = cells.optional("werkgebied");
            if (area != null) {
                for (String code : area.toUpperCase(Locale.ROOT).split("[|\\s]+")) {
                    if (code.isEmpty()) {
                        continue;
                    }
                    if (!municipalities.contains(code)) {
                        cells.problem("werkgebied", code, "Onbekende gemeentecode in het werkgebied (scheid codes met |).");
                    } else if (!serves.contains(code)) {
                        serves.add(code);
                    }
                }
            }
            if (!cells.failed && latitude != null && longitude != null) {
                rows.add(new ProviderRow(id, agb, kvk, providerName, type, municipality, address, latitude, longitude,
                        accepting == null || accepting, capacity, available, waiting, List.copyOf(serves)));
            }
            if (problems.size() > MAX_PROBLEMS * 4) {
                break;
            }
        }
        int updated = 0;
        if (problems.isEmpty()) {
            // An AGB code belongs to one provider: another provider in the database may not hold it already.
            List<Map<String, Object>> pairs = rows.stream().filter(r -> r.agb() != null)
                    .map(r -> Map.<String, Object>of("id", r.id(), "agb", r.agb())).toList();
            for (Map<String, Object> clash : neo4j.query("""
                            UNWIND $pairs AS pair
                            MATCH (p:Provider {agb: pair.agb}) WHERE p.id <> pair.id
                            RETURN pair.id AS id, pair.agb AS agb, p.id AS holder LIMIT 1000""")
                    .bind(pairs).to("pairs").fetch().all()) {
                int line = ids.getOrDefault((String) clash.get("id"), 0);
                problems.add(new ImportProblem(line, "agb", (String) clash.get("agb"),
                        "Deze AGB-code hoort al bij zorgaanbieder " + clash.get("holder") + "."));
            }
            updated = neo4j.query("UNWIND $ids AS id MATCH (p:Provider {id: id}) RETURN count(p)")
                    .bind(List.copyOf(ids.keySet())).to("ids").fetchAs(Long.class).one().orElse(0L).intValue();
        }
        return done(name, parsed, problems, rows, updated);
    }

    private static Checked done(String name, CsvFile.Parsed parsed, List<ImportProblem> problems, List<ProviderRow> rows,
            int updated) {
        problems.sort(java.util.Comparator.comparingInt(ImportProblem::line));
        int count = problems.size();
        List<ImportProblem> listed = List.copyOf(problems.subList(0, Math.min(count, MAX_PROBLEMS)));
        int total = parsed.rows().size();
        return new Checked(new Validation(name, parsed.encoding(), total, count == 0 ? total - updated : 0,
                count == 0 ? updated : 0, listed, count), count == 0 ? rows : List.of());
    }

    /** The cells of one row, with the checks every column needs; problems go to the shared list. */
    private static final class Cells {
        private final CsvFile.Row row;
        private final Map<String, Integer> column;
        private final List<ImportProblem> problems;
        boolean failed;

        Cells(CsvFile.Row row, Map<String, Integer> column, List<ImportProblem> problems) {
            this.row = row;
            this.column = column;
            this.problems = problems;
        }

        String raw(String name) {
            Integer i = column.get(name);
            return i == null || i >= row.cells().size() ? "" : row.cells().get(i).strip();
        }

        void problem(String name, String value, String message) {
            failed = true;
            problems.add(new ImportProblem(row.line(), name, value, message));
        }

        /** Text that a spreadsheet would run as a formula is refused (CSV injection), never stored. */
        private boolean formula(String name, String value) {
            if (!value.isEmpty() && "=+@".indexOf(value.charAt(0)) >= 0
                    || value.startsWith("-") && !NUMBER.matcher(value).matches()) {
                problem(name, value, "Een cel mag niet met =, +, - of @ beginnen (een spreadsheetformule wordt niet geïmporteerd).");
                return true;
            }
            return false;
        }

        String required(String name) {
            String value = raw(name);
            if (value.isEmpty()) {
                problem(name, "", "Verplicht; deze cel is leeg.");
                return "";
            }
            return formula(name, value) ? "" : value;
        }

        @Nullable String optional(String name) {
            String value = raw(name);
            return value.isEmpty() || formula(name, value) ? null : value;
        }

        @Nullable Double decimal(String name, boolean required) {
            String value = required ? required(name) : Optional.ofNullable(optional(name)).orElse("");
            if (value.isEmpty()) {
                return null;
            }
            if (!NUMBER.matcher(value).matches()) {
                problem(name, value, "Geen getal; gebruik een decimale komma of punt, zoals 52,0907.");
                return null;
            }
            return Double.parseDouble(value.replace(',', '.'));
        }

        @Nullable Integer integer(String name, int min, int max) {
            String value = optional(name);
            if (value == null) {
                return null;
            }
            try {
                int n = Integer.parseInt(value);
                if (n < min || n > max) {
                    problem(name, value, "Moet tussen " + min + " en " + max + " liggen.");
                    return null;
                }
                return n;
            } catch (NumberFormatException e) {
                problem(name, value, "Geen geheel getal.");
                return null;
            }
        }

        @Nullable Boolean yesNo(String name) {
            String value = optional(name);
            if (value == null) {
                return null;
            }
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "ja", "j", "yes", "y", "true", "1", "waar" -> true;
                case "nee", "n", "no", "false", "0", "onwaar" -> false;
                default -> {
                    problem(name, value, "Vul ja of nee in.");
                    yield null;
                }
            };
        }
    }

    /** Writes all rows in the caller's transaction; returns the relationships created. */
    private long write(List<ProviderRow> rows) {
        long created = 0;
        OffsetDateTime now = OffsetDateTime.now();
        for (int from = 0; from < rows.size(); from += 5_000) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (ProviderRow r : rows.subList(from, Math.min(rows.size(), from + 5_000))) {
                Map<String, Object> m = new HashMap<>();
                m.put("id", r.id());
                m.put("agb", r.agb());
                m.put("kvk", r.kvk());
                m.put("name", r.name());
                m.put("type", r.type());
                m.put("municipality", r.municipality());
                m.put("address", r.address());
                m.put("latitude", r.latitude());
                m.put("longitude", r.longitude());
                m.put("accepting", r.accepting());
                m.put("capacity", r.capacity());
                m.put("available", r.available());
                m.put("waitingDays", r.waitingDays());
                m.put("serves", r.serves());
                batch.add(m);
            }
            created += neo4j.query("""
                            UNWIND $rows AS r
                            MATCH (t:ProviderType {code: r.type})
                            MATCH (home:Municipality {code: r.municipality})
                            MERGE (p:Provider {id: r.id})
                            SET p.agb = r.agb, p.kvk = r.kvk, p.name = r.name, p.type = r.type, p.domain = t.domain,
                                p.municipalityCode = r.municipality, p.address = r.address,
                                p.location = point({latitude: r.latitude, longitude: r.longitude}),
                                p.acceptingClients = r.accepting, p.waitingDays = r.waitingDays,
                                p.capacity = r.capacity, p.available = r.available,
                                p.capacityUpdatedAt = CASE WHEN r.capacity IS NULL THEN p.capacityUpdatedAt ELSE $now END,
                                p.capacityUpdatedBy = CASE WHEN r.capacity IS NULL THEN p.capacityUpdatedBy ELSE null END,
                                p.importedAt = $now
                            SET p.searchPoint = %s
                            WITH p, r, home
                            CALL (p) { MATCH (p)-[old:LOCATED_IN|SERVES]->(:Municipality) DELETE old }
                            CREATE (p)-[:LOCATED_IN]->(home)
                            WITH p, r
                            CALL (p, r) {
                              UNWIND r.serves AS code
                              MATCH (m:Municipality {code: code})
                              CREATE (p)-[:SERVES]->(m)
                            }
                            RETURN count(p)""".formatted(SearchPlane.CYPHER_EXPRESSION.formatted("t.slot")))
                    .bindAll(Map.of("rows", batch, "now", now))
                    .run().counters().relationshipsCreated();
        }
        return created;
    }
}
