package nl.netwerkzorg.atlas.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.netwerkzorg.atlas.analysis.AnalysisService;
import nl.netwerkzorg.atlas.coverage.ProviderTypeCounts;
import org.jspecify.annotations.Nullable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Service areas on their own: {@code zorgaanbieder;gemeente}, one row per municipality a provider serves. For every
 * provider in the file, its service area becomes exactly the file's rows (other providers keep theirs); Dekking's
 * counts follow.
 */
@Component
class ServiceAreaTable implements CsvTable {

    static final List<String> COLUMNS = List.of("zorgaanbieder", "gemeente");

    private final Neo4jClient neo4j;
    private final Lookups lookups;
    private final ProviderTypeCounts typeCounts;
    private final AnalysisService analysis;

    ServiceAreaTable(Neo4jClient neo4j, Lookups lookups, ProviderTypeCounts typeCounts, AnalysisService analysis) {
        this.neo4j = neo4j;
        this.lookups = lookups;
        this.typeCounts = typeCounts;
        this.analysis = analysis;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.SERVICE_AREAS;
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> required() {
        return COLUMNS;
    }

    @Override
    public List<List<Object>> example() {
        return List.of(List.of("P-HOUTEN-001", "GM0321"), List.of("P-HOUTEN-001", "GM0356"), List.of("01234568", "GM0321"));
    }

    @Override
    public void afterCommit(Run run) {
        analysis.clearCache();
    }

    private record Row(int line, String provider, String municipality) {
    }

    @Override
    public Run start() {
        Set<String> municipalities = lookups.municipalities();
        return new Run() {
            final List<Row> rows = new ArrayList<>();
            final Map<String, List<String>> areas = new LinkedHashMap<>();
            int existing;

            @Override
            public void row(CsvCells cells) {
                String provider = cells.id("zorgaanbieder", "zorgaanbieder (id of AGB-code)");
                String municipality = cells.municipality("gemeente", municipalities);
                if (!cells.failed()) {
                    rows.add(new Row(cells.line(), provider, municipality));
                }
            }

            @Override
            public void checkDatabase(List<ImportProblem> problems) {
                Map<String, Lookups.ProviderRef> providers = lookups.providers(rows.stream().map(Row::provider).toList());
                Map<String, Integer> pairs = new HashMap<>();
                for (Row r : rows) {
                    Lookups.ProviderRef p = providers.get(r.provider());
                    if (p == null) {
                        problems.add(new ImportProblem(r.line(), "zorgaanbieder", r.provider(), "Onbekende zorgaanbieder (id of AGB-code)."));
                        continue;
                    }
                    Integer earlier = pairs.putIfAbsent(p.id() + "|" + r.municipality(), r.line());
                    if (earlier != null) {
                        problems.add(new ImportProblem(r.line(), "gemeente", r.municipality(),
                                "Deze gemeente staat al op regel " + earlier + " bij deze zorgaanbieder."));
                        continue;
                    }
                    areas.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(r.municipality());
                }
                if (problems.isEmpty()) {
                    existing = neo4j.query("""
                                    UNWIND $areas AS a
                                    UNWIND a.codes AS code
                                    MATCH (:Provider {id: a.id})-[:SERVES]->(:Municipality {code: code})
                                    RETURN count(*)""")
                            .bind(areaRows()).to("areas").fetchAs(Long.class).one().orElse(0L).intValue();
                }
            }

            List<Map<String, Object>> areaRows() {
                return areas.entrySet().stream().map(e -> Map.<String, Object>of("id", e.getKey(), "codes", e.getValue())).toList();
            }

            @Override
            public int existing() {
                return existing;
            }

            @Override
            public long write(Writing writing) {
                List<Map<String, Object>> all = areaRows();
                long created = lookups.writeInBatches(writing, """
                                    UNWIND $rows AS a
                                    MATCH (p:Provider {id: a.id})
                                    CALL (p) { MATCH (p)-[old:SERVES]->(:Municipality) DELETE old }
                                    CALL (p, a) {
                                      UNWIND a.codes AS code
                                      MATCH (m:Municipality {code: code})
                                      CREATE (p)-[:SERVES]->(m)
                                    }""", all, Map.of());
                typeCounts.recomputeAll();
                return created;
            }
        };
    }

    @Override
    public List<List<Object>> export(@Nullable ExportScope scope) {
        String match = scope == null ? "MATCH (p:Provider)" : "UNWIND $providers AS id MATCH (p:Provider {id: id})";
        return DataExport.rows(neo4j.query(match + """

                        MATCH (p)-[:SERVES]->(m:Municipality)
                        RETURN p.id AS id, m.code AS code ORDER BY id, code""")
                .bind(scope == null ? List.of() : List.copyOf(scope.providers())).to("providers")
                .fetchAs(List.class).mappedBy((types, r) -> List.<Object>of(r.get("id").asString(), r.get("code").asString()))
                .all());
    }
}
