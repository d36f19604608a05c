package io.github.exchangeblocks.examples.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second, independent client outside the JVM: {@code src/test/python/diff_client.py} with Debian's
 * {@code python3-websockets} (CI installs it) logs in as alice and bob against the live server, crosses an order
 * and checks the fill, applying every rtn_data with TqSdk's merge rules.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PythonClientIT {
    /** Debian's interpreter, where {@code apt-get install python3-websockets} puts the library. */
    private static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3"
            : "python3";

    @TempDir
    Path dir;

    @Test
    void shouldLogInTradeAndSeeTheFillWhenAPythonClientDrivesTheServer() throws Exception {
        Path output = dir.resolve("python.out");
        Process probe = new ProcessBuilder(PYTHON, "-c", "import websockets").redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(probe.exitValue()).as("%s cannot import websockets: install python3-websockets (.ci/run does)"
                + "; %s", PYTHON, Files.readString(output)).isZero();
        try (ExchangeServer server = ExchangeServer.start(ExchangeServerIT.config(dir.resolve("data")))) {
            Process client = new ProcessBuilder(List.of(PYTHON, Path.of("src", "test", "python", "diff_client.py")
                    .toString(), Integer.toString(server.address().getPort()))).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            try {
                assertThat(client.waitFor(120, TimeUnit.SECONDS)).isTrue();
                String printed = Files.readString(output, StandardCharsets.UTF_8);
                assertThat(client.exitValue()).as(printed).isZero();
                assertThat(printed).startsWith("OK alice bought 1 SHFE.cu2512 at 71000 from bob");
            } finally {
                client.destroyForcibly();
            }
        }
    }
}
