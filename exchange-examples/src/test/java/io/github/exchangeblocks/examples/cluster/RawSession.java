package io.github.exchangeblocks.examples.cluster;

import io.aeron.cluster.client.AeronCluster;
import io.aeron.cluster.client.EgressListener;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.logbuffer.Header;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A cluster session that sends hand-made bytes and reads the acknowledgements, for bad-input tests. */
final class RawSession implements AutoCloseable {
    /** An acknowledgement as it came. */
    record Reply(long clientSequence, long logPosition, byte outcome, String code, String message) {
    }

    private final MediaDriver driver;
    private final AeronCluster cluster;
    private final List<Reply> replies = new ArrayList<>();

    RawSession(String ingressEndpoints, Path aeronDirectory) {
        driver = MediaDriver.launchEmbedded(new MediaDriver.Context()
                .aeronDirectoryName(aeronDirectory.toString())
                .threadingMode(ThreadingMode.SHARED)
                .sharedIdleStrategy(ClusterNode.idleStrategy())
                .dirDeleteOnStart(true)
                .dirDeleteOnShutdown(true));
        cluster = AeronCluster.connect(new AeronCluster.Context()
                .aeronDirectoryName(driver.aeronDirectoryName())
                .ingressChannel("aeron:udp")
                .ingressEndpoints(ingressEndpoints)
                .egressChannel("aeron:udp?endpoint=127.0.0.1:0")
                .egressListener(new EgressListener() {
                    @Override
                    public void onMessage(long sessionId, long timestamp, DirectBuffer buffer, int offset,
                                          int length, Header header) {
                        var code = ClusterMessages.ackCode(buffer, offset);
                        replies.add(new Reply(ClusterMessages.ackSequence(buffer, offset),
                                ClusterMessages.ackLogPosition(buffer, offset),
                                ClusterMessages.ackOutcome(buffer, offset), code == null ? null : code.name(),
                                ClusterMessages.ackMessage(buffer, offset)));
                    }
                }));
    }

    /** Sends the bytes and waits for one more reply. */
    Reply send(byte[] bytes) {
        int before = replies.size();
        UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (cluster.offer(buffer, 0, bytes.length) < 0) {
            cluster.pollEgress();
            check(deadline);
        }
        while (replies.size() == before) {
            if (cluster.pollEgress() == 0) {
                Thread.onSpinWait();
            }
            check(deadline);
        }
        return replies.get(before);
    }

    private static void check(long deadline) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("no reply within 10 s");
        }
    }

    @Override
    public void close() {
        CloseHelper.closeAll(cluster, driver);
    }
}
