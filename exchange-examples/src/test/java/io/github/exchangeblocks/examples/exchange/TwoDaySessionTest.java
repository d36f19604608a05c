package io.github.exchangeblocks.examples.exchange;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.settlement.AccountStatement;
import io.github.exchangeblocks.engine.venue.VenueSettings;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.CancelOrder;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.Deposit;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.EndTradingDay;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.InsertOrder;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.Liquidate;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.MarkPrice;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.RegisterUser;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.Withdraw;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two trading days of copper (SHFE rules: today's lots closed with CLOSETODAY) with hand-checked figures. One
 * tick on one lot is 50.00 yuan (5,000 cents); margin 10%; commission 3.00 yuan (300 cents) per lot.
 */
class TwoDaySessionTest {
    private static final String CU = Defaults.COPPER.instrumentId();
    private final Map<String, AccountStatement> statements = new HashMap<>();
    private final ExchangeState state = new ExchangeState(VenueSettings.builder().build(), 20261207,
            new ExchangeListener() {
                @Override
                public void onSettlement(String user, AccountStatement statement) {
                    statements.put(user + " " + statement.tradingDay(), statement);
                }
            });
    private long time = 1;

    private RejectCode apply(ExchangeCommand command) {
        RejectCode code = state.apply(time++, command);
        Invariants.check(state);
        return code;
    }

    private static InsertOrder order(String user, String id, Side side, Offset offset, TimeInForce tif, long price,
                                     long volume) {
        return new InsertOrder(user, id, CU, side, offset, OrderType.LIMIT, tif, price, volume, 0);
    }

    private OrderRecord record(String user, String clientId) {
        return state.orders(user).stream().filter(o -> o.clientOrderId().equals(clientId)).findFirst().orElseThrow();
    }

    @Test
    void shouldMatchHandCheckedFiguresOverTwoDaysWithFillsCancelsTransfersSettlementAndLiquidation() {
        for (ExchangeCommand c : Defaults.bootstrap(List.of(Defaults.COPPER), List.of("alice", "bob"), 100_000_000)) {
            assertThat(apply(c)).isNull();
        }
        assertThat(apply(new RegisterUser("carol"))).isNull();
        assertThat(apply(new Deposit("carol", 4_000_000))).isNull();

        // Day 1: alice bids 3 at 7,000; bob sells 2 into it; alice cancels the rest.
        assertThat(apply(order("alice", "a1", Side.BUY, Offset.OPEN, TimeInForce.GTC, 7_000, 3))).isNull();
        assertThat(state.account("alice").frozenMargin()).isEqualTo(10_500_000);
        assertThat(apply(order("bob", "b1", Side.SELL, Offset.OPEN, TimeInForce.IOC, 7_000, 2))).isNull();
        assertThat(record("alice", "a1").volumeLeft()).isEqualTo(1);
        assertThat(state.account("alice").margin()).isEqualTo(7_000_000);
        assertThat(state.account("alice").commission()).isEqualTo(600);
        assertThat(apply(new CancelOrder("alice", "a1"))).isNull();
        assertThat(record("alice", "a1").alive()).isFalse();
        assertThat(record("alice", "a1").lastMessage()).isEqualTo("cancelled: USER");
        assertThat(state.account("alice").frozenMargin()).isZero();
        assertThat(apply(order("bob", "b1", Side.SELL, Offset.OPEN, TimeInForce.IOC, 7_000, 1)))
                .isEqualTo(RejectCode.EXCHANGE_DUPLICATE_CLIENT_ORDER_ID);
        assertThat(apply(new Withdraw("bob", 1_000_000))).isNull();
        assertThat(apply(new MarkPrice(CU, 7_010))).isNull();
        assertThat(state.account("alice").positionProfit()).isEqualTo(100_000);
        assertThat(apply(new EndTradingDay(20261208, Map.of(CU, 7_020L)))).isNull();

        // Settled at 7,020: +/-20 ticks x 2 lots x 5,000 = 200,000; margin 7,020 x 5,000 x 2 x 10% = 7,020,000.
        assertThat(statements.get("alice 20261207")).satisfies(s -> {
            assertThat(s.balance()).isEqualTo(100_199_400);
            assertThat(s.positionProfit()).isEqualTo(200_000);
            assertThat(s.margin()).isEqualTo(7_020_000);
            assertThat(s.commission()).isEqualTo(600);
        });
        assertThat(statements.get("bob 20261207")).satisfies(s -> {
            assertThat(s.balance()).isEqualTo(98_799_400);
            assertThat(s.withdraw()).isEqualTo(1_000_000);
            assertThat(s.positionProfit()).isEqualTo(-200_000);
        });
        assertThat(state.orders("alice")).isEmpty();

        // Day 2: history lots close against the settlement price; carol opens and is liquidated after a mark.
        assertThat(apply(order("alice", "a2", Side.SELL, Offset.CLOSETODAY, TimeInForce.GTC, 7_030, 1)))
                .isEqualTo(RejectCode.INSUFFICIENT_POSITION);
        assertThat(apply(order("alice", "a3", Side.SELL, Offset.CLOSE, TimeInForce.GTC, 7_030, 1))).isNull();
        assertThat(apply(order("bob", "b2", Side.BUY, Offset.AUTO, TimeInForce.IOC, 7_030, 1))).isNull();
        assertThat(record("bob", "b2").offset()).isEqualTo(Offset.CLOSE);
        assertThat(state.account("alice").closeProfit()).isEqualTo(50_000);
        assertThat(state.account("bob").closeProfit()).isEqualTo(-50_000);
        assertThat(apply(order("carol", "c1", Side.BUY, Offset.OPEN, TimeInForce.GTC, 7_030, 1))).isNull();
        assertThat(apply(order("alice", "a4", Side.SELL, Offset.OPEN, TimeInForce.IOC, 7_030, 1))).isNull();
        assertThat(state.account("carol").margin()).isEqualTo(3_515_000);
        assertThat(apply(order("bob", "b3", Side.BUY, Offset.OPEN, TimeInForce.GTC, 6_900, 1))).isNull();
        // The mark leaves carol at 4,000,000 - 300 - 130 ticks x 5,000 = 3,349,700 against 3,515,000 of margin:
        // over 100%, so the same command liquidates her into bob's bid (another 300 of commission).
        assertThat(apply(new MarkPrice(CU, 6_900))).isNull();
        assertThat(state.account("carol").balance()).isEqualTo(3_349_400);
        assertThat(apply(new Liquidate())).isNull();
        assertThat(state.trades("carol")).hasSize(2).last().satisfies(t -> {
            assertThat(t.offset()).isEqualTo(Offset.CLOSETODAY);
            assertThat(t.priceTicks()).isEqualTo(6_900);
            assertThat(t.closeProfit()).isEqualTo(-650_000);
        });
        assertThat(state.account("carol").margin()).isZero();
        assertThat(apply(new EndTradingDay(20261209, Map.of(CU, 6_950L)))).isNull();

        // alice: long 1 history (basis 7,020) -350,000, short 1 today (7,030) +400,000; two lots margined at 6,950.
        assertThat(statements.get("alice 20261208")).satisfies(s -> {
            assertThat(s.preBalance()).isEqualTo(100_199_400);
            assertThat(s.closeProfit()).isEqualTo(50_000);
            assertThat(s.commission()).isEqualTo(600);
            assertThat(s.positionProfit()).isEqualTo(50_000);
            assertThat(s.balance()).isEqualTo(100_298_800);
            assertThat(s.margin()).isEqualTo(6_950_000);
        });
        assertThat(statements.get("bob 20261208").balance()).isEqualTo(99_348_800);
        assertThat(statements.get("carol 20261208")).satisfies(s -> {
            assertThat(s.closeProfit()).isEqualTo(-650_000);
            assertThat(s.commission()).isEqualTo(600);
            assertThat(s.balance()).isEqualTo(3_349_400);
        });
        // Money: 203,000,000 in, 3,000 of fees out.
        long balances = statements.get("alice 20261208").balance() + statements.get("bob 20261208").balance()
                + statements.get("carol 20261208").balance();
        assertThat(balances).isEqualTo(203_000_000 - 3_000);
    }
}
