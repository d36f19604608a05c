package io.github.exchangeblocks.bench.diff;

import io.github.exchangeblocks.diff.codec.SubscribeQuote;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.snapshot.DiffSession;
import io.github.exchangeblocks.diff.snapshot.DiffSnapshotManager;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Memory per idle session: opens N sessions, each logged in (all as the same user, so the user's own trade data
 * is counted once, as the issue excludes it), subscribed to three quotes, first answer drained
 * and a peek parked; then compares used heap after full GCs against the same manager without the sessions.
 * Usage: {@code java -Xmx2g -cp benchmarks.jar io.github.exchangeblocks.bench.diff.IdleSessionMemory [n]}.
 */
public final class IdleSessionMemory {
    private IdleSessionMemory() {
    }

    /**
     * Runs the measurement and prints bytes per session.
     *
     * @param args optional session count (default 100,000)
     * @throws InterruptedException if interrupted while letting GC settle
     */
    public static void main(String[] args) throws InterruptedException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        DiffSnapshotManager manager = new DiffSnapshotManager();
        List<String> instruments = List.of("SHFE.cu2512", "SHFE.rb2601", "CFFEX.IF2512");
        for (String instrument : instruments) {
            manager.pushQuote(instrument, new JsonObject().put("last_price", 1L).put("volume", 2L));
        }
        manager.pushTrade("user123", new JsonObject().put("accounts", new JsonObject().put("CNY",
                new JsonObject().put("balance", 1L))));
        SubscribeQuote subscribe = new SubscribeQuote(String.join(",", instruments), instruments);
        long before = usedAfterGc();
        List<DiffSession> sessions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            DiffSession session = manager.openSession((s, patches) -> { });
            manager.login(session, "user123");
            manager.subscribeQuotes(session, subscribe);
            session.peek();
            session.peek();
            sessions.add(session);
        }
        long after = usedAfterGc();
        System.out.printf("sessions=%d usedBefore=%dB usedAfter=%dB perSession=%.1fB (incl. 4-8B list slot)%n",
                sessions.size(), before, after, (after - before) / (double) count);
    }

    private static long usedAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
