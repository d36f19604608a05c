package io.github.exchangeblocks.engine.account;

import io.github.exchangeblocks.api.account.AccountChangeListener;
import io.github.exchangeblocks.engine.instrument.Instrument;
import java.util.ArrayList;
import java.util.Arrays;

/**
 * Per-instrument index of the positions held in it, with each instrument's mark price and open order count, so a
 * price update touches exactly the holders of that instrument. Each holder list is kept in ascending account id
 * order (a canonical order that a restored snapshot reproduces), so marks notify listeners in the same order
 * whether the book was replayed or restored. Positions are only removed at settlement, in one compaction pass.
 * Single writer.
 */
final class HolderIndex {
    private final ArrayList<ArrayList<Position>> holders = new ArrayList<>();
    long[] markPriceTicks = new long[16];
    int[] openOrders = new int[16];
    /** Largest side volume any holder reached (never lowered): bounds every notional computed at a new price. */
    long[] maxSideVolume = new long[16];
    AccountChangeListener listener = AccountChangeListener.NONE;
    private boolean dirty;

    void ensure(int index) {
        while (holders.size() <= index) {
            holders.add(new ArrayList<>());
        }
        if (markPriceTicks.length <= index) {
            int size = Math.max(index + 1, markPriceTicks.length * 2);
            markPriceTicks = Arrays.copyOf(markPriceTicks, size);
            openOrders = Arrays.copyOf(openOrders, size);
            maxSideVolume = Arrays.copyOf(maxSideVolume, size);
        }
    }

    int instrumentCount() {
        return holders.size();
    }

    ArrayList<Position> holders(int index) {
        return holders.get(index);
    }

    /** Inserts a new position keeping the holder list in ascending account id order. */
    void add(Position position) {
        int index = position.instrument.index();
        ensure(index);
        ArrayList<Position> list = holders.get(index);
        int accountId = position.account.accountId();
        int lo = 0;
        int hi = list.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (list.get(mid).account.accountId() < accountId) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        list.add(lo, position);
        position.indexed = true;
    }

    void noteSideVolume(int index, long volume) {
        if (volume > maxSideVolume[index]) {
            maxSideVolume[index] = volume;
        }
    }

    /** Whether marking instrument {@code index} at {@code priceTicks} keeps every holder's notional in range. */
    boolean markFits(Instrument instrument, long priceTicks) {
        ensure(instrument.index());
        try {
            instrument.notional(priceTicks, maxSideVolume[instrument.index()]);
            return true;
        } catch (ArithmeticException overflow) {
            return false;
        }
    }

    /** Marks a position for removal; {@link #compact()} drops it, keeping the order of the others. */
    void remove(Position position) {
        position.indexed = false;
        dirty = true;
    }

    /** Drops removed positions from every holder list in one pass each. */
    void compact() {
        if (!dirty) {
            return;
        }
        for (ArrayList<Position> list : holders) {
            list.removeIf(position -> !position.indexed);
        }
        dirty = false;
    }

    void mark(int index, long priceTicks) {
        ensure(index);
        markPriceTicks[index] = priceTicks;
        ArrayList<Position> list = holders.get(index);
        for (int i = 0, n = list.size(); i < n; i++) {
            Position position = list.get(i);
            position.mark(priceTicks);
            int accountId = position.account.accountId();
            listener.onPositionChanged(accountId, index);
            listener.onAccountChanged(accountId);
        }
    }

    long markPrice(int index) {
        return index >= 0 && index < markPriceTicks.length ? markPriceTicks[index] : 0;
    }

    int holderCount(int index) {
        return index >= 0 && index < holders.size() ? holders.get(index).size() : 0;
    }

    boolean holdsVolume(int index) {
        if (index < 0 || index >= holders.size()) {
            return false;
        }
        for (Position position : holders.get(index)) {
            if (!position.isFlat()) {
                return true;
            }
        }
        return false;
    }

    boolean inUse(int index) {
        return index >= 0 && index < holders.size() && (openOrders[index] > 0 || holdsVolume(index));
    }
}
