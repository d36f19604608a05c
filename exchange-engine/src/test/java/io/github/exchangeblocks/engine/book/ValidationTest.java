package io.github.exchangeblocks.engine.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.SelfTradePrevention;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every reject code of a new order, with its message, and the book left untouched. */
class ValidationTest {
    private final BookFixture f = new BookFixture(OrderBookSettings.builder().tickSize(5).lotSize(2)
        .maxQuantity(100).priceBand(50, 150).build());

    static Stream<Arguments> badOrders() {
        return Stream.of(
            Arguments.of(0L, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100L, 10L, 0L, false,
                RejectCode.BOOK_INVALID_ORDER_ID, "orderId=0 must be > 0"),
            Arguments.of(9L, null, OrderType.LIMIT, TimeInForce.GTC, 100L, 10L, 0L, false,
                RejectCode.BOOK_MISSING_FIELD, "side=null must not be null"),
            Arguments.of(9L, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 0L, 10L, 0L, false,
                RejectCode.BOOK_PRICE_NOT_POSITIVE, "price=0 must be > 0"),
            Arguments.of(9L, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 101L, 10L, 0L, false,
                RejectCode.BOOK_PRICE_OFF_TICK, "price=101 must be a multiple of tickSize=5"),
            Arguments.of(9L, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 155L, 10L, 0L, false,
                RejectCode.BOOK_PRICE_OUTSIDE_BAND, "price=155 must be inside the price band 50..150"),
            Arguments.of(9L, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100L, -2L, 0L, false,
                RejectCode.BOOK_QUANTITY_NOT_POSITIVE, "quantity=-2 must be > 0"),
            Arguments.of(9L, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100L, 3L, 0L, false,
                RejectCode.BOOK_QUANTITY_OFF_LOT, "quantity=3 must be a multiple of lotSize=2"),
            Arguments.of(9L, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100L, 102L, 0L, false,
                RejectCode.BOOK_QUANTITY_ABOVE_MAX, "quantity=102 must be <= maxQuantity=100"),
            Arguments.of(9L, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100L, 10L, 12L, false,
                RejectCode.BOOK_INVALID_MIN_QUANTITY,
                "minQuantity=12 must be in 0..quantity=10 and a multiple of lotSize=2"),
            Arguments.of(9L, Side.BUY, OrderType.MARKET, TimeInForce.GTC, 0L, 10L, 0L, false,
                RejectCode.BOOK_INVALID_ORDER_COMBINATION, "timeInForce=GTC must be IOC or FOK for MARKET"),
            Arguments.of(9L, Side.BUY, OrderType.LIMIT, TimeInForce.IOC, 100L, 10L, 0L, true,
                RejectCode.BOOK_INVALID_ORDER_COMBINATION,
                "postOnly=true requires a LIMIT order with GTC or GFD, not LIMIT IOC"),
            Arguments.of(1L, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 100L, 10L, 0L, false,
                RejectCode.BOOK_DUPLICATE_ORDER_ID, "orderId=1 is already resting in the book"));
    }

    @ParameterizedTest
    @MethodSource("badOrders")
    void shouldRejectWithCodeAndMessageAndLeaveTheBookUntouchedWhenAFieldBreaksARule(
        long id, Side side, OrderType type, TimeInForce tif, long price, long qty, long minQty, boolean postOnly,
        RejectCode code, String message) {
        f.buy(1, 10, 10, 100).events();
        long hash = f.book.stateHash();

        boolean accepted = f.place(id, 20, side, type, tif, price, qty, minQty, postOnly,
            SelfTradePrevention.BOOK_DEFAULT);

        assertThat(accepted).isFalse();
        assertThat(f.events()).containsExactly("REJECTED id=" + id + " owner=20 " + code);
        assertThat(f.log.messages).containsExactly(message);
        assertThat(f.book.stateHash()).isEqualTo(hash);
    }

    @Test
    void shouldRejectAPriceOutsideANewBandWhenTheBandIsChanged() {
        assertThat(f.book.setPriceBand(1, 90, 110)).isTrue();

        assertThat(f.limit(1, 10, Side.BUY, TimeInForce.GTC, 85, 2)).isFalse();
        assertThat(f.limit(2, 10, Side.BUY, TimeInForce.GTC, 90, 2)).isTrue();
        assertThat(f.log.messages).containsExactly("price=85 must be inside the price band 90..110");
    }

    @Test
    void shouldRejectAPriceThatWouldStretchASideBeyondTheMaximumSpan() {
        BookFixture small = new BookFixture(OrderBookSettings.builder().maxPriceSpanTicks(64).build());
        small.buy(1, 10, 1, 1_000).events();

        assertThat(small.limit(2, 10, Side.BUY, TimeInForce.GTC, 936, 1)).isFalse();
        assertThat(small.limit(3, 10, Side.BUY, TimeInForce.GTC, 937, 1)).isTrue();
        assertThat(small.limit(4, 10, Side.BUY, TimeInForce.IOC, 100, 1)).isTrue();

        assertThat(small.events()).containsExactly(
            "REJECTED id=2 owner=10 BOOK_PRICE_SPAN_EXCEEDED",
            "ACCEPTED id=3 owner=10 BUY LIMIT GTC 1@937",
            "ACCEPTED id=4 owner=10 BUY LIMIT IOC 1@100",
            "CANCELLED id=4 owner=10 BUY @100 -1 left=0 IOC_REMAINDER");
        assertThat(small.log.messages).containsExactly(
            "price=936 would make the BUY side span maxPriceSpanTicks=64 ticks or more");
    }

    @Test
    void shouldRejectAnInconsistentBand() {
        assertThat(f.book.setPriceBand(1, 110, 90)).isFalse();

        assertThat(f.events()).containsExactly("REJECTED id=0 owner=0 BOOK_INVALID_PRICE_BAND");
        assertThat(f.log.messages).containsExactly(
            "priceBand=110..90 must be >= 0, multiples of tickSize=5 and low <= high");
    }
}
