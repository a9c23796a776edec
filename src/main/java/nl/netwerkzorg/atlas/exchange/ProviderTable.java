package nl.netwerkzorg.atlas.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import nl.netwerkzorg.atlas.analysis.AnalysisService;
import nl.netwerkzorg.atlas.base.CsvExport;
import nl.netwerkzorg.atlas.client.ClientQualityRules;
import nl.netwerkzorg.atlas.coverage.ProviderTypeCounts;
import nl.netwerkzorg.atlas.geography.SearchPlane;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The provider register (docs/import.md): AGB and KvK formats, known provider types and municipalities, coordinates
 * inside the Netherlands, duplicates within the file and against other providers' AGB codes, beds only for bed-based
 * types. Keyed by {@code id}: a provider already there is updated, its location and service area replaced, with its
 * search point and the derived providers-per-type counts.
 */
@Component
public class ProviderTable implements CsvTable {

    /** The columns, in template order. */
    public static final List<String> COLUMNS = List.of("id", "agb", "kvk", "naam", "soort", "gemeente", "adres",
            "breedtegraad", "lengtegraad", "neemt_clienten_aan", "capaciteit", "beschikbaar", "wachtdagen", "werkgebied",
            "capaciteit_bijgewerkt");
    static final List<String> REQUIRED = List.of("id", "naam", "soort", "gemeente", "breedtegraad", "lengtegraad");

    // The Netherlands including the Wadden islands and the coast, in WGS84.
    static final double MIN_LAT = 50.75, MAX_LAT = 53.56, MIN_LON = 3.35, MAX_LON = 7.23;

    private static final java.util.regex.Pattern EIGHT_DIGITS = java.util.regex.Pattern.compile("\\d{8}");

    /** A validated provider, ready to write. */
    record ProviderRow(int line, String id, @Nullable String agb, @Nullable String kvk, String name, String type,
                       String municipality, @Nullable String address, double latitude, double longitude, boolean accepting,
                       @Nullable Integer capacity, @Nullable Integer available, @Nullable Integer waitingDays,
                       List<String> serves, java.time.@Nullable OffsetDateTime capacityUpdatedAt) {
    }

    private final Neo4jClient neo4j;
    private final Lookups lookups;
    private final ProviderTypeCounts typeCounts;
    private final ClientQualityRules rules;
    private final AnalysisService analysis;

