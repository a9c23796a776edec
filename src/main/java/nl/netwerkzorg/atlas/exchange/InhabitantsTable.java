package nl.netwerkzorg.atlas.exchange;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.netwerkzorg.atlas.geography.GeographyService;
import org.jspecify.annotations.Nullable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Inhabitants per municipality ({@code municipality_code;inhabitants;reference_date}), e.g. from CBS StatLine; they
 * replace the generator's estimate for the municipalities in the file (marked as imported).
 */
@Component
class InhabitantsTable implements CsvTable {

    private final Neo4jClient neo4j;
    private final Lookups lookups;
    private final GeographyService geography;

    InhabitantsTable(Neo4jClient neo4j, Lookups lookups, GeographyService geography) {
        this.neo4j = neo4j;
        this.lookups = lookups;
        this.geography = geography;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.INHABITANTS;
    }

    @Override
    public List<String> columns() {
        return GeographyService.INHABITANTS_HEADER;
    }

    @Override
    public List<String> required() {
        return GeographyService.INHABITANTS_HEADER;
    }

    @Override
    public List<List<Object>> example() {
        return List.of(List.of("GM0321", new nl.netwerkzorg.atlas.base.CsvExport.Numeric("50807"), "2024-01-01"));
    }

    @Override
    public Run start() {
        Set<String> municipalities = lookups.municipalities();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        return new Run() {
            final List<Map<String, Object>> values = new ArrayList<>();
            final Map<String, Integer> seen = new HashMap<>();

            @Override
            public void row(CsvCells cells) {
                String code = cells.municipality("municipality_code", municipalities);
                if (!code.isEmpty()) {
                    cells.once("municipality_code", code, code, seen, "Deze gemeente");
                }
                String count = cells.required("inhabitants");
                Integer inhabitants = count.isEmpty() ? null : cells.integer("inhabitants", 0, 2_000_000);
                if (cells.raw("reference_date").isEmpty()) {
                    cells.required("reference_date");
                }
                LocalDate date = cells.date("reference_date", today);
                if (!cells.failed() && inhabitants != null && date != null) {
                    values.add(Map.of("code", code, "inhabitants", (long) inhabitants, "date", date));
                }
            }

            @Override
            public void checkDatabase(List<ImportProblem> problems) {
            }

            @Override
            public int existing() {
                return values.size();
            }

            @Override
            public long write(Writing writing) {
                geography.writeInhabitants(values, "IMPORT");
                return 0;
            }
        };
    }

    @Override
    public List<List<Object>> export(@Nullable ExportScope scope) {
        String match = scope == null ? "MATCH (m:Municipality)" : "UNWIND $codes AS code MATCH (m:Municipality {code: code})";
        return DataExport.rows(neo4j.query(match + """
                         WHERE m.inhabitantsSource = 'IMPORT'
                        RETURN m.code AS code, m.inhabitants AS inhabitants, m.inhabitantsReferenceDate AS date
                        ORDER BY code""")
                .bind(scope == null ? List.of() : List.copyOf(scope.municipalities())).to("codes")
                .fetchAs(List.class).mappedBy((types, r) -> List.<Object>of(r.get("code").asString(),
                        ProviderTable.number(r.get("inhabitants")),
                        r.get("date").isNull() ? "" : r.get("date").asLocalDate().toString()))
                .all());
    }
}
