package nl.netwerkzorg.atlas.exchange;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.netwerkzorg.atlas.analysis.AnalysisService;
import nl.netwerkzorg.atlas.client.ClientQualityRules;
import org.jspecify.annotations.Nullable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Collaborations between providers: {@code zorgaanbieder;partner;soort;sinds;formeel;verwijderen}. One collaboration
 * per pair and kind, whichever way round it was stored: an existing one is updated, otherwise it is added from
 * {@code zorgaanbieder} to {@code partner}; {@code verwijderen=ja} removes it. Collaborations not in the file stay.
 */
@Component
class CollaborationTable implements CsvTable {

    static final List<String> COLUMNS = List.of("zorgaanbieder", "partner", "soort", "sinds", "formeel", "verwijderen");
    static final Set<String> KINDS = Set.of("AGREEMENT", "MDO", "REFERRAL");

    private final Neo4jClient neo4j;
    private final Lookups lookups;
    private final AnalysisService analysis;
    private final ClientQualityRules rules;

    CollaborationTable(Neo4jClient neo4j, Lookups lookups, AnalysisService analysis, ClientQualityRules rules) {
        this.rules = rules;
        this.neo4j = neo4j;
        this.lookups = lookups;
        this.analysis = analysis;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.COLLABORATIONS;
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> required() {
        return List.of("zorgaanbieder", "partner", "soort");
    }

    @Override
    public List<List<Object>> example() {
        return List.of(List.of("P-HOUTEN-001", "P-HOUTEN-014", "AGREEMENT", "2023-09-01", "ja", ""),
                List.of("P-HOUTEN-001", "01234568", "MDO", "", "nee", ""));
    }

    @Override
    public void afterCommit(Run run) {
        // Collaborations decide the "versnipperd netwerk" signal of every client the providers care for.
        analysis.clearCache();
        rules.recomputeAllInBackground();
    }

    private record Row(int line, String from, String to, String kind, @Nullable LocalDate since, @Nullable Boolean formal,
                       boolean remove) {
    }

    @Override
    public Run start() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        return new Run() {
            final List<Row> rows = new ArrayList<>();
            final List<Map<String, Object>> resolved = new ArrayList<>();
            int existing;

            @Override
            public void row(CsvCells cells) {
                String from = cells.id("zorgaanbieder", "zorgaanbieder (id of AGB-code)");
                String to = cells.id("partner", "partner (id of AGB-code)");
                String kind = cells.oneOf("soort", true, KINDS, "soort samenwerking");
                LocalDate since = cells.date("sinds", today);
                Boolean formal = cells.yesNo("formeel");
                Boolean remove = cells.yesNo("verwijderen");
                if (!cells.failed()) {
                    rows.add(new Row(cells.line(), from, to, kind, since, formal, Boolean.TRUE.equals(remove)));
                }
            }

            @Override
            public void checkDatabase(List<ImportProblem> problems) {
                List<String> keys = new ArrayList<>();
                rows.forEach(r -> {
                    keys.add(r.from());
                    keys.add(r.to());
                });
                Map<String, Lookups.ProviderRef> providers = lookups.providers(keys);
                Map<String, Integer> pairs = new HashMap<>();
                for (Row r : rows) {
                    Lookups.ProviderRef a = providers.get(r.from());
                    Lookups.ProviderRef b = providers.get(r.to());
                    if (a == null) {
                        problems.add(new ImportProblem(r.line(), "zorgaanbieder", r.from(), "Onbekende zorgaanbieder (id of AGB-code)."));
                    }
                    if (b == null) {
                        problems.add(new ImportProblem(r.line(), "partner", r.to(), "Onbekende zorgaanbieder (id of AGB-code)."));
                    }
                    if (a == null || b == null) {
                        continue;
                    }
                    if (a.id().equals(b.id())) {
                        problems.add(new ImportProblem(r.line(), "partner", r.to(), "Een zorgaanbieder werkt niet met zichzelf samen."));
                        continue;
                    }
                    String pair = (a.id().compareTo(b.id()) < 0 ? a.id() + "\u0000" + b.id() : b.id() + "\u0000" + a.id())
                            + "\u0000" + r.kind();
                    Integer earlier = pairs.putIfAbsent(pair, r.line());
                    if (earlier != null) {
                        problems.add(new ImportProblem(r.line(), "partner", r.to(), "Deze samenwerking (" + r.kind()
                                + ") staat ook op regel " + earlier + ", eventueel andersom."));
                        continue;
                    }
                    Map<String, Object> m = new HashMap<>();
                    m.put("line", r.line());
                    m.put("from", a.id());
                    m.put("to", b.id());
                    m.put("kind", r.kind());
                    m.put("since", r.since());
                    m.put("formal", r.formal());
                    m.put("remove", r.remove());
                    resolved.add(m);
                }
                if (!problems.isEmpty()) {
                    return;
                }
                existing = lookups.existingOrRemovable("""
                                UNWIND $rows AS r
                                MATCH (:Provider {id: r.from})-[:COLLABORATES_WITH {kind: r.kind}]-(:Provider {id: r.to})
                                RETURN DISTINCT r.line""", resolved, problems, "Deze samenwerking bestaat niet; er valt niets te verwijderen.");
            }

            @Override
            public int existing() {
                return existing;
            }

            @Override
            public long write(Writing writing) {
                long created = lookups.writeInBatches(writing, """
                                    UNWIND $rows AS r
                                    MATCH (a:Provider {id: r.from}), (b:Provider {id: r.to})
                                    OPTIONAL CALL (a, b, r) {
                                      MATCH (a)-[c:COLLABORATES_WITH {kind: r.kind}]-(b)
                                      RETURN collect(c) AS found
                                    }
                                    FOREACH (c IN CASE WHEN r.remove THEN found ELSE [] END | DELETE c)
                                    FOREACH (c IN CASE WHEN r.remove THEN [] ELSE found[0..1] END |
                                      SET c.since = coalesce(r.since, c.since),
                                          c.formal = coalesce(r.formal, c.formal, r.kind = 'AGREEMENT'))
                                    FOREACH (x IN CASE WHEN r.remove OR size(found) > 0 THEN [] ELSE [1] END |
                                      CREATE (a)-[:COLLABORATES_WITH {kind: r.kind, since: r.since,
                                                                     formal: coalesce(r.formal, r.kind = 'AGREEMENT')}]->(b))""", resolved, Map.of());
                return created;
            }
        };
    }

    @Override
    public List<List<Object>> export(@Nullable ExportScope scope) {
        String match = scope == null ? "MATCH (a:Provider)-[c:COLLABORATES_WITH]->(b:Provider)"
                : "UNWIND $providers AS id MATCH (a:Provider {id: id})-[c:COLLABORATES_WITH]->(b:Provider)";
        // In a region, only collaborations between providers of the export (the scope holds the located providers'
        // partners), filtered here: a list lookup per relationship in Cypher would be quadratic.
        return DataExport.rows(neo4j.query(match + """

                        RETURN a.id AS a, b.id AS b, c.kind AS kind, c.since AS since, c.formal AS formal
                        ORDER BY a, b, kind""")
                .bind(scope == null ? List.of() : List.copyOf(scope.providers())).to("providers")
                .fetchAs(List.class).mappedBy((types, r) -> List.<Object>of(r.get("a").asString(), r.get("b").asString(),
                        r.get("kind").asString(""), r.get("since").isNull() ? "" : r.get("since").asLocalDate().toString(),
                        r.get("formal").isNull() ? "" : r.get("formal").asBoolean() ? "ja" : "nee", ""))
                .all()).stream().filter(row -> scope == null || scope.providers().contains((String) row.get(1))).toList();
    }
}
