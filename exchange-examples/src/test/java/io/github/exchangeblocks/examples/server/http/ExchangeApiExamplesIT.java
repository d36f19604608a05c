package io.github.exchangeblocks.examples.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.exchangeblocks.examples.exchange.Defaults;
import io.github.exchangeblocks.examples.server.ExchangeServer;
import io.github.exchangeblocks.examples.server.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs every {@code curl} example of {@code docs/http-api.md}, in order, against a started server with the real
 * {@code curl} (a missing curl fails the build under {@code CI=true}; elsewhere the examples run through the JDK's
 * client), expects 200 from each, and checks that every operation of {@code /openapi.json} has an example.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ExchangeApiExamplesIT {
    private static final Path DOC = Path.of("docs", "http-api.md");

    @TempDir
    Path dir;

    @Test
    void shouldRunEveryCurlExampleOfTheDocumentAndCoverEveryRoute() throws Exception {
        List<String> examples = examples(Files.readAllLines(DOC, StandardCharsets.UTF_8));
        assertThat(examples).hasSizeGreaterThan(30);
        ServerConfig config = ApiTestClient.serverConfig(dir);
        try (ExchangeServer server = ExchangeServer.builder(config).core(Defaults.config(dir))
                .httpApi(HttpApiConfig.defaults().withRegistration(true)).start()) {
            ApiTestClient api = new ApiTestClient(server);
            Map<String, String> variables = Map.of("BASE", "http://127.0.0.1:" + server.address().getPort(),
                    "TOKEN", api.login("alice", "alice123"), "ADMIN", api.login("admin", "admin123"));
            boolean curl = curlAvailable();
            if (!curl && "true".equals(System.getenv("CI"))) {
                fail("curl must be installed under CI=true to run the documented examples");
            }
            List<String[]> requests = new ArrayList<>();
            for (String example : examples) {
                List<String> words = words(example, variables);
                int status = curl ? runCurl(words) : runWithJdk(words);
                assertThat(status).as(example).isEqualTo(200);
                requests.add(new String[] {method(words), URI.create(url(words)).getPath()});
            }
            JsonNode doc = api.ok("GET", "/openapi.json", null, null);
            for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
                Pattern pattern = Pattern.compile(path.getKey().replaceAll("\\{[a-z_]+}", "[^/]+"));
                for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                    String method = op.getKey().toUpperCase(Locale.ROOT);
                    assertThat(requests.stream().anyMatch(r -> r[0].equals(method)
                            && pattern.matcher(r[1]).matches())).as("an example of " + method + " " + path.getKey())
                            .isTrue();
                }
            }
        }
    }

    private static List<String> examples(List<String> lines) {
        List<String> examples = new ArrayList<>();
        boolean inShell = false;
        for (String line : lines) {
            if (line.startsWith("```")) {
                inShell = line.equals("```sh");
            } else if (inShell && line.startsWith("curl ")) {
                examples.add(line);
            }
        }
        return examples;
    }

    /** Splits a shell line into words: single quotes literal, double quotes and bare words expand {@code $NAME}. */
    static List<String> words(String line, Map<String, String> variables) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                continue;
            }
            if (word == null) {
                word = new StringBuilder();
            }
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                word.append(line, i + 1, end);
                i = end;
            } else if (c == '"') {
                int end = line.indexOf('"', i + 1);
                word.append(expand(line.substring(i + 1, end), variables));
                i = end;
            } else {
                int end = i;
                while (end < line.length() && " '\"".indexOf(line.charAt(end)) < 0) {
                    end++;
                }
                word.append(expand(line.substring(i, end), variables));
                i = end - 1;
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    private static String expand(String text, Map<String, String> variables) {
        String result = text;
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            result = result.replace("$" + variable.getKey(), variable.getValue());
        }
        assertThat(result).as("every variable of " + text + " is known").doesNotContain("$");
        return result;
    }

    private static String method(List<String> words) {
        int x = words.indexOf("-X");
        return x >= 0 ? words.get(x + 1) : words.contains("-d") ? "POST" : "GET";
    }

    private static String url(List<String> words) {
        for (int i = 1; i < words.size(); i++) {
            if (words.get(i).startsWith("http://") && !"-H".equals(words.get(i - 1))) {
                return words.get(i);
            }
        }
        throw new AssertionError("no URL in " + words);
    }

    private static boolean curlAvailable() {
        try {
            Process process = new ProcessBuilder("curl", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int runCurl(List<String> words) throws Exception {
        List<String> command = new ArrayList<>(words);
        command.addAll(List.of("-o", "/dev/null", "-w", "%{http_code}", "--max-time", "20"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return Integer.parseInt(out);
    }

    private static int runWithJdk(List<String> words) throws Exception {
        String body = null;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(words)));
        for (int i = 1; i < words.size() - 1; i++) {
            if (words.get(i).equals("-H")) {
                String[] header = words.get(i + 1).split(":\\s*", 2);
                request.header(header[0], header[1]);
            } else if (words.get(i).equals("-d")) {
                body = words.get(i + 1);
            }
        }
        request.method(method(words), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
