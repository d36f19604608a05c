package io.github.exchangeblocks.wal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/** Deterministic record content per sequence, so a checker can tell exactly what a record must hold. */
final class TestRecords {
    static final int MAX_PAYLOAD = 300;

    private TestRecords() {
    }

    static int type(long sequence) {
        return (int) (sequence * 7 % 13) - 3;
    }

    static byte[] payload(long sequence) {
        SplittableRandom random = new SplittableRandom(sequence * 0x9E3779B97F4A7C15L);
        byte[] bytes = new byte[random.nextInt(MAX_PAYLOAD + 1)];
        random.nextBytes(bytes);
        return bytes;
    }

    /**
     * Content of record {@code sequence} as written in crash-test round {@code epoch}: the epoch and the sequence
     * first, then bytes that depend on both, so a record lost and written again in a later round differs.
     */
    static byte[] payload(long sequence, int epoch) {
        SplittableRandom random = new SplittableRandom(sequence * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L);
        byte[] bytes = new byte[2 * Long.BYTES + random.nextInt(MAX_PAYLOAD - 2 * Long.BYTES + 1)];
        random.nextBytes(bytes);
        ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        header.putLong(0, epoch);
        header.putLong(Long.BYTES, sequence);
        return bytes;
    }

    /** Appends the next record with the content of round {@code epoch}; returns its sequence. */
    static long appendExpected(WalWriter writer, int epoch) {
        long sequence = writer.lastSequence() + 1;
        byte[] payload = payload(sequence, epoch);
        long appended = writer.append(type(sequence), payload, 0, payload.length);
        if (appended != sequence) {
            throw new AssertionError("appended " + appended + " expected " + sequence);
        }
        return appended;
    }

    static long appendExpected(WalWriter writer) {
        long sequence = writer.lastSequence() + 1;
        byte[] payload = payload(sequence);
        long appended = writer.append(type(sequence), payload, 0, payload.length);
        if (appended != sequence) {
            throw new AssertionError("appended " + appended + " expected " + sequence);
        }
        return appended;
    }

    /** A replayed record, copied out of the flyweight. */
    record Copy(long sequence, int type, byte[] payload) {
    }

    static List<Copy> readAll(Path directory, long from) {
        List<Copy> records = new ArrayList<>();
        Wal.openReader(directory).replay(from, r -> records.add(new Copy(r.sequence(), r.type(), r.payloadToArray())));
        return records;
    }

    /** Throws unless {@code records} are exactly the expected records {@code first..last}. */
    static void assertExpected(List<Copy> records, long first, long last) {
        if (records.size() != last - first + 1) {
            throw new AssertionError("expected " + (last - first + 1) + " records " + first + ".." + last
                    + " but got " + records.size());
        }
        for (int i = 0; i < records.size(); i++) {
            Copy copy = records.get(i);
            long sequence = first + i;
            if (copy.sequence() != sequence || copy.type() != type(sequence)
                    || !java.util.Arrays.equals(copy.payload(), payload(sequence))) {
                throw new AssertionError("record " + i + " is " + copy.sequence() + " and differs from expected "
                        + sequence);
            }
        }
    }

    static List<Path> segments(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(SegmentDescriptor.FILE_SUFFIX)).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WalConfig config(Path directory, DurabilityMode mode) {
        return WalConfig.builder(directory).segmentLength(WalConfig.MIN_SEGMENT_LENGTH).durabilityMode(mode).build();
    }
}
