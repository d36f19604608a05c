package io.github.exchangeblocks.engine.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.exchangeblocks.api.Side;
import java.io.IOException;
import java.io.InputStream;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class MarketDataSnapshotTest {
    private static final long MINUTE = MarketDataSettings.MINUTE_NS;
    private static final MarketDataSettings SETTINGS = MarketDataSettings.builder().instrumentId(42)
        .klineDurationsNs(MINUTE, 5 * MINUTE).klineCapacity(3).tickCapacity(4).ticker(10 * MINUTE, MINUTE)
        .build();
    /**
     * The state hash of the version 1 golden file, pinned when version 1 was released (then {@link #scenario()}'s;
     * version 1 keeps no top of book per tick, and ticks without one hash as they did then).
     */
    private static final long V1_STATE_HASH = 0xf2485d7e2e40e3abL;
    /** The state hash of {@link #scenario()}, pinned when version 2 was released. */
    private static final long V2_STATE_HASH = 0xf98c2c5fca82ed54L;

    /** The fixed scenario whose snapshot is the version 2 golden file (and was the version 1 one). */
    static InstrumentMarketData scenario() {
        InstrumentMarketData data = MarketData.create(SETTINGS);
        data.setPreviousDay(0, 7_480, 7_490, 300);
        data.setPriceLimits(1, 7_000, 8_000);
        data.onLevelChanged(2, 1, Side.BUY, 7_495, 5, 1);
        data.onLevelChanged(2, 2, Side.BUY, 7_490, 9, 3);
        data.onLevelChanged(2, 3, Side.SELL, 7_505, 4, 2);
        data.drainDepthDelta(new Deltas());
        for (int i = 0; i < 7; i++) {
            long t = 1_000 + i * 2 * MINUTE;
            data.onTrade(t, i + 1, i % 2 == 0 ? Side.BUY : Side.SELL, 7_500 + i * 3 - (i % 3) * 5, 1 + i % 4);
            data.onOpenInterest(t, 300 + i);
        }
        data.onLevelChanged(15 * MINUTE, 4, Side.SELL, 7_505, 0, 0);
        data.onLevelChanged(15 * MINUTE, 5, Side.SELL, 7_510, 2, 1);
        data.addKlineDuration(MarketDataSettings.DAY_NS);
        data.onTrade(15 * MINUTE, 8, Side.BUY, 7_510, 2);
        data.settle(16 * MINUTE, 7_506);
        return data;
    }

    private static ByteBuffer snapshotOf(InstrumentMarketData data) {
        ByteBuffer buffer = ByteBuffer.allocate(data.snapshotLength());
        assertThat(data.writeSnapshot(buffer)).isEqualTo(buffer.capacity());
        return buffer.flip();
    }

    @Test
    void shouldRestoreTheSameFiguresAndStateHashWhenRoundTripped() {
        InstrumentMarketData original = scenario();

        InstrumentMarketData restored = MarketData.restore(SETTINGS, snapshotOf(original));

        assertThat(restored.stateHash()).isEqualTo(original.stateHash());
        assertThat(ReferenceMarketData.quoteOf(restored.quote())).isEqualTo(ReferenceMarketData.quoteOf(
            original.quote()));
        assertThat(Bars.all(restored.klines(MINUTE))).isEqualTo(Bars.all(original.klines(MINUTE)));
        assertThat(Bars.all(restored.klines(MarketDataSettings.DAY_NS))).hasSize(1);
        assertThat(ReferenceMarketData.tickerOf(restored.ticker())).isEqualTo(ReferenceMarketData.tickerOf(
            original.ticker()));
        assertThat(restored.depth().pendingLevels()).isEqualTo(2);
        assertThat(restored.tape().lastTickId()).isEqualTo(8);
    }

    @Test
    void shouldBehaveIdenticallyAfterRestoreWhenTheSameInputsFollow() {
        InstrumentMarketData original = scenario();
        InstrumentMarketData restored = MarketData.restore(SETTINGS, snapshotOf(original));

        Deltas originalDeltas = new Deltas();
        Deltas restoredDeltas = new Deltas();
        for (InstrumentMarketData data : new InstrumentMarketData[] {original, restored}) {
            data.onTrade(30 * MINUTE, 9, Side.SELL, 7_490, 3);
            data.onLevelChanged(30 * MINUTE, 6, Side.BUY, 7_495, 0, 0);
            data.startDay(40 * MINUTE, 7_100, 7_900);
        }
        original.drainDepthDelta(originalDeltas);
        restored.drainDepthDelta(restoredDeltas);

        assertThat(restoredDeltas.lines).isEqualTo(originalDeltas.lines).first().isEqualTo("U4 u6 n3");
        assertThat(restored.stateHash()).isEqualTo(original.stateHash());
        assertThat(snapshotOf(restored)).isEqualTo(snapshotOf(original));
    }

    @Test
    void shouldChangeTheStateHashWhenAnyFigureDiffers() {
        InstrumentMarketData a = scenario();
        InstrumentMarketData b = scenario();
        assertThat(a.stateHash()).isEqualTo(b.stateHash());

        b.onOpenInterest(b.timestampNs(), b.quote().openInterest() + 1);

        assertThat(a.stateHash()).isNotEqualTo(b.stateHash());
    }

    @Test
    void shouldWriteExactlyTheVersion2GoldenBytesWhenTheScenarioIsSnapshotted() throws IOException {
        assertThat(snapshotOf(scenario())).isEqualTo(golden(2));
    }

    @Test
    void shouldRestoreTheVersion2GoldenFileToItsPinnedStateHashWithEachTicksTopOfBook() throws IOException {
        InstrumentMarketData restored = MarketData.restore(SETTINGS, golden(2));
        InstrumentMarketData scenario = scenario();

        assertThat(restored.stateHash()).isEqualTo(V2_STATE_HASH).isEqualTo(scenario.stateHash());
        assertThat(topsOfBook(restored)).isEqualTo(topsOfBook(scenario)).contains("8: 7495x5 / 0x0");
    }

    @Test
    void shouldRestoreTheVersion1GoldenFileToItsPinnedStateHashWithTicksWithoutATopOfBook() throws IOException {
        InstrumentMarketData restored = MarketData.restore(SETTINGS, golden());

        assertThat(restored.stateHash()).isEqualTo(V1_STATE_HASH);
        assertThat(topsOfBook(restored)).containsOnly(restored.tape().firstTickId() + ": 0x0 / 0x0",
            restored.tape().lastTickId() - 2 + ": 0x0 / 0x0", restored.tape().lastTickId() - 1 + ": 0x0 / 0x0",
            restored.tape().lastTickId() + ": 0x0 / 0x0");
        ByteBuffer rewritten = snapshotOf(restored);
        assertThat(MarketData.restore(SETTINGS, rewritten).stateHash()).isEqualTo(V1_STATE_HASH);
    }

    private static java.util.List<String> topsOfBook(InstrumentMarketData data) {
        java.util.List<String> tops = new java.util.ArrayList<>();
        TradeTapeView tape = data.tape();
        for (long tick = tape.firstTickId(); tick <= tape.lastTickId(); tick++) {
            tops.add(tick + ": " + tape.bidPrice(tick) + "x" + tape.bidVolume(tick) + " / " + tape.askPrice(tick)
                + "x" + tape.askVolume(tick));
        }
        return tops;
    }

    @Test
    void shouldRefuseBytesWithAnotherVersion() throws IOException {
        ByteBuffer bytes = golden();
        bytes.put(4, (byte) 9);

        assertThatThrownBy(() -> MarketData.restore(SETTINGS, bytes)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("snapshot version=9 must be 1 or 2");
    }

    @Test
    void shouldRefuseASnapshotOfAnotherInstrumentOrTickerWindow() throws IOException {
        MarketDataSettings other = MarketDataSettings.builder().instrumentId(43).build();
        MarketDataSettings window = MarketDataSettings.builder().instrumentId(42).build();

        assertThatThrownBy(() -> MarketData.restore(other, golden())).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("snapshot instrumentId=42 must equal settings instrumentId=43");
        assertThatThrownBy(() -> MarketData.restore(window, golden())).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("snapshot ticker window=600000000000/60000000000 must equal settings "
                + "tickerWindowNs/tickerBucketNs=86400000000000/60000000000");
    }

    @Test
    void shouldRefuseATruncatedSnapshotWithoutMovingTheBuffer() throws IOException {
        ByteBuffer bytes = golden();
        bytes.limit(bytes.limit() - 8);

        assertThatThrownBy(() -> MarketData.restore(SETTINGS, bytes)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("snapshot length=");
        assertThat(bytes.position()).isZero();
    }

    @Test
    void shouldRefuseToWriteIntoATooSmallBufferWithoutWritingAnything() {
        InstrumentMarketData data = scenario();
        ByteBuffer small = ByteBuffer.allocate(data.snapshotLength() - 1);

        assertThatThrownBy(() -> data.writeSnapshot(small)).isInstanceOf(BufferOverflowException.class);
        assertThat(small.position()).isZero();
        assertThat(small.array()).containsOnly(0);
    }

    static ByteBuffer golden() throws IOException {
        return golden(1);
    }

    static ByteBuffer golden(int version) throws IOException {
        String name = "/marketdata/market-data-snapshot-v" + version + ".bin";
        try (InputStream in = MarketDataSnapshotTest.class.getResourceAsStream(name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            return ByteBuffer.wrap(in.readAllBytes());
        }
    }
}
