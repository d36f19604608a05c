package io.github.exchangeblocks.engine.account;

import io.github.exchangeblocks.api.instrument.CloseRule;
import io.github.exchangeblocks.api.instrument.CommissionRate;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.api.instrument.InstrumentStatus;
import io.github.exchangeblocks.engine.instrument.InstrumentRegistry;

/**
 * Instruments used by the worked examples, money in cents (scale 2).
 *
 * <ul>
 *   <li>SHFE.cu2512: tick 10 CNY, 5 t/lot, tick value 10*5*100 = 5000 cents; margin 10%; commission 0.5 bp of
 *       notional to open and close, close-today free; TODAY_EXPLICIT; band 8%.</li>
 *   <li>DCE.m2601: tick 1 CNY, 10 t/lot, tick value 1000 cents; margin 8%; 1.50 CNY per lot open/close, 3.00 CNY
 *       close-today; HISTORY_FIRST.</li>
 *   <li>CFFEX.IF2512: tick 0.2 (scale 1, tickSize 2), 300/pt, tick value 2*300*100/10 = 6000 cents; margin 12%;
 *       0.23 bp open/close, 2.3 bp close-today; TODAY_FIRST.</li>
 * </ul>
 */
final class Fixtures {
    static final long CU_MARGIN = 10_000_000L;

    private Fixtures() {
    }

    static InstrumentSpec cu() {
        return new InstrumentSpec("SHFE.cu2512", 0, 10, 5, 1, CU_MARGIN, CU_MARGIN, CommissionRate.ofNotional(5_000),
                CommissionRate.ofNotional(5_000), CommissionRate.FREE, 8_000_000, 500, CloseRule.TODAY_EXPLICIT);
    }

    static InstrumentSpec m() {
        return new InstrumentSpec("DCE.m2601", 0, 1, 10, 1, 8_000_000, 8_000_000, CommissionRate.perLot(150),
                CommissionRate.perLot(150), CommissionRate.perLot(300), 0, 1000, CloseRule.HISTORY_FIRST);
    }

    static InstrumentSpec index() {
        return new InstrumentSpec("CFFEX.IF2512", 1, 2, 300, 1, 12_000_000, 12_000_000,
                CommissionRate.ofNotional(2_300), CommissionRate.ofNotional(2_300), CommissionRate.ofNotional(23_000),
                0, 20, CloseRule.TODAY_FIRST);
    }

    /** A registry with cu (0), m (1), IF (2), all TRADING. */
    static InstrumentRegistry registry() {
        InstrumentRegistry registry = new InstrumentRegistry(2);
        for (InstrumentSpec spec : new InstrumentSpec[] {cu(), m(), index()}) {
            int i = registry.list(spec);
            registry.setStatus(i, InstrumentStatus.TRADING);
        }
        return registry;
    }
}
