package nl.netwerkzorg.atlas.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.neo4j.driver.summary.SummaryCounters;
import org.springframework.stereotype.Component;

import nl.netwerkzorg.atlas.geography.MunicipalityGeometry;
import nl.netwerkzorg.atlas.geography.ReferenceGeography;

/**
 * Writes a deterministic synthetic data set (providers, networks, clients and their personal networks)
 * for a preset and seed: plans rows with {@link DemoPlanner} and writes them in parameterised
 * {@code UNWIND} batches, one transaction per batch, one writer.
 */
@Component
public class DemoDataGenerator {

    static final int PROVIDER_BATCH = 5_000;
    static final int NETWORK_BATCH = 100;
    static final int COLLABORATION_BATCH = 20_000;
    static final int CLIENT_BATCH = 4_000;

    private static final String READ_MUNICIPALITIES = """
            MATCH (m:Municipality)
            RETURN m.code AS code, m.name AS name, m.provinceCode AS provinceCode,
                   coalesce(m.inhabitants, 0) AS inhabitants,
                   [(m)-[:IN_REGION]->(z:Region {kind: 'ZORGKANTOOR'}) | [z.code, z.name]] AS zorgkantoor,
                   [(m)-[:IN_REGION]->(g:Region {kind: 'GGD'}) | [g.code, g.name]] AS ggd
            ORDER BY code""";

    private static final String READ_PATHWAYS = """
            MATCH (cp:CarePathway)-[:FOR]->(k:Condition)
            MATCH (cp)-[r:REQUIRES]->(t:ProviderType)
            RETURN cp.code AS code, k.code AS condition, t.code AS type,
                   coalesce(r.optional, false) AS optional, coalesce(r.maxKm, 0) AS maxKm
            ORDER BY code, condition, type""";

    private static final String CREATE_PROVIDERS = """
            UNWIND $rows AS row
            MATCH (m:Municipality {code: row.m})
            CREATE (p:Provider {id: row.id, agb: row.agb, kvk: row.kvk, name: row.name, type: row.type,
                    domain: row.domain, location: point({latitude: row.lat, longitude: row.lon}),
                    address: row.address, municipalityCode: row.m, acceptingClients: row.accepting,
                    waitingDays: row.waitingDays, capacity: row.capacity, available: row.available,
                    capacityUpdatedAt: row.updatedAt})
            CREATE (p)-[:LOCATED_IN]->(m)
            WITH p, row
            UNWIND row.serves AS code
            MATCH (s:Municipality {code: code})
            CREATE (p)-[:SERVES]->(s)""";

    private static final String CREATE_NETWORKS = """
            UNWIND $rows AS row
            CREATE (n:Network {id: row.id, name: row.name, kind: row.kind, focusCondition: row.focus})
            WITH n, row
            CALL (n, row) {
              UNWIND row.covers AS code
              MATCH (m:Municipality {code: code})
              CREATE (n)-[:COVERS]->(m)
            }
            CALL (n, row) {
              UNWIND row.focusList AS code
              MATCH (k:Condition {code: code})
              CREATE (n)-[:FOCUSES_ON]->(k)
            }
            CALL (n, row) {
              UNWIND row.members AS member
              MATCH (p:Provider {id: member.p})
              CREATE (p)-[:MEMBER_OF {role: member.role, since: member.since}]->(n)
            }""";

    private static final String CREATE_COLLABORATIONS = """
            UNWIND $rows AS row
            MATCH (a:Provider {id: row.a})
            MATCH (b:Provider {id: row.b})
            CREATE (a)-[:COLLABORATES_WITH {kind: row.kind, since: row.since, formal: row.formal}]->(b)""";

    private static final String CREATE_CLIENTS = """
            UNWIND $rows AS row
            MATCH (m:Municipality {code: row.m})
            CREATE (c:Client {id: row.id, birthYear: row.birthYear, ageBand: row.ageBand, municipalityCode: row.m,
                    location: point({latitude: row.lat, longitude: row.lon}), objections: row.objections})
            CREATE (c)-[:LIVES_IN]->(m)
            WITH c, row
            CALL (c, row) {
              UNWIND row.conditions AS code
              MATCH (k:Condition {code: code})
              CREATE (c)-[:HAS_CONDITION]->(k)
            }
            CALL (c, row) {
              UNWIND row.cares AS care
              MATCH (p:Provider {id: care.p})
              CREATE (p)-[:CARES_FOR {role: care.role, since: care.since}]->(c)
            }
            CALL (c, row) {
              UNWIND row.coordinator AS pid
              MATCH (p:Provider {id: pid})
              CREATE (p)-[:COORDINATES]->(c)
            }
            CALL (c, row) {
              UNWIND row.carers AS carer
              CREATE (i:InformalCarer {id: carer.id, role: carer.role})-[:SUPPORTS]->(c)
              WITH i, carer
              UNWIND carer.knownTo AS pid
              MATCH (p:Provider {id: pid})
              CREATE (i)-[:KNOWN_TO]->(p)
            }""";

