package io.github.exchangeblocks.examples.cluster;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterNodeConfigTest {
    private static final Path BASE = Path.of("cluster-base");

    @Test
    void shouldLayOutEachMembersPortsAndDirectories() {
        ClusterNodeConfig config = ClusterNodeConfig.loopback(1, 3, 20000, BASE);
        assertThat(config.clusterMembers()).isEqualTo(
                "0,127.0.0.1:20002,127.0.0.1:20003,127.0.0.1:20004,127.0.0.1:20005,127.0.0.1:20001|"
                        + "1,127.0.0.1:20012,127.0.0.1:20013,127.0.0.1:20014,127.0.0.1:20015,127.0.0.1:20011|"
                        + "2,127.0.0.1:20022,127.0.0.1:20023,127.0.0.1:20024,127.0.0.1:20025,127.0.0.1:20021|");
        assertThat(ClusterNodeConfig.ingressEndpoints("127.0.0.1", 20000, 3))
                .isEqualTo("0=127.0.0.1:20002,1=127.0.0.1:20012,2=127.0.0.1:20022");
        assertThat(config.directory()).isEqualTo(BASE.resolve("node-1"));
        assertThat(config.statusFile()).isEqualTo(BASE.resolve("node-1").resolve("status.properties"));
        assertThat(config.leaderHeartbeatTimeout().plus(config.electionTimeout()))
                .as("detection plus one election step leaves room within 3 s").isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void shouldRefuseBadSettingsNamingTheFieldAndTheRule() {
        assertThatThrownBy(() -> ClusterNodeConfig.loopback(3, 3, 20000, BASE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("memberId=3 must be in 0..2");
        assertThatThrownBy(() -> ClusterNodeConfig.loopback(0, 0, 20000, BASE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("memberCount=0 must be in 1..9");
        assertThatThrownBy(() -> ClusterNodeConfig.loopback(0, 3, 80, BASE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("portBase=80 must be in 1024..65000");
        assertThatThrownBy(() -> new ClusterNodeConfig(0, 1, "127.0.0.1", 20000, BASE, Duration.ofMillis(100),
                Duration.ofMillis(100), Duration.ofMillis(100))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leaderHeartbeatInterval=PT0.1S must be positive and below");
        assertThatThrownBy(() -> new ClusterNodeConfig(0, 1, "127.0.0.1", 20000, BASE, Duration.ofSeconds(1),
                Duration.ofMillis(100), Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("electionTimeout=PT0S must be positive");
        assertThatThrownBy(() -> ClusterNodeConfig.loopback(0, 1, 20000, null))
                .isInstanceOf(NullPointerException.class).hasMessage("base must not be null");
    }
}
