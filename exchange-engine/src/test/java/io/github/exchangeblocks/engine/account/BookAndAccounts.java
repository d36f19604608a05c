package io.github.exchangeblocks.engine.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.account.OpenOrderView;
import io.github.exchangeblocks.api.book.CancelReason;
import io.github.exchangeblocks.api.book.OrderBook;
import io.github.exchangeblocks.api.book.OrderBookListener;
import io.github.exchangeblocks.api.book.OrderBookView;
import io.github.exchangeblocks.api.book.SelfTradePrevention;
import io.github.exchangeblocks.api.book.TradingPhase;
import io.github.exchangeblocks.engine.book.OrderBookSettings;
import io.github.exchangeblocks.engine.book.OrderBooks;
import io.github.exchangeblocks.engine.instrument.Instrument;
import io.github.exchangeblocks.engine.instrument.InstrumentRegistry;
import io.github.exchangeblocks.engine.risk.RiskChain;

/**
 * A real {@link OrderBook} (copper, band 6440..7560 from a previous settlement of 7000, decrement-and-cancel
 * self-trade prevention) and an {@link AccountBook} driven together the way a venue does: the accounts admit (or
 * amend) an order first, then the book; every book event is mirrored into the accounts (trades as fills of both
 * sides, partial cancels as reduces, cancels). Checks after every step that every order's remaining and frozen
 * figures agree between the two, that both sides of every trade were booked and that money is conserved.
 */
final class BookAndAccounts implements OrderBookListener {
    static final int ACCOUNTS = 4;
    static final int CU = 0;
    static final long DEPOSIT = 200_000_000L;
    final InstrumentRegistry registry = Fixtures.registry();
    final AccountBook accounts;
    final OrderBook book;
    private long now = 1;
    private long nextOrderId = 1;
    int trades;
    int partialCancels;
    int amends;
    int marketOrders;
    int closes;

