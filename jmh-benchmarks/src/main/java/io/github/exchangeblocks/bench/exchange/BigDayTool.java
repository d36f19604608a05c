package io.github.exchangeblocks.bench.exchange;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.engine.venue.VenueSettings;
import io.github.exchangeblocks.examples.exchange.Defaults;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand;
import io.github.exchangeblocks.examples.exchange.ExchangeListener;
import io.github.exchangeblocks.examples.exchange.ExchangeState;
import org.HdrHistogram.Histogram;

import java.util.SplittableRandom;

/**
 * The time of each command over a trading day in which one user sends millions of orders: what the state's
 * per-day structures (every client order id of the day, every order record) cost once they are far larger than
 * the caches, and whether any single command stalls while they grow. The orders are IOC limits that do not cross,
 * so each is recorded and then cancelled by the book, and the book stays empty: the figure is the day's
 * bookkeeping, not matching.
 *
 * <p>Run: {@code java -Xms4g -Xmx4g -cp jmh-benchmarks/target/benchmarks.jar
 * io.github.exchangeblocks.bench.exchange.BigDayTool [orders=2000000] [--random-ids]}: client order ids count up
 * ({@code "o1"}, ...), or are a fixed prefix and 32 random hex digits. The commands are built before timing; the
 * times are of {@link ExchangeState#apply} alone (nanoseconds, HdrHistogram), so they include the collections that
 * fall inside a command.
 */
public final class BigDayTool {
    private BigDayTool() {
    }

    /**
     * @param options optional order count; {@code --random-ids} anywhere for random client order ids
     */
    public static void main(String[] options) {
        boolean randomIds = CoreWorkload.randomIds(options);
        String[] args = CoreWorkload.positional(options);
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        String user = "u0";
        ExchangeState state = new ExchangeState(VenueSettings.builder().build(), 20261207, new ExchangeListener() {
        });
        for (ExchangeCommand command : CoreWorkload.setup(CoreWorkload.users())) {
            state.apply(0, command);
        }
        SplittableRandom random = new SplittableRandom(11);
        ExchangeCommand[] commands = new ExchangeCommand[orders];
        String instrument = Defaults.COPPER.instrumentId();
        for (int i = 0; i < orders; i++) {
            String id = randomIds ? CoreWorkload.randomClientOrderId(random) : "o" + i;
            commands[i] = new ExchangeCommand.InsertOrder(user, id, instrument, Side.BUY, Offset.OPEN,
                    OrderType.LIMIT, TimeInForce.IOC, 60_000, 1, 0);
        }
        System.gc();
        Histogram latency = new Histogram(3);
        int overOneMs = 0;
        long start = System.nanoTime();
        for (int i = 0; i < orders; i++) {
            long before = System.nanoTime();
            RejectCode code = state.apply(i, commands[i]);
            long took = System.nanoTime() - before;
            if (code != null) {
                throw new IllegalStateException("order " + i + " refused: " + code + " " + state.resultMessage());
            }
            latency.recordValue(took);
            if (took > 1_000_000) {
                overOneMs++;
            }
        }
        long wall = System.nanoTime() - start;
        System.out.printf("%,d orders of one user, client order ids %s: %,.0f/s; per command p50 %.2f us, p99 %.2f us,"
                        + " p99.99 %.1f us, max %.1f us; %d commands over 1 ms%n", orders,
                randomIds ? "random" : "counting up", orders / (wall / 1e9), latency.getValueAtPercentile(50) / 1e3,
                latency.getValueAtPercentile(99) / 1e3, latency.getValueAtPercentile(99.99) / 1e3,
                latency.getMaxValue() / 1e3, overOneMs);
    }
}
