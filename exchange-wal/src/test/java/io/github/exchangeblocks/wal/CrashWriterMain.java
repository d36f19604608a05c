package io.github.exchangeblocks.wal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * Child process of {@link CrashRecoveryIT}: opens (recovering) the log, prints {@code R <last sequence>}, then
 * appends deterministic records forever and prints {@code D <sequence>} whenever records are known to survive a
 * kill of this process: on each durability callback (GROUP, SYNC_EACH), or after appends (NONE, where a record
 * is in the page cache once {@code append} returns). Runs until killed.
 */
public final class CrashWriterMain {
    private CrashWriterMain() {
    }

    /**
     * Entry point.
     *
     * @param args log directory, durability mode name or {@code GROUP_ASYNC}, segment length in bytes
     */
    public static void main(String[] args) throws InterruptedException {
        Path directory = Path.of(args[0]);
        boolean async = args[1].equals(CrashRecoveryIT.GROUP_ASYNC);
        DurabilityMode mode = async ? DurabilityMode.GROUP : DurabilityMode.valueOf(args[1]);
        int segmentLength = Integer.parseInt(args[2]);
        PrintStream out = System.out;
        WalConfig config = WalConfig.builder(directory).segmentLength(segmentLength).durabilityMode(mode)
                .groupCommitRecords(64).groupCommitDelayNs(200_000).durabilityListener(sequence -> {
                    out.println("D " + sequence);
                    out.flush();
                }).asyncGroupCommit(async).build();
        WalWriter writer = Wal.openWriter(config);
        if (async) {
            WalFlusher flusher = writer.flusher();
            Thread thread = new Thread(() -> {
                while (true) {
                    if (flusher.doWork() == 0) {
                        LockSupport.parkNanos(20_000);
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }
        out.println("R " + writer.lastSequence());
        out.flush();
        long count = 0;
        while (true) {
            long sequence = TestRecords.appendExpected(writer);
            if (mode == DurabilityMode.NONE && sequence % 16 == 0) {
                out.println("D " + sequence);
                out.flush();
            }
            writer.doWork(System.nanoTime());
            if (++count % 300 == 0) {
                Thread.sleep(1);
                writer.doWork(System.nanoTime());
            }
        }
    }
}