    BookAndAccounts(AccountConventions conventions) {
        registry.setPreSettlementPrice(CU, 7000);
        accounts = new AccountBook(registry, RiskChain.standard(Long.MAX_VALUE, 1_000, 1_000), conventions);
        Instrument cu = registry.get(CU);
        book = OrderBooks.create(OrderBookSettings.builder().instrumentId(CU).tickSize(1).lotSize(1)
                .maxQuantity(cu.spec().maxOrderVolume()).priceBand(cu.lowerLimitTicks(), cu.upperLimitTicks())
                .selfTradePrevention(SelfTradePrevention.DECREMENT_AND_CANCEL).initialPhase(TradingPhase.CONTINUOUS)
                .build(), this);
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts.openAccount("user" + i);
            accounts.deposit(i, DEPOSIT);
        }
    }

    /** One random command: {@code kind} picks place limit, place market, amend, cancel; the ints parameterise it. */
    void apply(int kind, int a, int b, int c) {
        int account = Math.floorMod(a, ACCOUNTS);
        Side side = (b & 1) == 0 ? Side.BUY : Side.SELL;
        switch (Math.floorMod(kind, 10)) {
            case 0, 1, 2, 3, 4 -> place(account, side, OrderType.LIMIT, 7000 + Math.floorMod(c, 21) - 10,
                    1 + Math.floorMod(b >> 1, 6), b >> 4);
            case 5 -> place(account, side, OrderType.MARKET, OrderBookView.NULL_PRICE, 1 + Math.floorMod(b >> 1, 6),
                    b >> 4);
            case 6, 7 -> amend(account, b, c);
            default -> cancel(account, c);
        }
        now++;
    }

    private void place(int account, Side side, OrderType type, long price, long lots, int choice) {
        Offset offset = offset(account, side, choice);
        long id = nextOrderId++;
        if (!accounts.placeOrder(account, id, CU, side, offset, type, price, lots)) {
            assertThat(accounts.lastRejectCode()).isNotNull();
            return;
        }
        closes += offset == Offset.OPEN ? 0 : 1;
        marketOrders += type == OrderType.MARKET ? 1 : 0;
        TimeInForce tif = type == OrderType.MARKET ? TimeInForce.IOC : TimeInForce.GTC;
        if (!book.placeOrder(now, id, account, side, type, tif, price, lots, 0, false,
                SelfTradePrevention.BOOK_DEFAULT)) {
            assertThat(accounts.cancelOrder(id)).isTrue();
        }
    }

    /** Closes (by today/history as the rule allows) when the account holds the opposite side, else opens. */
    private Offset offset(int account, Side side, int choice) {
        Position p = accounts.position(account, CU);
        if (p == null || Math.floorMod(choice, 3) == 0) {
            return Offset.OPEN;
        }
        int today = side == Side.BUY ? Position.SHORT_TODAY : Position.LONG_TODAY;
        if (p.bucketVolume(today + 1) > p.bucketFrozen(today + 1)) {
            return Offset.CLOSE;
        }
        return p.bucketVolume(today) > p.bucketFrozen(today) ? Offset.CLOSETODAY : Offset.OPEN;
    }

    private void amend(int account, int b, int c) {
        long[] ids = accounts.openOrderIds(account);
        if (ids.length == 0) {
            return;
        }
        long id = ids[Math.floorMod(c, ids.length)];
        OpenOrderView order = accounts.order(id);
        long oldPrice = order.limitPriceTicks();
        long oldVolume = order.remainingVolume();
        long price = (b & 2) == 0 ? oldPrice : oldPrice + Math.floorMod(b >> 2, 7) - 3;
        long volume = 1 + Math.floorMod(b >> 5, 6);
        if (!accounts.amendOrder(id, price, volume)) {
            return;
        }
        if (book.amendOrder(now, id, account, price, volume)) {
            amends++;
        } else {
            assertThat(accounts.amendOrder(id, oldPrice, oldVolume)).as("%s", accounts.lastRejection()).isTrue();
        }
    }

    private void cancel(int account, int c) {
        long[] ids = accounts.openOrderIds(account);
        if (ids.length == 0) {
            return;
        }
        long id = ids[Math.floorMod(c, ids.length)];
        assertThat(book.cancelOrder(now, id, account)).isTrue();
        assertThat(accounts.order(id)).isNull();
    }

    @Override
    public void onTrade(long timestampNs, long tradeId, long makerOrderId, long makerOwnerId, long takerOrderId,
                        long takerOwnerId, Side aggressorSide, long price, long quantity, long makerRemaining,
                        long takerRemaining) {
        assertThat(accounts.fill(makerOrderId, price, quantity)).as("maker %s", accounts.lastRejection()).isTrue();
        assertThat(accounts.lastFill().remainingVolume()).isEqualTo(makerRemaining);
        assertThat(accounts.fill(takerOrderId, price, quantity)).as("taker %s", accounts.lastRejection()).isTrue();
        assertThat(accounts.lastFill().remainingVolume()).isEqualTo(takerRemaining);
        trades++;
    }

    @Override
    public void onCancelled(long timestampNs, long orderId, long ownerId, Side side, long price,
                            long cancelledQuantity, long remainingQuantity, CancelReason reason) {
        if (remainingQuantity > 0) {
            assertThat(accounts.reduceOrder(orderId, cancelledQuantity)).as("%s", accounts.lastRejection()).isTrue();
            partialCancels++;
        } else {
            assertThat(accounts.cancelOrder(orderId)).as("%s", accounts.lastRejection()).isTrue();
        }
    }

    @Override
    public void onRejected(long timestampNs, long orderId, long ownerId, RejectCode code, CharSequence message) {
        assertThat(code).isNotNull();
    }

    /** Every live order agrees between book and accounts; freezes are those of the remaining volume; money holds. */
    void assertAgree() {
        AccountIdentities.assertConsistent(accounts);
        assertThat(accounts.openOrderCount()).isEqualTo(book.orderCount());
        AccountConventions conventions = accounts.conventions();
        Instrument cu = registry.get(CU);
        long balances = 0;
        for (int a = 0; a < ACCOUNTS; a++) {
            for (long id : accounts.openOrderIds(a)) {
                OpenOrderView order = accounts.order(id);
                assertThat(book.containsOrder(id)).isTrue();
                assertThat(order.remainingVolume()).isEqualTo(book.remainingQuantity(id));
                long price = order.freezePriceTicks();
                boolean buy = order.side() == Side.BUY;
                if (order.offset() == Offset.OPEN) {
                    assertThat(order.frozenMargin())
                            .isEqualTo(conventions.margin(cu, buy, price, order.remainingVolume()));
                    assertThat(order.frozenCommission())
                            .isEqualTo(conventions.openCommission(cu, price, order.remainingVolume()));
                } else {
                    assertThat(order.frozenTodayVolume() + order.frozenHisVolume())
                            .isEqualTo(order.remainingVolume());
                    assertThat(order.frozenCommission()).isEqualTo(conventions.closeFreeze(cu, price,
                            order.frozenTodayVolume(), order.frozenHisVolume()));
                }
                if (order.type() == OrderType.MARKET && order.limitPriceTicks() == 0) {
                    assertThat(price).isEqualTo(buy ? cu.upperLimitTicks() : cu.lowerLimitTicks());
                }
            }
            balances += accounts.account(a).balance();
        }
        long longs = 0;
        long shorts = 0;
        for (int a = 0; a < ACCOUNTS; a++) {
            Position p = accounts.position(a, CU);
            longs += p == null ? 0 : p.volumeLong();
            shorts += p == null ? 0 : p.volumeShort();
        }
        assertThat(longs).as("both sides of every trade booked").isEqualTo(shorts);
        assertThat(balances + accounts.feesCollected()).as("money conserved").isEqualTo(ACCOUNTS * DEPOSIT);
    }
}
