package io.github.exchangeblocks.bench.exchange;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.engine.venue.VenueSettings;
import io.github.exchangeblocks.examples.cluster.ClusterLauncher;
import io.github.exchangeblocks.examples.cluster.ClusterNodeConfig;
import io.github.exchangeblocks.examples.cluster.ClusterReplica;
import io.github.exchangeblocks.examples.cluster.ExchangeClusterClient;
import io.github.exchangeblocks.examples.cluster.NodeStatus;
import io.github.exchangeblocks.examples.exchange.CommandSource;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand;
import io.github.exchangeblocks.examples.exchange.ExchangeListener;
import io.github.exchangeblocks.wal.DurabilityMode;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.concurrent.locks.LockSupport;

/**
 * Commands per second and round-trip latency through a 3-member exchange cluster on loopback (each member in its
 * own JVM, Raft commit on a quorum), beside the single-machine core with its GROUP journal in the same run, on
 * {@link CoreWorkload}'s mix. Two ways into the cluster, each on a cluster of its own: the plain cluster client
 * ({@link ExchangeClusterClient}: acknowledged when the leader applied the command) and a {@link ClusterReplica}
 * (what the server runs on in cluster mode: acknowledged when the command came back in the applied stream and the
 * replica applied it to its own copy). Each figure is printed with the machine's load average at that moment.
 *
 * The tool's own threads park rather than spin while they wait (the members share the machine's cores with it);
 * a command's latency is measured from when it was due, so a late submit counts against the cluster.
 *
 * <ul>
 *   <li>pipelined: every command submitted as fast as the client takes it, at most {@code window} unacknowledged;
 *       commands/s from the first submit to the last acknowledgement;</li>
 *   <li>round trip: commands paced at {@code rate}/s, submit to acknowledgement (HdrHistogram, microseconds).</li>
 * </ul>
 *
 * <p>Run (the client's and the replica's embedded Aeron media drivers need the flags):
 * {@code java --add-opens java.base/jdk.internal.misc=ALL-UNNAMED --add-opens java.base/java.util.zip=ALL-UNNAMED
 * -cp jmh-benchmarks/target/benchmarks.jar io.github.exchangeblocks.bench.exchange.ClusterThroughputTool
 * [commands=200000] [window=4096] [rate=2000]}. The members' directories go to a temporary directory that is
 * deleted afterwards; the members are stopped with SIGTERM.
 */
public final class ClusterThroughputTool {
    private static final int MEMBERS = 3;

    private ClusterThroughputTool() {
    }

