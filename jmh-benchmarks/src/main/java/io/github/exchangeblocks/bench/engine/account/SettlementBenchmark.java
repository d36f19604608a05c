package io.github.exchangeblocks.bench.engine.account;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.settlement.AccountStatement;
import io.github.exchangeblocks.engine.account.AccountBook;
import io.github.exchangeblocks.engine.risk.RiskChain;
import java.util.ArrayList;
import java.util.List;
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
 * Daily settlement of {@code accounts} accounts, each holding a long and a short position in two of four
 * instruments, with or without building the per-account statements. Each invocation settles the next trading day.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SettlementBenchmark {
    /** Number of accounts. */
    @Param("100000")
    public int accounts;

    /** Whether statements are built. */
    @Param({"false", "true"})
    public boolean statements;

    private AccountBook book;
    private final long[] prices = {7000, 7010, 7020, 7030};
    private int day = 20250101;

    /** Opens the accounts and their positions. */
    @Setup
    public void setUp() {
        book = new AccountBook(BenchInstruments.registry(4), RiskChain.none());
        long orderId = 1;
        for (int i = 0; i < accounts; i++) {
            int account = book.openAccount("user" + i);
            book.deposit(account, 10_000_000_000L);
            book.placeOrder(account, orderId, i & 3, Side.BUY, Offset.OPEN, OrderType.LIMIT, 7000, 3);
            book.fill(orderId++, 7000, 3);
            book.placeOrder(account, orderId, (i + 1) & 3, Side.SELL, Offset.OPEN, OrderType.LIMIT, 7000, 2);
            book.fill(orderId++, 7000, 2);
        }
    }

    /**
     * Settles one day.
     *
     * @return the number of statements built
     */
    @Benchmark
    public int settleAllAccounts() {
        for (int i = 0; i < prices.length; i++) {
            prices[i] += (day & 1) == 0 ? 5 : -5;
        }
        List<AccountStatement> out = statements ? new ArrayList<>(accounts) : null;
        book.settle(++day, prices, out);
        return out == null ? 0 : out.size();
    }
}
