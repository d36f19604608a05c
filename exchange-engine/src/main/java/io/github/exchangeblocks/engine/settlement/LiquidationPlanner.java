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
 * target (or entirely under {@code closeAll}, or when the target is out of reach), in whole multiples of the
 * lot size. Effects are computed as if filled at the instrument's mark price: the position profit at that price
 * is realised, so the balance only loses the closing commission, and margin is released by the same proportional
 * rule fills use.
 *
 * <p>Every planned order is one the account book accepts: a closing volume larger than the instrument's
 * {@code maxOrderVolume} is split into orders of at most that many lots (the largest multiple of the lot size
 * that fits), and the plan's figures are worked out order by order, in execution order, as the fills will book
 * them (each fill releases its proportional share of what the bucket then holds and pays its own commission).
 *
 * <p>Read-only on the book; nothing is executed. History lots are planned before today's (on TODAY_EXPLICIT
 * exchanges as CLOSE orders then CLOSETODAY orders; elsewhere as CLOSE orders, each split by the close rule).
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
            long[] effect = c.close(lots, orders);
            margin -= effect[0];
            balance -= effect[1];
        }
        List<Long> cancelList = new ArrayList<>(cancels.length);
        Arrays.stream(cancels).forEach(cancelList::add);
        long riskAfter = Account.riskRatioE8(margin, balance);
        return new LiquidationPlan(accountId, riskBefore, cancelList, orders, balance, margin, riskAfter,
                riskAfter <= policy.targetE8());
    }

    /** The fewest lots, a multiple of the lot size, whose closing brings the ratio to the target; else all. */
    private long fewestLots(Candidate c, long margin, long balance, long total) {
        long lot = c.position.instrument().spec().lotSize();
        long lo = 1;
        long hi = total / lot;
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            long[] effect = c.close(mid * lot, null);
            if (Account.riskRatioE8(margin - effect[0], balance - effect[1]) <= policy.targetE8()) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo * lot;
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

        /**
         * Closes {@code lots} (a multiple of the lot size) the way the plan's orders will: in orders of at most
         * the instrument's maximum volume, history first on TODAY_EXPLICIT, each order split by the close rule
         * against what the buckets then hold. Adds the orders to {@code orders} unless it is {@code null}.
         *
         * @return {margin released, commission} over all the orders
         */
        long[] close(long lots, List<LiquidationOrder> orders) {
            Instrument instrument = position.instrument();
            CloseRule rule = instrument.closeRule();
            long lot = instrument.spec().lotSize();
            long maxOrder = instrument.spec().maxOrderVolume() / lot * lot;
            long price = book.markPriceTicks(instrument.index());
            Side side = longSide ? Side.SELL : Side.BUY;
            long[] volume = {today(), his()};
            long[] margin = {position.bucketMargin(bucketToday()), position.bucketMargin(bucketToday() + 1)};
            long released = 0;
            long commission = 0;
            long left = lots;
            while (left > 0) {
                long size = Math.min(left, maxOrder);
                Offset offset = Offset.CLOSE;
                if (rule == CloseRule.TODAY_EXPLICIT) {
                    // History first: a CLOSE order takes history only, a CLOSETODAY order today's lots only.
                    size = volume[1] > 0 ? Math.min(size, volume[1]) : size;
                    offset = volume[1] > 0 ? Offset.CLOSE : Offset.CLOSETODAY;
                }
                long today = CloseSplit.todayPart(rule, offset, volume[0], volume[1], size);
                long his = size - today;
                long orderMargin = take(volume, margin, 0, today) + take(volume, margin, 1, his);
                long orderCommission = book.conventions().closeCommission(instrument, price, today, his);
                if (orders != null) {
                    orders.add(new LiquidationOrder(position.instrumentId(), side, offset, size, price, today, his,
                            orderMargin, orderCommission));
                }
                released += orderMargin;
                commission += orderCommission;
                left -= size;
            }
            return new long[] {released, commission};
        }

        /** Takes {@code lots} out of bucket {@code b} as a fill does; returns the margin it releases. */
        private long take(long[] volume, long[] margin, int b, long lots) {
            if (lots == 0) {
                return 0;
            }
            long share = Position.share(margin[b], lots, volume[b]);
            volume[b] -= lots;
            margin[b] -= share;
            return share;
        }
    }
}
