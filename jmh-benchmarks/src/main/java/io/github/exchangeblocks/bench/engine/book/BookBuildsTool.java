package io.github.exchangeblocks.bench.engine.book;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Compares builds of the book on a busy machine: the {@code benchmarks.jar} of each build is loaded in one JVM
 * through a class loader of its own, and the books take turns pass by pass on the same stream, so they share the
 * background load (as {@link BookSizingTool}'s books do). Runs of two jars one after the other, as with
 * {@link BookCpuTimeTool}, are not comparable on a machine whose other core is busy: the book's speed follows the
 * cache contention from that core, which changes from one minute to the next (the deep stream's rate halves
 * between a quiet and a loaded minute; the TreeMap book's moves far less).
 *
 * <p>Each entry is {@code label=jar[:book[:sizing]]}, with {@code book} a {@link BookReplay.Impl} name
 * (empty or missing: {@code EXCHANGE_BLOCKS}) and {@code sizing} a {@link BookSizing} name (empty or missing:
 * {@code DEFAULT}), e.g. {@code new16=new.jar::S2_16}. A jar
 * from a build older than this tool gets {@link BookPassRunner} from this tool's own jar (it needs the
 * {@code BookReplay} and {@code BookSizing} of a build since sizings were added). Each pass resets the book
 * (untimed), collects, and replays the measured commands, timed in the thread's CPU time; the first third of the
 * passes warm up. Prints each entry's median, minimum and maximum in M commands per CPU-second and the ratio of its
 * median to the first entry's.
 *
 * <p>Usage: {@code java -Xms3g -Xmx3g -cp benchmarks.jar io.github.exchangeblocks.bench.engine.book.BookBuildsTool
 * SHALLOW|DEEP passes entry...}, e.g. {@code DEEP 30 treemap=old.jar:TREEMAP old=old.jar new=new.jar}.
 */
public final class BookBuildsTool {
    private BookBuildsTool() {
    }

    /**
     * Runs the passes and prints the table.
     *
     * @param args shape, passes, then one or more entries
     * @throws ReflectiveOperationException when a jar lacks the classes the runner needs
     * @throws IOException when a jar cannot be read
     */
    public static void main(String[] args) throws ReflectiveOperationException, IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: SHALLOW|DEEP passes label=jar[:book[:sizing]]...");
        }
        String shape = BookShape.valueOf(args[0]).name();
        int passes = Integer.parseInt(args[1]);
        int count = args.length - 2;
        String[] labels = new String[count];
        LongSupplier[] runners = new LongSupplier[count];
        URL own = BookBuildsTool.class.getProtectionDomain().getCodeSource().getLocation();
        int commands = 0;
        for (int k = 0; k < count; k++) {
            String[] entry = args[k + 2].split("=", 2);
            String[] parts = entry[1].split(":");
            labels[k] = entry[0];
            URL[] path = {Path.of(parts[0]).toUri().toURL(), own};
            ClassLoader loader = new URLClassLoader(path, ClassLoader.getPlatformClassLoader());
            Object runner = loader.loadClass(BookPassRunner.class.getName())
                .getConstructor(String.class, String.class, String.class)
                .newInstance(shape, part(parts, 1, "EXCHANGE_BLOCKS"), part(parts, 2, "DEFAULT"));
            runners[k] = (LongSupplier) runner;
            commands = (int) runner.getClass().getMethod("commandsPerPass").invoke(runner);
        }
        System.out.printf("%s, %d passes, load average %.2f at the start%n", shape, passes,
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        int warmup = passes / 3;
        double[][] mops = new double[count][passes - warmup];
        for (int pass = 0; pass < passes; pass++) {
            for (int k = 0; k < count; k++) {
                long nanos = runners[k].getAsLong();
                if (pass >= warmup) {
                    mops[k][pass - warmup] = commands * 1e3 / nanos;
                }
            }
        }
        double first = 0;
        for (int k = 0; k < count; k++) {
            double[] sorted = mops[k].clone();
            Arrays.sort(sorted);
            double median = sorted[sorted.length / 2];
            if (k == 0) {
                first = median;
            }
            System.out.printf("%-8s %-12s median %6.2f M ops/CPU-s (min %.2f, max %.2f)  x%.3f %s%n", shape,
                labels[k], median, sorted[0], sorted[sorted.length - 1], median / first, labels[0]);
        }
        System.out.printf("load average %.2f at the end%n",
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Part {@code i} of an entry, or {@code fallback} when it is missing or empty. */
    private static String part(String[] parts, int i, String fallback) {
        return parts.length > i && !parts[i].isEmpty() ? parts[i] : fallback;
    }
}
