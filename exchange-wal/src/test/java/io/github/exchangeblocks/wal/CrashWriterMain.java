package io.github.exchangeblocks.wal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * Child process of {@link CrashRecoveryIT}: reports {@code S}, opens (recovering) the log, reports
 * {@code R <last> <durable>}, then appends records with the content of its round ({@link TestRecords#payload(long,
 * int)}) until killed, reporting {@code D <sequence>} whenever records are known to survive a kill of this
 * process: on each durability callback (GROUP, SYNC_EACH), or after appends (NONE, where a record is in the page
 * cache once {@code append} returns). After every append it checks the durability promise of its mode
 * ({@code durableSequence() == sequence} in SYNC_EACH, a group never larger than its size in GROUP) and reports a
 * broken one as {@code E}. With a pretouch mode, a second thread runs the log's pretoucher flat out.
 */
public final class CrashWriterMain {
    static final int GROUP_RECORDS = 64;

    private CrashWriterMain() {
    }

    /**
     * Entry point.
     *
     * @param args log directory; durability mode name or {@code GROUP_ASYNC}, optionally followed by
     *             {@value CrashRecoveryIT#PRETOUCH_SUFFIX}; segment length in bytes; round (epoch); report file
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        CrashReports reports = new CrashReports(Path.of(args[4]));
        reports.line("S");
        Path directory = Path.of(args[0]);
        boolean pretouch = args[1].endsWith(CrashRecoveryIT.PRETOUCH_SUFFIX);
        String modeName = pretouch
                ? args[1].substring(0, args[1].length() - CrashRecoveryIT.PRETOUCH_SUFFIX.length()) : args[1];
        boolean async = modeName.equals(CrashRecoveryIT.GROUP_ASYNC);
        DurabilityMode mode = async ? DurabilityMode.GROUP : DurabilityMode.valueOf(modeName);
        int segmentLength = Integer.parseInt(args[2]);
        int epoch = Integer.parseInt(args[3]);
        WalConfig config = WalConfig.builder(directory).segmentLength(segmentLength).durabilityMode(mode)
                .groupCommitRecords(GROUP_RECORDS).groupCommitDelayNs(200_000)
                .durabilityListener(sequence -> reports.line("D " + sequence)).asyncGroupCommit(async)
                .pretouchBytes(pretouch ? segmentLength / 2 : 0).asyncPretouch(pretouch).build();
        WalWriter writer = Wal.openWriter(config);
        if (pretouch) {
            daemon(() -> {
                WalPretoucher pretoucher = writer.pretoucher();
                while (true) {
                    if (pretoucher.doWork() == 0) {
                        Thread.onSpinWait();
                    }
                }
            });
        }
        if (async) {
            daemon(() -> {
                WalFlusher flusher = writer.flusher();
                while (true) {
                    if (flusher.doWork() == 0) {
                        LockSupport.parkNanos(20_000);
                    }
                }
            });
        }
        if (writer.durableSequence() != writer.lastSequence()) {
            reports.line("E opened with durable=" + writer.durableSequence() + " != last=" + writer.lastSequence());
        }
        reports.line("R " + writer.lastSequence() + " " + writer.durableSequence());
        long count = 0;
        while (true) {
            long sequence = TestRecords.appendExpected(writer, epoch);
            check(reports, mode, async, sequence, writer.durableSequence());
            if (mode == DurabilityMode.NONE && sequence % 16 == 0) {
                reports.line("D " + sequence);
            }
            writer.doWork(System.nanoTime());
            if (++count % 100 == 0) {
                Thread.sleep(1);
                writer.doWork(System.nanoTime());
            }
        }
    }

    private static void check(CrashReports reports, DurabilityMode mode, boolean async, long sequence,
                              long durable) {
        boolean kept = switch (mode) {
            case SYNC_EACH -> durable == sequence;
            case GROUP -> durable <= sequence && (async || sequence - durable < GROUP_RECORDS);
            case NONE -> durable <= sequence;
        };
        if (!kept) {
            reports.line("E " + mode + (async ? " async" : "") + " append returned " + sequence + " with durable="
                    + durable);
        }
    }

    private static void daemon(Runnable body) {
        Thread thread = new Thread(body);
        thread.setDaemon(true);
        thread.start();
    }
}
