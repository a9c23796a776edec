package nl.netwerkzorg.atlas.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import nl.netwerkzorg.atlas.AtlasSpringTest;
import nl.netwerkzorg.atlas.HttpApi;
import nl.netwerkzorg.atlas.security.UserService.DemoUser;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/analysis} and its snapshots over real HTTP: the DEMO province, each role's rules, bad input, OpenAPI. */
@AtlasSpringTest
class AnalysisApiTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    PatientSharing sharing;

    private HttpResponse<String> get(String pathAndQuery, @Nullable DemoUser user) throws Exception {
        return HttpApi.get(port, pathAndQuery, user);
    }

    @Test
    void aPolicyAnalystGetsUtrechtsFiguresWithoutAnyTieBelowFiveClients() throws Exception {
        if (sharing.computedAt().isEmpty()) {
            sharing.deriveInBackground().join();
        }
        HttpResponse<String> response = get("/api/analysis?region=PV26&ties=collaboration,sharing&minShared=5",
                DemoUser.POLICY_ANALYST);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("regionName").asString()).isEqualTo("Utrecht");
        assertThat(body.get("providers").asInt()).isGreaterThan(1000);
        assertThat(body.get("ties").asLong()).isPositive();
        assertThat(body.get("municipalities")).hasSize(26);
        assertThat(body.get("brokers").size()).isPositive();
        assertThat(body.has("pictureNodes")).isFalse();
        for (JsonNode pair : body.get("sharingWithoutAgreement")) {
            assertThat(pair.get("sharedClients").asLong()).isGreaterThanOrEqualTo(5);
        }
        // The analyst's default threshold is 5; 2 is refused with the reason.
        assertThat(json.readTree(get("/api/analysis?region=PV26", DemoUser.POLICY_ANALYST).body())
                .get("parameters").get("minimumShared").asInt()).isEqualTo(5);
        HttpResponse<String> tooLow = get("/api/analysis?region=PV26&minShared=2", DemoUser.POLICY_ANALYST);
        assertThat(tooLow.statusCode()).isEqualTo(400);
        assertThat(json.readTree(tooLow.body()).get("error").asString())
                .isEqualTo("Minimum aantal gedeelde cliënten moet tussen 5 en 1000 liggen, niet 2");
        assertThat(get("/api/analysis/snapshots?region=PV26", DemoUser.POLICY_ANALYST).statusCode()).isEqualTo(200);
    }

    @Test
    void careStaffOtherRegionsAndBadInputAreRefused() throws Exception {
        assertThat(get("/api/analysis?region=PV26&ties=collaboration", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/analysis?region=PV26&ties=collaboration", DemoUser.CARE_STAFF).statusCode()).isEqualTo(403);
        assertThat(get("/api/analysis/snapshots?region=PV26", DemoUser.CARE_STAFF).statusCode()).isEqualTo(403);
        assertThat(get("/api/analysis?region=PV27&ties=collaboration", DemoUser.NETWORK_MANAGER).statusCode()).isEqualTo(403);
        assertThat(get("/api/analysis/snapshots?region=PV27", DemoUser.NETWORK_MANAGER).statusCode()).isEqualTo(403);
        HttpResponse<String> unknownKind = get("/api/analysis?region=PV26&ties=vriendschap", DemoUser.ADMIN);
        assertThat(unknownKind.statusCode()).isEqualTo(400);
        assertThat(json.readTree(unknownKind.body()).get("error").asString()).contains("vriendschap");
        assertThat(get("/api/analysis?region=XX99&ties=collaboration", DemoUser.ADMIN).body()).contains("Onbekende regio: XX99");
        assertThat(get("/api/analysis?region=PV26&ties=collaboration&domain=KAAS", DemoUser.ADMIN).statusCode()).isEqualTo(400);
        assertThat(get("/api/analysis?region=PV26&ties=collaboration&minShared=veel", DemoUser.ADMIN).statusCode()).isEqualTo(400);
        assertThat(get("/api/analysis", DemoUser.ADMIN).statusCode()).isEqualTo(400);
    }

    @Test
    void isDescribedInTheOpenApiDocument() throws Exception {
        JsonNode api = json.readTree(get("/v3/api-docs", null).body());
        assertThat(api.get("paths").has("/api/analysis")).isTrue();
        assertThat(api.get("paths").has("/api/analysis/snapshots")).isTrue();
    }
}
