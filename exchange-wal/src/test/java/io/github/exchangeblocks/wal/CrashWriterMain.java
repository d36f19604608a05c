package io.github.exchangeblocks.wal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * Child process of {@link CrashRecoveryIT}: opens (recovering) the log, prints {@code R <last sequence>}, then
 * appends deterministic records forever and prints {@code D <sequence>} whenever records are known to survive a
 * kill of this process: on each durability callback (GROUP, SYNC_EACH), or after appends (NONE, where a record
 * is in the page cache once {@code append} returns). With a pretouch mode, a second thread runs the log's
 * pretoucher flat out (touching pages and preparing segments while records are appended). Runs until killed.
 */
public final class CrashWriterMain {
    private CrashWriterMain() {
    }

    /**
     * Entry point.
     *
     * @param args log directory, durability mode name or {@code GROUP_ASYNC}, optionally followed by
     *             {@value CrashRecoveryIT#PRETOUCH_SUFFIX} to run a pretoucher thread, segment length in bytes
     */
    public static void main(String[] args) throws InterruptedException {
        Path directory = Path.of(args[0]);
        boolean pretouch = args[1].endsWith(CrashRecoveryIT.PRETOUCH_SUFFIX);
        String modeName = pretouch
                ? args[1].substring(0, args[1].length() - CrashRecoveryIT.PRETOUCH_SUFFIX.length()) : args[1];
        boolean async = modeName.equals(CrashRecoveryIT.GROUP_ASYNC);
        DurabilityMode mode = async ? DurabilityMode.GROUP : DurabilityMode.valueOf(modeName);
        int segmentLength = Integer.parseInt(args[2]);
        PrintStream out = System.out;
        WalConfig config = WalConfig.builder(directory).segmentLength(segmentLength).durabilityMode(mode)
                .groupCommitRecords(64).groupCommitDelayNs(200_000).durabilityListener(sequence -> {
                    out.println("D " + sequence);
                    out.flush();
                }).asyncGroupCommit(async).pretouchBytes(pretouch ? segmentLength / 2 : 0).asyncPretouch(pretouch)
                .build();
        WalWriter writer = Wal.openWriter(config);
        if (pretouch) {
            WalPretoucher pretoucher = writer.pretoucher();
            Thread thread = new Thread(() -> {
                while (true) {
                    if (pretoucher.doWork() == 0) {
                        Thread.onSpinWait();
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }
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
