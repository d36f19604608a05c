package io.github.exchangeblocks.engine.marketdata;

import io.github.exchangeblocks.api.Side;

/**
 * One generated input for the differential property: a kind, a time step (may be negative: the host's clock
 * jitters) and up to four values whose meaning depends on the kind.
 */
record MdStep(Kind kind, long dtNs, Side side, long a, long b, long c) {
    enum Kind { TRADE, LEVEL, OPEN_INTEREST, ADVANCE, DRAIN, SETTLE, START_DAY, LIMITS, DEPTH, RESTORE }

    @Override
    public String toString() {
        return kind + "(dt=" + dtNs + (side == null ? "" : ", " + side) + ", " + a + ", " + b + ", " + c + ")";
    }
}
