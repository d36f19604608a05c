package io.github.exchangeblocks.bench.engine.book;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The benchmark compares like with like: replaying the whole mixed stream (prefill and measured part), the
 * exchange-blocks book at every sizing, the TreeMap baseline and exchange-core's book accept every command and end
 * with the same trades, traded quantity and resting orders.
 */
class BookBaselinesTest {

    private static long[] replay(BookReplay replay) {
        replay.reset();
        long accepted = 0;
        for (int i = replay.stream.prefillLength; i < replay.stream.length; i++) {
            accepted += replay.apply(i);
        }
        return new long[] {accepted, replay.trades(), replay.tradedQuantity(), replay.orderCount()};
    }

    @Test
    void shouldEndInTheSameStateOnEveryBookWhenReplayingTheShallowStream() {
        BookShape shape = BookShape.SHALLOW;
        long[] expected = replay(new BookReplay(shape, BookReplay.Impl.TREEMAP));

        assertThat(expected[0]).isEqualTo(shape.streamLength);
        assertThat(expected[1]).isPositive();
        assertThat(replay(new BookReplay(shape, BookReplay.Impl.EXCHANGE_CORE))).containsExactly(expected);
        for (BookSizing sizing : BookSizing.values()) {
            assertThat(replay(new BookReplay(shape, BookReplay.Impl.EXCHANGE_BLOCKS, sizing)))
                .as("exchange-blocks at %s", sizing).containsExactly(expected);
        }
    }

    @Test
    void shouldEndInTheSameStateOnEveryBookWhenReplayingTheDeepStream() {
        BookShape shape = BookShape.DEEP;
        long[] expected = replay(new BookReplay(shape, BookReplay.Impl.TREEMAP));

        assertThat(expected[0]).isEqualTo(shape.streamLength);
        assertThat(replay(new BookReplay(shape, BookReplay.Impl.EXCHANGE_CORE))).containsExactly(expected);
        assertThat(replay(new BookReplay(shape, BookReplay.Impl.EXCHANGE_BLOCKS, BookSizing.DEFAULT)))
            .containsExactly(expected);
    }
}