    ProviderTable(Neo4jClient neo4j, Lookups lookups, ProviderTypeCounts typeCounts, ClientQualityRules rules,
            AnalysisService analysis) {
        this.neo4j = neo4j;
        this.lookups = lookups;
        this.typeCounts = typeCounts;
        this.rules = rules;
        this.analysis = analysis;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.PROVIDERS;
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> required() {
        return REQUIRED;
    }

    @Override
    public List<List<Object>> example() {
        // The templates of all kinds name one another's examples, so they import one after the other as they are.
        return List.of(List.of("P-HOUTEN-001", "01234567", "12345678", "Huisartsenpraktijk De Linde",
                        "HUISARTS", "GM0321", "Lindelaan 1, 3991 AB Houten", new CsvExport.Numeric("52,0284"),
                        new CsvExport.Numeric("5,1681"), "ja", "", "", new CsvExport.Numeric("0"), "GM0321|GM0356", ""),
                List.of("P-HOUTEN-014", "01234568", "", "Wijkverpleging Houten-Noord", "WIJKVERPLEGING", "GM0321", "",
                        new CsvExport.Numeric("52,0412"), new CsvExport.Numeric("5,1590"), "ja", "", "", new CsvExport.Numeric("5"),
                        "GM0321|GM0356", ""),
                List.of("P-ZEIST-ELV-01", "", "", "ELV-afdeling Zeist", "ELV", "GM0355", "", new CsvExport.Numeric("52,0890"),
                        new CsvExport.Numeric("5,2330"), "ja", new CsvExport.Numeric("24"), new CsvExport.Numeric("3"),
                        new CsvExport.Numeric("0"), "GM0355|GM0321", ""));
    }

    @Override
    public Run start() {
        return new ProviderRun(lookups.providerTypes(), lookups.municipalities());
    }

    @Override
    public void afterCommit(CsvTable.Run run) {
        // Analyse's cached region graphs hold providers. An updated provider may have changed type, which the client
        // signals read (a new provider cares for nobody yet, so only updates re-evaluate them).
        analysis.clearCache();
        if (run.existing() > 0) {
            rules.recomputeAllInBackground();
        }
    }

    private final class ProviderRun implements Run {
        private final Map<String, Boolean> bedBased;
        private final Set<String> municipalities;
        private final List<ProviderRow> rows = new ArrayList<>();
        private final Map<String, Integer> ids = new HashMap<>();
        private final Map<String, Integer> agbs = new HashMap<>();
        private int existing;

        ProviderRun(Map<String, Boolean> bedBased, Set<String> municipalities) {
            this.bedBased = bedBased;
            this.municipalities = municipalities;
        }

        @Override
        public void row(CsvCells cells) {
            String id = cells.id("id", "id");
            if (!id.isEmpty()) {
                cells.once("id", id, id, ids, "Dit id");
            }
            String agb = cells.optional("agb");
            if (agb != null && !EIGHT_DIGITS.matcher(agb).matches()) {
                cells.problem("agb", agb, "Een AGB-code heeft precies 8 cijfers.");
            } else if (agb != null) {
                cells.once("agb", agb, agb, agbs, "Deze AGB-code");
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
            String municipality = cells.municipality("gemeente", municipalities);
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
            checkBeds(cells, bedBased.get(type), capacity, available);
            List<String> serves = cells.codeList("werkgebied", municipalities, "gemeentecode in het werkgebied");
            java.time.OffsetDateTime updatedAt = cells.moment("capaciteit_bijgewerkt", java.time.OffsetDateTime.now().plusMinutes(5));
            if (updatedAt != null && capacity == null && available == null) {
                cells.problem("capaciteit_bijgewerkt", String.valueOf(updatedAt), "Een tijdstip hoort bij een aantal bedden; vul capaciteit in.");
            }
            if (!cells.failed() && latitude != null && longitude != null) {
                rows.add(new ProviderRow(cells.line(), id, agb, kvk, providerName, type, municipality, address, latitude,
                        longitude, accepting == null || accepting, capacity, available, waiting, List.copyOf(serves), updatedAt));
            }
        }

        @Override
        public void checkDatabase(List<ImportProblem> problems) {
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
            existing = lookups.existing("Provider", ids.keySet()).size();
        }

        @Override
        public int existing() {
            return existing;
        }

        @Override
        public long write(Writing writing) {
            List<Map<String, Object>> all = new ArrayList<>();
            for (ProviderRow r : rows) {
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
                m.put("capacityUpdatedAt", r.capacityUpdatedAt());
                all.add(m);
            }
            long created = lookups.writeInBatches(writing, """
                                UNWIND $rows AS r
                                MATCH (t:ProviderType {code: r.type})
                                MATCH (home:Municipality {code: r.municipality})
                                MERGE (p:Provider {id: r.id})
                                SET p.agb = r.agb, p.kvk = r.kvk, p.name = r.name, p.type = r.type, p.domain = t.domain,
                                    p.municipalityCode = r.municipality, p.address = r.address,
                                    p.location = point({latitude: r.latitude, longitude: r.longitude}),
                                    p.acceptingClients = r.accepting, p.waitingDays = r.waitingDays,
                                    p.capacity = r.capacity, p.available = r.available,
                                    p.capacityUpdatedAt = CASE WHEN r.capacity IS NULL THEN p.capacityUpdatedAt
                                                               ELSE coalesce(r.capacityUpdatedAt, $now) END,
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
                                RETURN count(p)""".formatted(SearchPlane.CYPHER_EXPRESSION.formatted("t.slot")),
                    all, Map.of("now", writing.now()));
            typeCounts.recomputeAll();
            return created;
        }
    }

    /** Beds belong to bed-based types only, and never more free than there are. */
    static void checkBeds(CsvCells cells, @Nullable Boolean bedBased, @Nullable Integer capacity, @Nullable Integer available) {
        if (Boolean.FALSE.equals(bedBased) && (capacity != null || available != null)) {
            cells.problem(capacity != null ? "capaciteit" : "beschikbaar", String.valueOf(capacity != null ? capacity : available),
                    "Bedden horen alleen bij soorten met bedden (ziekenhuis, verpleeghuis, ELV, GRZ).");
        }
        if (capacity != null && available != null && available > capacity) {
            cells.problem("beschikbaar", String.valueOf(available), "Meer vrije bedden (" + available + ") dan bedden (" + capacity + ").");
        }
        if (available != null && capacity == null) {
            cells.problem("capaciteit", "", "Vul het aantal bedden in bij een aantal vrije bedden.");
        }
    }

    @Override
    public List<List<Object>> export(@Nullable ExportScope scope) {
        String match = scope == null ? "MATCH (p:Provider)" : "UNWIND $providers AS id MATCH (p:Provider {id: id})";
        return DataExport.rows(neo4j.query(match + """

                        RETURN p.id AS id, p.agb AS agb, p.kvk AS kvk, p.name AS name, p.type AS type,
                               p.municipalityCode AS municipality, p.address AS address, p.location AS location,
                               p.acceptingClients AS accepting, p.capacity AS capacity, p.available AS available,
                               p.waitingDays AS waitingDays, p.capacityUpdatedAt AS capacityUpdatedAt,
                               COLLECT { MATCH (p)-[:SERVES]->(m:Municipality) RETURN m.code ORDER BY m.code } AS serves
                        ORDER BY id""")
                .bind(scope == null ? List.of() : List.copyOf(scope.providers())).to("providers")
                .fetchAs(List.class).mappedBy((types, r) -> row(r))
                .all());
    }

    private static List<Object> row(org.neo4j.driver.Record r) {
        Value location = r.get("location");
        List<Object> row = new ArrayList<>();
        row.add(r.get("id").asString());
        row.add(r.get("agb").asString(""));
        row.add(r.get("kvk").asString(""));
        row.add(r.get("name").asString(""));
        row.add(r.get("type").asString(""));
        row.add(r.get("municipality").asString(""));
        row.add(r.get("address").asString(""));
        row.add(location.isNull() ? "" : new CsvExport.Numeric(decimal(location.asPoint().y())));
        row.add(location.isNull() ? "" : new CsvExport.Numeric(decimal(location.asPoint().x())));
        row.add(r.get("accepting").isNull() ? "" : r.get("accepting").asBoolean() ? "ja" : "nee");
        row.add(number(r.get("capacity")));
        row.add(number(r.get("available")));
        row.add(number(r.get("waitingDays")));
        row.add(String.join("|", r.get("serves").asList(Value::asString)));
        // The time of the bed count travels with it, so a re-import never makes old figures look current.
        row.add(r.get("capacityUpdatedAt").isNull() || r.get("capacity").isNull() ? ""
                : r.get("capacityUpdatedAt").asOffsetDateTime().toString());
        return row;
    }

    static Object number(Value v) {
        return v.isNull() ? "" : new CsvExport.Numeric(String.valueOf(v.asLong()));
    }

    /** Coordinates with a decimal comma and enough digits for a metre (the import reads comma or point). */
    static String decimal(double degrees) {
        String text = String.format(Locale.ROOT, "%.7f", degrees).replaceAll("0+$", "").replaceAll("\\.$", "");
        return text.replace('.', ',');
    }
}
