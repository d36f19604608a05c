package io.github.exchangeblocks.examples.server;

import io.github.exchangeblocks.wal.DurabilityMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.github.exchangeblocks.examples.server.ExchangeServerIT.insert;
import static io.github.exchangeblocks.examples.server.ExchangeServerIT.loggedIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fat jar as a user runs it, in a child JVM of the JDK running the tests, with no JVM flags: it prints its
 * address, answers /health and DIFF, stops cleanly on SIGTERM with the order journaled, and a new server on the
 * same data directory finds the order in place.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ExchangeServerJarIT {
    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void shouldServeAndStopCleanlyOnSigtermWhenRunFromTheJar() throws Exception {
        Path jar = Path.of("target", "exchange-server.jar");
        assertThat(jar).exists();
        Path output = dir.resolve("server.out");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-jar", jar.toString(), "--port", "0",
                "--data-dir", dir.toString(), "--password-iterations", "10000", "--durability", "SYNC_EACH"))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            DiffTestClient.eventually("the address printed", () -> LISTENING.matcher(read(output)).find());
            Matcher matcher = LISTENING.matcher(read(output));
            assertThat(matcher.find()).isTrue();
            int port = Integer.parseInt(matcher.group(1));
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).isEqualTo("{\"status\":\"UP\",\"applied_sequence\":10,\"connections\":0}");
            try (DiffTestClient alice = loggedIn(DiffTestClient.connect(port), "alice", "alice123")) {
                alice.send(insert("alice", "j1", "BUY", "70000", 1));
                alice.await("j1 working", c -> "ALIVE".equals(c.text("trade", "alice", "orders", "j1", "status")));
            }
            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(143);
            assertThat(read(output)).contains("/trade").doesNotContain("Exception");
        } finally {
            process.destroyForcibly();
        }
        assertThat(Files.readString(dir.resolve("users.txt"))).doesNotContain("alice123");
        try (ExchangeServer again = ExchangeServer.start(new ServerConfig("127.0.0.1", 0, dir,
                DurabilityMode.GROUP, 64 * 1024, 4 << 20, 1, 10_000))) {
            assertThat(again.core().appliedSequence()).isEqualTo(11);
            String[] status = new String[1];
            again.core().await(state -> status[0] = state.orders("alice").get(0).alive() ? "ALIVE" : "FINISHED",
                    10_000);
            assertThat(status[0]).isEqualTo("ALIVE");
        }
    }
}
