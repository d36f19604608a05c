package io.github.exchangeblocks.bench.diff;

import io.github.exchangeblocks.diff.codec.ClientMessageDecoder;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.patch.MergePatch;
import jakarta.json.Json;
import jakarta.json.JsonMergePatch;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.IntSupplier;

/**
 * The issue-16 paths and their baselines measured in the measuring thread's CPU time, interleaved pass by pass, for
 * a machine other processes keep busy: time the thread spends preempted does not count, and because each pass runs
 * the new path and its baseline back to back, a load change hits both. (Cache and memory-bandwidth contention still
 * counts.) A supplement to {@link DiffCodecBenchmark} and {@link MergePatchApplyBenchmark}, whose wall-clock
 * figures are the ones to report.
 *
 * <p>Prints, per pair, the median and best CPU nanoseconds per operation over the recorded passes and the ratio of
 * the medians. Usage: {@code java -cp benchmarks.jar io.github.exchangeblocks.bench.diff.DiffCpuTimeTool [passes]}
 */
public final class DiffCpuTimeTool {
    private static final int OPS_PER_PASS = 20_000;

    private DiffCpuTimeTool() {
    }

    /**
     * Runs the passes and prints one line per pair.
     *
     * @param args passes (default 60; the first third warm up)
     */
    public static void main(String[] args) {
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        byte[] insertOrder = ("{\"aid\":\"insert_order\",\"user_id\":\"user123\",\"order_id\":\"order456\","
                + "\"exchange_id\":\"SHFE\",\"instrument_id\":\"cu2512\",\"direction\":\"BUY\",\"offset\":\"OPEN\","
                + "\"volume\":10,\"price_type\":\"LIMIT\",\"limit_price\":75230.0,\"time_condition\":\"GFD\","
                + "\"volume_condition\":\"ANY\"}").getBytes(StandardCharsets.UTF_8);
        byte[] peek = "{\"aid\":\"peek_message\"}".getBytes(StandardCharsets.UTF_8);
        JsonObject snapshot = OrderSnapshots.snapshot(1000);
        JsonObject[] patches = {OrderSnapshots.fillPatch(500, 0), OrderSnapshots.fillPatch(500, 1)};
        jakarta.json.JsonValue jakartaSnapshot = OrderSnapshots.toJakarta(snapshot);
        JsonMergePatch[] jakartaPatches = {Json.createMergePatch(OrderSnapshots.toJakarta(patches[0])),
            Json.createMergePatch(OrderSnapshots.toJakarta(patches[1]))};
        int[] next = new int[1];
        compare("insert_order streaming vs tree", passes, OPS_PER_PASS,
            () -> ClientMessageDecoder.decode(insertOrder, 0, insertOrder.length).hashCode(),
            () -> TreeClientMessageDecoder.decode(insertOrder, 0, insertOrder.length).hashCode());
        compare("peek_message streaming vs tree", passes, OPS_PER_PASS,
            () -> ClientMessageDecoder.decode(peek, 0, peek.length).hashCode(),
            () -> TreeClientMessageDecoder.decode(peek, 0, peek.length).hashCode());
        compare("copying apply vs Parsson", passes, OPS_PER_PASS / 20,
            () -> System.identityHashCode(MergePatch.apply(snapshot, patches[next[0]++ & 1])),
            () -> System.identityHashCode(jakartaPatches[next[0]++ & 1].apply(jakartaSnapshot)));
    }

    private static void compare(String name, int passes, int ops, IntSupplier subject, IntSupplier baseline) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int warmup = passes / 3;
        long[] subjectNanos = new long[passes - warmup];
        long[] baselineNanos = new long[passes - warmup];
        int sink = 0;
        for (int pass = 0; pass < passes; pass++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < ops; i++) {
                sink += subject.getAsInt();
            }
            long middle = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < ops; i++) {
                sink += baseline.getAsInt();
            }
            long end = threads.getCurrentThreadCpuTime();
            if (pass >= warmup) {
                subjectNanos[pass - warmup] = middle - start;
                baselineNanos[pass - warmup] = end - middle;
            }
        }
        Arrays.sort(subjectNanos);
        Arrays.sort(baselineNanos);
        double subjectMedian = (double) subjectNanos[subjectNanos.length / 2] / ops;
        double baselineMedian = (double) baselineNanos[baselineNanos.length / 2] / ops;
        System.out.printf("%s: median %.1f vs %.1f CPU ns/op (best %.1f vs %.1f), baseline/subject %.1fx [%d]%n",
            name, subjectMedian, baselineMedian, (double) subjectNanos[0] / ops, (double) baselineNanos[0] / ops,
            baselineMedian / subjectMedian, sink & 1);
    }
}
