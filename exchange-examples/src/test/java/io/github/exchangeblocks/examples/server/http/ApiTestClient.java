package io.github.exchangeblocks.examples.server.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.exchangeblocks.examples.server.ExchangeServer;
import io.github.exchangeblocks.examples.server.ServerConfig;
import io.github.exchangeblocks.wal.DurabilityMode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The JDK's HTTP client against a started server's API, with JSON bodies read exactly (decimals as BigDecimal). */
final class ApiTestClient {
    static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    /** The server settings the HTTP tests start on: loopback, a free port, GROUP durability, one worker. */
    static ServerConfig serverConfig(Path dir) {
        return new ServerConfig("127.0.0.1", 0, dir, DurabilityMode.GROUP, 64 * 1024, 4 << 20, 1, 10_000);
    }

    ApiTestClient(ExchangeServer server) {
        this.base = "http://127.0.0.1:" + server.address().getPort();
    }

    /** A response: status and JSON body. */
    record Reply(int status, JsonNode body) {
        String code() {
            return body.path("code").asText();
        }

        BigDecimal decimal(String field) {
            return body.get(field).decimalValue();
        }
    }

    Reply call(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply get(String path, String token) {
        return call("GET", path, token, null);
    }

    Reply post(String path, String token, String body) {
        return call("POST", path, token, body);
    }

    /** Calls and asserts 200. */
    JsonNode ok(String method, String path, String token, String body) {
        Reply reply = call(method, path, token, body);
        assertThat(reply.status()).as(method + " " + path + " -> " + reply.body()).isEqualTo(200);
        return reply.body();
    }

    String login(String user, String password) {
        JsonNode body = ok("POST", "/api/auth/login", null,
                "{\"user_name\":\"" + user + "\",\"password\":\"" + password + "\"}");
        return body.get("token").asText();
    }
}
