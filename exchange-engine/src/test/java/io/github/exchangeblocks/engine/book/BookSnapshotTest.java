package io.github.exchangeblocks.engine.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.OrderBook;
import io.github.exchangeblocks.api.book.OrderBookListener;
import io.github.exchangeblocks.api.book.SelfTradePrevention;
import io.github.exchangeblocks.api.book.TradingPhase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class BookSnapshotTest {
    private static final OrderBookSettings SETTINGS = OrderBookSettings.builder().instrumentId(42)
        .selfTradePrevention(SelfTradePrevention.CANCEL_RESTING).build();
    private static final OrderBookSettings AUCTION_SETTINGS = OrderBookSettings.builder().instrumentId(42)
        .selfTradePrevention(SelfTradePrevention.CANCEL_RESTING).initialPhase(TradingPhase.PRE_OPEN).build();
    /** The state hash of {@link #scenario()}, pinned when version 1 was released. */
    private static final long V1_STATE_HASH = 0x4e9c6928702b9405L;
    /** The state hash of {@link #auctionScenario()}, pinned when version 2 was released. */
    private static final long V2_STATE_HASH = 0x6c6abcfb26418eaaL;

    /**
     * The call-auction scenario whose snapshot is the version 2 golden file: market orders with and without
     * protection, minimum quantities, a reduced market order.
     */
    private static BookFixture auctionScenario() {
        BookFixture f = new BookFixture(AUCTION_SETTINGS);
        f.book.setReferencePrice(101, 100);
        f.buy(1, 10, 5, 101);
        f.place(2, 11, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 4, 0, false, SelfTradePrevention.BOOK_DEFAULT);
        f.place(3, 12, Side.BUY, OrderType.MARKET, TimeInForce.FOK, 0, 3, 0, false, SelfTradePrevention.NONE);
        f.place(4, 13, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100, 6, 4, false, SelfTradePrevention.BOOK_DEFAULT);
        f.place(5, 14, Side.SELL, OrderType.MARKET, TimeInForce.IOC, 99, 2, 0, false,
            SelfTradePrevention.BOOK_DEFAULT);
        f.place(6, 15, Side.SELL, OrderType.LIMIT, TimeInForce.GFD, 100, 8, 2, false,
            SelfTradePrevention.BOOK_DEFAULT);
        f.place(7, 16, Side.SELL, OrderType.MARKET, TimeInForce.IOC, 0, 3, 2, false, SelfTradePrevention.BOOK_DEFAULT);
        f.book.amendOrder(200, 2, 11, 0, 3);
        f.book.setPriceBand(201, 50, 200);
        return f;
    }

    /** The fixed scenario whose snapshot is the version 1 golden file. */
    private static BookFixture scenario() {
        BookFixture f = new BookFixture(SETTINGS);
        f.buy(1, 10, 5, 100).buy(2, 11, 3, 100).buy(3, 10, 7, 99);
        f.limit(4, 12, Side.SELL, TimeInForce.GFD, 103, 4);
        f.sell(5, 13, 6, 102).sell(6, 14, 2, 101);
        f.limit(7, 15, Side.BUY, TimeInForce.IOC, 101, 1);
        f.book.amendOrder(200, 1, 10, 100, 4);
        f.book.setPriceBand(201, 50, 200);
        return f;
    }

    private static ByteBuffer snapshotOf(OrderBook book) {
        ByteBuffer buffer = ByteBuffer.allocate(book.snapshotLength());
        assertThat(book.writeSnapshot(buffer)).isEqualTo(buffer.capacity());
        return buffer.flip();
    }

    @Test
    void shouldRestoreTheSameOrdersPriorityAndStateHashWhenRoundTripped() {
        BookFixture original = scenario();

        OrderBook restored = OrderBooks.restore(SETTINGS, OrderBookListener.NO_OP, snapshotOf(original.book));

        assertThat(restored.stateHash()).isEqualTo(original.book.stateHash());
        assertThat(DifferentialHarness.l3(restored)).isEqualTo(original.l3());
        assertThat(restored.referencePrice()).isEqualTo(101);
    }

    @Test
    void shouldBehaveIdenticallyAfterRestoreWhenTheSameCommandsFollow() {
        BookFixture original = scenario();
        EventLog restoredLog = new EventLog();
        OrderBook restored = OrderBooks.restore(SETTINGS, restoredLog, snapshotOf(original.book));
        original.log.drain();

        for (OrderBook book : new OrderBook[] {original.book, restored}) {
            book.placeLimit(300, 8, 20, Side.SELL, TimeInForce.GTC, 99, 10);
            book.amendOrder(301, 3, 10, 102, 7);
            book.setPhase(302, TradingPhase.HALTED);
        }

        assertThat(restoredLog.events).isEqualTo(original.log.events);
        assertThat(restored.stateHash()).isEqualTo(original.book.stateHash());
    }

    @Test
    void shouldChangeTheStateHashWhenPriorityChanges() {
        BookFixture a = new BookFixture(SETTINGS);
        a.buy(1, 10, 5, 100).buy(2, 10, 5, 100);
        BookFixture b = new BookFixture(SETTINGS);
        b.buy(2, 10, 5, 100).buy(1, 10, 5, 100);

        assertThat(a.book.stateHash()).isNotEqualTo(b.book.stateHash());
    }

    @Test
    void shouldRestoreTheVersion1GoldenFileToItsPinnedStateHashWhenReadByThisVersion() throws IOException {
        OrderBook restored = OrderBooks.restore(SETTINGS, OrderBookListener.NO_OP, golden(1));

        assertThat(restored.stateHash()).isEqualTo(V1_STATE_HASH).isEqualTo(scenario().book.stateHash());
        assertThat(DifferentialHarness.l3(restored)).isEqualTo(scenario().l3());
    }

    @Test
    void shouldWriteExactlyTheVersion2GoldenBytesWhenTheAuctionScenarioIsSnapshotted() throws IOException {
        ByteBuffer written = snapshotOf(auctionScenario().book);

        assertThat(written).isEqualTo(golden(2));
    }

    @Test
    void shouldRestoreTheVersion2GoldenFileToItsPinnedStateHashWithTheAnyPriceQueuesInOrder() throws IOException {
        OrderBook restored = OrderBooks.restore(AUCTION_SETTINGS, OrderBookListener.NO_OP, golden(2));

        assertThat(restored.stateHash()).isEqualTo(V2_STATE_HASH).isEqualTo(auctionScenario().book.stateHash());
        assertThat(DifferentialHarness.l3(restored)).containsExactly(
            "2/11 BUY IOC 3@0 t=102",
            "3/12 BUY FOK 3@0 t=103",
            "1/10 BUY GTC 5@101 t=101",
            "4/13 BUY GTC 6@100 t=104",
            "7/16 SELL IOC 3@0 t=107",
            "5/14 SELL IOC 2@99 t=105",
            "6/15 SELL GFD 8@100 t=106");
    }

    @Test
    void shouldUncrossIdenticallyAfterRestoreWhenTheAuctionScenarioIsRoundTripped() {
        BookFixture original = auctionScenario();
        EventLog restoredLog = new EventLog();
        OrderBook restored = OrderBooks.restore(AUCTION_SETTINGS, restoredLog, snapshotOf(original.book));
        original.log.drain();

        for (OrderBook book : new OrderBook[] {original.book, restored}) {
            book.amendOrder(300, 4, 13, 100, 5);
            book.setPhase(301, TradingPhase.CONTINUOUS);
        }

        assertThat(restoredLog.events).isEqualTo(original.log.events).anyMatch(e -> e.startsWith("TRADE"));
        assertThat(restored.stateHash()).isEqualTo(original.book.stateHash());
    }

    @Test
    void shouldRefuseBytesWithAnotherVersion() throws IOException {
        ByteBuffer bytes = golden(2);
        bytes.put(4, (byte) 9);

        assertThatThrownBy(() -> OrderBooks.restore(SETTINGS, OrderBookListener.NO_OP, bytes))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("snapshot version=9 must be 1 or 2");
    }

    @Test
    void shouldRefuseASnapshotOfAnotherInstrument() throws IOException {
        OrderBookSettings other = OrderBookSettings.builder().instrumentId(43).build();

        assertThatThrownBy(() -> OrderBooks.restore(other, OrderBookListener.NO_OP, golden(1)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("snapshot instrumentId=42 must equal settings instrumentId=43");
    }

    @Test
    void shouldRefuseAPricelessOrderWhenTheSnapshotIsInContinuousTrading() throws IOException {
        ByteBuffer bytes = golden(2);
        bytes.put(6, TradingPhase.CONTINUOUS.code());

        assertThatThrownBy(() -> OrderBooks.restore(AUCTION_SETTINGS, OrderBookListener.NO_OP, bytes))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("snapshot order record 0 (orderId=2) is inconsistent");
    }

    private static ByteBuffer golden(int version) throws IOException {
        String name = "/book/order-book-snapshot-v" + version + ".bin";
        try (InputStream in = BookSnapshotTest.class.getResourceAsStream(name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            return ByteBuffer.wrap(in.readAllBytes());
        }
    }
}
