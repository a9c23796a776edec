package nl.netwerkzorg.atlas.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import nl.netwerkzorg.atlas.geography.GeographyService;
import org.jspecify.annotations.Nullable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Region layers (GGD-regio, veiligheidsregio, zorgkantoorregio, ROAZ, a network's own area):
 * {@code region_kind;region_code;region_name;municipality_code}, one row per municipality of a region. Every region in
 * the file gets exactly the file's municipalities (regions not in the file stay, so a province's export imports
 * without touching the rest of the country). Provinces and the country come from CBS and are not imported.
 */
@Component
class RegionTable implements CsvTable {

    static final Set<String> BUILT_IN = Set.of("PROVINCIE", "LAND");
    private static final Pattern REGION_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,40}");

    private final Neo4jClient neo4j;
    private final Lookups lookups;
    private final GeographyService geography;

    RegionTable(Neo4jClient neo4j, Lookups lookups, GeographyService geography) {
        this.neo4j = neo4j;
        this.lookups = lookups;
        this.geography = geography;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.REGIONS;
    }

    @Override
    public List<String> columns() {
        return GeographyService.REGION_HEADER;
    }

    @Override
    public List<String> required() {
        return GeographyService.REGION_HEADER;
    }

    @Override
    public List<List<Object>> example() {
        return List.of(List.of("GGD", "GGD-UTRECHT", "GGD regio Utrecht", "GM0321"),
                List.of("GGD", "GGD-UTRECHT", "GGD regio Utrecht", "GM0356"));
    }

    @Override
    public Run start() {
        Set<String> municipalities = lookups.municipalities();
        return new Run() {
            final Map<String, Map<String, Object>> regions = new LinkedHashMap<>();
            final Map<String, Integer> regionLines = new HashMap<>();
            final Map<String, Integer> memberships = new HashMap<>();
            final List<Map<String, Object>> links = new ArrayList<>();
            final Set<String> kinds = new HashSet<>();
            int existing;

            @Override
            public void row(CsvCells cells) {
                String kind = cells.code("region_kind", true);
                if (kind != null && BUILT_IN.contains(kind)) {
                    cells.problem("region_kind", kind, "Provincies en het land komen van het CBS en worden niet geïmporteerd.");
                }
                String code = cells.required("region_code");
                if (!code.isEmpty() && !REGION_CODE.matcher(code).matches()) {
                    cells.problem("region_code", code, "Een regiocode bestaat uit 1 tot 40 letters, cijfers, punten, liggende streepjes of koppeltekens.");
                }
                String name = cells.required("region_name");
                if (name.length() > 120) {
                    cells.problem("region_name", name, "De regionaam is langer dan 120 tekens.");
                }
                String municipality = cells.municipality("municipality_code", municipalities);
                if (cells.failed()) {
                    return;
                }
                Map<String, Object> earlier = regions.putIfAbsent(code, Map.of("code", code, "kind", kind, "name", name));
                if (earlier != null && !earlier.get("kind").equals(kind)) {
                    cells.problem("region_kind", kind, "Regiocode " + code + " heeft op regel " + regionLines.get(code)
                            + " de soort " + earlier.get("kind") + ".");
                } else if (earlier != null && !earlier.get("name").equals(name)) {
                    cells.problem("region_name", name, "Regiocode " + code + " heeft op regel " + regionLines.get(code)
                            + " de naam '" + earlier.get("name") + "'.");
                } else if (memberships.putIfAbsent(code + "|" + municipality, cells.line()) != null) {
                    cells.problem("municipality_code", municipality, "Deze gemeente staat al in regio " + code + " op regel "
                            + memberships.get(code + "|" + municipality) + ".");
                } else {
                    regionLines.putIfAbsent(code, cells.line());
                    links.add(Map.of("region", code, "municipality", municipality));
                    kinds.add(kind);
                }
            }

            @Override
            public void checkDatabase(List<ImportProblem> problems) {
                for (Map<String, Object> clash : neo4j.query("""
                                UNWIND $regions AS r
                                MATCH (x:Region {code: r.code}) WHERE x.kind <> r.kind
                                RETURN r.code AS code, x.kind AS kind""")
                        .bind(List.copyOf(regions.values())).to("regions").fetch().all()) {
                    String code = (String) clash.get("code");
                    problems.add(new ImportProblem(regionLines.getOrDefault(code, 0), "region_code", code,
                            "Deze regiocode bestaat al met de soort " + clash.get("kind") + "."));
                }
                existing = neo4j.query("""
                                UNWIND $links AS l
                                MATCH (:Municipality {code: l.municipality})-[:IN_REGION]->(:Region {code: l.region})
                                RETURN count(*)""")
                        .bind(links).to("links").fetchAs(Long.class).one().orElse(0L).intValue();
            }

            @Override
            public int existing() {
                return existing;
            }

            @Override
            public long write(Writing writing) {
                geography.writeRegions(List.copyOf(regions.values()), links, kinds, false);
                return links.size();
            }
        };
    }

    @Override
    public List<List<Object>> export(@Nullable ExportScope scope) {
        // A region touching the scope comes with all its municipalities: importing it must not shrink it.
        String match = scope == null ? "MATCH (m:Municipality)-[:IN_REGION]->(r:Region) WHERE NOT r.kind IN $builtIn"
                : """
                  UNWIND $codes AS code
                  MATCH (:Municipality {code: code})-[:IN_REGION]->(touched:Region) WHERE NOT touched.kind IN $builtIn
                  WITH DISTINCT touched AS r
                  MATCH (m:Municipality)-[:IN_REGION]->(r)""";
        return DataExport.rows(neo4j.query(match + """

                        RETURN r.kind AS kind, r.code AS code, r.name AS name, m.code AS municipality
                        ORDER BY kind, code, municipality""")
                .bind(scope == null ? List.of() : List.copyOf(scope.municipalities())).to("codes")
                .bind(List.copyOf(BUILT_IN)).to("builtIn")
                .fetchAs(List.class).mappedBy((types, r) -> List.<Object>of(r.get("kind").asString(), r.get("code").asString(),
                        r.get("name").asString(""), r.get("municipality").asString()))
                .all());
    }
}
