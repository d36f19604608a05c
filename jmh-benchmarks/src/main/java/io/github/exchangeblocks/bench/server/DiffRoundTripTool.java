package io.github.exchangeblocks.bench.server;

import io.github.exchangeblocks.engine.risk.RiskChain;
import io.github.exchangeblocks.engine.venue.VenueSettings;
import io.github.exchangeblocks.examples.exchange.CoreConfig;
import io.github.exchangeblocks.examples.exchange.Defaults;
import io.github.exchangeblocks.examples.server.ExchangeServer;
import io.github.exchangeblocks.examples.server.ServerConfig;
import io.github.exchangeblocks.examples.server.diff.DiffGateway;
import io.github.exchangeblocks.examples.server.diff.UserStore;
import io.github.exchangeblocks.wal.DurabilityMode;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import org.HdrHistogram.Histogram;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The DIFF server end to end over loopback: the real {@link ExchangeServer} (GROUP durability by default: every
 * fill is of a command forced to the journal) with {@code N} logged-in idle sessions held by a child process
 * ({@link DiffIdleSessions}), and one trading pair: bob rests deep bids and offers and alice sends 1-lot IOC orders
 * that cross them, alternately buying to open and selling to close (so she stays flat), paced at a fixed rate (bob
 * rests as much depth as all the runs take, under a position limit raised to fit it). After a warm-up long enough
 * for the JIT to compile the hot paths (60 s by default: at 1,000 orders/s some of them reach their final
 * compilation only after 15-30 s, and until then their deoptimisations and recompilations are in the tail), it
 * measures, per order, the time from the moment alice's {@code insert_order} was due to the moment her own trade is
 * visible in an {@code rtn_data} frame she received (HdrHistogram, microseconds), beside how late the pacer itself
 * woke to send it (time the client lost before the server saw the order; part of the round trip); and the server's
 * heap after GC without and with the idle sessions, divided by {@code N} (the server and the pair run in this JVM,
 * the idle sessions do not), beside the bytes Netty's pooled allocator holds (direct memory, not in the heap
 * figure); and, over the measured run, the heap allocation and CPU time per order of the engine thread and of the
 * server's I/O threads ({@link ThreadUsage}) with the collections and the JIT compile time that ran. The two
 * traders are {@link DiffTrader}s (Netty's WebSocket client, one I/O thread each, frames timed as they are read).
 *
 * <p>Run: {@code java -cp jmh-benchmarks/target/benchmarks.jar io.github.exchangeblocks.bench.server.DiffRoundTripTool
 * [sessions=1000] [ordersPerSecond=1000] [seconds=10] [durability=GROUP|NONE|SYNC_EACH] [warmUpSeconds=60]}: the
 * warm-up, a 4 s run without idle sessions, the idle sessions log in, 10 s more warm-up, then the measured run. Data
 * goes to a temporary directory deleted afterwards.
 */
public final class DiffRoundTripTool {
    private static final String PREFIX = "idle";
    private static final int PASSWORD_ITERATIONS = 1000;
    private static final long DEPOSIT = 10_000_000_000_000L;
    private static final int MAX_VOLUME = (int) Defaults.COPPER.maxOrderVolume();
    /** Bob's resting orders per side at most (so that setting them up takes seconds, not minutes). */
    private static final int MAX_RESTING_PER_SIDE = 5_000;
    /** Warm-up after the idle sessions joined: their logins and first peeks run code the warm-up did not. */
    private static final int REWARM_SECONDS = 10;
    private static final int QUIET_SECONDS = 4;

    private DiffRoundTripTool() {
    }

    /**
     * @param args optional idle session count, orders per second, measured seconds, durability and warm-up seconds
     * @throws Exception if the server, the child process or a client fails
     */
    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int perSecond = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        DurabilityMode durability = args.length > 3 ? DurabilityMode.valueOf(args[3]) : DurabilityMode.GROUP;
        int warmUpSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 60;
        // Every order of the runs takes one lot from bob's resting depth, half of them from each side; bob rests
        // whole orders of the instrument's largest volume, with one spare order per side.
        long lotsPerSide = (long) perSecond * (warmUpSeconds + QUIET_SECONDS + REWARM_SECONDS + seconds) / 2 + 1;
        long restingLong = lotsPerSide / MAX_VOLUME + 2;
        if (restingLong > MAX_RESTING_PER_SIDE) {
            throw new IllegalArgumentException("ordersPerSecond * (warm-up + measured seconds + "
                    + (QUIET_SECONDS + REWARM_SECONDS) + ") must be at most " + 2 * (MAX_RESTING_PER_SIDE - 2)
                    * MAX_VOLUME + ": bob rests at most " + MAX_RESTING_PER_SIDE + " orders of " + MAX_VOLUME
                    + " lots a side");
        }
        int restingOrders = (int) restingLong;
        Path dir = Files.createTempDirectory("diff-bench");
        try {
            Map<String, String> passwords = new LinkedHashMap<>(DiffGateway.DEMO_PASSWORDS);
            List<String> users = new ArrayList<>(passwords.keySet());
            for (int i = 0; i < sessions; i++) {
                passwords.put(PREFIX + i, PREFIX + i);
                users.add(PREFIX + i);
            }
            UserStore.openOrCreate(dir.resolve("users.txt"), passwords, PASSWORD_ITERATIONS);
            CoreConfig defaults = Defaults.config(dir);
            // The default venue's checks, with limits that fit bob's depth: a position of all of it, and all of
            // his resting orders open at once.
            VenueSettings venue = VenueSettings.builder().riskChain(RiskChain.standard(MAX_VOLUME,
                    (long) restingOrders * MAX_VOLUME, 2 * restingOrders + 10)).build();
            CoreConfig core = new CoreConfig(dir, durability, defaults.queueSize(),
                    defaults.snapshotInterval(), defaults.firstTradingDay(), venue,
                    Defaults.bootstrap(List.of(Defaults.COPPER), users, DEPOSIT));
            ServerConfig config = new ServerConfig("127.0.0.1", 0, dir, durability, 64 * 1024, 4 << 20, 2,
                    PASSWORD_ITERATIONS);
            try (ExchangeServer server = ExchangeServer.builder(config).core(core).start()) {
                int port = server.address().getPort();
                DiffTrader alice = DiffTrader.connect(port, "alice", "alice123");
                DiffTrader bob = DiffTrader.connect(port, "bob", "bob123");
                // Resting depth for every order of the runs.
                for (int i = 0; i < restingOrders; i++) {
                    bob.send(order("bob", "ask" + i, "SELL", "OPEN", 7_001, MAX_VOLUME, "GFD"));
                    bob.send(order("bob", "bid" + i, "BUY", "OPEN", 6_999, MAX_VOLUME, "GFD"));
                }
                bob.awaitText("\"bid" + (restingOrders - 1) + "\":{", 120);
                if (bob.setupFrames().contains("\"level\":\"ERROR\"")) {
                    throw new IllegalStateException("bob's resting orders were refused: " + bob.setupFrames());
                }
                alice.setUpDone();
                bob.setUpDone();
                System.out.printf("durability %s; load before: %s; warm-up %d s%n", durability, load(),
                        warmUpSeconds);
                alice.run(perSecond, warmUpSeconds, "v");
                DiffTrader.Timings quiet = alice.run(perSecond, QUIET_SECONDS, "q");
                report("0 idle sessions", quiet);
                long heapBefore = heapAfterGc();
                long nettyBefore = nettyDirect();
                Process idle = startIdleSessions(port, sessions);
                long heapAfter = heapAfterGc();
                long nettyAfter = nettyDirect();
                System.out.printf("%d idle logged-in sessions: heap %,d -> %,d bytes = %,d bytes per session;"
                        + " Netty pooled direct memory %,d -> %,d bytes (%,d per session, outside the heap)%n",
                        sessions, heapBefore, heapAfter, (heapAfter - heapBefore) / Math.max(1, sessions),
                        nettyBefore, nettyAfter, (nettyAfter - nettyBefore) / Math.max(1, sessions));
                alice.run(perSecond, REWARM_SECONDS, "w");
                ThreadUsage usage = new ThreadUsage();
                usage.begin();
                DiffTrader.Timings loaded = alice.run(perSecond, seconds, "m");
                report(sessions + " idle sessions", loaded);
                System.out.println(usage.end(loaded.roundTrip().getTotalCount()));
                System.out.printf("load after: %s%n", load());
                idle.getOutputStream().close();
                idle.waitFor(30, TimeUnit.SECONDS);
                idle.destroy();
                alice.close();
                bob.close();
            }
        } finally {
            delete(dir);
        }
        System.exit(0);
    }

    private static void report(String label, DiffTrader.Timings timings) {
        Histogram latency = timings.roundTrip();
        Histogram late = timings.pacerLate();
        System.out.printf("order -> own fill in rtn_data, %s, %,d orders: p50 %.0f us, p99 %.0f us, p99.9 %.0f us,"
                + " max %.0f us (of which the pacer woke late: p50 %.0f us, p99 %.0f us, max %.0f us)%n", label,
                latency.getTotalCount(), latency.getValueAtPercentile(50) / 1e3,
                latency.getValueAtPercentile(99) / 1e3, latency.getValueAtPercentile(99.9) / 1e3,
                latency.getMaxValue() / 1e3, late.getValueAtPercentile(50) / 1e3, late.getValueAtPercentile(99) / 1e3,
                late.getMaxValue() / 1e3);
    }

    private static Process startIdleSessions(int port, int sessions) throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DiffIdleSessions.class.getName(), Integer.toString(port), Integer.toString(sessions), PREFIX)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("ready")) {
            child.destroyForcibly();
            throw new IllegalStateException("idle sessions did not start: " + line);
        }
        return child;
    }

    private static long heapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(300);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** Direct memory Netty's default allocator holds (its buffers and caches), when it reports it. */
    private static long nettyDirect() {
        return ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider provider
                ? provider.metric().usedDirectMemory() : -1;
    }

    private static String load() {
        return String.format("system load average %.2f on %d processors",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    static String order(String user, String id, String direction, String offset, long priceTicks, long volume,
                        String time) {
        return "{\"aid\":\"insert_order\",\"user_id\":\"" + user + "\",\"order_id\":\"" + id
                + "\",\"exchange_id\":\"SHFE\",\"instrument_id\":\"cu2512\",\"direction\":\"" + direction
                + "\",\"offset\":\"" + offset + "\",\"volume\":" + volume + ",\"price_type\":\"LIMIT\",\"limit_price\":"
                + priceTicks * 10 + ",\"volume_condition\":\"ANY\",\"time_condition\":\"" + time + "\"}";
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
