package io.github.exchangeblocks.examples.server;

import io.github.exchangeblocks.examples.exchange.ConfigFile;
import io.github.exchangeblocks.examples.exchange.CoreConfig;
import io.github.exchangeblocks.wal.DurabilityMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The server started on a configuration file's exchange instead of the embedded defaults. */
class ConfiguredServerIT {
    @TempDir
    Path dir;

    @Test
    void shouldBootstrapTheConfiguredInstrumentsAndUsersWhenStartedWithAConfigFile() throws Exception {
        Path data = dir.resolve("data");
        CoreConfig core = ConfigFile.parse("""
                {"durability": "SYNC_EACH", "snapshotInterval": 0,
                 "instruments": [{"id": "DCE.m2601", "priceScale": 0, "tickSize": 1, "volumeMultiple": 10,
                                  "longMarginRateE8": 8000000, "shortMarginRateE8": 8000000,
                                  "openCommission": {"perLot": 150}, "closeRule": "HISTORY_FIRST"}],
                 "users": [{"name": "alice", "deposit": 5000000}]}
                """, data);
        ServerConfig server = new ServerConfig("127.0.0.1", 0, data, core.durability(), 64 * 1024, 4 << 20, 1,
                10_000);
        try (ExchangeServer running = ExchangeServer.builder(server).core(core).start()) {
            List<String> seen = new ArrayList<>();
            running.core().await(state -> {
                seen.add(state.venue().registry().get(0).instrumentId());
                seen.add(Integer.toString(state.venue().instrumentCount()));
                seen.add(Long.toString(state.account("alice").balance()));
            }, 10_000);
            assertThat(seen).containsExactly("DCE.m2601", "1", "5000000");
            assertThat(running.core().config().durability()).isEqualTo(DurabilityMode.SYNC_EACH);
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + running.address().getPort() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
        }
    }
}
