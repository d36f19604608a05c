package io.github.exchangeblocks.examples.server;

import io.github.exchangeblocks.examples.cluster.ClusterLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The unit tests' JVM runs without Aeron's flags (only the integration tests get them): a server asked to run on a
 * cluster says which flags it needs instead of failing inside Aeron, and a server on a local core needs none.
 */
class ClusterModeWithoutFlagsTest {
    @TempDir
    Path dir;

    @Test
    void shouldNameAeronsFlagsWhenClusterModeStartsWithoutThem() throws Exception {
        assertThat(Object.class.getModule().isOpen("jdk.internal.misc", getClass().getModule()))
                .as("this test needs a JVM without Aeron's flags").isFalse();
        assertThatThrownBy(() -> ExchangeServer.builder(ExchangeServerIT.config(dir.resolve("gateway")))
                .cluster("0=127.0.0.1:9").start()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs Aeron's JVM flags")
                .hasMessageContaining(String.join(" ", ClusterLauncher.JVM_FLAGS));

        try (ExchangeServer local = ExchangeServer.start(ExchangeServerIT.config(dir.resolve("local")))) {
            assertThat(ExchangeServerIT.health(local)).contains("\"status\":\"UP\"");
        }
    }
}
