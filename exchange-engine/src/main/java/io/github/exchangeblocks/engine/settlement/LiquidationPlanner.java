package io.github.exchangeblocks.engine.settlement;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.instrument.CloseRule;
import io.github.exchangeblocks.api.risk.LiquidationOrder;
import io.github.exchangeblocks.api.risk.LiquidationPlan;
import io.github.exchangeblocks.engine.account.Account;
import io.github.exchangeblocks.engine.account.AccountBook;
import io.github.exchangeblocks.engine.account.CloseSplit;
import io.github.exchangeblocks.engine.account.Position;
import io.github.exchangeblocks.engine.instrument.Instrument;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Plans liquidations. For an account at or above the policy's threshold, the plan first cancels all its open
 * orders (releasing frozen funds and volume), then closes position sides in a deterministic order (largest side
 * margin first, then instrument id, long before short), each by the fewest lots that bring the risk ratio to the
 * target (or entirely under {@code closeAll}, or when the target is out of reach). Effects are computed as if
 * filled at the instrument's mark price: the position profit at that price is realised, so the balance only
 * loses the closing commission, and margin is released by the same proportional rule fills use.
 *
 * <p>Read-only on the book; nothing is executed. History lots are planned before today's (on TODAY_EXPLICIT
 * exchanges as a CLOSE then a CLOSETODAY order; elsewhere as one CLOSE order, split by the close rule).
 */
public final class LiquidationPlanner {
    private static final Comparator<Candidate> ORDER = Comparator.comparingLong((Candidate c) -> -c.margin)
            .thenComparing(c -> c.position.instrumentId())
            .thenComparing(c -> c.longSide ? 0 : 1);

    private final AccountBook book;
    private final LiquidationPolicy policy;

    /**
     * Creates a planner.
     *
     * @param book   the account book, not {@code null}
     * @param policy threshold, target and mode, not {@code null}
     */
    public LiquidationPlanner(AccountBook book, LiquidationPolicy policy) {
        this.book = book;
        this.policy = policy;
    }

    /**
     * Whether an account's risk ratio has reached the threshold.
     *
     * @param accountId the account
     * @return true if {@link #plan} would produce a plan
     */
    public boolean needsLiquidation(int accountId) {
        Account account = book.account(accountId);
        return account != null && account.riskRatioE8() >= policy.thresholdE8();
    }

    /**
     * Plans the liquidation of one account.
     *
     * @param accountId the account
     * @return the plan, or {@code null} if the account is unknown or below the threshold
     */
    public LiquidationPlan plan(int accountId) {
        if (!needsLiquidation(accountId)) {
            return null;
        }
        Account account = book.account(accountId);
        long riskBefore = account.riskRatioE8();
        long[] cancels = book.openOrderIds(accountId);
        long balance = account.balance();
        long margin = account.margin();
        List<Candidate> candidates = new ArrayList<>();
        for (Position p : account.positions()) {
            if (p.volumeLong() > 0) {
                candidates.add(new Candidate(p, true, p.marginLong()));
            }
            if (p.volumeShort() > 0) {
                candidates.add(new Candidate(p, false, p.marginShort()));
            }
        }
        candidates.sort(ORDER);
        List<LiquidationOrder> orders = new ArrayList<>();
        for (Candidate c : candidates) {
            if (!policy.closeAll() && Account.riskRatioE8(margin, balance) <= policy.targetE8()) {
                break;
            }
            long total = c.today() + c.his();
            long lots = policy.closeAll() ? total : fewestLots(c, margin, balance, total);
            long[] effect = c.effect(lots);
            margin -= effect[0];
            balance -= effect[1];
            emit(c, lots, orders);
        }
        List<Long> cancelList = new ArrayList<>(cancels.length);
        Arrays.stream(cancels).forEach(cancelList::add);
        long riskAfter = Account.riskRatioE8(margin, balance);
        return new LiquidationPlan(accountId, riskBefore, cancelList, orders, balance, margin, riskAfter,
                riskAfter <= policy.targetE8());
    }

    private long fewestLots(Candidate c, long margin, long balance, long total) {
        long lo = 1;
        long hi = total;
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            long[] effect = c.effect(mid);
            if (Account.riskRatioE8(margin - effect[0], balance - effect[1]) <= policy.targetE8()) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private void emit(Candidate c, long lots, List<LiquidationOrder> orders) {
        Position p = c.position;
        Instrument instrument = p.instrument();
        long price = book.markPriceTicks(instrument.index());
        Side side = c.longSide ? Side.SELL : Side.BUY;
        long his = Math.min(lots, c.his());
        long today = lots - his;
        if (instrument.closeRule() == CloseRule.TODAY_EXPLICIT) {
            if (his > 0) {
                orders.add(order(c, side, Offset.CLOSE, price, 0, his));
            }
            if (today > 0) {
                orders.add(order(c, side, Offset.CLOSETODAY, price, today, 0));
            }
            return;
        }
        long todayPart = CloseSplit.todayPart(instrument.closeRule(), Offset.CLOSE, c.today(), c.his(), lots);
        orders.add(order(c, side, Offset.CLOSE, price, todayPart, lots - todayPart));
    }

    private static LiquidationOrder order(Candidate c, Side side, Offset offset, long price, long today, long his) {
        long margin = Position.share(c.position.bucketMargin(c.bucketToday()), today, Math.max(1, c.today()))
                + Position.share(c.position.bucketMargin(c.bucketToday() + 1), his, Math.max(1, c.his()));
        Instrument instrument = c.position.instrument();
        long commission = instrument.commission(Instrument.COMMISSION_CLOSE_TODAY, price, today)
                + instrument.commission(Instrument.COMMISSION_CLOSE, price, his);
        return new LiquidationOrder(c.position.instrumentId(), side, offset, today + his, price, today, his, margin,
                commission);
    }

    /** One side of one position: lots by bucket and how closing some of them changes margin and balance. */
    private final class Candidate {
        final Position position;
        final boolean longSide;
        final long margin;

        Candidate(Position position, boolean longSide, long margin) {
            this.position = position;
            this.longSide = longSide;
            this.margin = margin;
        }

        int bucketToday() {
            return longSide ? Position.LONG_TODAY : Position.SHORT_TODAY;
        }

        long today() {
            return position.bucketVolume(bucketToday());
        }

        long his() {
            return position.bucketVolume(bucketToday() + 1);
        }

        /** {margin released, commission} of closing {@code lots}, history first on TODAY_EXPLICIT. */
        long[] effect(long lots) {
            Instrument instrument = position.instrument();
            CloseRule rule = instrument.closeRule();
            long today = rule == CloseRule.TODAY_EXPLICIT
                    ? lots - Math.min(lots, his()) : CloseSplit.todayPart(rule, Offset.CLOSE, today(), his(), lots);
            long his = lots - today;
            long price = book.markPriceTicks(instrument.index());
            long released = (today > 0 ? Position.share(position.bucketMargin(bucketToday()), today, today()) : 0)
                    + (his > 0 ? Position.share(position.bucketMargin(bucketToday() + 1), his, his()) : 0);
            long commission = instrument.commission(Instrument.COMMISSION_CLOSE_TODAY, price, today)
                    + instrument.commission(Instrument.COMMISSION_CLOSE, price, his);
            return new long[] {released, commission};
        }
    }
}
