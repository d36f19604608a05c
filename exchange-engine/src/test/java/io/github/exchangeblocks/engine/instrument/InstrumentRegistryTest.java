package io.github.exchangeblocks.engine.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.instrument.CloseRule;
import io.github.exchangeblocks.api.instrument.CommissionRate;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.api.instrument.InstrumentStatus;
import org.junit.jupiter.api.Test;

class InstrumentRegistryTest {
    private final InstrumentRegistry registry = new InstrumentRegistry(2);

    private static InstrumentSpec cu() {
        return new InstrumentSpec("SHFE.cu2512", 0, 10, 5, 1, 10_000_000, 10_000_000, CommissionRate.ofNotional(5_000),
                CommissionRate.ofNotional(5_000), CommissionRate.FREE, 8_000_000, 500, CloseRule.TODAY_EXPLICIT);
    }

    private static InstrumentSpec with(String id, int priceScale, long tick, long multiple, long lot, long margin,
                                       CommissionRate open, long limit, long maxVolume, CloseRule rule) {
        return new InstrumentSpec(id, priceScale, tick, multiple, lot, margin, margin, open, CommissionRate.FREE,
                CommissionRate.FREE, limit, maxVolume, rule);
    }

    private String refusal(InstrumentSpec spec) {
        assertThat(registry.list(spec)).isEqualTo(-1);
        assertThat(registry.lastRejection().code()).isEqualTo(RejectCode.INVALID_INSTRUMENT_SPEC);
        return registry.lastRejection().message();
    }

    @Test
    void shouldAssignDenseIndexesAndComputeTickValueWhenListing() {
        assertThat(registry.list(cu())).isZero();
        InstrumentSpec index = new InstrumentSpec("CFFEX.IF2512", 1, 2, 300, 1, 12_000_000, 12_000_000,
                CommissionRate.ofNotional(2_300), CommissionRate.ofNotional(2_300), CommissionRate.ofNotional(23_000),
                0, 20, CloseRule.TODAY_FIRST);
        assertThat(registry.list(index)).isEqualTo(1);
        assertThat(registry.indexOf("CFFEX.IF2512")).isEqualTo(1);
        assertThat(registry.indexOf("CFFEX.IH2512")).isEqualTo(-1);
        // 10 CNY x 5 t = 50 CNY = 5000 cents per tick; 0.2 pt x 300 = 60 CNY = 6000 cents
        assertThat(registry.get(0).tickValueMinor()).isEqualTo(5_000);
        assertThat(registry.get(1).tickValueMinor()).isEqualTo(6_000);
        assertThat(registry.get(0).status()).isEqualTo(InstrumentStatus.LISTED);
        assertThat(registry.list(cu())).isEqualTo(-1);
        assertThat(registry.lastRejection().code()).isEqualTo(RejectCode.INSTRUMENT_EXISTS);
    }

    @Test
    void shouldNameFieldAndRuleWhenSpecIsInvalid() {
        CommissionRate free = CommissionRate.FREE;
        CloseRule rule = CloseRule.HISTORY_FIRST;
        assertThat(refusal(null)).isEqualTo("spec=null must not be null");
        assertThat(refusal(with("cu2512", 0, 10, 5, 1, 0, free, 0, 10, rule)))
                .isEqualTo("instrumentId=cu2512 must look like EXCHANGE.code (e.g. SHFE.cu2512)");
        assertThat(refusal(with("SHFE.cu", 10, 10, 5, 1, 0, free, 0, 10, rule))).isEqualTo("priceScale=10 must be in 0..9");
        assertThat(refusal(with("SHFE.cu", 0, 0, 5, 1, 0, free, 0, 10, rule))).isEqualTo("tickSize=0 must be > 0");
        assertThat(refusal(with("SHFE.cu", 0, 10, -5, 1, 0, free, 0, 10, rule)))
                .isEqualTo("volumeMultiple=-5 must be > 0");
        assertThat(refusal(with("SHFE.cu", 0, 10, 5, 0, 0, free, 0, 10, rule))).isEqualTo("lotSize=0 must be > 0");
        assertThat(refusal(with("SHFE.cu", 0, 10, 5, 1, 100_000_001, free, 0, 10, rule)))
                .isEqualTo("longMarginRateE8=100000001 must be in 0..100000000");
        assertThat(refusal(with("SHFE.cu", 0, 10, 5, 1, 0, new CommissionRate(-1, 0), 0, 10, rule)))
                .isEqualTo("openCommission.perLotMinor=-1 must be in 0..10^9");
        assertThat(refusal(with("SHFE.cu", 0, 10, 5, 1, 0, null, 0, 10, rule)))
                .isEqualTo("openCommission=null must not be null");
        assertThat(refusal(with("SHFE.cu", 0, 10, 5, 1, 0, free, 100_000_000, 10, rule)))
                .isEqualTo("limitRateE8=100000000 must be in 0..99999999");
        assertThat(refusal(with("SHFE.cu", 0, 10, 5, 2, 0, free, 0, 1, rule)))
                .isEqualTo("maxOrderVolume=1 must be in lotSize=2..1000000000");
        assertThat(refusal(with("SHFE.cu", 0, 10, 5, 1, 0, free, 0, 10, null))).isEqualTo("closeRule=null must not be null");
        assertThat(refusal(with("BINANCE.BTCUSDT", 4, 1, 1, 1, 0, free, 0, 10, rule)))
                .isEqualTo("tickSize=1e-4 x volumeMultiple=1 must be a whole number of minor units at moneyScale=2");
        assertThat(registry.size()).isZero();
    }