    /** Generated labels, deleted by {@link #clear()}; constants, never data. */
    private static final List<String> CLEAR_STATEMENTS = List.of(
            "MATCH (n:InformalCarer) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 20000 ROWS",
            "MATCH (n:Client) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS",
            "MATCH (n:Network) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 100 ROWS",
            "MATCH (n:Provider) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS");

    private final Driver driver;
    private final ReferenceGeography geography;

    public DemoDataGenerator(Driver driver, ReferenceGeography geography) {
        this.driver = driver;
        this.geography = geography;
    }

    /** Generates the preset into a database without generated data (see {@link #clear()}). */
    public GenerationReport generate(DataPreset preset, long seed, GenerationProgress progress) {
        long start = System.nanoTime();
        progress.update("Voorbereiden", 0, 1);
        List<MunicipalityInput> municipalities = readMunicipalities(preset);
        List<PathwaySpec> pathways = readPathways();
        DemoPlanner planner = DemoPlanner.plan(municipalities, pathways, seed);
        progress.update("Voorbereiden", 1, 1);

        Counts counts = new Counts();
        try (Session session = driver.session()) {
            List<PlannedProvider> providers = planner.providers().providers();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < providers.size(); i++) {
                rows.add(providerRow(providers.get(i)));
                if (rows.size() == PROVIDER_BATCH || i == providers.size() - 1) {
                    write(session, CREATE_PROVIDERS, rows, counts);
                    progress.update("Zorgaanbieders", i + 1, providers.size());
                }
            }

            List<PlannedNetwork> networks = planner.networks().networks();
            for (int i = 0; i < networks.size(); i++) {
                rows.add(networkRow(networks.get(i)));
                if (rows.size() == NETWORK_BATCH || i == networks.size() - 1) {
                    write(session, CREATE_NETWORKS, rows, counts);
                    progress.update("Netwerken", i + 1, networks.size());
                }
            }

            List<PlannedCollaboration> collaborations = planner.networks().collaborations();
            for (int i = 0; i < collaborations.size(); i++) {
                PlannedCollaboration c = collaborations.get(i);
                rows.add(Map.of("a", providers.get(c.from()).id(), "b", providers.get(c.to()).id(),
                        "kind", c.kind(), "since", c.since(), "formal", c.formal()));
                if (rows.size() == COLLABORATION_BATCH || i == collaborations.size() - 1) {
                    write(session, CREATE_COLLABORATIONS, rows, counts);
                    progress.update("Samenwerkingen", i + 1, collaborations.size());
                }
            }

            int total = planner.providers().municipalities().size();
            planner.forEachMunicipality((m, clients) -> {
                for (PlannedClient client : clients) {
                    rows.add(clientRow(client));
                    counts.clients++;
                    if (rows.size() == CLIENT_BATCH) {
                        write(session, CREATE_CLIENTS, rows, counts);
                    }
                }
                if (m == total - 1 && !rows.isEmpty()) {
                    write(session, CREATE_CLIENTS, rows, counts);
                }
                progress.update("Cliënten", m + 1, total);
            });
        }
        return new GenerationReport(preset, seed, planner.providers().providers().size(), counts.clients,
                counts.nodes, counts.relationships, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Deletes all generated nodes (Provider, Client, InformalCarer, Network) and their relationships in
     * batches; reference data, municipalities, regions and users stay.
     */
    public void clear() {
        try (Session session = driver.session()) {
            for (String statement : CLEAR_STATEMENTS) {
                session.run(statement).consume();
            }
        }
    }

    private static final class Counts {
        long nodes;
        long relationships;
        long clients;
    }

    /** Writes and empties the batch in one transaction. */
    private static void write(Session session, String query, List<Map<String, Object>> rows, Counts counts) {
        List<Map<String, Object>> batch = List.copyOf(rows);
        rows.clear();
        SummaryCounters c = session.executeWrite(tx -> tx.run(query, Map.of("rows", batch)).consume()).counters();
        counts.nodes += c.nodesCreated();
        counts.relationships += c.relationshipsCreated();
    }

    List<MunicipalityInput> readMunicipalities(DataPreset preset) {
        Map<String, MunicipalityGeometry> geometries = new HashMap<>();
        for (MunicipalityGeometry g : geography.municipalities()) {
            geometries.put(g.code(), g);
        }
        try (Session session = driver.session()) {
            List<Record> records = session.executeRead(tx -> tx.run(READ_MUNICIPALITIES).list());
            List<MunicipalityInput> result = new ArrayList<>();
            for (Record r : records) {
                String code = r.get("code").asString();
                MunicipalityGeometry geometry = geometries.get(code);
                String province = r.get("provinceCode").isNull() ? geometry == null ? "" : geometry.provinceCode()
                        : r.get("provinceCode").asString();
                if (geometry == null || !preset.includes(province)) {
                    continue; // no outline to place anything in, or outside the preset
                }
                String[] zk = firstRegion(r.get("zorgkantoor"), province, geometry.provinceName());
                String[] ggd = firstRegion(r.get("ggd"), province, geometry.provinceName());
                result.add(new MunicipalityInput(code, r.get("name").asString(geometry.name()), province,
                        r.get("inhabitants").asLong(), zk[0], zk[1], ggd[0], ggd[1], geometry));
            }
            return result;
        }
    }

    /** The region with the lowest code of the kind, or the province when the municipality has none. */
    private static String[] firstRegion(Value regions, String provinceCode, String provinceName) {
        return regions.asList(v -> v.asList(Value::asString)).stream()
                .min(Comparator.comparing((List<String> l) -> l.getFirst()))
                .map(l -> new String[] {l.get(0), l.get(1)})
                .orElse(new String[] {provinceCode, provinceName});
    }

    List<PathwaySpec> readPathways() {
        try (Session session = driver.session()) {
            List<Record> records = session.executeRead(tx -> tx.run(READ_PATHWAYS).list());
            Map<String, List<PathwaySpec.Requirement>> requirements = new java.util.LinkedHashMap<>();
            for (Record r : records) {
                requirements.computeIfAbsent(r.get("code").asString() + "\u0000" + r.get("condition").asString(),
                        k -> new ArrayList<>()).add(new PathwaySpec.Requirement(r.get("type").asString(),
                        r.get("optional").asBoolean(), r.get("maxKm").asInt()));
            }
            List<PathwaySpec> result = new ArrayList<>();
            requirements.forEach((key, reqs) -> {
                String[] parts = key.split("\u0000");
                result.add(new PathwaySpec(parts[0], parts[1], reqs));
            });
            return result;
        }
    }

    private static Map<String, Object> providerRow(PlannedProvider p) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", p.id());
        row.put("agb", p.agb());
        row.put("kvk", p.kvk());
        row.put("name", p.name());
        row.put("type", p.type().name());
        row.put("domain", p.type().domain);
        row.put("lat", p.latitude());
        row.put("lon", p.longitude());
        row.put("address", p.address());
        row.put("m", p.municipalityCode());
        row.put("accepting", p.acceptingClients());
        row.put("waitingDays", p.waitingDays());
        row.put("capacity", p.capacity());
        row.put("available", p.available());
        row.put("updatedAt", p.capacityUpdatedAt());
        row.put("serves", p.serves());
        return row;
    }

