package io.github.exchangeblocks.examples.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client id of each server run on a cluster, and the {@code --cluster-ingress} option that asks for it. */
class ClusterClientIdTest {
    @TempDir
    Path dir;

    @Test
    void shouldHandOutANewIdForEachRunUnderTheDataDirectorysGatewayNumber() throws Exception {
        Path file = dir.resolve("cluster-replica").resolve("client-id");
        long first = ClusterClientId.next(file);
        Properties saved = read(file);
        long gateway = Long.parseLong(saved.getProperty("gateway"));
        assertThat(gateway).isBetween(1L, (long) Integer.MAX_VALUE);
        assertThat(saved.getProperty("run")).isEqualTo("1");
        assertThat(first).isEqualTo((gateway << ClusterClientId.RUN_BITS) + 1);
        assertThat(ClusterClientId.next(file)).isEqualTo(first + 1);
        assertThat(ClusterClientId.next(file)).isEqualTo(first + 2);
        assertThat(read(file).getProperty("run")).isEqualTo("3");
        assertThat(Files.exists(file.resolveSibling("client-id.tmp"))).isFalse();

        long other = ClusterClientId.next(dir.resolve("other").resolve("client-id"));
        assertThat(other >>> ClusterClientId.RUN_BITS).as("another data directory draws its own gateway number")
                .isNotEqualTo(gateway);
    }

    @Test
    void shouldRefuseADamagedOrUsedUpFileAndLeaveItAsItWas() throws Exception {
        Path damaged = dir.resolve("damaged");
        Files.writeString(damaged, "gateway=12\nrun=abc\n");
        assertThatThrownBy(() -> ClusterClientId.next(damaged)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("run=abc must be a number").hasMessageContaining(damaged.toString());
        assertThat(Files.readString(damaged)).isEqualTo("gateway=12\nrun=abc\n");

        Path usedUp = dir.resolve("used-up");
        String full = "gateway=12\nrun=" + ((1 << ClusterClientId.RUN_BITS) - 1) + "\n";
        Files.writeString(usedUp, full);
        assertThatThrownBy(() -> ClusterClientId.next(usedUp)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("runs are used up");
        assertThat(Files.readString(usedUp)).isEqualTo(full);

        Path last = dir.resolve("last");
        Files.writeString(last, "gateway=12\nrun=" + ((1 << ClusterClientId.RUN_BITS) - 2) + "\n");
        assertThat(ClusterClientId.next(last)).isEqualTo((12L << ClusterClientId.RUN_BITS)
                + (1 << ClusterClientId.RUN_BITS) - 1);
    }

    @Test
    void shouldRefuseMalformedIngressEndpointsAsABadOptionBeforeStartingAnything() {
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new ExchangeServerMain()).setErr(new PrintWriter(err));
        int exit = command.execute("--port=0", "--data-dir=" + dir.resolve("data"),
                "--cluster-ingress=127.0.0.1:20000");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("cluster ingress endpoints '127.0.0.1:20000' must be "
                + "<member id>=<host>:<port>, separated by commas");
        assertThat(Files.exists(dir.resolve("data").resolve("cluster-replica"))).isFalse();
    }

    private static Properties read(Path file) throws Exception {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            properties.load(in);
        }
        return properties;
    }
}
