package nl.netwerkzorg.atlas.exchange;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
 * Informal carers (mantelzorgers): {@code id;client;rol;sinds;bekend_bij}. A carer is a pseudonym and a role only — no
 * name or contact details — supporting one client, optionally in contact with a professional ({@code bekend_bij}, id or
 * AGB code). Keyed by {@code id}; a carer already there gets the file's role, start and contact.
 */
@Component
class CarerTable implements CsvTable {

    static final List<String> COLUMNS = List.of("id", "client", "rol", "sinds", "bekend_bij");

    private final Neo4jClient neo4j;
    private final Lookups lookups;
    private final ClientQualityRules rules;

    CarerTable(Neo4jClient neo4j, Lookups lookups, ClientQualityRules rules) {
        this.neo4j = neo4j;
        this.lookups = lookups;
        this.rules = rules;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.CARERS;
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> required() {
        return List.of("id", "client", "rol");
    }

    @Override
    public String clientColumn() {
        return "client";
    }

    @Override
    public List<List<Object>> example() {
        return List.of(List.of("M-HOUTEN-0001", "C-HOUTEN-0001", "PARTNER", "2024-02-01", "P-HOUTEN-001"));
    }

    private record Row(int line, String id, String client, String role, @Nullable LocalDate since, @Nullable String knownTo) {
    }

    @Override
    public Run start() {
        return start(false);
    }

    @Override
    public Run start(boolean restoring) {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
        return new Run() {
            final List<Row> rows = new ArrayList<>();
            final Map<String, Integer> ids = new HashMap<>();
            final List<Map<String, Object>> resolved = new ArrayList<>();
            final Set<String> clients = new LinkedHashSet<>();
            int existing;

            @Override
            public void row(CsvCells cells) {
                String id = cells.id("id", "mantelzorger-id");
                if (!id.isEmpty()) {
                    cells.once("id", id, id, ids, "Dit id");
                }
                String client = cells.id("client", "cliënt-id");
                String role = cells.oneOf("rol", true, Set.copyOf(Clients.CARER_ROLES), "rol");
                LocalDate since = cells.date("sinds", today);
                String knownTo = cells.optional("bekend_bij");
                if (knownTo != null && !CsvCells.ID.matcher(knownTo).matches()) {
                    cells.problem("bekend_bij", knownTo, "Geen zorgaanbieder-id of AGB-code.");
                }
                if (!cells.failed()) {
                    rows.add(new Row(cells.line(), id, client, role, since, knownTo));
                }
            }

            @Override
            public void checkDatabase(List<ImportProblem> problems) {
                Set<String> known = lookups.existing("Client", rows.stream().map(Row::client).toList());
                Map<String, Lookups.ProviderRef> providers = lookups.providers(rows.stream()
                        .map(Row::knownTo).filter(k -> k != null).toList());
                for (Row r : rows) {
                    if (!known.contains(r.client())) {
                        problems.add(new ImportProblem(r.line(), "client", r.client(), "Onbekende cliënt; importeer eerst de cliënten."));
                    }
                    Lookups.ProviderRef p = r.knownTo() == null ? null : providers.get(r.knownTo());
                    if (r.knownTo() != null && p == null) {
                        problems.add(new ImportProblem(r.line(), "bekend_bij", r.knownTo(), "Onbekende zorgaanbieder (id of AGB-code)."));
                    }
                    Map<String, Object> m = new HashMap<>();
                    m.put("line", r.line());
                    m.put("id", r.id());
                    m.put("client", r.client());
                    m.put("role", r.role());
                    m.put("since", r.since());
                    m.put("knownTo", p == null ? null : p.id());
                    resolved.add(m);
                    clients.add(r.client());
                }
                if (!problems.isEmpty()) {
                    return;
                }
                // As on the client page: the contact is a professional in the client's network the client did not object to
                // (a restore brings back contacts whose involvement ended since).
                if (!restoring) {
                    for (Map<String, Object> f : neo4j.query("""
                                    UNWIND $rows AS r
                                    WITH r WHERE r.knownTo IS NOT NULL
                                    MATCH (c:Client {id: r.client})
                                    WITH r, c WHERE r.knownTo IN coalesce(c.objections, [])
                                       OR NOT EXISTS { (c)<-[:CARES_FOR|COORDINATES]-(:Provider {id: r.knownTo}) }
                                    RETURN r.line AS line, r.knownTo AS provider,
                                           r.knownTo IN coalesce(c.objections, []) AS objected""")
                            .bind(resolved).to("rows").fetch().all()) {
                        problems.add(new ImportProblem(((Number) f.get("line")).intValue(), "bekend_bij", (String) f.get("provider"),
                                Boolean.TRUE.equals(f.get("objected"))
                                        ? "De cliënt heeft bezwaar gemaakt tegen deze zorgaanbieder."
                                        : "Deze zorgaanbieder hoort niet bij het netwerk van de cliënt (importeer eerst de zorgrelaties)."));
                    }
                    if (!problems.isEmpty()) {
                        return;
                    }
                }
                // A carer supports one client: an id already supporting another client is most likely a mistake.
                for (Map<String, Object> f : neo4j.query("""
                                UNWIND $rows AS r
                                MATCH (k:InformalCarer {id: r.id})
                                OPTIONAL MATCH (k)-[:SUPPORTS]->(other:Client) WHERE other.id <> r.client
                                RETURN r.line AS line, r.id AS id, other.id AS other""")
                        .bind(resolved).to("rows").fetch().all()) {
                    if (f.get("other") != null) {
                        problems.add(new ImportProblem(((Number) f.get("line")).intValue(), "client", (String) f.get("id"),
                                "Deze mantelzorger ondersteunt al cliënt " + f.get("other") + "."));
                    } else {
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
                                    MATCH (c:Client {id: r.client})
                                    MERGE (k:InformalCarer {id: r.id})
                                    SET k.role = r.role
                                    WITH k, c, r
                                    OPTIONAL MATCH (k)-[old:SUPPORTS]->(c)
                                    WITH k, c, r, old.since AS oldSince, old.addedBy AS oldAddedBy
                                    CALL (k) { MATCH (k)-[old:SUPPORTS|KNOWN_TO]->() DELETE old }
                                    CREATE (k)-[:SUPPORTS {since: coalesce(r.since, oldSince), addedBy: coalesce(oldAddedBy, $username)}]->(c)
                                    WITH k, r
                                    CALL (k, r) {
                                      MATCH (p:Provider {id: r.knownTo})
                                      CREATE (k)-[:KNOWN_TO]->(p)
                                    }""", resolved, Map.of("username", writing.user().username()));
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
                          MATCH (c)<-[s:SUPPORTS]-(k:InformalCarer)
                          RETURN k.id AS id, k.role AS role, s.since AS since,
                                 [(k)-[:KNOWN_TO]->(p:Provider) | p.id][0] AS knownTo
                          ORDER BY id
                        }
                        RETURN id, c.id AS client, role, since, knownTo""",
                Map.of("codes", scope == null ? List.of() : List.copyOf(scope.municipalities())),
                r -> sink.accept(List.of(r.get("id").asString(), r.get("client").asString(), r.get("role").asString(""),
                        DataExport.text(r.get("since")), r.get("knownTo").asString(""))));
    }
}
