package nl.netwerkzorg.atlas.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import nl.netwerkzorg.atlas.AtlasSpringTest;
import nl.netwerkzorg.atlas.HttpApi;
import nl.netwerkzorg.atlas.security.UserService.DemoUser;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/coverage} over real HTTP against the running application: results, scoping, errors, OpenAPI. */
@AtlasSpringTest
class CoverageApiTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String pathAndQuery, @Nullable DemoUser user) throws Exception {
        return HttpApi.get(port, pathAndQuery, user);
    }

    @Test
    void returnsCoverageOfEveryMunicipalityOfTheRegion() throws Exception {
        HttpResponse<String> response = get("/api/coverage?region=PV26&type=HUISARTS&measure=density", DemoUser.POLICY_ANALYST);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("regionName").asString()).isEqualTo("Utrecht");
        assertThat(body.get("measure").asString()).isEqualTo("DENSITY");
        assertThat(body.get("municipalities")).hasSize(26);
        assertThat(body.get("municipalities").get(0).get("perTenThousand").asDouble()).isPositive();
    }

    @Test
    void aPathwayWithTheDistanceMeasureGivesAnEstimatedShare() throws Exception {
        HttpResponse<String> response = get("/api/coverage?region=PV26&pathway=PAD_DEMENTIE&measure=distance", DemoUser.NETWORK_MANAGER);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode first = json.readTree(response.body()).get("municipalities").get(0);
        assertThat(first.get("shareWithinReach").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void refusesWithoutLoginOutsideTheScopeAndOnBadParameters() throws Exception {
        assertThat(get("/api/coverage?region=PV26&type=HUISARTS", null).statusCode()).isEqualTo(401);
        HttpResponse<String> outside = get("/api/coverage?region=PV27&type=HUISARTS", DemoUser.NETWORK_MANAGER);
        assertThat(outside.statusCode()).isEqualTo(403);
        HttpResponse<String> badMeasure = get("/api/coverage?region=PV26&type=HUISARTS&measure=hoogte", DemoUser.ADMIN);
        assertThat(badMeasure.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badMeasure.body()).get("error").asString()).contains("hoogte");
        assertThat(get("/api/coverage?region=XX99&type=HUISARTS", DemoUser.ADMIN).body()).contains("Onbekend gebied: XX99");
        assertThat(get("/api/coverage?region=PV26&type=BAKKER", DemoUser.ADMIN).statusCode()).isEqualTo(400);
        assertThat(get("/api/coverage?region=PV26", DemoUser.ADMIN).statusCode()).isEqualTo(400);
        assertThat(get("/api/coverage?region=PV26&type=HUISARTS&measure=distance&km=500", DemoUser.ADMIN).statusCode()).isEqualTo(400);
        assertThat(get("/api/coverage?region=PV26&type=HUISARTS&measure=distance&km=veel", DemoUser.ADMIN).statusCode()).isEqualTo(400);
    }

    @Test
    void isDescribedInTheOpenApiDocument() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode api = json.readTree(docs.body());
        assertThat(api.get("info").get("title").asString()).isEqualTo("Netwerkzorg Atlas API");
        assertThat(api.get("paths").has("/api/coverage")).isTrue();
    }
}
