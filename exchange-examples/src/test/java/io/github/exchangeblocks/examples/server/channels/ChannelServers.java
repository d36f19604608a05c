package io.github.exchangeblocks.examples.server.channels;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.examples.exchange.CoreConfig;
import io.github.exchangeblocks.examples.exchange.Defaults;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand;
import io.github.exchangeblocks.examples.server.ExchangeServer;
import io.github.exchangeblocks.examples.server.ServerConfig;
import io.github.exchangeblocks.wal.DurabilityMode;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Starts the real server on a free loopback port for channel tests and drives orders into its core. */
final class ChannelServers {
    static final String BTC = "BINANCE.BTCUSDT";

    private ChannelServers() {
    }

    /** The embedded defaults (three instruments, alice and bob), journal without forcing, two I/O threads. */
    static ExchangeServer start(Path dir, ChannelsConfig channels) throws InterruptedException {
        ServerConfig config = new ServerConfig("127.0.0.1", 0, dir, DurabilityMode.NONE, 64 * 1024, 4 << 20, 2,
                10_000);
        CoreConfig defaults = Defaults.config(dir);
        CoreConfig core = new CoreConfig(dir, DurabilityMode.NONE, defaults.queueSize(), defaults.snapshotInterval(),
                defaults.firstTradingDay(), defaults.venue(), defaults.bootstrap());
        return ExchangeServer.builder(config).core(core).channels(channels).start();
    }

    /** Queues a GTC limit order (opening or closing automatically) on BTCUSDT. */
    static void order(ExchangeServer server, String user, String clientOrderId, Side side, long priceTicks,
                      long volume) {
        RejectCode code = server.core().submit(new ExchangeCommand.InsertOrder(user, clientOrderId, BTC, side,
                Offset.AUTO, OrderType.LIMIT, TimeInForce.GTC, priceTicks, volume, 0), null, 0);
        assertThat(code).as("order %s queued", clientOrderId).isNull();
    }

    /** Waits until the engine applied everything queued before. */
    static void settle(ExchangeServer server) {
        server.core().await(state -> { }, 10_000);
    }
}
