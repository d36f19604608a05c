package io.github.exchangeblocks.examples.server.channels;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChannelNameTest {
    private static final long MINUTE_NS = 60_000_000_000L;

    private static SymbolDirectory directory() {
        SymbolDirectory directory = new SymbolDirectory();
        directory.put("SHFE.cu2512", 0, new long[] {MINUTE_NS, 5 * MINUTE_NS});
        directory.put("BINANCE.BTCUSDT", 1, new long[] {MINUTE_NS});
        return directory;
    }

    @Test
    void shouldParsePublicPrivateAndKlineChannelsWhenWellFormed() throws Exception {
        ChannelName depth = ChannelName.parse("SHFE.cu2512@depth10", directory());
        assertThat(depth.kind()).isEqualTo(ChannelKind.DEPTH10);
        assertThat(depth.instrumentIndex()).isZero();
        assertThat(depth.topic("alice", 3)).isEqualTo("SHFE.cu2512@depth10/3").isNotEqualTo(depth.topic("alice", 4));
        ChannelName kline = ChannelName.parse("SHFE.cu2512@kline_5m", directory());
        assertThat(kline.klineDurationNs()).isEqualTo(5 * MINUTE_NS);
        assertThat(kline.topic(null, 3)).as("not phased: one stream for every group").isEqualTo("SHFE.cu2512@kline_5m");
        ChannelName order = ChannelName.parse("@order", directory());
        assertThat(order.kind().userPrivate()).isTrue();
        assertThat(order.topic("alice", 1)).isEqualTo("@order#alice").isNotEqualTo(order.topic("bob", 1));
    }

    @Test
    void shouldRefuseMalformedNamesWithTheRuleWhenParsing() {
        assertRefused("depth", ChannelError.UNKNOWN_CHANNEL, "must be <symbol>@<kind>");
        assertRefused("a@b@depth", ChannelError.UNKNOWN_CHANNEL, "must be <symbol>@<kind>");
        assertRefused("SHFE.cu2512@", ChannelError.UNKNOWN_CHANNEL, "must be <symbol>@<kind>");
        assertRefused("SHFE.cu2512@Depth", ChannelError.UNKNOWN_CHANNEL, "unknown kind 'Depth'");
        assertRefused("SHFE.cu2599@depth", ChannelError.UNKNOWN_SYMBOL, "'SHFE.cu2599' is not listed");
        assertRefused("BINANCE.BTCUSDT@kline_5m", ChannelError.UNKNOWN_CHANNEL, "kept: 1m");
        assertRefused("BINANCE.BTCUSDT@kline_", ChannelError.UNKNOWN_CHANNEL, "kline interval ''");
        assertRefused("BINANCE.BTCUSDT@kline_0m", ChannelError.UNKNOWN_CHANNEL, "kline interval '0m'");
        assertRefused("BINANCE.BTCUSDT@kline_60s", ChannelError.UNKNOWN_CHANNEL, "as '1m'");
        assertRefused("@ticker", ChannelError.UNKNOWN_CHANNEL, "needs a symbol");
        assertRefused("alice@balance", ChannelError.UNKNOWN_CHANNEL, "takes no symbol");
    }

    @Test
    void shouldNameAndParseKlineIntervalsInTheLargestUnit() {
        assertThat(KlineIntervals.name(MINUTE_NS)).isEqualTo("1m");
        assertThat(KlineIntervals.name(90_000_000_000L)).isEqualTo("90s");
        assertThat(KlineIntervals.name(86_400_000_000_000L)).isEqualTo("1d");
        assertThat(KlineIntervals.name(1_500_000L)).isEqualTo("1500000ns");
        assertThat(KlineIntervals.parseNs("4h")).isEqualTo(4 * 60 * MINUTE_NS);
        assertThat(KlineIntervals.parseNs("1x")).isEqualTo(-1);
        assertThat(KlineIntervals.parseNs("m")).isEqualTo(-1);
        assertThat(KlineIntervals.parseNs("-1m")).isEqualTo(-1);
        assertThat(KlineIntervals.parseNs("123456789m")).isEqualTo(-1);
    }

    @Test
    void shouldRefuseBadSettingsNamingTheValueWhenConfigured() {
        assertThatThrownBy(() -> ChannelsConfig.defaults().withLimits(0, 20))
                .hasMessage("maxChannels=0 must be >= 1");
        assertThatThrownBy(() -> ChannelsConfig.defaults().withHeartbeat(1000, 1000))
                .hasMessage("idleTimeoutMs=1000 must be > pingIntervalMs=1000");
        assertThatThrownBy(() -> ChannelsConfig.defaults().withLagBounds(4096, 4096, 10))
                .hasMessage("cutBytes=4096 must be > lagBytes=4096");
        assertThatThrownBy(() -> ChannelsConfig.defaults().withSendBuffer(-1))
                .hasMessage("sendBufferBytes=-1 must be >= 0");
    }

    private static void assertRefused(String name, ChannelError error, String messagePart) {
        assertThatThrownBy(() -> ChannelName.parse(name, directory()))
                .isInstanceOf(ChannelName.Invalid.class).hasMessageContaining(messagePart)
                .satisfies(e -> assertThat(((ChannelName.Invalid) e).error()).isEqualTo(error));
    }
}
