package io.github.exchangeblocks.engine.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.engine.instrument.InstrumentRegistry;
import io.github.exchangeblocks.engine.risk.RiskChain;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives an account book and the oracle with the same random operations, under one set of venue conventions. Fills
 * always come in matched pairs: a BUY order of one account and a SELL order of another, same instrument, the BUY
 * limit at or above the SELL limit, filled by the same volume at one price between the two limits, so futures stay
 * zero-sum and money is conserved across accounts plus collected fees. Orders may be reduced or amended in between
 * (then a pair may no longer cross: its fill must be refused for the price and change nothing).
 */
final class Scenario {
    static final int ACCOUNTS = 6;
    /** Two accounts in three start with 5,000,000.00 (the others start empty and meet funds refusals). */
    static final long INITIAL_DEPOSIT = 500_000_000L;
    private static final long[] BASE = {7000, 3000, 20000};

    /** One random operation: a kind and four raw parameters the interpreter reduces to valid-ish ranges. */
    record Op(int kind, int a, int b, int c, int d) {
    }

    final InstrumentRegistry registry = Fixtures.registry();
    final AccountBook book;
    final AccountOracle oracle;
    int amends;
    int reduces;
    int priceRefusals;
    private final List<long[]> pairs = new ArrayList<>();
    long netDeposits;
    int openFills;
    int closeFills;
    int settlements;
    int rejectedOrders;
    final java.util.Map<io.github.exchangeblocks.api.RejectCode, Integer> rejectCounts = new java.util.TreeMap<>();
    long nextOrderId = 1;
    int day = 20250101;

    Scenario() {
        this(AccountConventions.defaults());
    }

    Scenario(AccountConventions conventions) {
        book = new AccountBook(registry, RiskChain.standard(Long.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE),
                conventions);
        oracle = new AccountOracle(List.of(Fixtures.cu(), Fixtures.m(), Fixtures.index()), conventions);
        for (int i = 0; i < ACCOUNTS; i++) {
            book.openAccount("user" + i);
            oracle.openAccount();
            if (i % 3 != 2) {
                book.deposit(i, INITIAL_DEPOSIT);
                oracle.deposit(i, INITIAL_DEPOSIT);
                netDeposits += INITIAL_DEPOSIT;
            }
        }
    }

    void apply(Op op) {
        int account = Math.floorMod(op.a(), ACCOUNTS);
        int ins = Math.floorMod(op.b(), BASE.length);
        switch (op.kind()) {
            case 0 -> {
                long amount = 1 + Math.floorMod(op.c(), 2_000_000_000);
                assertThat(book.deposit(account, amount)).isEqualTo(oracle.deposit(account, amount));
                netDeposits += amount;
            }
            case 1 -> {
                long amount = Math.floorMod(op.c(), 1_000_000_000);
                boolean done = book.withdraw(account, amount);
                assertThat(done).isEqualTo(oracle.withdraw(account, amount));
                netDeposits -= done ? amount : 0;
            }
            case 2 -> trade(account, ins, op);
            case 3 -> fillMore(op);
            case 4 -> cancel(op);
            case 5 -> {
                long price = BASE[ins] + Math.floorMod(op.c(), 401) - 200;
                assertThat(book.markPrice(ins, price)).isTrue();
                oracle.mark[ins] = price;
            }
            case 6 -> settle(op);
            case 7 -> reduce(op);
            default -> amend(op);
        }
    }

