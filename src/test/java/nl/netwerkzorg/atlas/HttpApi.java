package nl.netwerkzorg.atlas;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import nl.netwerkzorg.atlas.security.UserService.DemoUser;
import org.jspecify.annotations.Nullable;

/** REST calls over real HTTP against the test application, as a demo user with HTTP Basic or anonymously. */
public final class HttpApi {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HttpApi() {
    }

    /** {@code GET http://localhost:port/pathAndQuery}, with the user's Basic credentials when a user is given. */
    public static HttpResponse<String> get(int port, String pathAndQuery, @Nullable DemoUser user)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user.username + ":" + user.password).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
