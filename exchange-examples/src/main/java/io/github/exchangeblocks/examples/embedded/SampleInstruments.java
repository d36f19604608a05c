package io.github.exchangeblocks.examples.embedded;

import io.github.exchangeblocks.api.instrument.CloseRule;
import io.github.exchangeblocks.api.instrument.CommissionRate;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;

import java.util.List;

/**
 * Two futures instruments for the examples, with round numbers so that account figures can be checked by hand.
 * Money is in cents ({@link MiniExchange#MONEY_SCALE} 2).
 */
public final class SampleInstruments {
    /** Copper: price 10 yuan per tick, 5 tonnes per lot, so one tick on one lot is 50.00 yuan. */
    public static final String COPPER = "SHFE.cu2512";
    /** Stock index future: price 0.2 point per tick, 300 yuan per point, so one tick on one lot is 60.00 yuan. */
    public static final String INDEX = "CFFEX.IF2512";

    private SampleInstruments() {
    }

    /**
     * Copper: 10% margin both sides, 3.00 yuan commission per lot (open, close, close today), no price band,
     * at most 100 lots per order, CLOSE closes history first.
     *
     * @return the specification
     */
    public static InstrumentSpec copper() {
        CommissionRate perLot = CommissionRate.perLot(300);
        return new InstrumentSpec(COPPER, 0, 10, 5, 1, 10_000_000, 10_000_000, perLot, perLot, perLot, 0, 100,
                CloseRule.HISTORY_FIRST);
    }

    /**
     * Index future: 12% margin both sides, 0.23 basis points of notional commission, no price band, at most
     * 20 lots per order, CLOSE closes history first.
     *
     * @return the specification
     */
    public static InstrumentSpec index() {
        CommissionRate rate = CommissionRate.ofNotional(2_300);
        return new InstrumentSpec(INDEX, 1, 2, 300, 1, 12_000_000, 12_000_000, rate, rate, rate, 0, 20,
                CloseRule.HISTORY_FIRST);
    }

    /**
     * Both instruments, copper first (index 0).
     *
     * @return the list
     */
    public static List<InstrumentSpec> all() {
        return List.of(copper(), index());
    }
}