    private void trade(int buyer, int ins, Op op) {
        int seller = (buyer + 1 + Math.floorMod(op.d(), ACCOUNTS - 1)) % ACCOUNTS;
        long price = BASE[ins] + Math.floorMod(op.c(), 401) - 200;
        long lots = 1 + Math.floorMod(op.c() >> 9, 8);
        Offset buyOffset = offset(buyer, ins, false, Math.floorMod(op.d() >> 2, 4));
        Offset sellOffset = offset(seller, ins, true, Math.floorMod(op.d() >> 4, 4));
        if ((op.d() & 1) == 0) {
            lots = Math.max(1, Math.min(lots, Math.min(closable(buyer, ins, false, buyOffset),
                    closable(seller, ins, true, sellOffset))));
        }
        long spread = Math.floorMod(op.a() >> 8, 4);
        long buyId = place(buyer, ins, Side.BUY, buyOffset, price + spread, lots);
        long sellId = place(seller, ins, Side.SELL, sellOffset, price - Math.floorMod(op.a() >> 10, 3), lots);
        if (buyId > 0 && sellId > 0) {
            pairs.add(new long[] {buyId, sellId});
            long first = 1 + Math.floorMod(op.d() >> 6, lots);
            fillPair(pairs.size() - 1, price, first);
        }
    }

    private long closable(int account, int ins, boolean closesLong, Offset offset) {
        AccountOracle.Pos p = oracle.accounts.get(account).positions.get(ins);
        if (offset == Offset.OPEN || p == null) {
            return Long.MAX_VALUE;
        }
        int today = closesLong ? 0 : 2;
        long todayFree = p.vol[today] - p.frozen[today];
        long hisFree = p.vol[today + 1] - p.frozen[today + 1];
        return CloseSplit.closable(registry.get(ins).closeRule(), offset, todayFree, hisFree);
    }

    /** Mostly closes when the account holds the opposite side, otherwise a random offset. */
    private Offset offset(int account, int ins, boolean closesLong, int choice) {
        AccountOracle.Pos p = oracle.accounts.get(account).positions.get(ins);
        int today = closesLong ? 0 : 2;
        if (p != null && choice > 0) {
            long todayFree = p.vol[today] - p.frozen[today];
            long hisFree = p.vol[today + 1] - p.frozen[today + 1];
            if (hisFree > 0 && (choice == 1 || todayFree == 0)) {
                return Offset.CLOSE;
            }
            if (todayFree > 0) {
                return choice == 2 ? Offset.CLOSE : Offset.CLOSETODAY;
            }
        }
        return choice == 3 ? Offset.CLOSE : Offset.OPEN;
    }

    private long place(int account, int ins, Side side, Offset offset, long price, long lots) {
        long id = nextOrderId++;
        boolean accepted = book.placeOrder(account, id, ins, side, offset, OrderType.LIMIT, price, lots);
        assertThat(accepted).as("book %s vs oracle", book.lastRejection())
                .isEqualTo(oracle.place(id, account, ins, side, offset, price, lots));
        rejectedOrders += accepted ? 0 : 1;
        if (!accepted) {
            rejectCounts.merge(book.lastRejection().code(), 1, Integer::sum);
        }
        return accepted ? id : -1;
    }

    private void fillPair(int index, long price, long lots) {
        long[] pair = pairs.get(index);
        AccountOracle.Ord buy = oracle.orders.get(pair[0]);
        AccountOracle.Ord sell = oracle.orders.get(pair[1]);
        lots = Math.min(lots, Math.min(buy.remaining, sell.remaining));
        if (price > buy.price || price < sell.price) {
            long hash = book.stateHash();
            long bad = price > buy.price ? pair[0] : pair[1];
            assertThat(book.fill(bad, price, lots)).isFalse();
            assertThat(book.lastRejectCode())
                    .isEqualTo(io.github.exchangeblocks.api.RejectCode.FILL_PRICE_OUTSIDE_LIMIT);
            assertThat(book.stateHash()).isEqualTo(hash);
            priceRefusals++;
            return;
        }
        for (long id : pair) {
            if (oracle.orders.get(id).offset == Offset.OPEN) {
                openFills++;
            } else {
                closeFills++;
            }
        }
        assertThat(book.fill(pair[0], price, lots)).as("%s", book.lastRejection()).isTrue();
        assertFillFigures(pair[0], price, lots);
        oracle.fill(pair[0], price, lots);
        assertThat(book.fill(pair[1], price, lots)).as("%s", book.lastRejection()).isTrue();
        assertFillFigures(pair[1], price, lots);
        oracle.fill(pair[1], price, lots);
        if (book.remainingVolume(pair[0]) < 0 || book.remainingVolume(pair[1]) < 0) {
            pairs.remove(index);
        }
    }

