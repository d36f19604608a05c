package io.github.exchangeblocks.examples.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.exchangeblocks.examples.exchange.Defaults;
import io.github.exchangeblocks.examples.server.ExchangeServer;
import io.github.exchangeblocks.examples.server.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random requests to every documented operation (seeded, so a failure replays): bodies made of the route's own
 * fields with values of every JSON type and awkward sizes, path parameters of odd text, user and admin tokens. No
 * answer may be a 5xx (the engine queue is never full here), every error must have the error shape, and the server
 * must still be healthy and reconciled at the end.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class HttpFuzzIT {
    private static final long SEED = 20261207L;
    private static final int REQUESTS = 400;

    @TempDir
    Path dir;

    @Test
    void shouldAnswerEveryRandomRequestWithoutAServerErrorAndStayReconciled() throws Exception {
        ServerConfig config = ApiTestClient.serverConfig(dir);
        try (ExchangeServer server = ExchangeServer.builder(config).core(Defaults.config(dir))
                .httpApi(HttpApiConfig.defaults().withRateLimit(10_000, 10_000)).start()) {
            ApiTestClient api = new ApiTestClient(server);
            String[] tokens = {api.login("alice", "alice123"), api.login("admin", "admin123"), null};
            JsonNode doc = api.ok("GET", "/openapi.json", null, null);
            List<String[]> operations = new ArrayList<>();
            for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
                for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                    JsonNode properties = op.getValue().at("/requestBody/content/application~1json/schema/properties");
                    List<String> fields = new ArrayList<>();
                    properties.fieldNames().forEachRemaining(fields::add);
                    operations.add(new String[] {op.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                            String.join(",", fields)});
                }
            }
            Random random = new Random(SEED);
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.address().getPort();
            Map<Integer, Integer> statuses = new java.util.TreeMap<>();
            for (int i = 0; i < REQUESTS; i++) {
                String[] op = operations.get(random.nextInt(operations.size()));
                if (op[1].equals("/api/admin/settlement/execute") || op[1].equals("/api/auth/login")) {
                    continue;
                }
                String path = op[1].replaceAll("\\{[a-z_]+}", pathValue(random));
                String body = op[2].isEmpty() && random.nextBoolean() ? null : body(random, op[2]);
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                        .method(op[0], body == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body));
                String token = tokens[random.nextInt(tokens.length)];
                if (token != null) {
                    request.header("Authorization", "Bearer " + token);
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                String what = "#" + i + " " + op[0] + " " + path + " " + body + " -> " + response.statusCode() + " "
                        + response.body();
                assertThat(response.statusCode()).as(what).isLessThan(500);
                statuses.merge(response.statusCode(), 1, Integer::sum);
                if (response.statusCode() >= 400) {
                    JsonNode error = ApiTestClient.JSON.readTree(response.body());
                    assertThat(error.path("code").asText()).as(what).isNotBlank();
                    assertThat(error.path("message").asText()).as(what).isNotBlank();
                }
            }
            assertThat(statuses).as("the fuzz reaches the endpoints, not only the gate").containsKeys(200, 400, 401,
                    403, 404);
            assertThat(api.get("/api/admin/monitoring/system", tokens[1]).body().get("status").asText())
                    .isEqualTo("UP");
            JsonNode capital = api.ok("GET", "/api/admin/monitoring/capital", tokens[1], null);
            assertThat(capital.at("/reconciliation/reconciled").asBoolean()).as(capital.toString()).isTrue();
        }
    }

    private static String pathValue(Random random) {
        String[] values = {"SHFE.cu2512", "CFFEX.IF2512", "NOPE.x1", "20261207", "0", "-1", "%20", "..", "o1",
            "x".repeat(300), "%E4%B8%AD", "99999999999999999999"};
        return values[random.nextInt(values.length)];
    }

    private static String body(Random random, String fieldList) {
        switch (random.nextInt(12)) {
            case 0:
                return "";
            case 1:
                return "{\"unterminated\":";
            case 2:
                return "[1,2,3]";
            case 3:
                return "\u0000\u00ff garbage";
            default:
                break;
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (String field : fieldList.split(",")) {
            if (!field.isEmpty() && random.nextInt(6) != 0) {
                node.set(field, value(random, 0));
            }
        }
        return node.toString();
    }

    private static JsonNode value(Random random, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(depth > 1 ? 10 : 13)) {
            case 0 -> f.nullNode();
            case 1 -> f.booleanNode(random.nextBoolean());
            case 2 -> f.numberNode(random.nextLong());
            case 3 -> f.numberNode(random.nextInt(200_000) - 100);
            case 4 -> f.numberNode(new BigDecimal(random.nextInt(1_000_000)).movePointLeft(random.nextInt(6)));
            case 5 -> f.numberNode(new BigDecimal("1e" + (random.nextInt(2000) - 1000)));
            case 6 -> f.textNode(List.of("BUY", "SELL", "OPEN", "LIMIT", "TRADING", "DELISTED", "CONTINUOUS",
                    "SHFE.cu2512", "20261208", "70000", "0.1", "TODAY_EXPLICIT").get(random.nextInt(12)));
            case 7 -> f.textNode("o" + random.nextInt(20));
            case 8 -> f.textNode("x".repeat(random.nextInt(300)));
            case 9 -> f.textNode("1e999999999");
            case 10 -> f.arrayNode().add(value(random, depth + 1)).add(value(random, depth + 1));
            case 11 -> f.objectNode().set("instrument_id", value(random, depth + 1));
            default -> f.objectNode().put("per_lot", random.nextInt(10)).put("rate", "0.0001")
                    .set("price", value(random, depth + 1));
        };
    }
}
