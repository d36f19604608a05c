package io.github.exchangeblocks.examples.cluster;

import io.github.exchangeblocks.engine.venue.VenueSettings;
import io.github.exchangeblocks.examples.exchange.Defaults;
import io.github.exchangeblocks.examples.exchange.ExchangeListener;
import org.agrona.concurrent.ShutdownSignalBarrier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One cluster member as a process: {@code ClusterNodeMain MEMBER_ID MEMBER_COUNT PORT_BASE BASE_DIRECTORY}, the
 * exchange with {@link Defaults}' instruments and demo users. Runs until SIGINT or SIGTERM (or the cluster's
 * termination), then closes the member cleanly. Start it with {@link ClusterLauncher#JVM_FLAGS}. A member that was
 * killed (not stopped) can be started again on its directories once Aeron's mark-file liveness timeout (10 s) has
 * passed since it died; it then loads its latest snapshot, replays its own log and catches up from the leader.
 *
 * <p>{@code -Dexchange.cluster.ringCapacity=N} sets how many recent applied commands the member keeps for replicas
 * that missed some (default {@value ExchangeClusteredService#DEFAULT_RING_CAPACITY}; tests make it small to send a
 * replica that fell behind a whole state transfer).
 */
public final class ClusterNodeMain {
    /** The system property that sets the replay ring's capacity. */
    public static final String RING_CAPACITY_PROPERTY = "exchange.cluster.ringCapacity";

    private ClusterNodeMain() {
    }

    /**
     * @param args member id, member count, port base, base directory
     */
    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: ClusterNodeMain MEMBER_ID MEMBER_COUNT PORT_BASE BASE_DIRECTORY");
            System.exit(2);
        }
        ClusterNodeConfig config = ClusterNodeConfig.loopback(Integer.parseInt(args[0]), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]), Path.of(args[3]));
        try {
            // The last run's status (a killed member's says LEADER) must not be read as this run's.
            Files.deleteIfExists(config.statusFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + config.statusFile(), e);
        }
        ExchangeClusteredService service = new ExchangeClusteredService(VenueSettings.builder().build(),
                Defaults.config(config.directory()).firstTradingDay(),
                Defaults.bootstrap(List.of(Defaults.COPPER, Defaults.INDEX, Defaults.BITCOIN), Defaults.DEMO_USERS,
                        Defaults.DEMO_DEPOSIT),
                new ExchangeListener() {
                }, config.statusFile(), Integer.getInteger(RING_CAPACITY_PROPERTY,
                        ExchangeClusteredService.DEFAULT_RING_CAPACITY));
        // The barrier is closed last: the JVM's shutdown hook waits for that, so SIGTERM finishes the member's close.
        try (ShutdownSignalBarrier barrier = new ShutdownSignalBarrier();
             ClusterNode node = ClusterNode.launch(config, service, barrier::signalAll)) {
            System.out.println("cluster member " + node.config().memberId() + " of " + config.memberCount()
                    + " up in " + config.directory() + ", ingress " + ClusterNodeConfig.ingressEndpoints(config.host(),
                    config.portBase(), config.memberCount()));
            barrier.await();
            System.out.println("cluster member " + config.memberId() + " stopping");
        }
    }
}
