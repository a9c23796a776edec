package nl.netwerkzorg.atlas.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import nl.netwerkzorg.atlas.AtlasSpringTest;
import nl.netwerkzorg.atlas.security.Role;
import nl.netwerkzorg.atlas.security.UserService;
import nl.netwerkzorg.atlas.security.UserService.DemoUser;
import nl.netwerkzorg.atlas.security.UserService.NewUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/partners} and {@code PUT /api/providers/{id}/capacity} over real HTTP on {@link PartnerFixture}. */
@AtlasSpringTest
class PartnerApiTest {

    static final String PASSWORD = "Test-Partner-2026!";

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    UserService users;

    @BeforeEach
    void fixture() {
        PartnerFixture.create(neo4j);
        users.create(new NewUser("tp-huisarts", PASSWORD, "Test Huisarts", Role.CARE_STAFF, "TP-HA", List.of()));
        users.create(new NewUser("tp-elv", PASSWORD, "Test ELV", Role.CARE_STAFF, "TP-E1", List.of()));
    }

    @AfterEach
    void remove() {
        neo4j.query("MATCH (u:User) WHERE u.username IN ['tp-huisarts', 'tp-elv'] DETACH DELETE u").run();
        PartnerFixture.remove(neo4j);
    }

    private HttpRequest.Builder request(String pathAndQuery, String username, String password) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> get(String pathAndQuery, String username, String password) throws Exception {
        return http.send(request(pathAndQuery, username, password).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String path, String body, String username) throws Exception {
        return http.send(request(path, username, PASSWORD).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void returnsRankedPartnersWithScoresAndReasons() throws Exception {
        HttpResponse<String> response = get("/api/partners?client=C9800001&type=WIJKVERPLEGING&radiusKm=10",
                "tp-huisarts", PASSWORD);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("origin").get("kind").asString()).isEqualTo("CLIENT");
        JsonNode partners = body.get("partners");
        assertThat(partners).hasSize(5);
        assertThat(partners.get(0).get("id").asString()).isEqualTo("TP-W1");
        assertThat(partners.get(0).get("score").get("total").asInt()).isEqualTo(96);
        assertThat(partners.get(0).get("reasons").get(2).asString())
                .isEqualTo("werkt al samen met uw organisatie: samenwerkingsafspraak");
        JsonNode english = json.readTree(get("/api/partners?client=C9800001&type=WIJKVERPLEGING&lang=en",
                "tp-huisarts", PASSWORD).body());
        assertThat(english.get("partners").get(0).get("reasons").get(0).asString()).isEqualTo("1.0 km from the client's home");

        JsonNode beds = json.readTree(get("/api/partners?lat=51.5&lon=3.9&type=ELV,GRZ&radiusKm=20&order=beds&available=true",
                "tp-huisarts", PASSWORD).body());
        assertThat(beds.get("partners")).extracting(p -> p.get("id").asString()).containsExactly("TP-E4", "TP-E1", "TP-E2");
    }

    @Test
    void refusesPolicyAnalystsForeignClientsAndBadInput() throws Exception {
        assertThat(get("/api/partners?municipality=GM0664&type=ELV", DemoUser.POLICY_ANALYST.username,
                DemoUser.POLICY_ANALYST.password).statusCode()).isEqualTo(403);
        HttpResponse<String> foreign = get("/api/partners?client=C9800003&type=ELV", "tp-huisarts", PASSWORD);
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(json.readTree(foreign.body()).get("error").asString()).contains("niet (meer) in uw zorg");
        for (String bad : List.of("client=C9800001&type=ELV&radiusKm=-1", "client=C9800001&type=ELV&radiusKm=1000",
                "client=C9800001&type=TANDARTS", "type=ELV", "client=C9800001&municipality=GM0664&type=ELV",
                "lat=51.5&type=ELV", "client=C9800001&type=ELV&radiusKm=ver", "client=C9800001&type=ELV&order=prijs")) {
            HttpResponse<String> response = get("/api/partners?" + bad, "tp-huisarts", PASSWORD);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(json.readTree(response.body()).get("error").asString()).as(bad).isNotBlank();
        }
        assertThat(get("/api/partners?municipality=GM0664&type=ELV", "tp-huisarts", "wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void capacityIsPushedByTheProvidersOwnStaffOnly() throws Exception {
        HttpResponse<String> ok = put("/api/providers/TP-E1/capacity",
                "{\"capacity\": 10, \"available\": 7, \"acceptingClients\": true, \"waitingDays\": 0}", "tp-elv");
        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode current = json.readTree(ok.body());
        assertThat(current.get("available").asInt()).isEqualTo(7);
        assertThat(current.get("updatedBy").asString()).isEqualTo("tp-elv");
        assertThat(current.get("stale").asBoolean()).isFalse();

        assertThat(put("/api/providers/TP-E2/capacity", "{\"capacity\": 10, \"available\": 7, \"acceptingClients\": true}",
                "tp-elv").statusCode()).isEqualTo(403);
        HttpResponse<String> invalid = put("/api/providers/TP-E1/capacity",
                "{\"capacity\": 10, \"available\": 70, \"acceptingClients\": true}", "tp-elv");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json.readTree(invalid.body()).get("field").asString()).isEqualTo("available");
        assertThat(put("/api/providers/TP-E1/capacity", "geen json", "tp-elv").statusCode()).isEqualTo(400);
        JsonNode after = json.readTree(get("/api/providers/TP-E1/capacity", "tp-elv", PASSWORD).body());
        assertThat(after.get("available").asInt()).as("invalid updates change nothing").isEqualTo(7);
    }

    @Test
    void theOpenApiDescriptionDocumentsBothEndpoints() throws Exception {
        HttpResponse<String> docs = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode paths = json.readTree(docs.body()).get("paths");
        assertThat(paths.has("/api/partners")).isTrue();
        assertThat(paths.get("/api/providers/{id}/capacity").has("put")).isTrue();
    }
}
