package io.github.exchangeblocks.examples.exchange;

import io.github.exchangeblocks.api.account.AccountView;
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
                }
            }
        }
    }
}
