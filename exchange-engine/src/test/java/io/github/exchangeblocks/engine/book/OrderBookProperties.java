package io.github.exchangeblocks.engine.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.book.TradingPhase;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;

/**
 * The differential property: random command sequences (every command kind, four owners, every order type, time in
 * force, self-trade prevention mode and phase, with invalid values mixed in) run through the real book and the
 * oracle, compared event by event with L2, L3, auction indication and invariants checked after every step, and a
 * snapshot/restore copy checked from the middle on. The default run applies 300 x ~400 = ~120,000 commands.
 */
class OrderBookProperties {

    @Property(tries = 300)
    void shouldMatchTheOracleEventForEventWhenStartingInContinuousTrading(
        @ForAll("continuousSequences") List<BookCommand> commands) {
        runAndCount(TradingPhase.CONTINUOUS, commands);
    }

    @Property(tries = 40)
    void shouldMatchTheOracleEventForEventWhenStartingInTheCallAuction(
        @ForAll("continuousSequences") List<BookCommand> commands) {
        runAndCount(TradingPhase.PRE_OPEN, commands);
    }

    @Property(tries = 1_000)
    @Tag("slow")
    void shouldMatchTheOracleOnLongSequencesWithManyIdsWhenRunSlow(@ForAll("longSequences") List<BookCommand> commands) {
        runAndCount(TradingPhase.CONTINUOUS, commands);
    }

    private static void runAndCount(TradingPhase phase, List<BookCommand> commands) {
        DifferentialHarness harness = new DifferentialHarness(phase);
        harness.run(commands);
        assertThat(harness.steps).isEqualTo(commands.size());
    }

    @Provide
    Arbitrary<List<BookCommand>> continuousSequences() {
        return BookCommands.sequences(350, 450, 5_000);
    }

    @Provide
    Arbitrary<List<BookCommand>> longSequences() {
        return BookCommands.sequences(1_500, 2_500, 50_000);
    }
}
