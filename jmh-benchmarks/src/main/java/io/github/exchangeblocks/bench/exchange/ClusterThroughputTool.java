package io.github.exchangeblocks.bench.exchange;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.examples.cluster.ClusterLauncher;
import io.github.exchangeblocks.examples.cluster.ClusterNodeConfig;
import io.github.exchangeblocks.examples.cluster.ExchangeClusterClient;
import io.github.exchangeblocks.examples.cluster.NodeStatus;
import io.github.exchangeblocks.examples.exchange.CommandSource;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand;
import io.github.exchangeblocks.wal.DurabilityMode;
import org.HdrHistogram.Histogram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Commands per second and round-trip latency through a 3-member exchange cluster on loopback (each member in its
 * own JVM, Raft commit on a quorum, a cluster client in this JVM), beside the single-machine core with its GROUP
 * journal in the same run, on {@link CoreWorkload}'s mix.
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
 * <p>Run (the client's embedded Aeron media driver needs the flags):
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
        Histogram core = CoreThroughputTool.latency(commands, DurabilityMode.GROUP, rate, 5);
        System.out.printf("single machine, GROUP journal: pipelined %,.0f commands/s | round trip at %,d/s: %s%n",
                CoreThroughputTool.throughput(commands, DurabilityMode.GROUP).perSecond(), rate, describe(core));

        Path base = Files.createTempDirectory("exchange-cluster-bench");
        int portBase = 21000 + (int) (ProcessHandle.current().pid() % 300) * 10 * MEMBERS;
        List<Process> members = new ArrayList<>();
        try {
            for (int m = 0; m < MEMBERS; m++) {
                members.add(ClusterLauncher.startMember(m, MEMBERS, portBase, base, List.of("-Xmx512m")));
            }
            awaitLeader(base, portBase);
            try (ExchangeClusterClient client = ExchangeClusterClient.connect(System.nanoTime(),
                    ClusterNodeConfig.ingressEndpoints("127.0.0.1", portBase, MEMBERS), base.resolve("client"),
                    10_000)) {
                List<ExchangeCommand> setup = CoreWorkload.setup(CoreWorkload.users());
                submitAll(client, setup.toArray(ExchangeCommand[]::new), window);
                double pipelined = submitAll(client, commands, window);
                Histogram latency = new Histogram(3);
                long[] submitted = new long[pacedCount];
                CommandSource record = (correlationId, sequence, code, message) ->
                        latency.recordValue(System.nanoTime() - submitted[(int) correlationId]);
                ExchangeCommand[] paced = CoreWorkload.commands(43, pacedCount);
                long intervalNs = 1_000_000_000L / rate;
                long start = System.nanoTime();
                for (int i = 0; i < pacedCount; i++) {
                    long due = start + i * intervalNs;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    submitted[i] = due;
                    if (client.submit(paced[i], record, i) != null) {
                        throw new IllegalStateException("paced command " + i + " not queued");
                    }
                }
                awaitDrained(client);
                System.out.printf("3-member cluster, loopback:     pipelined %,.0f commands/s | round trip at %,d/s:"
                        + " %s%n", pipelined, rate, describe(latency));
            }
        } finally {
            ClusterLauncher.stopAll(members);
            CoreThroughputTool.delete(base);
        }
    }

    /** Submits every command keeping at most {@code window} unacknowledged; returns commands/s to the last ack. */
    private static double submitAll(ExchangeClusterClient client, ExchangeCommand[] commands, int window)
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
            while (client.unacknowledged() >= window) {
                LockSupport.parkNanos(50_000);
            }
            if (client.submit(commands[i], counting, i) != null) {
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

    private static void awaitDrained(ExchangeClusterClient client) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (client.unacknowledged() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(client.unacknowledged() + " commands not acknowledged");
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

    private static String describe(Histogram h) {
        return String.format("p50 %.0f us, p99 %.0f us, p99.9 %.0f us, max %.0f us (%,d commands)",
                h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3,
                h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3, h.getTotalCount());
    }
}
