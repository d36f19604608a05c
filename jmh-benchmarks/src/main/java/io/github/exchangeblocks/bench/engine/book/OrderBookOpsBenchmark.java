package io.github.exchangeblocks.bench.engine.book;

import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.LevelVisitor;
import io.github.exchangeblocks.api.book.OrderBook;
import io.github.exchangeblocks.engine.book.OrderBookSettings;
import io.github.exchangeblocks.engine.book.OrderBooks;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Each book operation on its own, against a book holding 1,000 resting orders on 100 levels per side: place and
 * cancel, amend (quantity down, then up again), move (one tick away and back), a match (a resting order and a
 * crossing IOC that fills it), and a level 2 walk of both sides with {@code forEachLevel}.
 * Meant for {@code -prof gc}: each must allocate 0 bytes per operation in steady state. Scores are operations
 * (book commands) per microsecond.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class OrderBookOpsBenchmark {
    private static final long MID = 100_000;

    private final BookReplay.CountingListener listener = new BookReplay.CountingListener();
    private long visitedQuantity;
    private final LevelVisitor sumQuantities = (side, index, price, quantity, count) -> visitedQuantity += quantity;
    private OrderBook book;
    private long clock;
    private long nextId = 1_000_000;

    /** Fills both sides: 100 levels of 5 orders each, spread around the mid price. */
    @Setup
    public void fill() {
        book = OrderBooks.create(OrderBookSettings.builder().expectedOrders(4_096).build(), listener);
        long id = 1;
        for (int level = 1; level <= 100; level++) {
            for (int k = 0; k < 5; k++) {
                book.placeLimit(++clock, id++, 1 + k, Side.BUY, TimeInForce.GTC, MID - level, 10);
                book.placeLimit(++clock, id++, 1 + k, Side.SELL, TimeInForce.GTC, MID + level, 10);
            }
        }
    }

    /**
     * Places a passive order a few levels inside the book and cancels it.
     *
     * @return whether both commands were accepted
     */
    @Benchmark
    @OperationsPerInvocation(2)
    public boolean placeAndCancel() {
        long id = ++nextId;
        long price = MID - 1 - (id & 7);
        return book.placeLimit(++clock, id, 9, Side.BUY, TimeInForce.GTC, price, 3)
            & book.cancelOrder(++clock, id, 9);
    }

    /**
     * Amends a resting order down (keeps priority), then up (loses priority and re-enters at the back).
     *
     * @return whether both amends were accepted
     */
    @Benchmark
    @OperationsPerInvocation(2)
    public boolean amendDownAndUp() {
        return book.amendOrder(++clock, 1, 1, MID - 1, 5) & book.amendOrder(++clock, 1, 1, MID - 1, 10);
    }

    /**
     * Moves a resting order one tick down (it loses priority) and back up, keeping its quantity.
     *
     * @return whether both moves were accepted
     */
    @Benchmark
    @OperationsPerInvocation(2)
    public boolean moveDownAndUp() {
        return book.moveOrder(++clock, 1, 1, MID - 2) & book.moveOrder(++clock, 1, 1, MID - 1);
    }

    /**
     * Visits every level of both sides (100 each): one operation is one side's walk.
     *
     * @return the total quantity visited so far, so the walk cannot be optimised away
     */
    @Benchmark
    @OperationsPerInvocation(2)
    public long visitAllLevels() {
        book.forEachLevel(Side.BUY, sumQuantities);
        book.forEachLevel(Side.SELL, sumQuantities);
        return visitedQuantity;
    }

    /**
     * Rests a sell at the best ask and lifts exactly it with an IOC buy: one trade.
     *
     * @return whether both orders were accepted
     */
    @Benchmark
    @OperationsPerInvocation(2)
    public boolean restAndMatch() {
        long sell = ++nextId;
        long buy = ++nextId;
        return book.placeLimit(++clock, sell, 7, Side.SELL, TimeInForce.GTC, MID, 4)
            & book.placeLimit(++clock, buy, 8, Side.BUY, TimeInForce.IOC, MID, 4);
    }
}
