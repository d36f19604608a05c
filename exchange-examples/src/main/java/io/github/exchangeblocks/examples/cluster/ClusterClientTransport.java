package io.github.exchangeblocks.examples.cluster;

import io.aeron.cluster.client.AeronCluster;
import io.aeron.cluster.client.EgressListener;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;

import java.nio.file.Path;

/**
 * How a cluster client reaches the members: an embedded media driver of its own (shared threading, 1 MiB sparse
 * terms, its directory deleted on start and shutdown) and a cluster session on it over UDP from loopback. Used by
 * {@link ExchangeClusterClient} and {@link ClusterReplica}.
 */
final class ClusterClientTransport {
    private ClusterClientTransport() {
    }

    /**
     * Checks, before a client touches Agrona or Aeron, that the JVM has Aeron's flags: without them Agrona fails
     * with an {@link IllegalAccessError} from deep inside.
     *
     * @throws IllegalStateException if it has not; the message lists the flags
     */
    static void requireAeronFlags() {
        Module here = ClusterClientTransport.class.getModule();
        if (!Object.class.getModule().isOpen("jdk.internal.misc", here)
                || !Object.class.getModule().isOpen("java.util.zip", here)) {
            throw new IllegalStateException("a cluster client needs Aeron's JVM flags: start java with "
                    + String.join(" ", ClusterLauncher.JVM_FLAGS));
        }
    }

    /** Starts the client's media driver in {@code directory}. */
    static MediaDriver launchDriver(Path directory) {
        return MediaDriver.launchEmbedded(new MediaDriver.Context()
                .aeronDirectoryName(directory.toAbsolutePath().toString())
                .threadingMode(ThreadingMode.SHARED)
                .sharedIdleStrategy(ClusterNode.idleStrategy())
                .termBufferSparseFile(true)
                .publicationTermBufferLength(1 << 20)
                .ipcTermBufferLength(1 << 20)
                .dirDeleteOnStart(true)
                .dirDeleteOnShutdown(true));
    }

    /**
     * Opens a session with the cluster's leader, waiting until one accepted it.
     *
     * @throws io.aeron.exceptions.AeronException if no leader answered within Aeron's message timeout
     */
    static AeronCluster connect(MediaDriver driver, String ingressEndpoints, EgressListener egress) {
        return AeronCluster.connect(new AeronCluster.Context()
                .aeronDirectoryName(driver.aeronDirectoryName())
                .ingressChannel("aeron:udp?term-length=1m")
                .ingressEndpoints(ingressEndpoints)
                .egressChannel("aeron:udp?endpoint=127.0.0.1:0")
                .egressListener(egress)
                .idleStrategy(ClusterNode.idleStrategy()));
    }
}
