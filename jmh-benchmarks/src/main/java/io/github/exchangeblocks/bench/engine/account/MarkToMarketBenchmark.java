package io.github.exchangeblocks.bench.engine.account;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.engine.account.AccountBook;
import io.github.exchangeblocks.engine.risk.RiskChain;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Mark-to-market of one instrument held by {@code holders} accounts, while {@code bystanders} further accounts
 * hold a different instrument. The cost should follow {@code holders} only: compare the two {@code bystanders}
 * values side by side.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MarkToMarketBenchmark {
    /** Accounts holding the marked instrument. */
    @Param("10000")
    public int holders;

    /** Accounts holding only another instrument. */
    @Param({"0", "90000"})
    public int bystanders;

    private AccountBook book;
    private long tick;

    /** Opens the accounts and gives each a long position (half of them also a short in the other instrument). */
    @Setup
    public void setUp() {
        book = new AccountBook(BenchInstruments.registry(2), RiskChain.none());
        long orderId = 1;
        for (int i = 0; i < holders + bystanders; i++) {
            int account = book.openAccount("user" + i);
            book.deposit(account, 10_000_000_000L);
            int instrument = i < holders ? 0 : 1;
            book.placeOrder(account, orderId, instrument, Side.BUY, Offset.OPEN, OrderType.LIMIT, 7000, 2);
            book.fill(orderId++, 7000, 2);
        }
    }

    /**
     * One price update of instrument 0.
     *
     * @return the first account's position profit
     */
    @Benchmark
    public long markOneInstrument() {
        book.markPrice(0, 7000 + (tick++ & 15));
        return book.account(0).positionProfit();
    }
}