    private static Map<String, Object> networkRow(PlannedNetwork n) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", n.id());
        row.put("name", n.name());
        row.put("kind", n.kind());
        row.put("focus", n.focusCondition());
        row.put("focusList", n.focusCondition() == null ? List.of() : List.of(n.focusCondition()));
        row.put("covers", n.covers());
        row.put("members", n.members().stream()
                .map(m -> Map.of("p", m.providerId(), "role", m.role(), "since", m.since())).toList());
        return row;
    }

    private static Map<String, Object> clientRow(PlannedClient c) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", c.id());
        row.put("birthYear", c.birthYear());
        row.put("ageBand", c.ageBand());
        row.put("m", c.municipalityCode());
        row.put("lat", c.latitude());
        row.put("lon", c.longitude());
        row.put("objections", c.objections());
        row.put("conditions", c.conditions());
        row.put("cares", c.cares().stream()
                .map(k -> Map.of("p", k.providerId(), "role", k.role(), "since", k.since())).toList());
        row.put("coordinator", c.coordinatorId() == null ? List.of() : List.of(c.coordinatorId()));
        row.put("carers", c.carers().stream().map(k -> Map.of("id", k.id(), "role", k.role(),
                "knownTo", k.knownTo() == null ? List.of() : List.of(k.knownTo()))).toList());
        return row;
    }
}
