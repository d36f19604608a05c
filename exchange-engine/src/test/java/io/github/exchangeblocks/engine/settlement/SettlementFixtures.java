package io.github.exchangeblocks.engine.settlement;

import io.github.exchangeblocks.api.instrument.CloseRule;
import io.github.exchangeblocks.api.instrument.CommissionRate;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.api.instrument.InstrumentStatus;
import io.github.exchangeblocks.engine.instrument.InstrumentRegistry;

/** cu (0, SHFE, TODAY_EXPLICIT, 8% band), m (1, DCE, HISTORY_FIRST), IF (2, CFFEX, TODAY_FIRST); cents. */
final class SettlementFixtures {
    private SettlementFixtures() {
    }

    static InstrumentRegistry registry() {
        InstrumentRegistry registry = new InstrumentRegistry(2);
        InstrumentSpec[] specs = {
            new InstrumentSpec("SHFE.cu2512", 0, 10, 5, 1, 10_000_000, 10_000_000, CommissionRate.ofNotional(5_000),
                    CommissionRate.ofNotional(5_000), CommissionRate.FREE, 8_000_000, 500, CloseRule.TODAY_EXPLICIT),
            new InstrumentSpec("DCE.m2601", 0, 1, 10, 1, 8_000_000, 8_000_000, CommissionRate.perLot(150),
                    CommissionRate.perLot(150), CommissionRate.perLot(300), 0, 1000, CloseRule.HISTORY_FIRST),
            new InstrumentSpec("CFFEX.IF2512", 1, 2, 300, 1, 12_000_000, 12_000_000, CommissionRate.ofNotional(2_300),
                    CommissionRate.ofNotional(2_300), CommissionRate.ofNotional(23_000), 0, 20, CloseRule.TODAY_FIRST)
        };
        for (InstrumentSpec spec : specs) {
            registry.setStatus(registry.list(spec), InstrumentStatus.TRADING);
        }
        return registry;
    }
}
