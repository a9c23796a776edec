package nl.netwerkzorg.atlas.exchange;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.netwerkzorg.atlas.client.ClientQualityRules;
import nl.netwerkzorg.atlas.client.Clients;
import org.jspecify.annotations.Nullable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The professionals in clients' personal networks: {@code client;zorgaanbieder;rol;sinds;coordinator;einde}. A row
 * without {@code einde} adds the provider's involvement or updates its role and start; {@code coordinator=ja} makes the
 * provider the client's coordinator (the previous coordination ends today), {@code nee} ends its coordination. A row
 * with {@code einde} records an ended involvement ({@code CARED_FOR}); when the file has no current row for the pair, the
 * current involvement ends. The same rules as the client page apply: no new involvement of a provider the client
 * objected to, one coordinator, the coordinator's involvement cannot end. Involvements not in the file stay.
 */
@Component
class CareRelationTable implements CsvTable {

    static final List<String> COLUMNS = List.of("client", "zorgaanbieder", "rol", "sinds", "coordinator", "einde");

    private final Neo4jClient neo4j;
    private final Lookups lookups;
    private final ClientQualityRules rules;

    CareRelationTable(Neo4jClient neo4j, Lookups lookups, ClientQualityRules rules) {
        this.neo4j = neo4j;
        this.lookups = lookups;
        this.rules = rules;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.CARE_RELATIONS;
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> required() {
        return List.of("client", "zorgaanbieder");
    }

    @Override
    public String clientColumn() {
        return "client";
    }

    @Override
    public List<List<Object>> example() {
        return List.of(List.of("C-HOUTEN-0001", "P-HOUTEN-001", "BEHANDELAAR", "2024-02-01", "ja", ""),
                List.of("C-HOUTEN-0001", "P-HOUTEN-014", "VERPLEEGKUNDIGE", "2024-02-15", "", ""),
                List.of("C-HOUTEN-0001", "P-ZEIST-ELV-01", "BEHANDELAAR", "2024-03-01", "", "2024-06-30"));
    }

    private record Row(int line, String client, String provider, @Nullable String role, @Nullable LocalDate since,
                       @Nullable Boolean coordinator, @Nullable LocalDate until) {
    }

    @Override
    public Run start() {
        return start(false);
    }

    @Override
    public Run start(boolean restoring) {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        Set<String> roles = Set.copyOf(Clients.CARE_ROLES);
        return new Run() {
            final List<Row> rows = new ArrayList<>();
            final List<Map<String, Object>> resolved = new ArrayList<>();
            final Set<String> clients = new LinkedHashSet<>();
            int existing;

            @Override
            public void row(CsvCells cells) {
                String client = cells.id("client", "cliënt-id");
                String provider = cells.id("zorgaanbieder", "zorgaanbieder (id of AGB-code)");
                String role = cells.oneOf("rol", false, roles, "rol");
                LocalDate since = cells.date("sinds", today);
                Boolean coordinator = cells.yesNo("coordinator");
                LocalDate until = cells.date("einde", today);
                if (since != null && until != null && until.isBefore(since)) {
                    cells.problem("einde", until.toString(), "Het einde (" + until + ") ligt vóór het begin (" + since + ").");
                }
                if (until != null && Boolean.TRUE.equals(coordinator)) {
                    cells.problem("coordinator", "ja", "Een beëindigde betrokkenheid kan geen coördinator zijn.");
                }
                if (!cells.failed()) {
                    rows.add(new Row(cells.line(), client, provider, role, since, coordinator, until));
                }
            }

            @Override
            public void checkDatabase(List<ImportProblem> problems) {
                Set<String> known = lookups.existing("Client", rows.stream().map(Row::client).toList());
                Map<String, Lookups.ProviderRef> providers = lookups.providers(rows.stream().map(Row::provider).toList());
                Map<String, Integer> keys = new HashMap<>();
                Map<String, Integer> coordinators = new HashMap<>();
                Set<String> active = new HashSet<>();
                for (Row r : rows) {
                    Lookups.ProviderRef p = providers.get(r.provider());
                    if (!known.contains(r.client())) {
                        problems.add(new ImportProblem(r.line(), "client", r.client(), "Onbekende cliënt; importeer eerst de cliënten."));
                    }
                    if (p == null) {
                        problems.add(new ImportProblem(r.line(), "zorgaanbieder", r.provider(), "Onbekende zorgaanbieder (id of AGB-code)."));
                        continue;
                    }
                    String pair = r.client() + "\u0000" + p.id();
                    Integer earlier = keys.putIfAbsent(pair + "\u0000" + (r.until() == null ? "" : r.since() + "\u0000" + r.until()),
                            r.line());
                    if (earlier != null) {
                        problems.add(new ImportProblem(r.line(), "zorgaanbieder", r.provider(),
                                "Deze betrokkenheid staat ook op regel " + earlier + "."));
                    }
                    if (Boolean.TRUE.equals(r.coordinator())) {
                        Integer other = coordinators.putIfAbsent(r.client(), r.line());
                        if (other != null) {
                            problems.add(new ImportProblem(r.line(), "coordinator", "ja",
                                    "Een cliënt heeft één coördinator; regel " + other + " wijst al een coördinator aan."));
                        }
                    }
                    if (r.until() == null) {
                        active.add(pair);
                    }
                    Map<String, Object> m = new HashMap<>();
                    m.put("line", r.line());
                    m.put("client", r.client());
                    m.put("provider", p.id());
                    m.put("role", r.role());
                    m.put("since", r.since());
                    m.put("coordinator", r.coordinator());
                    m.put("until", r.until());
                    resolved.add(m);
                    clients.add(r.client());
                }
                if (!problems.isEmpty()) {
                    return;
                }
                for (Map<String, Object> m : resolved) {
                    m.put("closeActive", m.get("until") != null && !active.contains(m.get("client") + "\u0000" + m.get("provider")));
                    m.put("newCoordinator", coordinators.containsKey((String) m.get("client")));
                }
                // Against the database: consent, and the coordinator whose involvement would end.
                for (Map<String, Object> f : neo4j.query("""
                                UNWIND $rows AS r
                                MATCH (c:Client {id: r.client})
                                OPTIONAL MATCH (c)<-[open:CARES_FOR]-(:Provider {id: r.provider})
                                WITH r, c, open, r.provider IN coalesce(c.objections, []) AS objected,
                                     EXISTS { (c)<-[:COORDINATES]-(:Provider {id: r.provider}) } AS coordinating,
                                     EXISTS { (c)<-[x:CARED_FOR]-(:Provider {id: r.provider})
                                              WHERE x.until = r.until AND (x.since = coalesce(r.since, open.since)
                                                    OR x.since IS NULL AND coalesce(r.since, open.since) IS NULL) } AS ended
                                RETURN r.line AS line, r.provider AS provider,
                                       objected AND r.until IS NULL AND open IS NULL AS objected,
                                       objected AND r.coordinator = true AND NOT coordinating AS objectedCoordinator,
                                       coordinating AND r.closeActive AND NOT r.newCoordinator
                                         AND coalesce(r.coordinator, true) AS endsCoordinator,
                                       CASE WHEN r.closeActive AND r.since IS NULL AND open.since > r.until
                                            THEN toString(open.since) END AS startedAfterEnd,
                                       CASE WHEN r.until IS NULL THEN open IS NOT NULL ELSE ended END AS existing""")
                        .bind(resolved).to("rows").fetch().all()) {
                    int line = ((Number) f.get("line")).intValue();
                    // A restore brings back involvements that began before the client objected; new ones are refused.
                    if (Boolean.TRUE.equals(f.get("objected")) && !restoring) {
                        problems.add(new ImportProblem(line, "zorgaanbieder", (String) f.get("provider"),
                                "De cliënt heeft bezwaar gemaakt tegen het delen van gegevens met deze zorgaanbieder."));
                    }
                    if (Boolean.TRUE.equals(f.get("objectedCoordinator")) && !restoring) {
                        problems.add(new ImportProblem(line, "coordinator", "ja",
                                "De cliënt heeft bezwaar gemaakt tegen deze zorgaanbieder; die kan geen coördinator worden."));
                    }
                    if (Boolean.TRUE.equals(f.get("endsCoordinator"))) {
                        problems.add(new ImportProblem(line, "einde", "", "Deze zorgaanbieder is de coördinator van de cliënt; "
                                + "wijs eerst een andere coördinator aan of zet coordinator op nee."));
                    }
                    if (f.get("startedAfterEnd") != null) {
                        problems.add(new ImportProblem(line, "einde", "", "Het einde ligt vóór het begin van de betrokkenheid ("
                                + f.get("startedAfterEnd") + ")."));
                    }
                    if (Boolean.TRUE.equals(f.get("existing"))) {
                        existing++;
                    }
                }
            }

            @Override
            public int existing() {
                return existing;
            }

            @Override
            public Collection<String> clientIds() {
                return clients;
            }

            @Override
            public long write(Writing writing) {
                long created = lookups.writeInBatches(writing, """
                                    UNWIND $rows AS r
                                    MATCH (c:Client {id: r.client}), (p:Provider {id: r.provider})
                                    CALL (c, p, r) {
                                      WITH * WHERE r.coordinator = true
                                      MATCH (c)<-[old:COORDINATES]-(q:Provider) WHERE q <> p
                                      CREATE (q)-[:COORDINATED {since: old.since, until: $today, endedBy: $username}]->(c)
                                      DELETE old
                                    }
                                    CALL (c, p, r) {
                                      WITH * WHERE r.coordinator = false OR r.closeActive
                                      MATCH (c)<-[old:COORDINATES]-(p)
                                      CREATE (p)-[:COORDINATED {since: old.since, until: coalesce(r.until, $today), endedBy: $username}]->(c)
                                      DELETE old
                                    }
                                    CALL (c, p, r) {
                                      WITH * WHERE r.until IS NULL
                                      MERGE (p)-[x:CARES_FOR]->(c)
                                        ON CREATE SET x.addedBy = $username
                                      SET x.role = coalesce(r.role, x.role, 'ZORGVERLENER'), x.since = coalesce(r.since, x.since)
                                    }
                                    CALL (c, p, r) {
                                      WITH * WHERE r.coordinator = true AND NOT EXISTS { (c)<-[:COORDINATES]-(p) }
                                      CREATE (p)-[:COORDINATES {since: coalesce(r.since, $today), setBy: $username}]->(c)
                                    }
                                    CALL (c, p, r) {
                                      WITH * WHERE r.until IS NOT NULL
                                      OPTIONAL MATCH (c)<-[open:CARES_FOR]-(p) WHERE r.closeActive
                                      WITH c, p, r, open, coalesce(r.since, open.since) AS since
                                      // An ended involvement is known by its start and end (the same pair can end twice).
                                      OPTIONAL CALL (c, p, r, since) {
                                        MATCH (p)-[x:CARED_FOR]->(c)
                                        WHERE x.until = r.until AND (x.since = since OR x.since IS NULL AND since IS NULL)
                                        RETURN x LIMIT 1
                                      }
                                      FOREACH (y IN CASE WHEN x IS NULL THEN [1] ELSE [] END |
                                        CREATE (p)-[:CARED_FOR {until: r.until, since: since,
                                                                role: coalesce(r.role, open.role, 'ZORGVERLENER'), endedBy: $username}]->(c))
                                      FOREACH (y IN CASE WHEN x IS NULL THEN [] ELSE [x] END |
                                        SET y.role = coalesce(r.role, y.role))
                                      WITH open WHERE open IS NOT NULL
                                      DELETE open
                                    }""", resolved, Map.of("today", LocalDate.now(ZoneId.of("Europe/Amsterdam")), "username", writing.user().username()));
                if (!writing.staged()) {
                    rules.recompute(clients);
                }
                return created;
            }
        };
    }

    @Override
    public void export(@Nullable ExportScope scope, java.util.function.Consumer<List<Object>> sink) {
        DataExport.stream(neo4j, DataExport.clientsInIdOrder(scope) + """

                        CALL (c) {
                          MATCH (c)<-[x:CARES_FOR|CARED_FOR|COORDINATES]-(p:Provider)
                          WITH p, x WHERE type(x) <> 'COORDINATES' OR NOT EXISTS { (c)<-[:CARES_FOR]-(p) }
                          RETURN p.id AS provider, x.role AS role, x.since AS since,
                                 type(x) <> 'CARED_FOR' AND EXISTS { (c)<-[:COORDINATES]-(p) } AS coordinator,
                                 x.until AS until
                          ORDER BY provider, until, since
                        }
                        RETURN c.id AS client, provider, role, since, coordinator, until""",
                Map.of("codes", scope == null ? List.of() : List.copyOf(scope.municipalities())),
                r -> sink.accept(List.of(r.get("client").asString(), r.get("provider").asString(), r.get("role").asString(""),
                        DataExport.text(r.get("since")), r.get("coordinator").asBoolean(false) ? "ja" : "",
                        DataExport.text(r.get("until")))));
    }
}
