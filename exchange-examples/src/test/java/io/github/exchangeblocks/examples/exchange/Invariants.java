package io.github.exchangeblocks.examples.exchange;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.account.AccountView;
import io.github.exchangeblocks.api.account.OpenOrderView;
import io.github.exchangeblocks.api.account.PositionView;
import io.github.exchangeblocks.api.book.OrderBookView;
import io.github.exchangeblocks.api.book.TradingPhase;
import io.github.exchangeblocks.engine.venue.Venue;

import static org.assertj.core.api.Assertions.assertThat;

/** The exchange's invariants, checked after every command in the properties. */
final class Invariants {
    private Invariants() {
    }

    static void check(ExchangeState state) {
        Venue venue = state.venue();
        long pnl = 0;
        for (int a = 0; a < venue.accountCount(); a++) {
            AccountView account = venue.account(a);
            assertThat(account.available()).isEqualTo(account.balance() - account.margin() - account.frozenMargin()
                    - account.frozenCommission());
            assertThat(account.balance()).isEqualTo(account.staticBalance() + account.closeProfit()
                    - account.commission() + account.positionProfit());
            pnl += account.balance() - venue.lifetimeNetDeposits(a) + venue.lifetimeFees(a);
        }
        assertThat(pnl).as("money conserved across accounts plus fees").isZero();
        for (int a = 0; a < venue.accountCount(); a++) {
            long margin = 0;
            for (int i = 0; i < venue.instrumentCount(); i++) {
                PositionView position = venue.position(a, i);
                margin += position == null ? 0 : position.marginLong() + position.marginShort();
            }
            assertThat(venue.account(a).margin()).as("account %d margin is its positions' margin", a)
                    .isEqualTo(margin);
        }
        for (int i = 0; i < venue.instrumentCount(); i++) {
            OrderBookView book = venue.book(i);
            if (book.phase() == TradingPhase.CONTINUOUS && book.bestBidPrice() != OrderBookView.NULL_PRICE
                    && book.bestAskPrice() != OrderBookView.NULL_PRICE) {
                assertThat(book.bestBidPrice()).as("book %d uncrossed", i).isLessThan(book.bestAskPrice());
            }
        }
        for (int a = 0; a < venue.accountCount(); a++) {
            String user = venue.account(a).userName();
            for (OrderRecord order : state.orders(user)) {
                if (order.alive()) {
                    int index = venue.registry().indexOf(order.instrumentId());
                    assertThat(venue.book(index).remainingQuantity(order.orderId())).isEqualTo(order.volumeLeft());
                    assertThat(venue.remainingVolume(order.orderId())).isEqualTo(order.volumeLeft());
                    // Margin rates change only at the settlement, when no order works: an opening order's frozen
                    // margin is that of its remaining volume at the rate in force.
                    OpenOrderView view = venue.orderView(order.orderId());
                    long expected = view.offset() != Offset.OPEN ? 0 : venue.registry().get(index).margin(
                            view.side() == Side.BUY, view.freezePriceTicks(), view.remainingVolume(),
                            venue.settings().conventions().marginRounding());
                    assertThat(view.frozenMargin()).as("frozen margin of %s", order.clientOrderId())
                            .isEqualTo(expected);
                }
            }
        }
    }
}
