package io.github.exchangeblocks.engine.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.book.AuctionIndication;
import io.github.exchangeblocks.api.book.DepthSnapshot;
import io.github.exchangeblocks.api.book.OrderBook;
import io.github.exchangeblocks.api.book.TradingPhase;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Drives the real book and the oracle with the same commands and checks, after every step: identical events and
 * outcomes, identical L2 and L3, identical auction indication, and the invariants (not crossed at rest in
 * continuous trading, quantity conserved, the event-derived working quantities equal the book's). Halfway
 * through it snapshots the real book, restores a copy and from then on checks the copy produces the same events
 * and the same state hash.
 */
final class DifferentialHarness {
    private final EventLog bookLog = new EventLog();
    private final QuantityLedger ledger = new QuantityLedger(bookLog);
    private final EventLog oracleLog = new EventLog();
    private final OrderBookSettings settings;
    private final OrderBook book;
    private final ReferenceBook oracle;
    private final DepthSnapshot depth = new DepthSnapshot(64);
    private final AuctionIndication indication = new AuctionIndication();
    private EventLog copyLog;
    private OrderBook copy;
    long steps;
    /**
     * What phase changes (uncrosses) did, for coverage statistics: cancel reasons by count, "TRADE" for uncrosses
     * that traded, "TRADE with market orders" for those that traded while auction market orders rested, and
     * "TRADE with market orders only" for those where nothing else rested.
     */
    final Map<String, Integer> uncrossTally = new TreeMap<>();

    /**
     * Accepted moves and replaces, for coverage statistics: "Move kept" (same price), "Move lost", "Replace lost",
     * by count.
     */
    final Map<String, Integer> changeTally = new TreeMap<>();

    DifferentialHarness(TradingPhase initialPhase) {
        settings = BookCommands.settings(initialPhase);
        book = OrderBooks.create(settings, ledger);
        oracle = new ReferenceBook(settings, oracleLog);
    }

    void run(List<BookCommand> commands) {
        for (int i = 0; i < commands.size(); i++) {
            if (i == commands.size() / 2) {
                restoreCopy();
            }
            step(commands.get(i), 1_000L + i);
        }
        if (copy != null) {
            assertThat(copy.stateHash()).isEqualTo(book.stateHash());
        }
    }

    private void restoreCopy() {
        ByteBuffer buffer = ByteBuffer.allocate(book.snapshotLength());
        book.writeSnapshot(buffer);
        buffer.flip();
        copyLog = new EventLog();
        copy = OrderBooks.restore(settings, copyLog, buffer);
        assertThat(copy.stateHash()).isEqualTo(book.stateHash());
        assertThat(l3(copy)).isEqualTo(l3(book));
    }

    private void step(BookCommand generated, long ts) {
        BookCommand command = generated.resolve(oracle);
        boolean marketsResting = oracle.resting.stream().anyMatch(o -> o.price == 0);
        boolean onlyMarketsResting = marketsResting && oracle.resting.stream().allMatch(o -> o.price == 0);
        long outcome = command.applyTo(book, ts);
        long expected = command.applyTo(oracle, ts);
        steps++;
        List<String> events = bookLog.drain();
        assertThat(events).as("events of %s", command).isEqualTo(oracleLog.drain());
        assertThat(outcome).as("outcome of %s", command).isEqualTo(expected);
        if (copy != null) {
            assertThat(command.applyTo(copy, ts)).isEqualTo(outcome);
            assertThat(copyLog.drain()).as("restored copy events of %s", command).isEqualTo(events);
        }
        bookLog.messages.clear();
        if ((command instanceof BookCommand.Move || command instanceof BookCommand.Replace) && outcome == 1) {
            changeTally.merge(command.getClass().getSimpleName() + (events.get(0).endsWith(" kept") ? " kept"
                : " lost"), 1, Integer::sum);
        }
        if (command instanceof BookCommand.Phase) {
            tallyUncross(events, marketsResting, onlyMarketsResting);
        }
        checkViews(command);
        checkInvariants(command);
    }

    private void tallyUncross(List<String> events, boolean marketsResting, boolean onlyMarketsResting) {
        for (String event : events) {
            if (event.startsWith("CANCELLED")) {
                uncrossTally.merge(event.substring(event.lastIndexOf(' ') + 1), 1, Integer::sum);
            }
        }
        if (events.stream().anyMatch(e -> e.startsWith("TRADE"))) {
            uncrossTally.merge("TRADE", 1, Integer::sum);
            if (marketsResting) {
                uncrossTally.merge("TRADE with market orders", 1, Integer::sum);
            }
            if (onlyMarketsResting) {
                uncrossTally.merge("TRADE with market orders only", 1, Integer::sum);
            }
        }
    }

    private void checkViews(BookCommand command) {
        book.depth(depth);
        List<String> l2 = new ArrayList<>();
        for (int i = 0; i < depth.bidLevels(); i++) {
            l2.add("B " + depth.bidPrice(i) + " " + depth.bidQuantity(i) + " " + depth.bidCount(i));
        }
        for (int i = 0; i < depth.askLevels(); i++) {
            l2.add("S " + depth.askPrice(i) + " " + depth.askQuantity(i) + " " + depth.askCount(i));
        }
        List<String> expectedL2 = oracleL2();
        assertThat(l2).as("L2 after %s", command).isEqualTo(expectedL2);
        assertThat(visitedLevels(Integer.MAX_VALUE)).as("visited levels after %s", command).isEqualTo(expectedL2);
        assertThat(visitedLevels(2)).as("best two levels a side after %s", command)
            .isEqualTo(bestTwoLevelsASide(expectedL2));
        assertThat(l3(book)).as("L3 after %s", command).isEqualTo(oracleL3());
        assertThat(book.phase()).isEqualTo(oracle.phase);
        assertThat(book.referencePrice()).isEqualTo(oracle.reference);
        book.auctionIndication(indication);
        long[] eq = oracle.equilibrium();
        assertThat(new long[] {indication.price(), indication.volume(), indication.buyQuantity(),
            indication.sellQuantity()}).as("auction indication after %s", command).containsExactly(eq);
    }

    private void checkInvariants(BookCommand command) {
        long bid = book.bestBidPrice();
        long ask = book.bestAskPrice();
        if (book.phase() == TradingPhase.CONTINUOUS && bid != 0 && ask != 0) {
            assertThat(bid).as("crossed at rest after %s", command).isLessThan(ask);
        }
        long resting = 0;
        for (Long id : ledger.working.keySet()) {
            assertThat(book.remainingQuantity(id)).as("working quantity of %d", id)
                .isEqualTo(ledger.working.get(id));
            resting += book.remainingQuantity(id);
        }
        assertThat(ledger.working).hasSize(book.orderCount());
        assertThat(ledger.entered).as("quantity conservation after %s", command)
            .isEqualTo(ledger.tradedBothSides + ledger.cancelled + resting);
    }

    /** Both sides through {@code forEachLevel}, at most {@code maxLevels} a side, in the L2 format below. */
    private List<String> visitedLevels(int maxLevels) {
        List<String> l2 = new ArrayList<>();
        for (Side side : Side.values()) {
            int[] next = {0};
            int visited = book.forEachLevel(side, maxLevels, (s, index, price, qty, count) -> {
                assertThat(s).isEqualTo(side);
                assertThat(index).as("depth index").isEqualTo(next[0]++);
                l2.add((s == Side.BUY ? "B " : "S ") + price + " " + qty + " " + count);
            });
            assertThat(visited).isEqualTo(Math.min(maxLevels, book.levelCount(side)));
        }
        return l2;
    }

    private static List<String> bestTwoLevelsASide(List<String> l2) {
        List<String> best = new ArrayList<>();
        for (String prefix : new String[] {"B ", "S "}) {
            l2.stream().filter(level -> level.startsWith(prefix)).limit(2).forEach(best::add);
        }
        return best;
    }

    private List<String> oracleL2() {
        List<String> l2 = new ArrayList<>();
        for (Side side : Side.values()) {
            long price = 0;
            long qty = 0;
            int count = 0;
            for (ReferenceOrder o : oracle.sorted(side)) {
                if (o.price == 0) {
                    // An auction market order without protection is in no level.
                    continue;
                }
                if (count > 0 && o.price != price) {
                    l2.add((side == Side.BUY ? "B " : "S ") + price + " " + qty + " " + count);
                    qty = 0;
                    count = 0;
                }
                price = o.price;
                qty += o.remaining;
                count++;
            }
            if (count > 0) {
                l2.add((side == Side.BUY ? "B " : "S ") + price + " " + qty + " " + count);
            }
        }
        return l2;
    }

    private List<String> oracleL3() {
        List<String> l3 = new ArrayList<>();
        for (Side side : Side.values()) {
            for (ReferenceOrder o : oracle.sorted(side)) {
                l3.add(o.id + "/" + o.owner + " " + o.side + " " + o.tif + " " + o.remaining + "@" + o.price + " t="
                    + o.timestamp);
            }
        }
        return l3;
    }

    static List<String> l3(OrderBook book) {
        List<String> l3 = new ArrayList<>();
        for (Side side : Side.values()) {
            book.forEachOrder(side, (id, owner, s, tif, price, remaining, ts) ->
                l3.add(id + "/" + owner + " " + s + " " + tif + " " + remaining + "@" + price + " t=" + ts));
        }
        return l3;
    }
}
