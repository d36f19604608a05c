package io.github.exchangeblocks.examples.cluster;

import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.archive.client.AeronArchive;
import io.aeron.cluster.ClusteredMediaDriver;
import io.aeron.cluster.ConsensusModule;
import io.aeron.cluster.NanosecondClusterClock;
import io.aeron.cluster.service.ClusteredService;
import io.aeron.cluster.service.ClusteredServiceContainer;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NoOpLock;

import java.io.File;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One member of an exchange cluster in this process: an embedded Aeron media driver, the archive that records the
 * log and the snapshots, the consensus module (Raft: election, replication, commit) and the service container
 * running an {@link ExchangeClusteredService}. Every agent shares its thread with others where Aeron allows and
 * idles with a back-off that parks up to 1 ms, so an idle member costs little CPU (latency pays for it).
 *
 * <p>The process needs Aeron's JVM flags (see {@link ClusterLauncher#JVM_FLAGS}); the exchange libraries do not.
 */
public final class ClusterNode implements AutoCloseable {
    private final ClusterNodeConfig config;
    private final ClusteredMediaDriver driver;
    private final ClusteredServiceContainer container;

    private ClusterNode(ClusterNodeConfig config, ClusteredMediaDriver driver, ClusteredServiceContainer container) {
        this.config = config;
        this.driver = driver;
        this.container = container;
    }

    /**
     * Starts the member. Its directories are created under {@link ClusterNodeConfig#directory()}; a member that
     * ran there before recovers from its snapshot and log, then catches up with the others.
     *
     * @param config      where and how, not {@code null}
     * @param service     the exchange service, not {@code null}
     * @param termination run when the cluster asks this member to stop (or {@code null}): a process waits on it
     * @return the running member
     */
    public static ClusterNode launch(ClusterNodeConfig config, ClusteredService service, Runnable termination) {
        Objects.requireNonNull(config, "config must not be null");
        Objects.requireNonNull(service, "service must not be null");
        Runnable onTermination = termination == null ? () -> { } : termination;
        File directory = config.directory().toFile();
        String aeronDirectory = new File(directory, "aeron").getAbsolutePath();
        String host = config.host();
        Supplier<IdleStrategy> idle = ClusterNode::idleStrategy;
        ErrorHandler errors = error -> {
            System.err.println("cluster member " + config.memberId() + ": " + error);
            error.printStackTrace(System.err);
        };

        MediaDriver.Context driverContext = new MediaDriver.Context()
                .aeronDirectoryName(aeronDirectory)
                .threadingMode(ThreadingMode.SHARED)
                .sharedIdleStrategy(idleStrategy())
                .termBufferSparseFile(true)
                .ipcTermBufferLength(1 << 20)
                .publicationTermBufferLength(1 << 20)
                // A member killed with SIGKILL leaves its driver files behind: a restart replaces them.
                .dirDeleteOnStart(true)
                .dirDeleteOnShutdown(true)
                .terminationHook(onTermination)
                .errorHandler(errors);

        Archive.Context archiveContext = new Archive.Context()
                .aeronDirectoryName(aeronDirectory)
                .archiveDir(new File(directory, "archive"))
                .archiveId(config.memberId())
                .controlChannel("aeron:udp?endpoint=" + host + ":" + config.port(config.memberId(),
                        ClusterNodeConfig.ARCHIVE_PORT))
                .localControlChannel("aeron:ipc?term-length=64k")
                .replicationChannel("aeron:udp?endpoint=" + host + ":0")
                .archiveClientContext(new AeronArchive.Context()
                        .controlResponseChannel("aeron:udp?endpoint=" + host + ":0"))
                .recordingEventsEnabled(false)
                .segmentFileLength(16 << 20)
                .threadingMode(ArchiveThreadingMode.SHARED)
                .idleStrategySupplier(idle)
                .errorHandler(errors);

        AeronArchive.Context localArchive = new AeronArchive.Context()
                .lock(NoOpLock.INSTANCE)
                .controlRequestChannel(archiveContext.localControlChannel())
                .controlResponseChannel(archiveContext.localControlChannel())
                .aeronDirectoryName(aeronDirectory);

        ConsensusModule.Context consensusContext = new ConsensusModule.Context()
                .clusterMemberId(config.memberId())
                .clusterMembers(config.clusterMembers())
                .clusterDir(new File(directory, "cluster"))
                .aeronDirectoryName(aeronDirectory)
                .ingressChannel("aeron:udp?term-length=1m")
                .logChannel("aeron:udp?term-length=4m")
                .replicationChannel("aeron:udp?endpoint=" + host + ":0")
                .archiveContext(localArchive.clone())
                .clusterClock(new NanosecondClusterClock())
                .leaderHeartbeatTimeoutNs(config.leaderHeartbeatTimeout().toNanos())
                .leaderHeartbeatIntervalNs(config.leaderHeartbeatInterval().toNanos())
                .electionTimeoutNs(config.electionTimeout().toNanos())
                .electionStatusIntervalNs(Math.min(TimeUnit.MILLISECONDS.toNanos(100),
                        config.electionTimeout().toNanos() / 2))
                .startupCanvassTimeoutNs(config.leaderHeartbeatTimeout().toNanos() * 5)
                .authorisationServiceSupplier(() -> SnapshotAdminAuthorisation.INSTANCE)
                .idleStrategySupplier(idle)
                .terminationHook(onTermination)
                .errorHandler(errors);

        ClusteredServiceContainer.Context containerContext = new ClusteredServiceContainer.Context()
                .aeronDirectoryName(aeronDirectory)
                .archiveContext(localArchive.clone())
                .clusterDir(new File(directory, "cluster"))
                .clusteredService(service)
                .idleStrategySupplier(idle)
                .terminationHook(onTermination)
                .errorHandler(errors);

        ClusteredMediaDriver driver = ClusteredMediaDriver.launch(driverContext, archiveContext, consensusContext);
        try {
            return new ClusterNode(config, driver, ClusteredServiceContainer.launch(containerContext));
        } catch (RuntimeException e) {
            CloseHelper.quietClose(driver);
            throw e;
        }
    }

    /** @return the member's settings */
    public ClusterNodeConfig config() {
        return config;
    }

    /** Stops the service container, then the consensus module, the archive and the media driver. */
    @Override
    public void close() {
        CloseHelper.closeAll(container, driver);
    }

    /**
     * Spins a little, yields a little, then parks from 50 microseconds up to 1 millisecond: fewer wake-ups than a
     * finer back-off, which matters more than the last tens of microseconds on a machine whose cores are shared.
     */
    static IdleStrategy idleStrategy() {
        return new BackoffIdleStrategy(10, 5, TimeUnit.MICROSECONDS.toNanos(50), TimeUnit.MILLISECONDS.toNanos(1));
    }
}
