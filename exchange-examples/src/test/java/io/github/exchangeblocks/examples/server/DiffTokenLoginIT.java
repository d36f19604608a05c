package io.github.exchangeblocks.examples.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.exchangeblocks.api.RejectCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token from the HTTP API's login logs in over DIFF in place of the password, as its own user only; a forged
 * token or another user's token is refused like a wrong password.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DiffTokenLoginIT {
    @TempDir
    Path dir;

    @RegisterExtension
    final OpenResources open = new OpenResources();

    private static String token(ExchangeServer server, String user, String password) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + server.address().getPort() + "/api/auth/login"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"user_name\":\"" + user + "\",\"password\":\""
                        + password + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(response.body());
        return body.get("token").asText();
    }

    private static long loginFailures(DiffTestClient client) {
        return client.notifies.stream().filter(n -> n.toString()
                .contains(Integer.toString(RejectCode.DIFF_LOGIN_FAILED.code()))).count();
    }

    @Test
    void shouldLogInOverDiffWithAnHttpTokenOfTheSameUserOnly() throws Exception {
        ExchangeServer server = ExchangeServer.start(ExchangeServerIT.config(dir));
        open.add(server);
        String aliceToken = token(server, "alice", "alice123");

        DiffTestClient other = DiffTestClient.connect(server.address().getPort());
        open.add(other);
        other.login("bob", aliceToken);
        other.await("bob refused with alice's token", c -> loginFailures(c) == 1);
        other.login("alice", aliceToken.substring(0, aliceToken.length() - 2) + "AA");
        other.await("a forged token refused", c -> loginFailures(c) == 2);

        DiffTestClient alice = DiffTestClient.connect(server.address().getPort());
        open.add(alice);
        ExchangeServerIT.loggedIn(alice, "alice", aliceToken);
        assertThat(ExchangeServerIT.decimal(alice, "1000000", "trade", "alice", "accounts", "CNY", "balance"))
                .isTrue();
        assertThat(loginFailures(alice)).isZero();
    }
}
