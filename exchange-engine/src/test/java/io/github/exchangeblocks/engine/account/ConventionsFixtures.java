package io.github.exchangeblocks.engine.account;

import io.github.exchangeblocks.api.instrument.CloseRule;
import io.github.exchangeblocks.api.instrument.CommissionRate;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.api.instrument.InstrumentStatus;
import io.github.exchangeblocks.engine.instrument.InstrumentRegistry;

/**
 * Instruments for the conventions' worked examples, money in cents.
 *
 * <ul>
 *   <li>0..2: CFFEX IF-like index futures (tick 0.2, 300 per point, tick value 6000 cents; margin 12%; 0.23 bp of
 *       notional to open and close history, 2.3 bp to close today), one per close rule: TODAY_FIRST,
 *       HISTORY_FIRST, TODAY_EXPLICIT. One lot's open commission is {@code P x 6000 x 2300 / 10^8 = 0.138 P}
 *       cents, its close-today commission {@code 1.38 P} cents.</li>
 *   <li>3: TEST.tie: tick 1, multiple 1 (tick value 100 cents), margin 12.5%: one lot's margin is {@code 12.5 P}
 *       cents, a tie at half a cent for every odd price. Free of commission. Band 10% around 7000.</li>
 * </ul>
 */
final class ConventionsFixtures {
    static final int IF_TODAY_FIRST = 0;
    static final int IF_HISTORY_FIRST = 1;
    static final int IF_TODAY_EXPLICIT = 2;
    static final int TIE = 3;

    private ConventionsFixtures() {
    }

    static InstrumentSpec index(String id, CloseRule rule) {
        return new InstrumentSpec(id, 1, 2, 300, 1, 12_000_000, 12_000_000, CommissionRate.ofNotional(2_300),
                CommissionRate.ofNotional(2_300), CommissionRate.ofNotional(23_000), 0, 20, rule);
    }

    static InstrumentRegistry registry() {
        InstrumentRegistry registry = new InstrumentRegistry(2);
        InstrumentSpec[] specs = {
            index("TEST.IFF", CloseRule.TODAY_FIRST),
            index("TEST.IFH", CloseRule.HISTORY_FIRST),
            index("TEST.IFX", CloseRule.TODAY_EXPLICIT),
            new InstrumentSpec("TEST.tie", 0, 1, 1, 1, 12_500_000, 12_500_000, CommissionRate.FREE,
                    CommissionRate.FREE, CommissionRate.FREE, 10_000_000, 100, CloseRule.HISTORY_FIRST)
        };
        for (InstrumentSpec spec : specs) {
            registry.setStatus(registry.list(spec), InstrumentStatus.TRADING);
        }
        registry.setPreSettlementPrice(TIE, 7000);
        return registry;
    }
}