    @Test
    void shouldFollowStatusLifecycleAndRefuseDelistingWhileInUse() {
        int cu = registry.list(cu());
        assertThat(registry.setStatus(cu, InstrumentStatus.TRADING)).isTrue();
        assertThat(registry.setStatus(cu, InstrumentStatus.LISTED)).isFalse();
        assertThat(registry.lastRejection().code()).isEqualTo(RejectCode.INVALID_STATUS_TRANSITION);
        assertThat(registry.setStatus(cu, InstrumentStatus.SUSPENDED)).isTrue();
        assertThat(registry.setStatus(cu, InstrumentStatus.DELISTED)).isFalse();
        assertThat(registry.delist(cu, index -> true)).isFalse();
        assertThat(registry.lastRejection().code()).isEqualTo(RejectCode.INSTRUMENT_IN_USE);
        assertThat(registry.lastRejection().message()).isEqualTo("SHFE.cu2512 still has positions or open orders");
        assertThat(registry.get(cu).status()).isEqualTo(InstrumentStatus.SUSPENDED);
        assertThat(registry.delist(cu, index -> false)).isTrue();
        assertThat(registry.get(cu).status()).isEqualTo(InstrumentStatus.DELISTED);
        assertThat(registry.setStatus(cu, InstrumentStatus.TRADING)).isFalse();
        assertThat(registry.delist(cu, index -> false)).isFalse();
        assertThat(registry.delist(5, index -> false)).isFalse();
        assertThat(registry.lastRejection().code()).isEqualTo(RejectCode.UNKNOWN_INSTRUMENT);
    }

    @Test
    void shouldDeriveBandFromPreviousSettlementPrice() {
        int cu = registry.list(cu());
        assertThat(registry.get(cu).insideBand(1)).isTrue();
        assertThat(registry.setPreSettlementPrice(cu, 7001)).isTrue();
        // floor(7001 * 8%) = 560
        assertThat(registry.get(cu).upperLimitTicks()).isEqualTo(7561);
        assertThat(registry.get(cu).lowerLimitTicks()).isEqualTo(6441);
        assertThat(registry.setPreSettlementPrice(cu, 0)).isFalse();
        assertThat(registry.lastRejection().message()).isEqualTo("preSettlementPriceTicks=0 must be > 0");
    }

    @Test
    void shouldChargeEachCommissionKindWhenRatesCombinePerLotAndNotional() {
        int i = registry.list(new InstrumentSpec("DCE.i2601", 1, 5, 100, 1, 10_000_000, 12_000_000,
                new CommissionRate(100, 1_000), CommissionRate.perLot(200), CommissionRate.ofNotional(10_000), 0, 100,
                CloseRule.HISTORY_FIRST));
        Instrument iron = registry.get(i);
        // tick 0.5 x 100 t = 50 CNY = 5000 cents; 800.0 = 1600 ticks; 3 lots notional 1600*3*5000 = 24,000,000
        assertThat(iron.notional(1600, 3)).isEqualTo(24_000_000);
        assertThat(iron.commission(Instrument.COMMISSION_OPEN, 1600, 3)).isEqualTo(300 + 240);
        assertThat(iron.commission(Instrument.COMMISSION_CLOSE, 1600, 3)).isEqualTo(600);
        assertThat(iron.commission(Instrument.COMMISSION_CLOSE_TODAY, 1600, 3)).isEqualTo(2_400);
        assertThat(iron.margin(true, 1600, 3)).isEqualTo(2_400_000);
        assertThat(iron.margin(false, 1600, 3)).isEqualTo(2_880_000);
        // 1 lot at 1601 ticks: 8,005,000 x 0.001% = 80.05 -> 81 (rounded up)
        assertThat(iron.commission(Instrument.COMMISSION_OPEN, 1601, 1)).isEqualTo(100 + 81);
    }
}
