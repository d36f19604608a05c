package io.github.exchangeblocks.engine.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.book.TradingPhase;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.statistics.Statistics;

/**
 * The differential property: random command sequences (every command kind, four owners, every order type, time in
 * force, self-trade prevention mode and phase, with invalid values mixed in) run through the real book and the
 * oracle, compared event by event with L2, L3, auction indication and invariants checked after every step, and a
 * snapshot/restore copy checked from the middle on. The default run applies 340 x ~400 + 200 x ~250 + 200 x ~26
 * = ~191,000 commands, ~55,000 of them in auction-heavy sequences (market orders with and without protection,
 * minimum quantities, market-only books, frequent uncrosses) whose coverage of the uncross outcomes is checked.
 */
class OrderBookProperties {

    @Property(tries = 300)
    void shouldMatchTheOracleEventForEventWhenStartingInContinuousTrading(
        @ForAll("continuousSequences") List<BookCommand> commands) {
        DifferentialHarness harness = runAndCount(TradingPhase.CONTINUOUS, commands);
        coverChange(harness, "Move kept", 80);
        coverChange(harness, "Move lost", 80);
        coverChange(harness, "Replace lost", 80);
    }

    @Property(tries = 40)
    void shouldMatchTheOracleEventForEventWhenStartingInTheCallAuction(
        @ForAll("continuousSequences") List<BookCommand> commands) {
        runAndCount(TradingPhase.PRE_OPEN, commands);
    }

    @Property(tries = 200)
    void shouldMatchTheOracleEventForEventWhenMarketAndMinimumQuantityOrdersMeetInTheAuction(
        @ForAll("auctionSequences") List<BookCommand> commands) {
        DifferentialHarness harness = runAndCount(TradingPhase.PRE_OPEN, commands);
        cover(harness, "MIN_QUANTITY_UNFILLABLE", 40);
        cover(harness, "FOK_UNFILLABLE", 20);
        cover(harness, "MARKET_NO_LIQUIDITY", 40);
        cover(harness, "TRADE with market orders", 60);
    }

    @Property(tries = 200)
    void shouldMatchTheOracleEventForEventWhenOnlyMarketOrdersMeetInTheAuction(
        @ForAll("marketOnlyAuctionSequences") List<BookCommand> commands) {
        DifferentialHarness harness = runAndCount(TradingPhase.PRE_OPEN, commands);
        cover(harness, "TRADE with market orders only", 10);
        cover(harness, "MIN_QUANTITY_UNFILLABLE", 3);
    }

    /** Requires at least {@code percent} of the tries to have accepted a move or replace of that kind. */
    private static void coverChange(DifferentialHarness harness, String what, int percent) {
        Statistics.label(what).collect(harness.changeTally.containsKey(what));
        Statistics.label(what).coverage(c -> c.check(true).percentage(p -> p >= percent));
    }

    /** Requires at least {@code percent} of the tries to have seen {@code what} at an uncross. */
    private static void cover(DifferentialHarness harness, String what, int percent) {
        Statistics.label(what).collect(harness.uncrossTally.containsKey(what));
        Statistics.label(what).coverage(c -> c.check(true).percentage(p -> p >= percent));
    }

    @Property(tries = 1_000)
    @Tag("slow")
    void shouldMatchTheOracleOnLongSequencesWithManyIdsWhenRunSlow(@ForAll("longSequences") List<BookCommand> commands) {
        runAndCount(TradingPhase.CONTINUOUS, commands);
    }

    @Property(tries = 1_000)
    @Tag("slow")
    void shouldMatchTheOracleInTheAuctionOnLongSequencesWhenRunSlow(
        @ForAll("longAuctionSequences") List<BookCommand> commands) {
        runAndCount(TradingPhase.PRE_OPEN, commands);
    }

    private static DifferentialHarness runAndCount(TradingPhase phase, List<BookCommand> commands) {
        DifferentialHarness harness = new DifferentialHarness(phase);
        harness.run(commands);
        assertThat(harness.steps).isEqualTo(commands.size());
        return harness;
    }

    @Provide
    Arbitrary<List<BookCommand>> continuousSequences() {
        return BookCommands.sequences(350, 450, 5_000);
    }

    @Provide
    Arbitrary<List<BookCommand>> auctionSequences() {
        return BookCommands.auctionSequences(150, 350, 400);
    }

    @Provide
    Arbitrary<List<BookCommand>> marketOnlyAuctionSequences() {
        return BookCommands.marketOnlyAuctionSequences(10, 40);
    }

    @Provide
    Arbitrary<List<BookCommand>> longAuctionSequences() {
        return BookCommands.auctionSequences(1_000, 2_000, 3_000);
    }

    @Provide
    Arbitrary<List<BookCommand>> longSequences() {
        return BookCommands.sequences(1_500, 2_500, 50_000);
    }
}
