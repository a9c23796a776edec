package nl.netwerkzorg.atlas.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import nl.netwerkzorg.atlas.client.ClientAccessLog;
import nl.netwerkzorg.atlas.client.ClientScope;
import nl.netwerkzorg.atlas.partner.PartnerSearch.Order;
import nl.netwerkzorg.atlas.partner.PartnerSearch.Origin;
import nl.netwerkzorg.atlas.partner.PartnerSearch.Query;
import nl.netwerkzorg.atlas.partner.PartnerSearchService;
import nl.netwerkzorg.atlas.partner.PartnerSearchService.Statement;
import nl.netwerkzorg.atlas.security.AtlasPrincipal;
import nl.netwerkzorg.atlas.security.Role;
import nl.netwerkzorg.atlas.security.UserService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.summary.Plan;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Partner search on an existing NATIONAL store over real HTTP ({@code GET /api/partners}, a care professional's
 * session) side by side with the floor: the very statements the service ran for the same input, replayed directly on
 * the driver (one read transaction, plus the access-log write for searches from a client), three timed rounds over all
 * inputs. Targets: p95 ≤ 50 ms over HTTP and ≤ 1.3 × the floor. Also checks that the candidate query is index-backed (no label scan in PROFILE).
 * Command in docs/benchmarks.md.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "atlas.database.directory=${atlas.benchmark.directory:./data/national}",
        "atlas.database.wipe-on-start=false",
        "atlas.database.page-cache=${atlas.benchmark.page-cache:4GB}",
        "atlas.data.preset=NATIONAL",
        "atlas.data.background=false",
        "atlas.security.initial-admin-password=Benchmark-Only-Pass-42"})
class PartnerBenchmark {

    static final String PASSWORD = "Bench-Partner-Zoek-2026";
    static final int USERS = 12;
    static final int CLIENTS_PER_USER = 4;
    /** Timed calls per input and path, so a p95 rests on 144 calls rather than 48. */
    static final int ROUNDS = 3;

    private final Locale nl = Locale.of("nl");
    private final List<String> rows = new ArrayList<>();
    /** Time per kind of statement within the floor, to show where a search spends it. */
    private static final Executor LOG_WRITER = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, List<Long>> perStatement = new LinkedHashMap<>();
    private final List<String> breakdown = new ArrayList<>();
    private final List<String> serviceRows = new ArrayList<>();

    private static String label(Statement statement) {
        String cypher = statement.cypher();
        return cypher.contains("USING INDEX") ? "candidates" : cypher.contains("CARES_FOR|COORDINATES]->(x:Client)<-")
                ? "shared clients" : cypher.contains("$clientId") ? "client context" : cypher.contains("collaborators")
                ? "anchors and ring" : "other";
    }

    @LocalServerPort
    int port;
    @Autowired
    PartnerSearchService partners;
    @Autowired
    UserService users;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    Driver driver;
    @Autowired
    nl.netwerkzorg.atlas.provider.CapacityService capacity;

    /** One search: who, the API query string, the service query, and (filled once) the statements it runs. */
    record Input(AtlasPrincipal user, HttpClient http, String apiQuery, Query query, List<Statement> statements) {
    }

