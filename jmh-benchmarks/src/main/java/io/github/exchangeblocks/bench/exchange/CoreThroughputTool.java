package io.github.exchangeblocks.bench.exchange;

import com.sun.management.ThreadMXBean;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.engine.venue.VenueSettings;
import io.github.exchangeblocks.examples.exchange.CommandSource;
import io.github.exchangeblocks.examples.exchange.CoreConfig;
import io.github.exchangeblocks.examples.exchange.Defaults;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand;
import io.github.exchangeblocks.examples.exchange.ExchangeCore;
import io.github.exchangeblocks.examples.exchange.ExchangeListener;
import io.github.exchangeblocks.examples.exchange.ExchangeState;
import io.github.exchangeblocks.examples.server.ExchangeServer;
import io.github.exchangeblocks.examples.server.ServerConfig;
import io.github.exchangeblocks.wal.DurabilityMode;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
 * <p><b>What it measures.</b> Each throughput figure is the wall-clock rate of one submitting thread handing the
 * pre-built commands to a fresh core and waiting for every acknowledgement, with the applying thread's CPU time
 * and heap allocation per command beside it: the CPU figure is what the engine costs on a core of its own, and
 * moves far less than the rate when other work shares the machine; the allocation figure is the state's growth
 * (every order and trade of the trading day is kept) plus any garbage. The commands are built once, before any
 * timing, and a full collection runs before each measured run ({@link #settle()}), so neither the generator's
 * garbage nor the promotion of the million commands is charged to a run; the young collections inside a run copy
 * the run's own state, which a real trading day pays too. The latency runs start on a settled heap in the same way.
 *
 * <p>Run: {@code java -Xms4g -Xmx4g -cp jmh-benchmarks/target/benchmarks.jar
 * io.github.exchangeblocks.bench.exchange.CoreThroughputTool [commands=1000000] [rounds=9] [latency]
 * [latencySeconds=3] [--random-ids]}; a latency run takes {@code 100,000 x latencySeconds} of the commands, and
 * its figures are printed for all of them and for those due after its first second (a fresh journal's first
 * forces also allocate the file's blocks). The journal goes to a temporary directory under
 * {@code java.io.tmpdir} that is deleted afterwards ({@code -Djava.io.tmpdir=/dev/shm} puts it on tmpfs, which
 * shows the core's share of the GROUP latency without the disk's fsync). {@code --random-ids} anywhere among the
 * arguments makes the client order ids random instead of counting up ({@link CoreWorkload}).
 */
public final class CoreThroughputTool {
    /** How long the latency pacer parks between rounds (Linux wakes it some 50 us later). */
    private static final long PACER_PARK_NS = 20_000;
    /** Rounds of the whole server (each takes some seconds; its figure moves less than the core's). */
    private static final int SERVER_ROUNDS = 3;
    /** Commands per second of the latency runs. */
    private static final int LATENCY_RATE = 100_000;

    private CoreThroughputTool() {
    }

    /**
     * @param options optional command count, rounds, and {@code latency} to measure the latency only (after one
     *                warm-up run through the core in each mode); {@code --random-ids} anywhere for random client
     *                order ids
     * @throws Exception if the journal directory cannot be used
     */
    public static void main(String[] options) throws Exception {
        boolean randomIds = CoreWorkload.randomIds(options);
        String[] args = CoreWorkload.positional(options);
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
        boolean latencyOnly = args.length > 2 && args[2].equals("latency");
        CoreWorkload.Generated workload = CoreWorkload.generated(42, count, CoreWorkload.users(), randomIds);
        ExchangeCommand[] commands = workload.commands();
        System.out.printf("workload: %,d commands, %.2f%% refused by the exchange, client order ids %s; load average"
                + " %s%n", count, 100 * workload.rejectShare(),
                randomIds ? "random" : "counting up", loadAverage());
        if (latencyOnly) {
            // Compiles the engine's paths first, as the throughput rounds do otherwise: a cold JVM falls behind.
            System.out.printf("warm-up: core NONE %s | core GROUP %s%n", throughput(commands, DurabilityMode.NONE),
                    throughput(commands, DurabilityMode.GROUP));
        } else {
            throughputs(commands, count, rounds, randomIds);
        }
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        for (DurabilityMode mode : new DurabilityMode[] {DurabilityMode.GROUP, DurabilityMode.NONE}) {
            Histogram[] latency = latency(commands, mode, LATENCY_RATE, seconds);
            print(mode + " submit->ack at 100,000/s", latency[0]);
            print(mode + " the same after its first second", latency[1]);
        }
        System.out.println("load average at the end: " + loadAverage());
    }

    /** @return the 1, 5 and 15 minute load averages as {@code /proc/loadavg} has them, or the JVM's 1-minute one */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static void print(String label, Histogram latency) {
        System.out.printf("%s, %,d commands: p50 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us%n", label,
                latency.getTotalCount(), latency.getValueAtPercentile(50) / 1e3,
                latency.getValueAtPercentile(99) / 1e3, latency.getValueAtPercentile(99.9) / 1e3,
                latency.getMaxValue() / 1e3);
    }

    private static void throughputs(ExchangeCommand[] commands, int count, int rounds, boolean randomIds)
            throws Exception {
        List<Rate> state = new ArrayList<>();
        List<Rate> none = new ArrayList<>();
        List<Rate> group = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            state.add(stateOnly(commands));
            none.add(throughput(commands, DurabilityMode.NONE));
            group.add(throughput(commands, DurabilityMode.GROUP));
            System.out.printf("round %d: state only %s | core NONE %s | core GROUP %s%n", round,
                    state.get(round - 1), none.get(round - 1), group.get(round - 1));
        }
        if (rounds > 2) {
            System.out.printf("median of rounds 2..%d: state only %s | core NONE %s | core GROUP %s%n", rounds,
                    medianAfterFirst(state), medianAfterFirst(none), medianAfterFirst(group));
        }
        ExchangeCommand[] demoCommands = CoreWorkload.commands(42, count, diffUsers(), randomIds);
        for (int round = 1; round <= Math.min(rounds, SERVER_ROUNDS); round++) {
            System.out.printf("round %d: server (core GROUP + DIFF publisher, 2 logged-in peeking sessions) %s%n",
                    round, throughputWithDiff(demoCommands));
        }
    }

    /**
     * Commands per second by the wall clock, the applying thread's CPU time per command (what the engine would
     * sustain on a core of its own; less disturbed than the wall clock by other work on the machine) and the bytes
     * it allocated per command.
     */
    record Rate(double perSecond, double cpuNsPerCommand, double bytesPerCommand) {
        @Override
        public String toString() {
            return String.format("%,.0f/s (%,.0f ns CPU, %,.0f B allocated /command)", perSecond, cpuNsPerCommand,
                    bytesPerCommand);
        }
    }

    /**
     * The median round by rate, leaving out the first (it runs while the JIT still compiles the engine's paths); the
     * rate and the CPU figure of one machine's rounds move with whatever else the machine runs, so the median of
     * several rounds is the figure to compare.
     */
    private static Rate medianAfterFirst(List<Rate> rounds) {
        List<Rate> sorted = new ArrayList<>(rounds.subList(1, rounds.size()));
        sorted.sort(Comparator.comparingDouble(Rate::perSecond));
        return sorted.get(sorted.size() / 2);
    }

    /**
     * Runs a full collection, so that a measured run starts with an empty young generation and the commands
     * already in the old one (they were allocated before any run and live through all of them).
     */
    private static void settle() {
        System.gc();
    }

    private static Rate stateOnly(ExchangeCommand[] commands) {
        ExchangeState state = new ExchangeState(VenueSettings.builder().build(), 20261207, new ExchangeListener() {
        });
        for (ExchangeCommand command : CoreWorkload.setup(CoreWorkload.users())) {
            state.apply(0, command);
        }
        settle();
        ThreadMXBean threads = threads();
        long self = Thread.currentThread().getId();
        long cpuStart = threads.getThreadCpuTime(self);
        long allocatedStart = threads.getThreadAllocatedBytes(self);
        long start = System.nanoTime();
        for (int i = 0; i < commands.length; i++) {
            state.apply(i, commands[i]);
        }
        long wall = System.nanoTime() - start;
        return new Rate(commands.length / (wall / 1e9),
                (threads.getThreadCpuTime(self) - cpuStart) / (double) commands.length,
                (threads.getThreadAllocatedBytes(self) - allocatedStart) / (double) commands.length);
    }

    static Rate throughput(ExchangeCommand[] commands, DurabilityMode mode) throws Exception {
        Path dir = Files.createTempDirectory("core-bench");
        long[] clock = {1};
        try (ExchangeCore core = ExchangeCore.start(config(dir, mode), new ExchangeListener() {
        }, () -> clock[0]++)) {
            return submitAll(core, commands);
        } finally {
            delete(dir);
        }
    }

    /** The workload's users with the server's two demo users (who log in over DIFF) in place of the first two. */
    private static List<String> diffUsers() {
        List<String> users = new ArrayList<>(CoreWorkload.users());
        users.set(0, "alice");
        users.set(1, "bob");
        return users;
    }

    /**
     * The whole server in GROUP mode: the core with the DIFF publisher as its listener, alice and bob logged in
     * over WebSocket and peeking after every message (as TqSdk does), both subscribed to the instrument's quote.
     * Commands go straight to the core, as a gateway hands them over.
     */
    private static String throughputWithDiff(ExchangeCommand[] commands) throws Exception {
        Path dir = Files.createTempDirectory("server-bench");
        ServerConfig serverConfig = new ServerConfig("127.0.0.1", 0, dir, DurabilityMode.GROUP, 64 * 1024, 256 << 20,
                1, 1_000);
        CoreConfig coreConfig = new CoreConfig(dir, DurabilityMode.GROUP, 1 << 16, 0, 20261207,
                VenueSettings.builder().build(), CoreWorkload.setup(diffUsers()));
        String instrument = Defaults.COPPER.instrumentId();
        try (ExchangeServer server = ExchangeServer.builder(serverConfig).core(coreConfig).start()) {
            int port = server.address().getPort();
            try (PeekingDiffSession alice = PeekingDiffSession.open(port, "alice", "alice123", instrument);
                 PeekingDiffSession bob = PeekingDiffSession.open(port, "bob", "bob123", instrument)) {
                long messagesStart = alice.messages.get() + bob.messages.get();
                Rate rate = submitAll(server.core(), commands);
                return String.format("%s, %,d rtn_data messages, %,.1f MB to the two sessions", rate,
                        alice.messages.get() + bob.messages.get() - messagesStart,
                        (alice.chars.get() + bob.chars.get()) / 1e6);
            }
        } finally {
            delete(dir);
        }
    }

    /**
     * Submits every command as fast as the ring takes them (spinning while it is full) and waits for every
     * acknowledgement.
     *
     * @return the wall-clock rate and the engine thread's CPU time per command
     */
    private static Rate submitAll(ExchangeCore core, ExchangeCommand[] commands) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(commands.length);
        CommandSource source = (correlationId, sequence, code, message) -> done.countDown();
        ThreadMXBean threads = threads();
        long engine = engineThreadId();
        settle();
        long cpuStart = threads.getThreadCpuTime(engine);
        long allocatedStart = threads.getThreadAllocatedBytes(engine);
        long start = System.nanoTime();
        for (int i = 0; i < commands.length; i++) {
            while (core.submit(commands[i], source, i) == RejectCode.EXCHANGE_BUSY) {
                Thread.onSpinWait();
            }
        }
        if (!done.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("not all commands acknowledged");
        }
        long wall = System.nanoTime() - start;
        return new Rate(commands.length / (wall / 1e9),
                (threads.getThreadCpuTime(engine) - cpuStart) / (double) commands.length,
                (threads.getThreadAllocatedBytes(engine) - allocatedStart) / (double) commands.length);
    }

    /**
     * @return the latency of every command, and of those due after the first second (a fresh journal's first
     *         forces allocate its blocks and are slower than later ones); nanoseconds
     */
    static Histogram[] latency(ExchangeCommand[] commands, DurabilityMode mode, int perSecond, int seconds)
            throws Exception {
        Path dir = Files.createTempDirectory("core-latency");
        int total = Math.min(commands.length, perSecond * seconds);
        long[] submitted = new long[total];
        Histogram all = new Histogram(3);
        Histogram afterFirstSecond = new Histogram(3);
        CountDownLatch done = new CountDownLatch(total);
        CommandSource source = (correlationId, sequence, code, message) -> {
            long latencyNs = System.nanoTime() - submitted[(int) correlationId];
            all.recordValue(latencyNs);
            if (correlationId >= perSecond) {
                afterFirstSecond.recordValue(latencyNs);
            }
            done.countDown();
        };
        long[] clock = {1};
        try (ExchangeCore core = ExchangeCore.start(config(dir, mode), new ExchangeListener() {
        }, () -> clock[0]++)) {
            long intervalNs = 1_000_000_000L / perSecond;
            settle();
            long start = System.nanoTime();
            // The pacer sleeps between rounds and submits every command that fell due meanwhile, as gateway threads
            // do (a pacer spinning on one of two cores would leave the engine alone with the JIT and the GC on
            // the other); each latency counts from the command's due time, so the pacer's lateness counts too.
            int i = 0;
            while (i < total) {
                long now = System.nanoTime();
                while (i < total && start + i * intervalNs <= now) {
                    submitted[i] = start + i * intervalNs;
                    while (core.submit(commands[i], source, i) == RejectCode.EXCHANGE_BUSY) {
                        LockSupport.parkNanos(1_000);
                    }
                    i++;
                }
                LockSupport.parkNanos(PACER_PARK_NS);
            }
            if (!done.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("not all commands acknowledged");
            }
            return new Histogram[] {all, afterFirstSecond};
        } finally {
            delete(dir);
        }
    }

    /** The JDK's thread bean, which also counts each thread's allocated bytes. */
    private static ThreadMXBean threads() {
        return (ThreadMXBean) ManagementFactory.getThreadMXBean();
    }

    private static long engineThreadId() {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("exchange-engine")) {
                return thread.getId();
            }
        }
        throw new IllegalStateException("no exchange-engine thread");
    }

    private static CoreConfig config(Path dir, DurabilityMode mode) {
        return new CoreConfig(dir, mode, 1 << 16, 0, 20261207, VenueSettings.builder().build(),
                CoreWorkload.setup(CoreWorkload.users()));
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
