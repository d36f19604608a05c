package io.github.exchangeblocks.examples.exchange;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.instrument.CommissionRate;
import io.github.exchangeblocks.api.instrument.InstrumentStatus;
import io.github.exchangeblocks.engine.venue.VenueSettings;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.EndTradingDay;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.InsertOrder;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.SetInstrumentStatus;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.UpdateRates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate update through the exchange state: copper (one tick on one lot 5,000 cents, 10% margin, 300 cents per
 * lot) with hand-checked figures, and every reject with its code and message.
 */
class UpdateRatesTest {
    private static final String CU = Defaults.COPPER.instrumentId();
    private final List<String> notices = new ArrayList<>();
    private final List<String> instrumentEvents = new ArrayList<>();
    private final ExchangeState state = new ExchangeState(VenueSettings.builder().build(), 20261207,
            new ExchangeListener() {
                @Override
                public void onNotify(String user, RejectCode code, String message) {
                    notices.add(code + " " + message);
                }

                @Override
                public void onInstrument(int instrumentIndex) {
                    instrumentEvents.add(state.venue().registry().get(instrumentIndex).instrumentId());
                }
            });
    private long time = 1;

    private RejectCode apply(ExchangeCommand command) {
        RejectCode code = state.apply(time++, command);
        Invariants.check(state);
        return code;
    }

    @BeforeEach
    void setUp() {
        for (ExchangeCommand c : Defaults.bootstrap(List.of(Defaults.COPPER), List.of("alice", "bob"), 100_000_000)) {
            assertThat(apply(c)).isNull();
        }
        instrumentEvents.clear();
    }

    private static InsertOrder buy(String user, String id, long price) {
        return new InsertOrder(user, id, CU, Side.BUY, Offset.OPEN, OrderType.LIMIT, TimeInForce.GTC, price, 1, 0);
    }

    private static InsertOrder sell(String user, String id, long price) {
        return new InsertOrder(user, id, CU, Side.SELL, Offset.OPEN, OrderType.LIMIT, TimeInForce.GTC, price, 1, 0);
    }

    @Test
    void shouldChargeTheNewCommissionAtOnceAndRemarginAtTheSettlement() {
        assertThat(apply(buy("alice", "a1", 7_000))).isNull();
        assertThat(apply(sell("bob", "b1", 7_000))).isNull();
        assertThat(apply(new UpdateRates(CU, 20_000_000, 20_000_000, CommissionRate.perLot(1_000), null, null)))
                .isNull();
        assertThat(instrumentEvents).containsExactly(CU);
        assertThat(apply(buy("alice", "a2", 7_000))).isNull();
        assertThat(state.account("alice").frozenMargin()).as("10% until the settlement").isEqualTo(3_500_000);
        assertThat(apply(sell("bob", "b2", 7_000))).isNull();
        assertThat(state.account("alice").commission()).isEqualTo(300 + 1_000);
        assertThat(state.account("alice").margin()).isEqualTo(2 * 3_500_000);
        assertThat(apply(new EndTradingDay(20261208, Map.of(CU, 7_000L)))).isNull();
        assertThat(state.account("alice").margin()).as("20% of 2 x 35,000,000").isEqualTo(14_000_000);
        assertThat(state.venue().registry().get(0).spec().longMarginRateE8()).isEqualTo(20_000_000);
    }

    @Test
    void shouldRejectEachBadUpdateWithItsCodeAndMessageAndChangeNothing() {
        long hash = state.stateHash();
        assertThat(apply(new UpdateRates("X.none", 1, 1, null, null, null))).isEqualTo(RejectCode.UNKNOWN_INSTRUMENT);
        assertThat(apply(new UpdateRates(null, 1, 1, null, null, null))).isEqualTo(RejectCode.UNKNOWN_INSTRUMENT);
        assertThat(apply(new UpdateRates(CU, UpdateRates.KEEP, UpdateRates.KEEP, null, null, null)))
                .isEqualTo(RejectCode.INVALID_INSTRUMENT_SPEC);
        assertThat(apply(new UpdateRates(CU, 100_000_001, UpdateRates.KEEP, null, null, null)))
                .isEqualTo(RejectCode.INVALID_INSTRUMENT_SPEC);
        assertThat(apply(new UpdateRates(CU, UpdateRates.KEEP, UpdateRates.KEEP, null,
                new CommissionRate(0, -3), null))).isEqualTo(RejectCode.INVALID_INSTRUMENT_SPEC);
        assertThat(notices).containsExactly(
                "UNKNOWN_INSTRUMENT instrumentId=X.none must be listed",
                "UNKNOWN_INSTRUMENT instrumentId=null must be listed",
                "INVALID_INSTRUMENT_SPEC rates: at least one of longMarginRateE8, shortMarginRateE8, openCommission,"
                        + " closeCommission, closeTodayCommission must be given",
                "INVALID_INSTRUMENT_SPEC longMarginRateE8=100000001 must be in 0..100000000",
                "INVALID_INSTRUMENT_SPEC closeCommission.notionalRateE8=-3 must be in 0..100000000");
        assertThat(state.stateHash()).isEqualTo(hash);
        assertThat(instrumentEvents).isEmpty();
        assertThat(apply(new SetInstrumentStatus(CU, InstrumentStatus.DELISTED))).isNull();
        assertThat(apply(new UpdateRates(CU, 1, 1, null, null, null))).isEqualTo(RejectCode.INSTRUMENT_NOT_TRADABLE);
    }
}
