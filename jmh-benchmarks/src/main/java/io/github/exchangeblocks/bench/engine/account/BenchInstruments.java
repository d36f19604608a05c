package io.github.exchangeblocks.bench.engine.account;

import io.github.exchangeblocks.api.instrument.CloseRule;
import io.github.exchangeblocks.api.instrument.CommissionRate;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.api.instrument.InstrumentStatus;
import io.github.exchangeblocks.engine.instrument.InstrumentRegistry;

/** Instruments shared by the account benchmarks; money in cents. */
final class BenchInstruments {
    private BenchInstruments() {
    }

    /** A registry with {@code count} copper-like TRADING instruments (SHFE rules, commission on notional). */
    static InstrumentRegistry registry(int count) {
        InstrumentRegistry registry = new InstrumentRegistry(2);
        for (int i = 0; i < count; i++) {
            InstrumentSpec spec = new InstrumentSpec("SHFE.cu" + (2501 + i), 0, 10, 5, 1, 10_000_000, 10_000_000,
                    CommissionRate.ofNotional(5_000), CommissionRate.ofNotional(5_000), new CommissionRate(100, 0), 0,
                    1_000, CloseRule.TODAY_EXPLICIT);
            registry.setStatus(registry.list(spec), InstrumentStatus.TRADING);
        }
        return registry;
    }
}
