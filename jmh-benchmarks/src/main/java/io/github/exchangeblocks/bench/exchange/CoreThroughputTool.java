package io.github.exchangeblocks.bench.exchange;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.engine.venue.VenueSettings;
import io.github.exchangeblocks.examples.exchange.CommandSource;
import io.github.exchangeblocks.examples.exchange.CoreConfig;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand;
import io.github.exchangeblocks.examples.exchange.ExchangeCore;
import io.github.exchangeblocks.examples.exchange.ExchangeListener;
import io.github.exchangeblocks.examples.exchange.ExchangeState;
import io.github.exchangeblocks.wal.DurabilityMode;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Commands per second through the whole exchange core (ring, journal, risk, book, accounts, order records) on
 * {@link CoreWorkload}'s mix, in NONE and GROUP durability, beside the same commands applied straight to an
 * {@link ExchangeState} (no ring, no journal) in the same run; then the latency from submit to durable
 * acknowledgement at a paced 100,000 commands per second (HdrHistogram percentiles, microseconds).
 *
 * <p>Run: {@code java -cp jmh-benchmarks/target/benchmarks.jar
 * io.github.exchangeblocks.bench.exchange.CoreThroughputTool [commands=1000000] [rounds=3]}. The journal goes to a
 * temporary directory under {@code java.io.tmpdir} that is deleted afterwards.
 */
public final class CoreThroughputTool {
    private CoreThroughputTool() {
    }

    /**
     * @param args optional command count and rounds
     * @throws Exception if the journal directory cannot be used
     */
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ExchangeCommand[] commands = CoreWorkload.commands(42, count);
        for (int round = 1; round <= rounds; round++) {
            System.out.printf("round %d: state only %,.0f/s | core NONE %,.0f/s | core GROUP %,.0f/s%n", round,
                    stateOnly(commands), throughput(commands, DurabilityMode.NONE),
                    throughput(commands, DurabilityMode.GROUP));
        }
        for (DurabilityMode mode : new DurabilityMode[] {DurabilityMode.GROUP, DurabilityMode.NONE}) {
            Histogram latency = latency(commands, mode, 100_000, 3);
            System.out.printf("%s submit->ack at 100,000/s, %,d commands: p50 %.1f us, p99 %.1f us, p99.9 %.1f us,"
                    + " max %.1f us%n", mode, latency.getTotalCount(), latency.getValueAtPercentile(50) / 1e3,
                    latency.getValueAtPercentile(99) / 1e3, latency.getValueAtPercentile(99.9) / 1e3,
                    latency.getMaxValue() / 1e3);
        }
    }

    private static double stateOnly(ExchangeCommand[] commands) {
        ExchangeState state = new ExchangeState(VenueSettings.builder().build(), 20261207, new ExchangeListener() {
        });
        for (ExchangeCommand command : CoreWorkload.setup()) {
            state.apply(0, command);
        }
        long start = System.nanoTime();
        for (int i = 0; i < commands.length; i++) {
            state.apply(i, commands[i]);
        }
        return commands.length / ((System.nanoTime() - start) / 1e9);
    }

    static double throughput(ExchangeCommand[] commands, DurabilityMode mode) throws Exception {
        Path dir = Files.createTempDirectory("core-bench");
        CountDownLatch done = new CountDownLatch(commands.length);
        CommandSource source = (correlationId, sequence, code, message) -> done.countDown();
        long[] clock = {1};
        try (ExchangeCore core = ExchangeCore.start(config(dir, mode), new ExchangeListener() {
        }, () -> clock[0]++)) {
            long start = System.nanoTime();
            for (int i = 0; i < commands.length; i++) {
                while (core.submit(commands[i], source, i) == RejectCode.EXCHANGE_BUSY) {
                    Thread.onSpinWait();
                }
            }
            if (!done.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("not all commands acknowledged");
            }
            return commands.length / ((System.nanoTime() - start) / 1e9);
        } finally {
            delete(dir);
        }
    }

    static Histogram latency(ExchangeCommand[] commands, DurabilityMode mode, int perSecond, int seconds)
            throws Exception {
        Path dir = Files.createTempDirectory("core-latency");
        int total = Math.min(commands.length, perSecond * seconds);
        long[] submitted = new long[total];
        Histogram histogram = new Histogram(3);
        CountDownLatch done = new CountDownLatch(total);
        CommandSource source = (correlationId, sequence, code, message) -> {
            histogram.recordValue(System.nanoTime() - submitted[(int) correlationId]);
            done.countDown();
        };
        long[] clock = {1};
        try (ExchangeCore core = ExchangeCore.start(config(dir, mode), new ExchangeListener() {
        }, () -> clock[0]++)) {
            long intervalNs = 1_000_000_000L / perSecond;
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + i * intervalNs;
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
                submitted[i] = due;
                while (core.submit(commands[i], source, i) == RejectCode.EXCHANGE_BUSY) {
                    LockSupport.parkNanos(1_000);
                }
            }
            if (!done.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("not all commands acknowledged");
            }
            return histogram;
        } finally {
            delete(dir);
        }
    }

    private static CoreConfig config(Path dir, DurabilityMode mode) {
        return new CoreConfig(dir, mode, 1 << 16, 0, 20261207, VenueSettings.builder().build(),
                CoreWorkload.setup());
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
