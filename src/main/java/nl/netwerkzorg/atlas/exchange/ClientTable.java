package nl.netwerkzorg.atlas.exchange;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import nl.netwerkzorg.atlas.client.ClientConditionCounts;
import nl.netwerkzorg.atlas.client.ClientQualityRules;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Clients: {@code id;geboortejaar;gemeente;aandoeningen;bezwaar;breedtegraad;lengtegraad}. The id is a pseudonym; a 9-digit number (a BSN) is
 * refused. Keyed by {@code id}: a client already there gets the file's birth year, municipality, conditions and
 * objections (replaced). The age band follows from the birth year; the location (never an address: a point in the
 * municipality, for distances in partner search) is the file's, or else the municipality's inner point. Every client written is access-logged; their signals are evaluated in the same
 * transaction.
 */
@Component
class ClientTable implements CsvTable {

    static final List<String> COLUMNS = List.of("id", "geboortejaar", "gemeente", "aandoeningen", "bezwaar", "breedtegraad",
            "lengtegraad");
    private static final Pattern NINE_DIGITS = Pattern.compile("\\d{9}");

    private final Neo4jClient neo4j;
    private final Lookups lookups;
    private final ClientQualityRules rules;
    private final ClientConditionCounts conditionCounts;

    ClientTable(Neo4jClient neo4j, Lookups lookups, ClientQualityRules rules, ClientConditionCounts conditionCounts) {
        this.neo4j = neo4j;
        this.lookups = lookups;
        this.rules = rules;
        this.conditionCounts = conditionCounts;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.CLIENTS;
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> required() {
        return List.of("id", "geboortejaar", "gemeente");
    }

    @Override
    public String clientColumn() {
        return "id";
    }

    @Override
    public List<List<Object>> example() {
        return List.of(List.of("C-HOUTEN-0001", new nl.netwerkzorg.atlas.base.CsvExport.Numeric("1941"), "GM0321",
                "DEMENTIE|KWETSBARE_OUDERE", "", "", ""));
    }

    /** The age band of a birth year, as the data generator and the views use it. */
    static String ageBand(int birthYear, int year) {
        int age = year - birthYear;
        return age < 18 ? "0-17" : age < 65 ? "18-64" : age < 75 ? "65-74" : age < 85 ? "75-84" : "85+";
    }

    private record Row(int line, String id, int birthYear, String municipality, List<String> conditions,
                       List<String> objections, @Nullable Double latitude, @Nullable Double longitude) {
    }

    @Override
    public Run start() {
        Set<String> municipalities = lookups.municipalities();
        Set<String> conditions = lookups.conditions();
        int year = LocalDate.now(ZoneId.of("Europe/Amsterdam")).getYear();
        return new Run() {
            final List<Row> rows = new ArrayList<>();
            final Map<String, Integer> ids = new LinkedHashMap<>();
            final List<Map<String, Object>> resolved = new ArrayList<>();
            int existing;

            @Override
            public void row(CsvCells cells) {
                String id = cells.id("id", "cliënt-id (pseudoniem)");
                if (NINE_DIGITS.matcher(id).matches()) {
                    cells.problem("id", id, "Dit lijkt een BSN. De Atlas bewaart alleen pseudoniemen; gebruik een eigen cliëntnummer.");
                } else if (!id.isEmpty()) {
                    cells.once("id", id, id, ids, "Dit id");
                }
                String birth = cells.required("geboortejaar");
                Integer birthYear = birth.isEmpty() ? null : cells.integer("geboortejaar", 1900, year);
                String municipality = cells.municipality("gemeente", municipalities);
                List<String> has = cells.codeList("aandoeningen", conditions, "aandoening");
                List<String> objections = cells.idList("bezwaar");
                Double latitude = cells.decimal("breedtegraad", false);
                Double longitude = cells.decimal("lengtegraad", false);
                if ((latitude == null) != (longitude == null)) {
                    cells.problem(latitude == null ? "breedtegraad" : "lengtegraad", "", "Vul beide coördinaten in, of geen van beide.");
                } else if (latitude != null && (latitude < ProviderTable.MIN_LAT || latitude > ProviderTable.MAX_LAT
                        || longitude < ProviderTable.MIN_LON || longitude > ProviderTable.MAX_LON)) {
                    cells.problem("breedtegraad", latitude + ", " + longitude, "Deze coördinaten liggen niet in Nederland.");
                }
                if (!cells.failed() && birthYear != null) {
                    rows.add(new Row(cells.line(), id, birthYear, municipality, has, objections, latitude, longitude));
                }
            }

            @Override
            public void checkDatabase(List<ImportProblem> problems) {
                Map<String, Lookups.ProviderRef> providers = lookups.providers(rows.stream()
                        .flatMap(r -> r.objections().stream()).toList());
                for (Row r : rows) {
                    List<String> objected = new ArrayList<>();
                    for (String key : r.objections()) {
                        Lookups.ProviderRef p = providers.get(key);
                        if (p == null) {
                            problems.add(new ImportProblem(r.line(), "bezwaar", key, "Onbekende zorgaanbieder (id of AGB-code)."));
                        } else if (!objected.contains(p.id())) {
                            objected.add(p.id());
                        }
                    }
                    Map<String, Object> m = new HashMap<>();
                    m.put("id", r.id());
                    m.put("birthYear", r.birthYear());
                    m.put("ageBand", ageBand(r.birthYear(), year));
                    m.put("municipality", r.municipality());
                    m.put("conditions", r.conditions());
                    m.put("objections", objected);
                    m.put("latitude", r.latitude());
                    m.put("longitude", r.longitude());
                    resolved.add(m);
                }
                if (problems.isEmpty()) {
                    existing = lookups.existing("Client", ids.keySet()).size();
                    // The coordinator must be able to see the client: an objection to them is refused.
                    for (Map<String, Object> f : neo4j.query("""
                                    UNWIND $rows AS r
                                    MATCH (:Client {id: r.id})<-[:COORDINATES]-(p:Provider) WHERE p.id IN r.objections
                                    RETURN r.id AS id, p.id AS provider""")
                            .bind(resolved).to("rows").fetch().all()) {
                        problems.add(new ImportProblem(ids.get((String) f.get("id")), "bezwaar", (String) f.get("provider"),
                                "Deze zorgaanbieder is de coördinator van de cliënt; wijs eerst een andere coördinator aan."));
                    }
                }
            }

            @Override
            public int existing() {
                return existing;
            }

            @Override
            public Collection<String> clientIds() {
                return ids.keySet();
            }

            @Override
            public long write(Writing writing) {
                long created = lookups.writeInBatches(writing, """
                                    UNWIND $rows AS r
                                    MATCH (m:Municipality {code: r.municipality})
                                    MERGE (c:Client {id: r.id})
                                    SET c.location = CASE
                                          WHEN r.latitude IS NOT NULL THEN point({latitude: r.latitude, longitude: r.longitude})
                                          WHEN c.municipalityCode = r.municipality AND c.location IS NOT NULL THEN c.location
                                          ELSE coalesce(m.location, m.centroid) END,
                                        c.birthYear = r.birthYear, c.ageBand = r.ageBand, c.municipalityCode = r.municipality,
                                        c.objections = r.objections, c.importedAt = $now
                                    WITH c, r, m
                                    CALL (c) { MATCH (c)-[old:LIVES_IN|HAS_CONDITION]->() DELETE old }
                                    CREATE (c)-[:LIVES_IN]->(m)
                                    WITH c, r
                                    CALL (c, r) {
                                      UNWIND r.conditions AS code
                                      MATCH (k:Condition {code: code})
                                      CREATE (c)-[:HAS_CONDITION]->(k)
                                    }
                                    RETURN count(c)""", resolved, Map.of("now", writing.now()));
                if (!writing.staged()) {
                    rules.recompute(ids.keySet());
                }
                return created;
            }
        };
    }

    @Override
    public void afterCommit(Run run) {
        conditionCounts.recomputeAll();
    }

    @Override
    public void export(@Nullable ExportScope scope, java.util.function.Consumer<List<Object>> sink) {
        DataExport.stream(neo4j, DataExport.clientsInIdOrder(scope) + """

                        RETURN c.id AS id, c.birthYear AS birthYear, c.municipalityCode AS municipality,
                               COLLECT { MATCH (c)-[:HAS_CONDITION]->(k:Condition) RETURN k.code ORDER BY k.code } AS conditions,
                               coalesce(c.objections, []) AS objections, c.location AS location""",
                Map.of("codes", scope == null ? List.of() : List.copyOf(scope.municipalities())),
                r -> sink.accept(List.of(r.get("id").asString(),
                        ProviderTable.number(r.get("birthYear")), r.get("municipality").asString(""),
                        String.join("|", r.get("conditions").asList(Value::asString)),
                        String.join("|", r.get("objections").asList(Value::asString)),
                        r.get("location").isNull() ? "" : new nl.netwerkzorg.atlas.base.CsvExport.Numeric(
                                ProviderTable.decimal(r.get("location").asPoint().y())),
                        r.get("location").isNull() ? "" : new nl.netwerkzorg.atlas.base.CsvExport.Numeric(
                                ProviderTable.decimal(r.get("location").asPoint().x())))));
    }
}