    @Test
    void partnerSearchOverHttpAgainstTheDriverFloor() throws Exception {
        // Care professionals of huisartsen spread over the country, each with a few of their clients.
        List<Map<String, Object>> practices = List.copyOf(neo4j.query("""
                        MATCH (p:Provider {type: 'HUISARTS'}) WHERE COUNT { (p)-[:CARES_FOR]->() } >= 50
                        WITH p ORDER BY p.id WITH collect(p) AS ps
                        UNWIND range(0, size(ps) - 1, size(ps) / $n) AS i
                        WITH ps[i] AS p LIMIT $n
                        RETURN p.id AS id, p.municipalityCode AS municipality,
                               [(p)-[:CARES_FOR]->(c:Client) WHERE NOT p.id IN coalesce(c.objections, []) | c.id][..$k] AS clients""")
                .bind(USERS).to("n").bind(CLIENTS_PER_USER).to("k").fetch().all());
        assertThat(practices).hasSize(USERS);
        List<Input> fromClient = new ArrayList<>();
        List<Input> missing = new ArrayList<>();
        List<Input> beds = new ArrayList<>();
        for (int u = 0; u < practices.size(); u++) {
            Map<String, Object> practice = practices.get(u);
            String username = "bench-huisarts-" + u;
            String providerId = (String) practice.get("id");
            if (!users.exists(username)) {
                users.create(new UserService.NewUser(username, PASSWORD, "Benchmark huisarts " + u, Role.CARE_STAFF,
                        providerId, List.of()));
            }
            AtlasPrincipal user = users.loadUserByUsername(username);
            assertThat(user.providerId()).isEqualTo(providerId);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager()).build();
            for (Object client : (List<?>) practice.get("clients")) {
                fromClient.add(new Input(user, http, "client=" + client + "&type=WIJKVERPLEGING&radiusKm=10",
                        new Query(new Origin.OfClient((String) client), Set.of("WIJKVERPLEGING"), false, 10, false, null,
                                Order.SCORE, 50), new ArrayList<>()));
                missing.add(new Input(user, http, "client=" + client + "&missing=true&radiusKm=15",
                        new Query(new Origin.OfClient((String) client), Set.of(), true, 15, false, null, Order.SCORE, 50),
                        new ArrayList<>()));
            }
            String municipality = (String) practice.get("municipality");
            for (int radius : List.of(10, 20, 30, 40)) {
                beds.add(new Input(user, http, "municipality=" + municipality + "&type=ELV,GRZ&radiusKm=" + radius
                        + "&available=true&order=beds", new Query(new Origin.OfMunicipality(municipality),
                        Set.of("ELV", "GRZ"), false, radius, true, null, Order.FREE_BEDS, 50), new ArrayList<>()));
            }
        }
        rows.add("| search | runs | HTTP p50 ms | HTTP p95 ms | driver p50 ms | driver p95 ms | ratio p50 | ratio p95 |");
        rows.add("|---|---:|---:|---:|---:|---:|---:|---:|");
        measure("from a client: wijkverpleging within 10 km", fromClient);
        measure("from a client: what the pathway misses, 15 km", missing);
        measure("ELV/GRZ bed finder from a municipality, 10–40 km, free beds", beds);

        // The fixed cost of one API call: a one-row read over HTTP against the same service call in-process.
        Input first = fromClient.getFirst();
        long[] plain = new long[40];
        long[] direct = new long[40];
        for (int i = 0; i < 60; i++) {
            long start = System.nanoTime();
            HttpResponse<String> r = first.http().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/providers/" + first.user().providerId() + "/capacity")).header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString((first.user().username() + ":" + PASSWORD)
                    .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
            long http = System.nanoTime() - start;
            assertThat(r.statusCode()).isEqualTo(200);
            start = System.nanoTime();
            capacity.current(first.user().providerId(), nl);
            long service = System.nanoTime() - start;
            if (i >= 20) {
                plain[i - 20] = http;
                direct[i - 20] = service;
            }
        }
        Arrays.sort(plain);
        Arrays.sort(direct);
        rows.add("");
        rows.add(String.format(Locale.ROOT, "Fixed cost of an API call (GET /api/providers/{id}/capacity, one row): HTTP p50 "
                + "%.1f ms against %.1f ms for the same service call in-process.", plain[20] / 1e6, direct[20] / 1e6));

        Set<String> operators = new TreeSet<>();
        for (Input input : List.of(fromClient.getFirst(), beds.getLast())) {
            Statement candidates = input.statements().stream().filter(s -> s.cypher().contains("USING INDEX")).findFirst()
                    .orElseThrow();
            try (Session session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
                Plan plan = session.executeRead(tx -> tx.run("PROFILE " + candidates.cypher(), candidates.parameters())
                        .consume().profile());
                collect(plan, operators);
            }
        }
        rows.add("");
        rows.add("| search | service call in-process p50 ms | p95 ms |");
        rows.add("|---|---:|---:|");
        rows.addAll(serviceRows);
        rows.add("");
        rows.add("| search | statement (floor) | p50 ms | p95 ms |");
        rows.add("|---|---|---:|---:|");
        rows.addAll(breakdown);
        rows.add("");
        rows.add("Candidate query plan operators: " + String.join(", ", operators) + ".");
        assertThat(operators).noneMatch(o -> o.contains("LabelScan") || o.contains("AllNodesScan"));
        assertThat(operators).anyMatch(o -> o.contains("NodeIndexSeek") || o.contains("PointDistance"));

        String table = String.join("\n", rows);
        System.out.println("\nPartner benchmark (NATIONAL)\n" + table);
        Path out = Path.of("target", "benchmarks", "partners.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table + "\n");
    }