    /** The book's per-fill figures: commission and lots as the oracle's order and rules say, position after. */
    private void assertFillFigures(long id, long price, long lots) {
        io.github.exchangeblocks.api.account.FillView fill = book.lastFill();
        AccountOracle.Ord o = oracle.orders.get(id);
        assertThat(fill.orderId()).isEqualTo(id);
        assertThat(fill.volume()).isEqualTo(lots);
        assertThat(fill.priceTicks()).isEqualTo(price);
        assertThat(fill.closedTodayVolume() + fill.closedHisVolume()).isEqualTo(o.offset == Offset.OPEN ? 0 : lots);
        long expected = o.offset == Offset.OPEN
                ? oracle.fee(o.ins, oracle.specs.get(o.ins).openCommission(), price, lots)
                : oracle.closeFee(o.ins, price, fill.closedTodayVolume(), fill.closedHisVolume());
        assertThat(fill.commission()).isEqualTo(expected);
        assertThat(fill.remainingVolume()).isEqualTo(o.remaining - lots);
        Position p = book.position(o.acct, o.ins);
        assertThat(fill.positionLongAfter()).isEqualTo(p.volumeLong());
        assertThat(fill.positionShortAfter()).isEqualTo(p.volumeShort());
    }

    private void fillMore(Op op) {
        if (pairs.isEmpty()) {
            return;
        }
        int index = Math.floorMod(op.c(), pairs.size());
        long[] pair = pairs.get(index);
        long remaining = book.remainingVolume(pair[0]);
        long high = oracle.orders.get(pair[0]).price;
        long low = oracle.orders.get(pair[1]).price;
        long price = high >= low ? low + Math.floorMod(op.d(), high - low + 1) : high + Math.floorMod(op.d(), 2);
        fillPair(index, price, 1 + Math.floorMod(op.d() >> 5, remaining));
    }

    private void cancel(Op op) {
        if (oracle.orders.isEmpty()) {
            assertThat(book.cancelOrder(1 + Math.floorMod(op.c(), 1000))).isFalse();
            return;
        }
        List<Long> ids = new ArrayList<>(oracle.orders.keySet());
        long id = ids.get(Math.floorMod(op.c(), ids.size()));
        assertThat(book.cancelOrder(id)).isTrue();
        oracle.cancel(id);
        pairs.removeIf(p -> p[0] == id || p[1] == id);
    }

    private void reduce(Op op) {
        if (oracle.orders.isEmpty()) {
            assertThat(book.reduceOrder(1 + Math.floorMod(op.c(), 1000), 1)).isFalse();
            return;
        }
        List<Long> ids = new ArrayList<>(oracle.orders.keySet());
        long id = ids.get(Math.floorMod(op.c(), ids.size()));
        long lots = 1 + Math.floorMod(op.d(), oracle.orders.get(id).remaining);
        assertThat(book.reduceOrder(id, lots)).isTrue();
        oracle.reduce(id, lots);
        pairs.removeIf(p -> book.remainingVolume(p[0]) < 0 || book.remainingVolume(p[1]) < 0);
        reduces++;
    }

    private void amend(Op op) {
        if (oracle.orders.isEmpty()) {
            return;
        }
        List<Long> ids = new ArrayList<>(oracle.orders.keySet());
        long id = ids.get(Math.floorMod(op.c(), ids.size()));
        AccountOracle.Ord o = oracle.orders.get(id);
        long price = (op.d() & 1) == 0 ? o.price : o.price + Math.floorMod(op.d() >> 1, 11) - 5;
        long lots = 1 + Math.floorMod(op.d() >> 5, 8);
        long hash = book.stateHash();
        boolean done = book.amendOrder(id, price, lots);
        assertThat(done).as("book %s vs oracle", book.lastRejection()).isEqualTo(oracle.amend(id, price, lots));
        if (!done) {
            assertThat(book.stateHash()).isEqualTo(hash);
        }
        amends += done ? 1 : 0;
    }

