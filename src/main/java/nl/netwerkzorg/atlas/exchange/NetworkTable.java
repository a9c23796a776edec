package nl.netwerkzorg.atlas.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.netwerkzorg.atlas.analysis.AnalysisService;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Formal networks (VSV, dementienetwerk, ELV-coördinatiepunt, wijkteam …): {@code id;naam;soort;aandoeningen;werkgebied}.
 * Keyed by {@code id}; a network already there gets the file's name, kind, focus conditions and area (replaced). Members
 * come with the memberships file.
 */
@Component
class NetworkTable implements CsvTable {

    static final List<String> COLUMNS = List.of("id", "naam", "soort", "aandoeningen", "werkgebied");

    private final Neo4jClient neo4j;
    private final Lookups lookups;
    private final AnalysisService analysis;

    NetworkTable(Neo4jClient neo4j, Lookups lookups, AnalysisService analysis) {
        this.neo4j = neo4j;
        this.lookups = lookups;
        this.analysis = analysis;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.NETWORKS;
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> required() {
        return List.of("id", "naam", "soort");
    }

    @Override
    public List<List<Object>> example() {
        return List.of(List.of("N-DEM-UTRECHT-ZO", "Dementienetwerk Utrecht Zuidoost", "DEMENTIENETWERK", "DEMENTIE",
                "GM0321|GM0356|GM0352"));
    }

    @Override
    public void afterCommit(Run run) {
        analysis.clearCache();
    }

    @Override
    public Run start() {
        Set<String> municipalities = lookups.municipalities();
        Set<String> conditions = lookups.conditions();
        return new Run() {
            final List<Map<String, Object>> rows = new ArrayList<>();
            final Map<String, Integer> ids = new HashMap<>();
            int existing;

            @Override
            public void row(CsvCells cells) {
                String id = cells.id("id", "id");
                if (!id.isEmpty()) {
                    cells.once("id", id, id, ids, "Dit id");
                }
                String name = cells.required("naam");
                if (name.length() > 200) {
                    cells.problem("naam", name, "De naam is langer dan 200 tekens.");
                }
                String kind = cells.code("soort", true);
                List<String> focus = cells.codeList("aandoeningen", conditions, "aandoening");
                List<String> covers = cells.codeList("werkgebied", municipalities, "gemeentecode in het werkgebied");
                if (!cells.failed()) {
                    Map<String, Object> row = new HashMap<>();
                    row.put("id", id);
                    row.put("name", name);
                    row.put("kind", kind);
                    row.put("focus", focus);
                    row.put("covers", covers);
                    rows.add(row);
                }
            }

            @Override
            public void checkDatabase(List<ImportProblem> problems) {
                existing = lookups.existing("Network", ids.keySet()).size();
            }

            /** A network manager's networks lie wholly in their regions: the new area, and the area it has now. */
            @Override
            @SuppressWarnings("unchecked")
            public void checkScope(Set<String> scope, List<ImportProblem> problems) {
                for (Map<String, Object> row : rows) {
                    List<String> covers = (List<String>) row.get("covers");
                    int line = ids.getOrDefault((String) row.get("id"), 0);
                    List<String> outside = covers.stream().filter(c -> !scope.contains(c)).toList();
                    if (covers.isEmpty()) {
                        problems.add(new ImportProblem(line, "werkgebied", "",
                                "Geef het werkgebied: een netwerkmanager beheert netwerken binnen de eigen regio's."));
                    } else if (!outside.isEmpty()) {
                        problems.add(new ImportProblem(line, "werkgebied", String.join("|", outside),
                                "Deze gemeenten liggen buiten uw regio's; alleen een beheerder legt dat vast."));
                    }
                }
                lookups.networksOutside(ids.keySet(), scope).stream().sorted()
                        .forEach(id -> problems.add(new ImportProblem(ids.getOrDefault(id, 0), "id", id,
                                "Dit netwerk werkt nu (ook) buiten uw regio's; alleen een beheerder wijzigt het.")));
            }

            @Override
            public int existing() {
                return existing;
            }

            @Override
            public long write(Writing writing) {
                long created = lookups.writeInBatches(writing, """
                                    UNWIND $rows AS r
                                    MERGE (n:Network {id: r.id})
                                    SET n.name = r.name, n.kind = r.kind, n.focusCondition = r.focus[0], n.importedAt = $now
                                    WITH n, r
                                    CALL (n) { MATCH (n)-[old:COVERS|FOCUSES_ON]->() DELETE old }
                                    CALL (n, r) {
                                      UNWIND r.covers AS code
                                      MATCH (m:Municipality {code: code})
                                      CREATE (n)-[:COVERS]->(m)
                                    }
                                    CALL (n, r) {
                                      UNWIND r.focus AS code
                                      MATCH (k:Condition {code: code})
                                      CREATE (n)-[:FOCUSES_ON]->(k)
                                    }
                                    RETURN count(n)""", rows, Map.of("now", writing.now()));
                return created;
            }
        };
    }

    @Override
    public List<List<Object>> export(@Nullable ExportScope scope) {
        String match = scope == null ? "MATCH (n:Network)"
                : "MATCH (n:Network) WHERE EXISTS { (n)-[:COVERS]->(m:Municipality) WHERE m.code IN $codes }";
        return DataExport.rows(neo4j.query(match + """

                        RETURN n.id AS id, n.name AS name, n.kind AS kind,
                               COLLECT { MATCH (n)-[:FOCUSES_ON]->(k:Condition)
                                         RETURN k.code ORDER BY k.code = n.focusCondition DESC, k.code } AS focus,
                               COLLECT { MATCH (n)-[:COVERS]->(m:Municipality) RETURN m.code ORDER BY m.code } AS covers
                        ORDER BY id""")
                .bind(scope == null ? List.of() : List.copyOf(scope.municipalities())).to("codes")
                .fetchAs(List.class).mappedBy((types, r) -> List.<Object>of(r.get("id").asString(), r.get("name").asString(""),
                        r.get("kind").asString(""), String.join("|", r.get("focus").asList(Value::asString)),
                        String.join("|", r.get("covers").asList(Value::asString))))
                .all());
    }
}
