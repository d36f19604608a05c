package io.github.exchangeblocks.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OrderEnumsTest {

    @Test
    void shouldKeepReleasedBinaryCodes() {
        assertThat(Side.BUY.code()).isEqualTo((byte) 0);
        assertThat(Side.SELL.code()).isEqualTo((byte) 1);
        assertThat(Offset.OPEN.code()).isEqualTo((byte) 0);
        assertThat(Offset.CLOSE.code()).isEqualTo((byte) 1);
        assertThat(Offset.CLOSETODAY.code()).isEqualTo((byte) 2);
        assertThat(OrderType.LIMIT.code()).isEqualTo((byte) 0);
        assertThat(OrderType.MARKET.code()).isEqualTo((byte) 1);
        assertThat(TimeInForce.GTC.code()).isEqualTo((byte) 0);
        assertThat(TimeInForce.GFD.code()).isEqualTo((byte) 1);
        assertThat(TimeInForce.IOC.code()).isEqualTo((byte) 2);
        assertThat(TimeInForce.FOK.code()).isEqualTo((byte) 3);
    }

    @Test
    void shouldRoundTripEveryCode() {
        for (Side v : Side.values()) {
            assertThat(Side.fromCode(v.code())).isSameAs(v);
        }
        for (Offset v : Offset.values()) {
            assertThat(Offset.fromCode(v.code())).isSameAs(v);
        }
        for (OrderType v : OrderType.values()) {
            assertThat(OrderType.fromCode(v.code())).isSameAs(v);
        }
        for (TimeInForce v : TimeInForce.values()) {
            assertThat(TimeInForce.fromCode(v.code())).isSameAs(v);
        }
    }

    @Test
    void shouldRejectUnknownCodesNamingTheField() {
        assertThatThrownBy(() -> Side.fromCode(2)).hasMessageContaining("side code=2");
        assertThatThrownBy(() -> Offset.fromCode(-1)).hasMessageContaining("offset code=-1");
        assertThatThrownBy(() -> OrderType.fromCode(9)).hasMessageContaining("order type code=9");
        assertThatThrownBy(() -> TimeInForce.fromCode(4)).hasMessageContaining("time in force code=4");
    }

    @Test
    void shouldKnowWhichOrdersRestAndWhichSideIsOpposite() {
        assertThat(TimeInForce.GTC.canRest()).isTrue();
        assertThat(TimeInForce.GFD.canRest()).isTrue();
        assertThat(TimeInForce.IOC.canRest()).isFalse();
        assertThat(TimeInForce.FOK.canRest()).isFalse();
        assertThat(Side.BUY.opposite()).isSameAs(Side.SELL);
        assertThat(Side.SELL.opposite()).isSameAs(Side.BUY);
    }
}
