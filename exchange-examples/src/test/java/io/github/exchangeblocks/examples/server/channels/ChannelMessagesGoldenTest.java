package io.github.exchangeblocks.examples.server.channels;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.engine.venue.VenueSettings;
import io.github.exchangeblocks.examples.exchange.Defaults;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand;
import io.github.exchangeblocks.examples.exchange.ExchangeState;
import io.github.exchangeblocks.examples.server.diff.UserStore;
import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the channel message format, version 1: {@code golden/channels-v1.txt} holds the snapshot message of every
 * channel kind (as the first message of a subscription, {@code seq} 1) after a fixed session with fixed times.
 */
class ChannelMessagesGoldenTest {
    static final String GOLDEN = "/golden/channels-v1.txt";
    private static final long T0 = 1_765_000_000_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void shouldWriteExactlyTheGoldenMessagesWhenVersion1() throws Exception {
        String actual = messages();
        Files.writeString(Path.of("target", "channels-v1.actual.txt"), actual);
        String golden;
        try (InputStream in = getClass().getResourceAsStream(GOLDEN)) {
            assertThat(in).as(GOLDEN).isNotNull();
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(golden);
    }

    private String messages() {
        UserStore users = UserStore.openOrCreate(dir.resolve("users"), Map.of(), 1000);
        StringBuilder out = new StringBuilder();
        try (ChannelGateway gateway = new ChannelGateway(ChannelsConfig.defaults(), users, 2,
                () -> T0 + 90_000_000_000L)) {
            ChannelPublisher publisher = (ChannelPublisher) gateway.listener();
            ExchangeState state = new ExchangeState(VenueSettings.builder().build(), 20261207, publisher);
            publisher.attach(state);
            long time = T0;
            for (ExchangeCommand command : Defaults.bootstrap(List.of(Defaults.COPPER, Defaults.BITCOIN),
                    Defaults.DEMO_USERS, Defaults.DEMO_DEPOSIT)) {
                state.apply(time++, command);
            }
            String btc = Defaults.BITCOIN.instrumentId();
            state.apply(time++, order("alice", "a1", btc, Side.SELL, 10_005, 3));
            state.apply(time++, order("alice", "a2", btc, Side.SELL, 10_010, 2));
            state.apply(time++, order("bob", "b1", btc, Side.BUY, 9_990, 4));
            state.apply(time + 1_000_000_000L, order("bob", "b2", btc, Side.BUY, 10_005, 2));
            state.apply(time + 2_000_000_000L, new ExchangeCommand.MarkPrice(btc, 10_004));
            publisher.onBatchEnd();
            for (String channel : List.of(btc + "@depth", btc + "@depth5", btc + "@trades", btc + "@ticker",
                    btc + "@kline_1m", btc + "@markprice", "@order", "@usertrades", "@balance", "@account",
                    "@position")) {
                ChannelName name;
                try {
                    name = ChannelName.parse(channel, gateway.symbols());
                } catch (ChannelName.Invalid invalid) {
                    throw new AssertionError(invalid.getMessage(), invalid);
                }
                ByteBuf body = publisher.snapshot(new Subscription(null, name, name.kind().userPrivate() ? "alice"
                        : null, 0));
                try {
                    out.append("{\"seq\":1,").append(body.toString(StandardCharsets.UTF_8)).append('\n');
                } finally {
                    body.release();
                }
            }
        }
        return out.toString();
    }

    private static ExchangeCommand order(String user, String id, String instrument, Side side, long price,
                                         long volume) {
        return new ExchangeCommand.InsertOrder(user, id, instrument, side, Offset.AUTO, OrderType.LIMIT,
                TimeInForce.GTC, price, volume, 0);
    }
}
