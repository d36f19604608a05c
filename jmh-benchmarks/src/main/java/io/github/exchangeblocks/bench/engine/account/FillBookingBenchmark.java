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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Fill booking throughput. One invocation accepts a 10-lot BUY OPEN order (standard risk chain), books it as ten
 * 1-lot fills at alternating prices, accepts a 10-lot SELL CLOSETODAY and books ten 1-lot closing fills: 20 fills
 * (and 2 order acceptances, 2 freezes and releases) per invocation, so the score is fills per second including the
 * amortised order cost. Each fill's commission is read from the book's {@code lastFill()} flyweight, as a venue
 * reporting trades does. The position returns to flat each invocation, so the state is steady; {@code -prof gc}
 * shows the allocation rate of the whole cycle.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FillBookingBenchmark {
    private static final int FILLS = 20;
    private AccountBook book;
    private int account;
    private long nextOrderId = 1;

    /** Opens one funded account and warms the position and order pool. */
    @Setup
    public void setUp() {
        book = new AccountBook(BenchInstruments.registry(1), RiskChain.standard(1_000, 1_000_000, 1_000));
        account = book.openAccount("bench");
        book.deposit(account, 1_000_000_000_000L);
    }

    /**
     * One open-then-close cycle of 20 fills.
     *
     * @return the account's balance plus the commissions reported per fill, so the work is not eliminated
     */
    @Benchmark
    @OperationsPerInvocation(FILLS)
    public long bookFills() {
        long reported = 0;
        long open = nextOrderId++;
        book.placeOrder(account, open, 0, Side.BUY, Offset.OPEN, OrderType.LIMIT, 7010, 10);
        for (int i = 0; i < 10; i++) {
            book.fill(open, 7000 + (i & 1), 1);
            reported += book.lastFill().commission();
        }
        long close = nextOrderId++;
        book.placeOrder(account, close, 0, Side.SELL, Offset.CLOSETODAY, OrderType.LIMIT, 6990, 10);
        for (int i = 0; i < 10; i++) {
            book.fill(close, 7000 + (i & 3), 1);
            reported += book.lastFill().commission();
        }
        return book.account(account).balance() + reported;
    }
}
