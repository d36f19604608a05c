package io.github.exchangeblocks.engine.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.instrument.CloseRule;
import io.github.exchangeblocks.api.instrument.CommissionRate;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import org.junit.jupiter.api.Test;

/** Decimal specs convert exactly or are refused with the field named. */
class InstrumentSpecBuilderTest {

    private static InstrumentSpecBuilder ifSpec() {
        return InstrumentSpecBuilder.of("CFFEX.IF2512", 2).priceTick("0.2").volumeMultiple("300").marginRate("0.12")
                .openCommission("0", "0.000023").closeCommission("0", "0.000023")
                .closeTodayCommission("0", "0.00023").limitRate("0.1").maxOrderVolume(20)
                .closeRule(CloseRule.TODAY_FIRST);
    }

    @Test
    void shouldConvertDecimalStringsExactlyWhenTheyAreRepresentable() {
        InstrumentSpec spec = ifSpec().build();
        assertThat(spec).isEqualTo(new InstrumentSpec("CFFEX.IF2512", 1, 2, 300, 1, 12_000_000, 12_000_000,
                CommissionRate.ofNotional(2_300), CommissionRate.ofNotional(2_300),
                CommissionRate.ofNotional(23_000), 10_000_000, 20, CloseRule.TODAY_FIRST));
        InstrumentRegistry registry = new InstrumentRegistry(2);
        int index = registry.list(spec);
        // 0.2 x 300 = 60.00 CNY per tick and lot
        assertThat(registry.get(index).tickValueMinor()).isEqualTo(6_000);
        InstrumentSpec m = InstrumentSpecBuilder.of("DCE.m2601", 2).priceTick("1").volumeMultiple("10")
                .marginRate("0.08").openCommission("1.51", "0").closeTodayCommission("3.00", "0")
                .maxOrderVolume(1000).closeRule(CloseRule.HISTORY_FIRST).build();
        assertThat(m.priceScale()).isZero();
        assertThat(m.tickSize()).isEqualTo(1);
        assertThat(m.openCommission()).isEqualTo(CommissionRate.perLot(151));
        assertThat(m.closeTodayCommission()).isEqualTo(CommissionRate.perLot(300));
        assertThat(InstrumentSpecBuilder.of("SHFE.au2512", 2).priceTick("0.020").volumeMultiple("1000")
                .maxOrderVolume(500).closeRule(CloseRule.TODAY_EXPLICIT).build().priceScale()).isEqualTo(2);
    }

    private static void assertRefused(InstrumentSpecBuilder builder, String message) {
        assertThat(builder.build()).isNull();
        assertThat(builder.rejectCode()).isEqualTo(RejectCode.INVALID_INSTRUMENT_SPEC);
        assertThat(builder.rejectMessage()).isEqualTo(message);
    }

    @Test
    void shouldRefuseValuesTheScaleCannotHoldAndNameTheField() {
        assertRefused(ifSpec().openCommission("0", "0.000000001"), "openCommission.notionalRate=0.000000001 must be a"
                + " decimal in 0..1 with at most 8 decimal places (rates are exact to 1e-8)");
        assertRefused(ifSpec().openCommission("1.505", "0"), "openCommission.perLot=1.505 must be a non-negative"
                + " amount with at most 2 decimal places (moneyScale=2)");
        assertRefused(ifSpec().volumeMultiple("0.5"), "volumeMultiple=0.5 must be a positive whole number");
        assertRefused(ifSpec().priceTick("0.0000000001"),
                "priceTick=0.0000000001 must be a plain decimal with at most 9 decimal places");
        assertRefused(ifSpec().priceTick("1e-2"), "priceTick=1e-2 must be a plain decimal with at most 9 decimal"
                + " places");
        assertRefused(ifSpec().priceTick("-0.2"), "priceTick=-0.2 must be a positive decimal");
        assertRefused(ifSpec().marginRate("1.5"), "longMarginRate=1.5 must be a decimal in 0..1 with at most 8"
                + " decimal places (rates are exact to 1e-8)");
        assertRefused(ifSpec().limitRate(null), "limitRate=null must be a decimal in 0..1 with at most 8 decimal"
                + " places (rates are exact to 1e-8)");
        assertRefused(InstrumentSpecBuilder.of("CFFEX.IF2512", 2).volumeMultiple("300").maxOrderVolume(1)
                .closeRule(CloseRule.TODAY_FIRST), "priceTick=null is required");
        // the listing rules apply too: 0.001 x 3 = 0.003 CNY per tick is not a whole number of cents
        assertRefused(ifSpec().priceTick("0.001").volumeMultiple("3"),
                "tickSize=1e-3 x volumeMultiple=3 must be a whole number of minor units at moneyScale=2");
        assertRefused(ifSpec().closeRule(null), "closeRule=null must not be null");
        assertRefused(InstrumentSpecBuilder.of("IF2512", 2).priceTick("0.2").volumeMultiple("300").maxOrderVolume(20)
                .closeRule(CloseRule.TODAY_FIRST),
                "instrumentId=IF2512 must look like EXCHANGE.code (e.g. SHFE.cu2512)");
        assertRefused(InstrumentSpecBuilder.of("CFFEX.IF2512", 12), "moneyScale=12 must be in 0..9");
    }

    @Test
    void shouldKeepTheFirstRefusalWhenSeveralValuesAreBad() {
        InstrumentSpecBuilder builder = ifSpec().volumeMultiple("x").marginRate("2");
        assertRefused(builder, "volumeMultiple=x must be a positive whole number");
    }
}
