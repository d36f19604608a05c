package io.github.exchangeblocks.wal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pretouch primitive racing a writer: one thread makes plain writes of every width around page starts (the
 * words the pretoucher touches) of a mapped file while another thread touches every page over and over; the file
 * must end up holding exactly what was written. (A plain read-then-write touch fails this within a few tries.)
 */
class PretouchProperties {
    private static final int PAGES = 4;
    private static final int LENGTH = PAGES * WalPretoucher.PAGE_BYTES;
    /** The writer repeats its writes (the result is the same after any number of passes) to overlap the toucher. */
    private static final int PASSES = 300;

    /** One plain write: {@code bytes} at {@code offset}, as a bulk copy or, for 8 bytes, as one long store. */
    record Write(int offset, byte[] bytes, boolean asLong) {
    }

    @Property(tries = 60)
    void shouldNeverChangeAWrittenByteWhenTouchingRacesTheWriter(
            @ForAll("writes") List<Write> writes) throws Exception {
        Path file = Files.createTempFile("pretouch", ".bin");
        try {
            MappedByteBuffer buffer = map(file);
            byte[] expected = new byte[LENGTH];
            for (Write write : writes) {
                System.arraycopy(write.bytes(), 0, expected, write.offset(), write.bytes().length);
            }
            CountDownLatch start = new CountDownLatch(1);
            Thread writer = new Thread(() -> {
                awaitQuietly(start);
                for (int pass = 0; pass < PASSES; pass++) {
                    for (Write write : writes) {
                        if (write.asLong()) {
                            buffer.putLong(write.offset(), ByteBuffer.wrap(write.bytes())
                                    .order(ByteOrder.LITTLE_ENDIAN).getLong());
                        } else {
                            buffer.put(write.offset(), write.bytes());
                        }
                    }
                }
            });
            writer.start();
            start.countDown();
            long touches = 0;
            do {
                touches += WalPretoucher.touch(buffer, 0, LENGTH, PAGES);
            } while (writer.isAlive());
            writer.join();
            assertThat(touches).isGreaterThanOrEqualTo(PAGES);
            byte[] actual = new byte[LENGTH];
            buffer.get(0, actual);
            assertThat(actual).isEqualTo(expected);
        } finally {
            Files.delete(file);
        }
    }

    @Provide
    Arbitrary<List<Write>> writes() {
        Arbitrary<Integer> page = Arbitraries.integers().between(1, PAGES - 1);
        Arbitrary<Integer> shift = Arbitraries.integers().between(-12, 12);
        Arbitrary<Integer> length = Arbitraries.integers().between(1, 16);
        Arbitrary<Boolean> asLong = Arbitraries.of(true, false);
        Arbitrary<Long> seed = Arbitraries.longs();
        return Combinators.combine(page, shift, length, asLong, seed).as((p, s, n, l, r) -> {
            int size = l ? Long.BYTES : n;
            byte[] bytes = new byte[size];
            new SplittableRandom(r).nextBytes(bytes);
            return new Write(p * WalPretoucher.PAGE_BYTES + s, bytes, l);
        }).list().ofMinSize(50).ofMaxSize(400);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static MappedByteBuffer map(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MappedByteBuffer buffer = channel.map(FileChannel.MapMode.READ_WRITE, 0, LENGTH);
            buffer.order(ByteOrder.LITTLE_ENDIAN);
            return buffer;
        }
    }
}