    private static void collect(Plan plan, Set<String> operators) {
        operators.add(plan.operatorType().replaceAll("@.*", ""));
        plan.children().forEach(c -> collect(c, operators));
    }

    /**
     * Records each input's statements (one service call), warms both paths (every input once, the first ten twice
     * more), then times HTTP and the driver floor alternately per input, so both see the same cache state.
     */
    private void measure(String name, List<Input> inputs) throws Exception {
        for (Input input : inputs) {
            partners.search(input.query(), input.user(), nl, input.statements()::add);
        }
        for (int w = 0; w < 3; w++) {
            for (int i = 0; i < (w == 0 ? inputs.size() : Math.min(10, inputs.size())); i++) {
                http(inputs.get(i));
                floor(inputs.get(i));
            }
        }
        int n = inputs.size() * ROUNDS;
        long[] http = new long[n];
        long[] floor = new long[n];
        long[] service = new long[n];
        for (int i = 0; i < n; i++) {
            Input input = inputs.get(i % inputs.size());
            long start = System.nanoTime();
            http(input);
            http[i] = System.nanoTime() - start;
            start = System.nanoTime();
            floor(input);
            floor[i] = System.nanoTime() - start;
            start = System.nanoTime();
            partners.search(input.query(), input.user(), nl);
            service[i] = System.nanoTime() - start;
        }
        Arrays.sort(http);
        Arrays.sort(floor);
        Arrays.sort(service);
        serviceRows.add(String.format(Locale.ROOT, "| %s | %.1f | %.1f |", name, service[n / 2] / 1e6,
                service[(int) Math.ceil(n * 0.95) - 1] / 1e6));
        double h50 = http[n / 2] / 1e6;
        double h95 = http[(int) Math.ceil(n * 0.95) - 1] / 1e6;
        double f50 = floor[n / 2] / 1e6;
        double f95 = floor[(int) Math.ceil(n * 0.95) - 1] / 1e6;
        rows.add(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.2f | %.2f |", name, n, h50, h95, f50,
                f95, h50 / f50, h95 / f95));
        perStatement.forEach((statement, times) -> {
            long[] t = times.stream().mapToLong(Long::longValue).sorted().toArray();
            breakdown.add(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f |", name, statement, t[t.length / 2] / 1e6,
                    t[(int) Math.ceil(t.length * 0.95) - 1] / 1e6));
        });
        perStatement.clear();
    }

    private void http(Input input) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/partners?"
                        + input.apiQuery().replace(",", URLEncoder.encode(",", StandardCharsets.UTF_8))))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (input.user().username() + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build();
        HttpResponse<String> response = input.http().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /**
     * The same statements on the driver, in the same shape as the service: the reads in one read transaction while,
     * for a search from a client, the access-log write runs in its own transaction on another thread; done when both are.
     */
    private void floor(Input input) {
        CompletableFuture<Void> logged = CompletableFuture.completedFuture(null);
        if (input.query().origin() instanceof Origin.OfClient(String clientId)) {
            Map<String, Object> parameters = new LinkedHashMap<>(ClientScope.parameters(input.user()));
            parameters.put("clientId", clientId);
            parameters.put("username", input.user().username());
            parameters.put("role", input.user().role().name());
            parameters.put("action", ClientAccessLog.Action.VIEW_NETWORK.name());
            parameters.put("context", "Partners zoeken");
            String cypher = ClientAccessLog.RECORD_IN_SCOPE.formatted(ClientScope.condition(input.user(), "x"));
            logged = CompletableFuture.runAsync(() -> {
                long start = System.nanoTime();
                try (Session session = driver.session()) {
                    session.executeWrite(tx -> tx.run(cypher, parameters).consume());
                }
                synchronized (perStatement) {
                    perStatement.computeIfAbsent("access log write", k -> new ArrayList<>()).add(System.nanoTime() - start);
                }
            }, LOG_WRITER);
        }
        try (Session session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
            session.executeRead(tx -> {
                for (Statement statement : input.statements()) {
                    long start = System.nanoTime();
                    tx.run(statement.cypher(), statement.parameters()).list();
                    synchronized (perStatement) {
                        perStatement.computeIfAbsent(label(statement), k -> new ArrayList<>()).add(System.nanoTime() - start);
                    }
                }
                return null;
            });
        }
        logged.join();
    }
}
