package io.github.exchangeblocks.engine.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.book.DepthSnapshot;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every refused input names the field and the rule and leaves the state (hash) unchanged. */
class BadInputTest {
    private final InstrumentMarketData data = MarketData.create(MarketDataSettings.builder()
        .klineDurationsNs(60).build());

    private void refused(ThrowingCallable input, String message) {
        data.onTrade(10, 1, Side.BUY, 100, 2);
        data.onLevelChanged(10, 1, Side.BUY, 99, 3, 1);
        long hash = data.stateHash();

        assertThatThrownBy(input).isInstanceOf(IllegalArgumentException.class).hasMessage(message);

        assertThat(data.stateHash()).isEqualTo(hash);
    }

    @Test
    void shouldRefuseTradesThatBreakARule() {
        refused(() -> data.onTrade(20, 2, null, 100, 1), "aggressorSide=null must not be null");
        refused(() -> data.onTrade(20, 2, Side.BUY, 0, 1), "price=0 must be > 0");
        refused(() -> data.onTrade(20, 2, Side.BUY, 100, -1), "volume=-1 must be > 0");
        refused(() -> data.onTrade(-1, 2, Side.BUY, 100, 1), "timestampNs=-1 must be in 0..4611686018427387904");
        refused(() -> data.onTrade(20, 2, Side.BUY, 1L << 40, 1L << 30),
            "price*volume=1099511627776*1073741824 must be <= 9223372036854775807");
        refused(() -> data.onTrade(20, 2, Side.BUY, Long.MAX_VALUE / 2, 2),
            "amount=9223372036854775806 must keep the running amounts <= 9223372036854775807");
    }

    @Test
    void shouldRefuseLevelsThatBreakARule() {
        refused(() -> data.onLevelChanged(20, 2, null, 100, 1, 1), "side=null must not be null");
        refused(() -> data.onLevelChanged(20, 2, Side.SELL, -5, 1, 1), "price=-5 must be > 0");
        refused(() -> data.onLevelChanged(20, 2, Side.SELL, 101, -1, 0), "totalQuantity=-1 must be >= 0");
        refused(() -> data.onLevelChanged(20, 2, Side.SELL, 101, 0, 2), "orderCount=2 must be 0 when totalQuantity=0");
        refused(() -> data.onLevelChanged(20, 2, Side.SELL, 101, 4, 0),
            "orderCount=0 must be >= 1 when totalQuantity=4");
    }

    @Test
    void shouldRefuseDepthReadsThatBreakARule() {
        DepthSnapshot unordered = new DepthSnapshot(3);
        unordered.addBid(99, 1, 1);
        unordered.addBid(99, 2, 1);
        DepthSnapshot empty = new DepthSnapshot(3);
        empty.addAsk(101, 0, 0);

        refused(() -> data.onDepth(20, null), "depth=null must not be null");
        refused(() -> data.onDepth(20, unordered), "depth bid level 1 price=99 must be strictly worse than the "
            + "level before");
        refused(() -> data.onDepth(20, empty), "depth ask level 0 (price=101, quantity=0, count=0) must have "
            + "positive price, quantity and count");
    }

    @Test
    void shouldRefuseDayFiguresThatBreakARule() {
        refused(() -> data.onOpenInterest(20, -1), "openInterest=-1 must be >= 0");
        refused(() -> data.setPriceLimits(20, 110, 90), "upperLimit=90 must be >= lowerLimit=110");
        refused(() -> data.setPriceLimits(20, -1, 90), "lowerLimit=-1 must be > 0 or NULL_PRICE (0)");
        refused(() -> data.startDay(20, 0, -3), "upperLimit=-3 must be > 0 or NULL_PRICE (0)");
        refused(() -> data.settle(20, 0), "settlementPrice=0 must be > 0");
        refused(() -> data.setPreviousDay(20, 1, 1, -2), "preOpenInterest=-2 must be >= 0");
        refused(() -> data.advanceTime(Long.MAX_VALUE), "timestampNs=9223372036854775807 must be in "
            + "0..4611686018427387904");
        refused(() -> data.addKlineDuration(0), "durationNs=0 must be in 1.." + Long.MAX_VALUE / 4);
    }

    @Test
    void shouldRefuseTheSixtyFifthDurationWhenSixtyFourAreRegistered() {
        for (int i = 2; i <= 64; i++) {
            data.addKlineDuration(60L * i);
        }

        refused(() -> data.addKlineDuration(1), "klineDurationCount=64 must stay <= 64 to add durationNs=1");
        assertThat(data.klineDurationCount()).isEqualTo(64);
    }
}
