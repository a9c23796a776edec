package nl.netwerkzorg.atlas.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Capacity reports in bulk (a coordination point's daily bed list): {@code zorgaanbieder;capaciteit;beschikbaar;
 * neemt_clienten_aan;wachtdagen}. Each row is a capacity report like one made on the Capaciteit screen: timestamped,
 * attributed to the importing administrator and kept in the provider's capacity history. An empty cell leaves that
 * value as it is; beds only for bed-based types, never more free than there are.
 */
@Component
class CapacityTable implements CsvTable {

    static final List<String> COLUMNS = List.of("zorgaanbieder", "capaciteit", "beschikbaar", "neemt_clienten_aan", "wachtdagen");

    private final Neo4jClient neo4j;
    private final Lookups lookups;

    CapacityTable(Neo4jClient neo4j, Lookups lookups) {
        this.neo4j = neo4j;
        this.lookups = lookups;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.CAPACITY;
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> required() {
        return List.of("zorgaanbieder");
    }

    @Override
    public List<List<Object>> example() {
        var n = (java.util.function.Function<Integer, Object>) i -> new nl.netwerkzorg.atlas.base.CsvExport.Numeric(String.valueOf(i));
        return List.of(List.of("P-ZEIST-ELV-01", n.apply(24), n.apply(3), "ja", n.apply(0)),
                List.of("01234567", "", "", "nee", n.apply(21)));
    }

    private record Row(int line, String provider, @Nullable Integer capacity, @Nullable Integer available,
                       @Nullable Boolean accepting, @Nullable Integer waitingDays) {
    }

    @Override
    public Run start() {
        return new Run() {
            final List<Row> rows = new ArrayList<>();
            final List<Map<String, Object>> resolved = new ArrayList<>();

            @Override
            public void row(CsvCells cells) {
                String provider = cells.id("zorgaanbieder", "zorgaanbieder (id of AGB-code)");
                Integer capacity = cells.integer("capaciteit", 0, 100_000);
                Integer available = cells.integer("beschikbaar", 0, 100_000);
                Boolean accepting = cells.yesNo("neemt_clienten_aan");
                Integer waiting = cells.integer("wachtdagen", 0, 730);
                if (capacity != null && available != null && available > capacity) {
                    cells.problem("beschikbaar", String.valueOf(available), "Meer vrije bedden (" + available + ") dan bedden ("
                            + capacity + ").");
                }
                if (!cells.failed() && capacity == null && available == null && accepting == null && waiting == null) {
                    cells.problem("", "", "De regel meldt niets: vul ten minste één van capaciteit, beschikbaar, "
                            + "neemt_clienten_aan of wachtdagen in.");
                }
                if (!cells.failed()) {
                    rows.add(new Row(cells.line(), provider, capacity, available, accepting, waiting));
                }
            }

            @Override
            public void checkDatabase(List<ImportProblem> problems) {
                Map<String, Lookups.ProviderRef> providers = lookups.providers(rows.stream().map(Row::provider).toList());
                Map<String, Integer> seen = new HashMap<>();
                for (Row r : rows) {
                    Lookups.ProviderRef p = providers.get(r.provider());
                    if (p == null) {
                        problems.add(new ImportProblem(r.line(), "zorgaanbieder", r.provider(), "Onbekende zorgaanbieder (id of AGB-code)."));
                        continue;
                    }
                    Integer earlier = seen.putIfAbsent(p.id(), r.line());
                    if (earlier != null) {
                        problems.add(new ImportProblem(r.line(), "zorgaanbieder", r.provider(),
                                "Deze zorgaanbieder staat ook op regel " + earlier + "; één melding per zorgaanbieder."));
                        continue;
                    }
                    if (!p.bedBased() && (r.capacity() != null || r.available() != null)) {
                        problems.add(new ImportProblem(r.line(), r.capacity() != null ? "capaciteit" : "beschikbaar",
                                String.valueOf(r.capacity() != null ? r.capacity() : r.available()),
                                "Bedden horen alleen bij soorten met bedden (ziekenhuis, verpleeghuis, ELV, GRZ); "
                                        + p.id() + " is " + p.type() + "."));
                        continue;
                    }
                    Map<String, Object> m = new HashMap<>();
                    m.put("line", r.line());
                    m.put("id", p.id());
                    m.put("capacity", r.capacity());
                    m.put("available", r.available());
                    m.put("accepting", r.accepting());
                    m.put("waitingDays", r.waitingDays());
                    resolved.add(m);
                }
                if (!problems.isEmpty()) {
                    return;
                }
                // The figures after the report must fit: free beds given alone within the beds already recorded, and fewer beds
        // not below the free beds already recorded.
                for (Map<String, Object> f : neo4j.query("""
                                UNWIND $rows AS r
                                MATCH (p:Provider {id: r.id})
                                WITH r, coalesce(r.capacity, p.capacity) AS capacity, coalesce(r.available, p.available) AS available
                                WHERE available IS NOT NULL AND (capacity IS NULL OR available > capacity)
                                RETURN r.line AS line, available, capacity""")
                        .bind(resolved).to("rows").fetch().all()) {
                    problems.add(new ImportProblem(((Number) f.get("line")).intValue(), "beschikbaar", String.valueOf(f.get("available")),
                            f.get("capacity") == null ? "Vul het aantal bedden in bij een aantal vrije bedden."
                                    : "Meer vrije bedden dan de " + f.get("capacity") + " bedden van deze zorgaanbieder."));
                }
            }

            @Override
            public int existing() {
                return resolved.size();
            }

            @Override
            public long write(Writing writing) {
                long created = lookups.writeInBatches(writing, """
                                    UNWIND $rows AS r
                                    MATCH (p:Provider {id: r.id})
                                    SET p.capacity = coalesce(r.capacity, p.capacity), p.available = coalesce(r.available, p.available),
                                        p.acceptingClients = coalesce(r.accepting, p.acceptingClients),
                                        p.waitingDays = coalesce(r.waitingDays, p.waitingDays),
                                        p.capacityUpdatedAt = $now, p.capacityUpdatedBy = $username
                                    CREATE (:CapacityUpdate {id: randomUUID(), at: $now, username: $username, providerId: p.id,
                                            capacity: p.capacity, available: p.available, acceptingClients: p.acceptingClients,
                                            waitingDays: p.waitingDays, source: $source})-[:OF]->(p)""", resolved, Map.of("now", writing.now(), "username", writing.user().username(), "source", "import " + writing.fileName()));
                return created;
            }
        };
    }

    @Override
    public List<List<Object>> export(@Nullable ExportScope scope) {
        String match = scope == null ? "MATCH (p:Provider)" : "UNWIND $providers AS id MATCH (p:Provider {id: id})";
        return DataExport.rows(neo4j.query(match + """

                        RETURN p.id AS id, p.capacity AS capacity, p.available AS available, p.acceptingClients AS accepting,
                               p.waitingDays AS waitingDays
                        ORDER BY id""")
                .bind(scope == null ? List.of() : List.copyOf(scope.providers())).to("providers")
                .fetchAs(List.class).mappedBy((types, r) -> List.<Object>of(r.get("id").asString(),
                        ProviderTable.number(r.get("capacity")), ProviderTable.number(r.get("available")),
                        r.get("accepting").isNull() ? "" : r.get("accepting").asBoolean() ? "ja" : "nee",
                        ProviderTable.number(r.get("waitingDays"))))
                .all());
    }
}
