package io.github.exchangeblocks.examples.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's HTTP side for the web page, over the JDK's HTTP client and a raw socket (for paths a client would
 * normalise): the page's files with their content types, the instrument list, and 404 for anything else.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class WebResourcesIT {
    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldServeThePageAndTheInstrumentListAndNothingElseWhenAskedOverHttp() throws Exception {
        try (ExchangeServer server = ExchangeServer.start(ExchangeServerIT.config(dir))) {
            String base = "http://127.0.0.1:" + server.address().getPort();
            HttpResponse<String> page = get(base + "/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=UTF-8");
            assertThat(page.headers().firstValue("x-content-type-options")).hasValue("nosniff");
            assertThat(page.body()).contains("<title>exchange-blocks");
            HttpResponse<String> script = get(base + "/diff-client.js");
            assertThat(script.headers().firstValue("content-type")).hasValue("text/javascript; charset=UTF-8");
            assertThat(script.body()).contains("export function applyPatch");
            assertThat(get(base + "/style.css").headers().firstValue("content-type"))
                    .hasValue("text/css; charset=UTF-8");

            HttpResponse<String> head = http.send(HttpRequest.newBuilder(URI.create(base + "/app.js"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(head.headers().firstValueAsLong("content-length").orElseThrow())
                    .isEqualTo(get(base + "/app.js").body().getBytes(StandardCharsets.UTF_8).length);

            HttpResponse<String> instruments = get(base + "/instruments");
            assertThat(instruments.statusCode()).isEqualTo(200);
            assertThat(instruments.headers().firstValue("content-type")).hasValue("application/json");
            assertThat(instruments.body())
                    .isEqualTo("{\"instruments\":[\"BINANCE.BTCUSDT\",\"CFFEX.IF2512\",\"SHFE.cu2512\"]}");

            for (String missing : new String[] {"/nothing.html", "/vendor/", "/vendor/lightweight-charts/LICENSE",
                    "/%2e%2e/exchange.sample.json", "/exchange.sample.json"}) {
                HttpResponse<String> response = get(base + missing);
                assertThat(response.statusCode()).as(missing).isEqualTo(404);
                assertThat(response.body()).as(missing).contains("\"error\":\"not found\"");
            }
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(base + "/index.html"))
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(404);
            assertThat(rawGet(server.address().getPort(), "/../exchange.sample.json")).startsWith("HTTP/1.1 404");
            assertThat(rawGet(server.address().getPort(), "/vendor/../index.html")).startsWith("HTTP/1.1 404");
        }
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET with the path exactly as given (no client normalises it). */
    private static String rawGet(int port, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
