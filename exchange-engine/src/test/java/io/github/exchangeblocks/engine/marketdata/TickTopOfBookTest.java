package io.github.exchangeblocks.engine.marketdata;

import io.github.exchangeblocks.api.Side;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each tick keeps the best bid and ask its trade left: the book reports a trade before the level change it causes,
 * so the maker's best level is read with the trade taken off it.
 */
class TickTopOfBookTest {
    private static final MarketDataSettings SETTINGS = MarketDataSettings.builder().instrumentId(7).tickCapacity(8)
        .build();

    private final InstrumentMarketData data = MarketData.create(SETTINGS);

    private String top(long tickId) {
        TradeTapeView tape = data.tape();
        return tape.bidPrice(tickId) + "x" + tape.bidVolume(tickId) + " / " + tape.askPrice(tickId) + "x"
            + tape.askVolume(tickId);
    }

    @Test
    void shouldKeepTheTopOfBookEachTradeLeavesWhenItReducesOrEmptiesTheMakersLevel() {
        data.onLevelChanged(1, 1, Side.SELL, 101, 5, 2);
        data.onLevelChanged(1, 2, Side.SELL, 102, 3, 1);
        data.onLevelChanged(1, 3, Side.BUY, 99, 4, 1);

        data.onTrade(2, 1, Side.BUY, 101, 2);
        data.onLevelChanged(2, 4, Side.SELL, 101, 3, 1);
        data.onTrade(3, 2, Side.BUY, 101, 3);
        data.onLevelChanged(3, 5, Side.SELL, 101, 0, 0);
        data.onTrade(4, 3, Side.SELL, 99, 4);
        data.onLevelChanged(4, 6, Side.BUY, 99, 0, 0);
        data.onTrade(5, 4, Side.SELL, 98, 1);

        assertThat(top(1)).as("the maker's level reduced").isEqualTo("99x4 / 101x3");
        assertThat(top(2)).as("the maker's level emptied: the next one").isEqualTo("99x4 / 102x3");
        assertThat(top(3)).as("the last bid taken").isEqualTo("0x0 / 102x3");
        assertThat(top(4)).as("a trade away from the mirror (an auction, a feed out of step)")
            .isEqualTo("0x0 / 102x3");
    }

    @Test
    void shouldRoundTripTheTopOfBookThroughASnapshotAndHashIt() {
        data.onLevelChanged(1, 1, Side.SELL, 101, 5, 1);
        data.onTrade(2, 1, Side.BUY, 101, 2);
        InstrumentMarketData other = MarketData.create(SETTINGS);
        other.onLevelChanged(1, 1, Side.SELL, 101, 6, 1);
        other.onTrade(2, 1, Side.BUY, 101, 2);
        other.onLevelChanged(2, 2, Side.SELL, 101, 3, 1);
        data.onLevelChanged(2, 2, Side.SELL, 101, 3, 1);

        assertThat(other.stateHash()).as("the same book now, another top of book at the trade")
            .isNotEqualTo(data.stateHash());
        ByteBuffer bytes = ByteBuffer.allocate(data.snapshotLength());
        data.writeSnapshot(bytes);
        InstrumentMarketData restored = MarketData.restore(SETTINGS, bytes.flip());
        assertThat(restored.stateHash()).isEqualTo(data.stateHash());
        assertThat(restored.tape().askPrice(1)).isEqualTo(101);
        assertThat(restored.tape().askVolume(1)).isEqualTo(3);
    }

    @Test
    void shouldRefuseATickThatIsNotKept() {
        data.onTrade(1, 1, Side.BUY, 101, 1);

        assertThatThrownBy(() -> data.tape().bidPrice(2)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("tickId=2 must be a kept tick, 1..1");
        assertThatThrownBy(() -> data.tape().askVolume(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
