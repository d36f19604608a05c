package io.github.exchangeblocks.engine.account;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.instrument.CloseRule;
import io.github.exchangeblocks.api.instrument.CommissionRate;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.api.instrument.Rounding;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reference model of the account book, written for obviousness: BigInteger rounding, aggregates recomputed from
 * scratch (margin, profits and freezes are sums over positions and orders), no pooling or incremental deltas.
 * Implements the same rules: freeze at the order price, proportional floor release on close, margin and commission
 * rounded as the conventions say (a mixed close's commission rounded once or per part), closing commission frozen
 * or not, flat positions kept or dropped at settlement, history/today splits per close rule, band, closable and
 * funds checks; amend as "take the order out and place it again", reduce keeping the lots fills take first.
 */
final class AccountOracle {
    final List<InstrumentSpec> specs;
    final AccountConventions conventions;
    final long[] tickValue;
    final long[] mark;
    final long[] preSettlement;
    final List<Acct> accounts = new ArrayList<>();
    final TreeMap<Long, Ord> orders = new TreeMap<>();
    long fees;
    int lastDay;

    static final class Acct {
        long pre;
        long dep;
        long wd;
        long closeProfit;
        long commission;
        final TreeMap<Integer, Pos> positions = new TreeMap<>();
    }

    static final class Pos {
        final long[] vol = new long[4];
        final long[] frozen = new long[4];
        final long[] openCost = new long[4];
        final long[] posCost = new long[4];
        final long[] margin = new long[4];
    }

    static final class Ord {
        int acct;
        int ins;
        Side side;
        Offset offset;
        long price;
        long remaining;
        long frozenToday;
        long frozenHis;
    }

    AccountOracle(List<InstrumentSpec> specs, AccountConventions conventions) {
        this.specs = specs;
        this.conventions = conventions;
        tickValue = new long[specs.size()];
        mark = new long[specs.size()];
        preSettlement = new long[specs.size()];
        for (int i = 0; i < specs.size(); i++) {
            InstrumentSpec s = specs.get(i);
            tickValue[i] = s.tickSize() * s.volumeMultiple() * 100 / BigInteger.TEN.pow(s.priceScale()).longValue();
        }
    }

    static long ceilDiv(long a, long b, long c) {
        BigInteger[] qr = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divideAndRemainder(BigInteger.valueOf(c));
        return qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
    }

    /** {@code a * b / c} rounded by {@code mode}, with BigDecimal-free BigInteger arithmetic. */
    static long roundDiv(BigInteger product, long c, Rounding mode) {
        BigInteger[] qr = product.divideAndRemainder(BigInteger.valueOf(c));
        long q = qr[0].longValueExact();
        int twice = qr[1].shiftLeft(1).compareTo(BigInteger.valueOf(c));
        boolean up = qr[1].signum() > 0 && switch (mode) {
            case UP -> true;
            case HALF_UP -> twice >= 0;
            case HALF_EVEN -> twice > 0 || (twice == 0 && (q & 1) == 1);
        };
        return up ? q + 1 : q;
    }

    static BigInteger times(long a, long b) {
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b));
    }

    static long floorDiv(long a, long b, long c) {
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(c)).longValueExact();
    }

    long value(int ins, long price, long lots) {
        return price * lots * tickValue[ins];
    }

    long margin(int ins, boolean longSide, long price, long lots) {
        InstrumentSpec s = specs.get(ins);
        return roundDiv(times(value(ins, price, lots), longSide ? s.longMarginRateE8() : s.shortMarginRateE8()),
                100_000_000L, conventions.marginRounding());
    }

    long fee(int ins, CommissionRate rate, long price, long lots) {
        return rate.perLotMinor() * lots + roundDiv(times(value(ins, price, lots), rate.notionalRateE8()),
                100_000_000L, conventions.commissionRounding());
    }

    long closeFee(int ins, long price, long today, long his) {
        InstrumentSpec s = specs.get(ins);
        if (!conventions.roundMixedCloseOnce() || today == 0 || his == 0) {
            return fee(ins, s.closeTodayCommission(), price, today) + fee(ins, s.closeCommission(), price, his);
        }
        BigInteger exact = times(value(ins, price, today), s.closeTodayCommission().notionalRateE8())
                .add(times(value(ins, price, his), s.closeCommission().notionalRateE8()));
        return s.closeTodayCommission().perLotMinor() * today + s.closeCommission().perLotMinor() * his
                + roundDiv(exact, 100_000_000L, conventions.commissionRounding());
    }

    long orderFrozenMargin(Ord o) {
        return o.offset == Offset.OPEN ? margin(o.ins, o.side == Side.BUY, o.price, o.remaining) : 0;
    }

    long orderFrozenCommission(Ord o) {
        InstrumentSpec s = specs.get(o.ins);
        if (o.offset == Offset.OPEN) {
            return fee(o.ins, s.openCommission(), o.price, o.remaining);
        }
        return conventions.freezeCloseCommission() ? closeFee(o.ins, o.price, o.frozenToday, o.frozenHis) : 0;
    }

    long frozenMargin(int a) {
        return orders.values().stream().filter(o -> o.acct == a).mapToLong(this::orderFrozenMargin).sum();
    }

    long frozenCommission(int a) {
        return orders.values().stream().filter(o -> o.acct == a).mapToLong(this::orderFrozenCommission).sum();
    }

    long margin(int a) {
        long m = 0;
        for (Pos p : accounts.get(a).positions.values()) {
            for (long x : p.margin) {
                m += x;
            }
        }
        return m;
    }

    long positionProfit(int a) {
        long total = 0;
        for (Map.Entry<Integer, Pos> e : accounts.get(a).positions.entrySet()) {
            Pos p = e.getValue();
            int i = e.getKey();
            total += value(i, mark[i], p.vol[0] + p.vol[1]) - p.posCost[0] - p.posCost[1];
            total += p.posCost[2] + p.posCost[3] - value(i, mark[i], p.vol[2] + p.vol[3]);
        }
        return total;
    }

    long balance(int a) {
        Acct x = accounts.get(a);
        return x.pre + x.dep - x.wd + x.closeProfit - x.commission + positionProfit(a);
    }

    long available(int a) {
        return balance(a) - margin(a) - frozenMargin(a) - frozenCommission(a);
    }

    int openAccount() {
        accounts.add(new Acct());
        return accounts.size() - 1;
    }

    boolean deposit(int a, long amount) {
        if (amount <= 0) {
            return false;
        }
        accounts.get(a).dep += amount;
        return true;
    }

    boolean withdraw(int a, long amount) {
        if (amount <= 0 || amount > available(a)) {
            return false;
        }
        accounts.get(a).wd += amount;
        return true;
    }

    boolean place(long id, int a, int ins, Side side, Offset offset, long price, long lots) {
        InstrumentSpec s = specs.get(ins);
        long rate = s.limitRateE8();
        if (rate > 0 && preSettlement[ins] > 0) {
            long width = floorDiv(preSettlement[ins], rate, 100_000_000L);
            if (price > preSettlement[ins] + width || price < Math.max(1, preSettlement[ins] - width)) {
                return false;
            }
        }
        Pos p = accounts.get(a).positions.get(ins);
        Ord o = new Ord();
        o.acct = a;
        o.ins = ins;
        o.side = side;
        o.offset = offset;
        o.price = price;
        o.remaining = lots;
        if (offset == Offset.OPEN) {
            if (margin(ins, side == Side.BUY, price, lots) + fee(ins, s.openCommission(), price, lots) > available(a)) {
                return false;
            }
        } else {
            int t = side == Side.BUY ? 2 : 0;
            long ct = p == null ? 0 : p.vol[t] - p.frozen[t];
            long ch = p == null ? 0 : p.vol[t + 1] - p.frozen[t + 1];
            if (offset == Offset.CLOSETODAY) {
                o.frozenToday = lots;
            } else if (s.closeRule() == CloseRule.TODAY_EXPLICIT) {
                o.frozenHis = lots;
            } else if (s.closeRule() == CloseRule.HISTORY_FIRST) {
                o.frozenHis = Math.min(lots, ch);
                o.frozenToday = lots - o.frozenHis;
            } else {
                o.frozenToday = Math.min(lots, ct);
                o.frozenHis = lots - o.frozenToday;
            }
            if (o.frozenToday > ct || o.frozenHis > ch) {
                return false;
            }
            p.frozen[t] += o.frozenToday;
            p.frozen[t + 1] += o.frozenHis;
        }
        accounts.get(a).positions.computeIfAbsent(ins, k -> new Pos());
        orders.put(id, o);
        return true;
    }

    void fill(long id, long price, long lots) {
        Ord o = orders.get(id);
        InstrumentSpec s = specs.get(o.ins);
        Acct a = accounts.get(o.acct);
        Pos p = a.positions.get(o.ins);
        if (mark[o.ins] == 0) {
            mark[o.ins] = price;
        }
        if (o.offset == Offset.OPEN) {
            int b = o.side == Side.BUY ? 0 : 2;
            long v = value(o.ins, price, lots);
            p.vol[b] += lots;
            p.openCost[b] += v;
            p.posCost[b] += v;
            p.margin[b] += margin(o.ins, o.side == Side.BUY, price, lots);
            long f = fee(o.ins, s.openCommission(), price, lots);
            a.commission += f;
            fees += f;
        } else {
            boolean todayFirst = o.offset == Offset.CLOSETODAY || s.closeRule() == CloseRule.TODAY_FIRST;
            long today = todayFirst ? Math.min(lots, o.frozenToday) : lots - Math.min(lots, o.frozenHis);
            long his = lots - today;
            o.frozenToday -= today;
            o.frozenHis -= his;
            int t = o.side == Side.BUY ? 2 : 0;
            closeBucket(o.ins, a, p, t, price, today);
            closeBucket(o.ins, a, p, t + 1, price, his);
            long f = closeFee(o.ins, price, today, his);
            a.commission += f;
            fees += f;
        }
        o.remaining -= lots;
        if (o.remaining == 0) {
            orders.remove(id);
        }
    }

    private void closeBucket(int ins, Acct a, Pos p, int b, long price, long k) {
        if (k == 0) {
            return;
        }
        long v = p.vol[b];
        long removed = k == v ? p.posCost[b] : floorDiv(p.posCost[b], k, v);
        long removedOpen = k == v ? p.openCost[b] : floorDiv(p.openCost[b], k, v);
        long removedMargin = k == v ? p.margin[b] : floorDiv(p.margin[b], k, v);
        p.vol[b] -= k;
        p.frozen[b] -= k;
        p.posCost[b] -= removed;
        p.openCost[b] -= removedOpen;
        p.margin[b] -= removedMargin;
        long value = value(ins, price, k);
        a.closeProfit += b < 2 ? value - removed : removed - value;
    }

    /** Cancels {@code lots} of an order, keeping the lots its fills take first. */
    void reduce(long id, long lots) {
        Ord o = orders.get(id);
        if (lots == o.remaining) {
            cancel(id);
            return;
        }
        o.remaining -= lots;
        if (o.offset != Offset.OPEN) {
            Pos p = accounts.get(o.acct).positions.get(o.ins);
            int t = o.side == Side.BUY ? 2 : 0;
            boolean todayFirst = o.offset == Offset.CLOSETODAY || specs.get(o.ins).closeRule() == CloseRule.TODAY_FIRST;
            long today = todayFirst ? Math.min(o.remaining, o.frozenToday)
                    : o.remaining - Math.min(o.remaining, o.frozenHis);
            p.frozen[t] -= o.frozenToday - today;
            p.frozen[t + 1] -= o.frozenHis - (o.remaining - today);
            o.frozenToday = today;
            o.frozenHis = o.remaining - today;
        }
    }

    /** Amends as "take the order out, place it again with the same id"; puts it back if refused. */
    boolean amend(long id, long price, long lots) {
        Ord o = orders.get(id);
        if (price == o.price && lots <= o.remaining) {
            if (lots < o.remaining) {
                reduce(id, o.remaining - lots);
            }
            return true;
        }
        cancel(id);
        if (place(id, o.acct, o.ins, o.side, o.offset, price, lots)) {
            return true;
        }
        orders.put(id, o);
        if (o.offset != Offset.OPEN) {
            Pos p = accounts.get(o.acct).positions.get(o.ins);
            int t = o.side == Side.BUY ? 2 : 0;
            p.frozen[t] += o.frozenToday;
            p.frozen[t + 1] += o.frozenHis;
        }
        return false;
    }

    void cancel(long id) {
        Ord o = orders.remove(id);
        if (o.offset != Offset.OPEN) {
            Pos p = accounts.get(o.acct).positions.get(o.ins);
            int t = o.side == Side.BUY ? 2 : 0;
            p.frozen[t] -= o.frozenToday;
            p.frozen[t + 1] -= o.frozenHis;
        }
    }

    void settle(int day, long[] prices) {
        for (int i = 0; i < prices.length; i++) {
            if (prices[i] > 0) {
                mark[i] = prices[i];
                preSettlement[i] = prices[i];
            }
        }
        for (int a = 0; a < accounts.size(); a++) {
            Acct x = accounts.get(a);
            x.pre = balance(a);
            x.dep = 0;
            x.wd = 0;
            x.closeProfit = 0;
            x.commission = 0;
            if (!conventions.retainFlatPositions()) {
                x.positions.entrySet().removeIf(e -> {
                    long[] vol = e.getValue().vol;
                    return vol[0] + vol[1] + vol[2] + vol[3] == 0;
                });
            }
            for (Map.Entry<Integer, Pos> e : x.positions.entrySet()) {
                int i = e.getKey();
                Pos p = e.getValue();
                for (int t = 0; t < 4; t += 2) {
                    p.vol[t + 1] += p.vol[t];
                    p.openCost[t + 1] += p.openCost[t];
                    p.vol[t] = 0;
                    p.openCost[t] = 0;
                    p.posCost[t] = 0;
                    p.margin[t] = 0;
                    p.posCost[t + 1] = value(i, prices[i], p.vol[t + 1]);
                    p.margin[t + 1] = margin(i, t == 0, prices[i], p.vol[t + 1]);
                }
            }
        }
        lastDay = day;
    }
}