    /**
     * @param args optional command count, pipelining window and paced rate
     * @throws Exception if the cluster does not come up or does not acknowledge in time
     */
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int window = args.length > 1 ? Integer.parseInt(args[1]) : 4096;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        ExchangeCommand[] commands = CoreWorkload.commands(42, count);
        int pacedCount = Math.min(count, rate * 5);
        // The paced run trades among users of its own, so its orders do not meet the pipelined run's ids.
        List<String> pacedUsers = new ArrayList<>();
        for (String user : CoreWorkload.users()) {
            pacedUsers.add("p" + user);
        }
        ExchangeCommand[] paced = CoreWorkload.commands(43, pacedCount, pacedUsers);
        Histogram core = CoreThroughputTool.latency(commands, DurabilityMode.GROUP, rate, 5)[0];
        System.out.printf("single machine, GROUP journal:  pipelined %,.0f commands/s | round trip at %,d/s: %s"
                        + " | load %s%n", CoreThroughputTool.throughput(commands, DurabilityMode.GROUP).perSecond(),
                rate, describe(core), load());
        for (Way way : Way.values()) {
            Path base = Files.createTempDirectory("exchange-cluster-bench");
            int portBase = 21000 + (int) (ProcessHandle.current().pid() % 300) * 10 * MEMBERS;
            List<Process> members = new ArrayList<>();
            try {
                for (int m = 0; m < MEMBERS; m++) {
                    members.add(ClusterLauncher.startMember(m, MEMBERS, portBase, base, List.of("-Xmx512m")));
                }
                awaitLeader(base, portBase);
                try (Pipe pipe = way.connect(ClusterNodeConfig.ingressEndpoints("127.0.0.1", portBase, MEMBERS),
                        base.resolve("client"))) {
                    submitAll(pipe, CoreWorkload.setup(CoreWorkload.users()).toArray(ExchangeCommand[]::new),
                            window);
                    submitAll(pipe, CoreWorkload.setup(pacedUsers).toArray(ExchangeCommand[]::new), window);
                    double pipelined = submitAll(pipe, commands, window);
                    Histogram latency = roundTrips(pipe, paced, rate);
                    System.out.printf("3-member cluster, %-13s pipelined %,.0f commands/s | round trip at %,d/s: %s"
                            + " | load %s%n", way.label, pipelined, rate, describe(latency), load());
                }
            } finally {
                ClusterLauncher.stopAll(members);
                CoreThroughputTool.delete(base);
            }
        }
    }

    /** The two ways into the cluster that are measured. */
    private enum Way {
        CLIENT("client:") {
            @Override
            Pipe connect(String endpoints, Path directory) {
                ExchangeClusterClient client = ExchangeClusterClient.connect(System.nanoTime(), endpoints, directory,
                        10_000);
                return new Pipe(client::submit, client::unacknowledged, client::close);
            }
        },
        REPLICA("replica:") {
            @Override
            Pipe connect(String endpoints, Path directory) {
                ClusterReplica replica = ClusterReplica.connect(System.nanoTime(), endpoints, directory,
                        VenueSettings.builder().build(), new ExchangeListener() {
                        }, 10_000);
                return new Pipe(replica::submit, replica::unacknowledged, replica::close);
            }
        };

        final String label;

        Way(String label) {
            this.label = label;
        }

        abstract Pipe connect(String endpoints, Path directory);
    }

    /** Submits to the cluster through a client or a replica. */
    @FunctionalInterface
    private interface Submit {
        RejectCode submit(ExchangeCommand command, CommandSource source, long correlationId);
    }

    /** A connected way into the cluster: how to submit, how many wait for acknowledgement, how to close it. */
    private record Pipe(Submit submit, IntSupplier unacknowledged, Runnable closer) implements AutoCloseable {
        @Override
        public void close() {
            closer.run();
        }
    }

    /** Commands paced at {@code rate}/s, each timed from when it was due to its acknowledgement. */
    private static Histogram roundTrips(Pipe pipe, ExchangeCommand[] paced, int rate) throws InterruptedException {
        Histogram latency = new Histogram(3);
        long[] submitted = new long[paced.length];
        CommandSource record = (correlationId, sequence, code, message) ->
                latency.recordValue(System.nanoTime() - submitted[(int) correlationId]);
        long intervalNs = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < paced.length; i++) {
            long due = start + i * intervalNs;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            submitted[i] = due;
            if (pipe.submit().submit(paced[i], record, i) != null) {
                throw new IllegalStateException("paced command " + i + " not queued");
            }
        }
        awaitDrained(pipe);
        return latency;
    }

    /** Submits every command keeping at most {@code window} unacknowledged; returns commands/s to the last ack. */
    private static double submitAll(Pipe pipe, ExchangeCommand[] commands, int window)
            throws InterruptedException {
        CountDownLatch done = new CountDownLatch(commands.length);
        AtomicInteger rejected = new AtomicInteger();
        CommandSource counting = (correlationId, sequence, code, message) -> {
            if (code == RejectCode.EXCHANGE_INVALID_COMMAND) {
                rejected.incrementAndGet();
            }
            done.countDown();
        };
        long start = System.nanoTime();
        for (int i = 0; i < commands.length; i++) {
            while (pipe.unacknowledged().getAsInt() >= window) {
                LockSupport.parkNanos(50_000);
            }
            if (pipe.submit().submit(commands[i], counting, i) != null) {
                throw new IllegalStateException("command " + i + " not queued");
            }
        }
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException(done.getCount() + " commands not acknowledged in 10 minutes");
        }
        if (rejected.get() > 0) {
            throw new IllegalStateException(rejected.get() + " commands were not valid commands");
        }
        return commands.length / ((System.nanoTime() - start) / 1e9);
    }

    private static void awaitDrained(Pipe pipe) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (pipe.unacknowledged().getAsInt() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(pipe.unacknowledged().getAsInt() + " commands not acknowledged");
            }
            Thread.sleep(10);
        }
    }

    private static void awaitLeader(Path base, int portBase) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            for (int m = 0; m < MEMBERS; m++) {
                NodeStatus status = NodeStatus.read(ClusterNodeConfig.loopback(m, MEMBERS, portBase, base)
                        .statusFile());
                if (status != null && status.role().equals("LEADER")) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no leader within 2 minutes; see " + base + "/node-*/member.log");
    }

    /** @return the 1, 5 and 15 minute load averages (as {@code uptime} prints them), or the JVM's 1-minute one */
    private static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + ", " + fields[1] + ", " + fields[2] + " on "
                    + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (IOException | RuntimeException e) {
            return String.format("%.2f (1 min) on %d cores",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    private static String describe(Histogram h) {
        return String.format("p50 %.0f us, p99 %.0f us, p99.9 %.0f us, max %.0f us (%,d commands)",
                h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3,
                h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3, h.getTotalCount());
    }
}
