package io.github.exchangeblocks.engine.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    /** The fixed scenario whose snapshot is the golden file. */
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
    void shouldWriteExactlyTheGoldenBytesWhenTheScenarioIsSnapshotted() throws IOException {
        ByteBuffer written = snapshotOf(scenario().book);
        byte[] actual = new byte[written.remaining()];
        written.get(actual);

        assertThat(actual).isEqualTo(golden());
    }

    @Test
    void shouldRestoreTheGoldenFileWhenReadByThisVersion() throws IOException {
        OrderBook restored = OrderBooks.restore(SETTINGS, OrderBookListener.NO_OP, ByteBuffer.wrap(golden()));

        assertThat(restored.stateHash()).isEqualTo(scenario().book.stateHash());
    }

    @Test
    void shouldRefuseBytesWithAnotherVersion() throws IOException {
        byte[] bytes = golden();
        bytes[4] = 9;

        assertThatThrownBy(() -> OrderBooks.restore(SETTINGS, OrderBookListener.NO_OP, ByteBuffer.wrap(bytes)))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("snapshot version=9 must be 1");
    }

    @Test
    void shouldRefuseASnapshotOfAnotherInstrument() throws IOException {
        OrderBookSettings other = OrderBookSettings.builder().instrumentId(43).build();

        assertThatThrownBy(() -> OrderBooks.restore(other, OrderBookListener.NO_OP, ByteBuffer.wrap(golden())))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("snapshot instrumentId=42 must equal settings instrumentId=43");
    }

    private static byte[] golden() throws IOException {
        try (InputStream in = BookSnapshotTest.class.getResourceAsStream("/book/order-book-snapshot-v1.bin")) {
            assertThat(in).as("golden file").isNotNull();
            return in.readAllBytes();
        }
    }
}
