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
 * The account book following a book's order changes, and refusals. {@code amendReduceCycle}: one invocation places
 * a 10-lot BUY OPEN order, amends it up to 12 lots (funds and position checks), amends its price (re-admitted),
 * reduces it by 2 lots (as decrement-and-cancel self-trade prevention reports), fills 5 lots, cancels the rest, then
 * closes the 5 lots (a CLOSETODAY order and its fill) so the state is steady: 8 account-book commands per
 * invocation. {@code refusedFill}: a fill above a BUY order's limit, refused with a
 * code and a message (prices as decimals) written into the book's reused buffer. {@code -prof gc} shows whether
 * either allocates.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class OrderChangesBenchmark {
    private static final int COMMANDS = 8;
    private AccountBook book;
    private int account;
    private long nextOrderId = 2;

    /** Opens one funded account, warms the position and order pool, and leaves order 1 open for refused fills. */
    @Setup
    public void setUp() {
        book = new AccountBook(BenchInstruments.registry(1), RiskChain.standard(1_000, 1_000_000, 1_000));
        account = book.openAccount("bench");
        book.deposit(account, 1_000_000_000_000L);
        book.placeOrder(account, 1, 0, Side.BUY, Offset.OPEN, OrderType.LIMIT, 7000, 1);
    }

    /**
     * Place, amend up, amend price, reduce, fill, cancel, close.
     *
     * @return the account's frozen margin plus available, so the work is not eliminated
     */
    @Benchmark
    @OperationsPerInvocation(COMMANDS)
    public long amendReduceCycle() {
        long id = nextOrderId++;
        book.placeOrder(account, id, 0, Side.BUY, Offset.OPEN, OrderType.LIMIT, 7000, 10);
        book.amendOrder(id, 7000, 12);
        book.amendOrder(id, 7001, 12);
        book.reduceOrder(id, 2);
        book.fill(id, 7000, 5);
        book.cancelOrder(id);
        long close = nextOrderId++;
        book.placeOrder(account, close, 0, Side.SELL, Offset.CLOSETODAY, OrderType.LIMIT, 7000, 5);
        book.fill(close, 7000, 5);
        return book.account(account).frozenMargin() + book.account(account).available();
    }

    /**
     * A fill above the limit, refused.
     *
     * @return the message length, so the work is not eliminated
     */
    @Benchmark
    public int refusedFill() {
        book.fill(1, 7001, 1);
        return book.lastRejectMessage().length();
    }
}
