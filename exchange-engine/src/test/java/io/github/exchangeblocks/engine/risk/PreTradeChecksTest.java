package io.github.exchangeblocks.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.account.AccountView;
import io.github.exchangeblocks.api.instrument.CloseRule;
import io.github.exchangeblocks.api.instrument.CommissionRate;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.api.instrument.InstrumentStatus;
import io.github.exchangeblocks.engine.instrument.Instrument;
import io.github.exchangeblocks.engine.instrument.InstrumentRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreTradeChecksTest {
    private final InstrumentRegistry registry = new InstrumentRegistry(2);
    private final Instrument cu;
    private final StringBuilder message = new StringBuilder();

    PreTradeChecksTest() {
        int i = registry.list(new InstrumentSpec("SHFE.cu2512", 0, 10, 5, 1, 10_000_000, 10_000_000,
                CommissionRate.ofNotional(5_000), CommissionRate.ofNotional(5_000), CommissionRate.FREE, 8_000_000, 50,
                CloseRule.TODAY_EXPLICIT));
        cu = registry.get(i);
    }

    private static AccountView account(long available) {
        return new AccountView() {
            @Override
            public int accountId() {
                return 0;
            }

            @Override
            public String userName() {
                return "x";
            }

            @Override
            public long preBalance() {
                return available;
            }

            @Override
            public long deposit() {
                return 0;
            }

            @Override
            public long withdraw() {
                return 0;
            }

            @Override
            public long closeProfit() {
                return 0;
            }

            @Override
            public long commission() {
                return 0;
            }

            @Override
            public long positionProfit() {
                return 0;
            }

            @Override
            public long floatProfit() {
                return 0;
            }

            @Override
            public long margin() {
                return 0;
            }

            @Override
            public long frozenMargin() {
                return 0;
            }

            @Override
            public long frozenCommission() {
                return 0;
            }

            @Override
            public long riskRatioE8() {
                return 0;
            }
        };
    }

    private OrderCheck order(Offset offset, OrderType type, long price, long volume, long closable, int openOrders) {
        message.setLength(0);
        return new OrderCheck().set(account(1_000_000), cu, Side.BUY, offset, type, price, volume, 700_000, 350,
                closable, 10, 5, openOrders);
    }

    @Test
    void shouldRefuseUnlessTradingWhenCheckingStatus() {
        PreTradeCheck check = new InstrumentTradableCheck();
        assertThat(check.check(order(Offset.OPEN, OrderType.LIMIT, 7000, 1, 0, 0), message))
                .isEqualTo(RejectCode.INSTRUMENT_NOT_TRADABLE);
        assertThat(message).hasToString("SHFE.cu2512 status=LISTED must be TRADING");
        registry.setStatus(cu.index(), InstrumentStatus.TRADING);
        assertThat(check.check(order(Offset.OPEN, OrderType.LIMIT, 7000, 1, 0, 0), message)).isNull();
        assertThat(message).isEmpty();
    }

    @Test
    void shouldRefuseLargerOrdersWhenVolumeExceedsLowerOfBothLimits() {
        assertThat(new OrderVolumeCheck(Long.MAX_VALUE).check(order(Offset.OPEN, OrderType.LIMIT, 7000, 51, 0, 0),
                message)).isEqualTo(RejectCode.ORDER_VOLUME_LIMIT);
        assertThat(message).hasToString("volume=51 must be <= maxOrderVolume=50");
        assertThat(new OrderVolumeCheck(20).check(order(Offset.OPEN, OrderType.LIMIT, 7000, 21, 0, 0), message))
                .isEqualTo(RejectCode.ORDER_VOLUME_LIMIT);
        assertThat(new OrderVolumeCheck(20).check(order(Offset.OPEN, OrderType.LIMIT, 7000, 20, 0, 0), message))
                .isNull();
    }

    @Test
    void shouldRefuseLimitOutsideBandButPassMarketOrders() {
        registry.setPreSettlementPrice(cu.index(), 7000);
        PreTradeCheck check = new PriceBandCheck();
        assertThat(check.check(order(Offset.OPEN, OrderType.LIMIT, 6439, 1, 0, 0), message))
                .isEqualTo(RejectCode.PRICE_OUTSIDE_BAND);
        assertThat(message).hasToString("priceTicks=6439 (64390) must be in 6440..7560 (64400..75600)");
        assertThat(check.check(order(Offset.OPEN, OrderType.LIMIT, 6440, 1, 0, 0), message)).isNull();
        assertThat(check.check(order(Offset.OPEN, OrderType.MARKET, 9999, 1, 0, 0), message)).isNull();
    }

    @Test
    void shouldRefuseClosingMoreThanClosable() {
        PreTradeCheck check = new ClosablePositionCheck();
        assertThat(check.check(order(Offset.CLOSE, OrderType.LIMIT, 7000, 3, 2, 0), message))
                .isEqualTo(RejectCode.INSUFFICIENT_POSITION);
        assertThat(message).hasToString("CLOSE volume=3 must be <= closable=2 under TODAY_EXPLICIT");
        assertThat(check.check(order(Offset.CLOSETODAY, OrderType.LIMIT, 7000, 2, 2, 0), message)).isNull();
        assertThat(check.check(order(Offset.OPEN, OrderType.LIMIT, 7000, 3, 0, 0), message)).isNull();
    }

    @Test
    void shouldCountPendingOpensWhenCheckingMaxPosition() {
        PreTradeCheck check = new MaxPositionCheck(20);
        assertThat(check.check(order(Offset.OPEN, OrderType.LIMIT, 7000, 6, 0, 0), message))
                .isEqualTo(RejectCode.POSITION_LIMIT);
        assertThat(message).hasToString("position=10 + pending=5 + volume=6 must be <= maxPosition=20");
        assertThat(check.check(order(Offset.OPEN, OrderType.LIMIT, 7000, 5, 0, 0), message)).isNull();
        assertThat(check.check(order(Offset.CLOSE, OrderType.LIMIT, 7000, 50, 50, 0), message)).isNull();
    }

    @Test
    void shouldRefuseWhenOpenOrderCountReachesLimit() {
        PreTradeCheck check = new MaxOpenOrdersCheck(3);
        assertThat(check.check(order(Offset.OPEN, OrderType.LIMIT, 7000, 1, 0, 3), message))
                .isEqualTo(RejectCode.OPEN_ORDER_LIMIT);
        assertThat(message).hasToString("openOrders=3 must be < maxOpenOrders=3");
        assertThat(check.check(order(Offset.OPEN, OrderType.LIMIT, 7000, 1, 0, 2), message)).isNull();
    }

    @Test
    void shouldRefuseOpenOrdersBeyondAvailableButLetClosesThrough() {
        PreTradeCheck check = new FundsCheck();
        message.setLength(0);
        OrderCheck big = new OrderCheck().set(account(700_349), cu, Side.BUY, Offset.OPEN, OrderType.LIMIT, 7000, 1,
                700_000, 350, 0, 0, 0, 0);
        assertThat(check.check(big, message)).isEqualTo(RejectCode.INSUFFICIENT_FUNDS);
        assertThat(message).hasToString("margin=7000.00 + commission=3.50 must be <= available=7003.49");
        message.setLength(0);
        OrderCheck exact = new OrderCheck().set(account(700_350), cu, Side.BUY, Offset.OPEN, OrderType.LIMIT, 7000, 1,
                700_000, 350, 0, 0, 0, 0);
        assertThat(check.check(exact, message)).isNull();
        OrderCheck close = new OrderCheck().set(account(-5), cu, Side.BUY, Offset.CLOSE, OrderType.LIMIT, 7000, 1,
                0, 350, 1, 0, 0, 0);
        assertThat(check.check(close, message)).isNull();
    }

    @Test
    void shouldReportFirstRefusalInConfiguredOrder() {
        OrderCheck o = order(Offset.OPEN, OrderType.LIMIT, 7000, 60, 0, 9);
        RiskChain volumeFirst = new RiskChain(List.of(new OrderVolumeCheck(100), new MaxOpenOrdersCheck(5)));
        RiskChain ordersFirst = new RiskChain(List.of(new MaxOpenOrdersCheck(5), new OrderVolumeCheck(100)));
        assertThat(volumeFirst.check(o, message)).isEqualTo(RejectCode.ORDER_VOLUME_LIMIT);
        message.setLength(0);
        assertThat(ordersFirst.check(o, message)).isEqualTo(RejectCode.OPEN_ORDER_LIMIT);
        message.setLength(0);
        assertThat(RiskChain.none().check(o, message)).isNull();
        assertThat(RiskChain.standard(10, 10, 10).size()).isEqualTo(7);
    }

    @Test
    void shouldGiveTheSameAnswerThroughTheChainAsEachCheckOnItsOwn() {
        registry.setPreSettlementPrice(cu.index(), 7000);
        List<PreTradeCheck> standard = List.of(new InstrumentTradableCheck(), new OrderVolumeCheck(20),
                new PriceBandCheck(), new ClosablePositionCheck(), new MaxPositionCheck(20),
                new MaxOpenOrdersCheck(3), new FundsCheck());
        List<OrderCheck> orders = List.of(order(Offset.OPEN, OrderType.LIMIT, 7000, 1, 0, 0),
                order(Offset.OPEN, OrderType.LIMIT, 6439, 21, 0, 3), order(Offset.CLOSE, OrderType.LIMIT, 7000, 3, 2, 0),
                new OrderCheck().set(account(100), cu, Side.BUY, Offset.OPEN, OrderType.LIMIT, 7000, 6, 700_000, 350,
                        0, 10, 5, 0));
        int refusals = 0;
        for (PreTradeCheck check : standard) {
            RiskChain chain = new RiskChain(List.of(check));
            for (OrderCheck o : orders) {
                StringBuilder alone = new StringBuilder();
                StringBuilder chained = new StringBuilder();
                RejectCode expected = check.check(o, alone);
                assertThat(chain.check(o, chained)).as(check.getClass().getSimpleName()).isEqualTo(expected);
                assertThat(chained).hasToString(alone.toString());
                refusals += expected == null ? 0 : 1;
            }
        }
        assertThat(refusals).as("every check refuses one of the orders at least").isGreaterThanOrEqualTo(7);
    }

    @Test
    void shouldRunChecksOfOtherClassesInTheirPlace() {
        List<String> ran = new java.util.ArrayList<>();
        PreTradeCheck passes = (o, m) -> {
            ran.add("passes");
            return null;
        };
        PreTradeCheck refuses = (o, m) -> {
            ran.add("refuses");
            m.append("custom rule");
            return RejectCode.INVALID_ORDER;
        };
        OrderCheck small = order(Offset.OPEN, OrderType.LIMIT, 7000, 1, 0, 0);
        RiskChain chain = new RiskChain(List.of(passes, new OrderVolumeCheck(100), refuses, new MaxOpenOrdersCheck(5)));
        assertThat(chain.check(small, message)).isEqualTo(RejectCode.INVALID_ORDER);
        assertThat(message).hasToString("custom rule");
        assertThat(ran).containsExactly("passes", "refuses");
        ran.clear();
        OrderCheck large = order(Offset.OPEN, OrderType.LIMIT, 7000, 60, 0, 0);
        assertThat(chain.check(large, message)).isEqualTo(RejectCode.ORDER_VOLUME_LIMIT);
        assertThat(ran).containsExactly("passes");
    }
}
