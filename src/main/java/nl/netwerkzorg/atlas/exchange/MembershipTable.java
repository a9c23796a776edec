package nl.netwerkzorg.atlas.exchange;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.netwerkzorg.atlas.analysis.AnalysisService;
import org.jspecify.annotations.Nullable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Network memberships: {@code netwerk;zorgaanbieder;rol;sinds;verwijderen}. A membership is added or its role and start
 * updated; {@code verwijderen=ja} removes it. Memberships not in the file stay. The provider is named by id or AGB code.
 */
@Component
class MembershipTable implements CsvTable {

    static final List<String> COLUMNS = List.of("netwerk", "zorgaanbieder", "rol", "sinds", "verwijderen");

    private final Neo4jClient neo4j;
    private final Lookups lookups;
    private final AnalysisService analysis;

    MembershipTable(Neo4jClient neo4j, Lookups lookups, AnalysisService analysis) {
        this.neo4j = neo4j;
        this.lookups = lookups;
        this.analysis = analysis;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.MEMBERSHIPS;
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> required() {
        return List.of("netwerk", "zorgaanbieder");
    }

    @Override
    public List<List<Object>> example() {
        return List.of(List.of("N-DEM-UTRECHT-ZO", "P-HOUTEN-001", "PENVOERDER", "2024-01-01", ""),
                List.of("N-DEM-UTRECHT-ZO", "01234568", "LID", "15-03-2024", ""));
    }

    @Override
    public void afterCommit(Run run) {
        analysis.clearCache();
    }

    private record Row(int line, String network, String provider, @Nullable String role, @Nullable LocalDate since,
                       boolean remove) {
    }

    @Override
    public Run start() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        return new Run() {
            final List<Row> rows = new ArrayList<>();
            final Map<String, Integer> pairs = new HashMap<>();
            final List<Map<String, Object>> resolved = new ArrayList<>();
            int existing;

            @Override
            public void row(CsvCells cells) {
                String network = cells.id("netwerk", "netwerk-id");
                String provider = cells.id("zorgaanbieder", "zorgaanbieder (id of AGB-code)");
                String role = cells.code("rol", false);
                LocalDate since = cells.date("sinds", today);
                Boolean remove = cells.yesNo("verwijderen");
                if (!cells.failed()) {
                    cells.once("zorgaanbieder", provider, network + "\u0000" + provider, pairs, "Dit lidmaatschap");
                }
                if (!cells.failed()) {
                    rows.add(new Row(cells.line(), network, provider, role, since, Boolean.TRUE.equals(remove)));
                }
            }

            @Override
            public void checkDatabase(List<ImportProblem> problems) {
                Set<String> networks = lookups.existing("Network", rows.stream().map(Row::network).toList());
                Map<String, Lookups.ProviderRef> providers = lookups.providers(rows.stream().map(Row::provider).toList());
                Set<String> seen = new HashSet<>();
                for (Row r : rows) {
                    boolean ok = true;
                    if (!networks.contains(r.network())) {
                        problems.add(new ImportProblem(r.line(), "netwerk", r.network(),
                                "Onbekend netwerk; importeer eerst de netwerken."));
                        ok = false;
                    }
                    Lookups.ProviderRef p = providers.get(r.provider());
                    if (p == null) {
                        problems.add(new ImportProblem(r.line(), "zorgaanbieder", r.provider(),
                                "Onbekende zorgaanbieder (id of AGB-code)."));
                        ok = false;
                    } else if (!seen.add(r.network() + "\u0000" + p.id())) {
                        problems.add(new ImportProblem(r.line(), "zorgaanbieder", r.provider(),
                                "Deze zorgaanbieder staat al eerder in het bestand bij dit netwerk (met id of AGB-code)."));
                        ok = false;
                    }
                    if (ok) {
                        Map<String, Object> m = new HashMap<>();
                        m.put("line", r.line());
                        m.put("network", r.network());
                        m.put("provider", p.id());
                        m.put("role", r.role());
                        m.put("since", r.since());
                        m.put("remove", r.remove());
                        resolved.add(m);
                    }
                }
                if (!problems.isEmpty()) {
                    return;
                }
                existing = lookups.existingOrRemovable("""
                                UNWIND $rows AS r
                                MATCH (:Provider {id: r.provider})-[:MEMBER_OF]->(:Network {id: r.network})
                                RETURN r.line""", resolved, problems,
                        "Deze zorgaanbieder is geen lid van dit netwerk; er valt niets te verwijderen.");
            }

            /** A network manager changes the members of networks that lie wholly in their regions. */
            @Override
            public void checkScope(Set<String> scope, List<ImportProblem> problems) {
                Set<String> outside = lookups.networksOutside(rows.stream().map(Row::network).toList(), scope);
                for (Row r : rows) {
                    if (outside.contains(r.network())) {
                        problems.add(new ImportProblem(r.line(), "netwerk", r.network(),
                                "Dit netwerk werkt (ook) buiten uw regio's; alleen een beheerder wijzigt zijn leden."));
                    }
                }
            }

            @Override
            public int existing() {
                return existing;
            }

            @Override
            public long write(Writing writing) {
                long created = lookups.writeInBatches(writing, """
                                    UNWIND $rows AS r
                                    MATCH (p:Provider {id: r.provider}), (n:Network {id: r.network})
                                    CALL (p, n, r) {
                                      WITH * WHERE r.remove
                                      MATCH (p)-[m:MEMBER_OF]->(n) DELETE m
                                    }
                                    CALL (p, n, r) {
                                      WITH * WHERE NOT r.remove
                                      MERGE (p)-[m:MEMBER_OF]->(n)
                                      SET m.role = coalesce(r.role, m.role, 'LID'), m.since = coalesce(r.since, m.since)
                                    }""", resolved, Map.of());
                return created;
            }
        };
    }

    @Override
    public List<List<Object>> export(@Nullable ExportScope scope) {
        String match = scope == null ? "MATCH (p:Provider)-[m:MEMBER_OF]->(n:Network)"
                : "MATCH (p:Provider)-[m:MEMBER_OF]->(n:Network) WHERE EXISTS { (n)-[:COVERS]->(c:Municipality) WHERE c.code IN $codes }";
        return DataExport.rows(neo4j.query(match + """

                        RETURN n.id AS network, p.id AS provider, m.role AS role, m.since AS since
                        ORDER BY network, provider""")
                .bind(scope == null ? List.of() : List.copyOf(scope.municipalities())).to("codes")
                .fetchAs(List.class).mappedBy((types, r) -> List.<Object>of(r.get("network").asString(),
                        r.get("provider").asString(), r.get("role").asString(""),
                        r.get("since").isNull() ? "" : r.get("since").asLocalDate().toString(), ""))
                .all());
    }
}