    private void settle(Op op) {
        for (long id : new ArrayList<>(oracle.orders.keySet())) {
            assertThat(book.cancelOrder(id)).isTrue();
            oracle.cancel(id);
        }
        pairs.clear();
        long[] prices = new long[BASE.length];
        for (int i = 0; i < prices.length; i++) {
            long mark = book.markPriceTicks(i);
            prices[i] = (mark == 0 ? BASE[i] : mark) + Math.floorMod(op.c() >> i, 41) - 20;
        }
        day++;
        List<io.github.exchangeblocks.api.settlement.AccountStatement> statements = new ArrayList<>();
        assertThat(book.settle(day, prices, statements)).as("%s", book.lastRejection()).isTrue();
        assertThat(statements).hasSize(ACCOUNTS);
        for (int i = 0; i < prices.length; i++) {
            registry.setPreSettlementPrice(i, prices[i]);
        }
        oracle.settle(day, prices);
        settlements++;
    }

    /** Compares every account and position field with the oracle, and checks the book's own invariants. */
    void assertMatchesOracle() {
        AccountIdentities.assertConsistent(book);
        long balances = 0;
        for (int a = 0; a < ACCOUNTS; a++) {
            Account x = book.account(a);
            AccountOracle.Acct y = oracle.accounts.get(a);
            assertThat(x.preBalance()).isEqualTo(y.pre);
            assertThat(x.deposit()).isEqualTo(y.dep);
            assertThat(x.withdraw()).isEqualTo(y.wd);
            assertThat(x.closeProfit()).isEqualTo(y.closeProfit);
            assertThat(x.commission()).isEqualTo(y.commission);
            assertThat(x.margin()).isEqualTo(oracle.margin(a));
            assertThat(x.frozenMargin()).isEqualTo(oracle.frozenMargin(a));
            assertThat(x.frozenCommission()).isEqualTo(oracle.frozenCommission(a));
            assertThat(x.positionProfit()).isEqualTo(oracle.positionProfit(a));
            assertThat(x.balance()).isEqualTo(oracle.balance(a));
            assertThat(x.available()).isEqualTo(oracle.available(a));
            for (var e : y.positions.entrySet()) {
                Position p = book.position(a, e.getKey());
                assertThat(p).isNotNull();
                assertThat(p.volume).containsExactly(e.getValue().vol);
                assertThat(p.frozen).containsExactly(e.getValue().frozen);
                assertThat(p.positionCost).containsExactly(e.getValue().posCost);
                assertThat(p.openCost).containsExactly(e.getValue().openCost);
                assertThat(p.margin).containsExactly(e.getValue().margin);
            }
            assertThat(x.positions).hasSize(y.positions.size());
            balances += x.balance();
        }
        for (var e : oracle.orders.entrySet()) {
            io.github.exchangeblocks.api.account.OpenOrderView view = book.order(e.getKey());
            AccountOracle.Ord o = e.getValue();
            assertThat(view.remainingVolume()).isEqualTo(o.remaining);
            assertThat(view.freezePriceTicks()).isEqualTo(o.price);
            assertThat(view.frozenMargin()).isEqualTo(oracle.orderFrozenMargin(o));
            assertThat(view.frozenCommission()).isEqualTo(oracle.orderFrozenCommission(o));
            assertThat(view.frozenTodayVolume()).isEqualTo(o.frozenToday);
            assertThat(view.frozenHisVolume()).isEqualTo(o.frozenHis);
        }
        assertThat(book.openOrderCount()).isEqualTo(oracle.orders.size());
        assertThat(book.feesCollected()).isEqualTo(oracle.fees);
        assertThat(balances + book.feesCollected()).as("money conserved").isEqualTo(netDeposits);
    }
}
