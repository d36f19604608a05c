package io.github.exchangeblocks.wal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The content of the format-version-1 golden log under {@code src/test/resources/golden/v1}: fixed records,
 * enough of them to seal the first 4 KiB segment and continue in a second one. Shared by the one-off
 * {@link GoldenFileGenerator} and {@link GoldenFileTest}; must never change.
 */
final class GoldenRecords {
    static final int SEGMENT_LENGTH = 4096;
    static final int COUNT = 34;
    static final long SNAPSHOT_SEQUENCE = 12;
    static final String SNAPSHOT_TEXT = "golden snapshot covering 1..12";

    private GoldenRecords() {
    }

    static int type(long sequence) {
        return sequence == 3 ? -7 : (int) sequence * 100;
    }

    static byte[] payload(long sequence) {
        if (sequence == 1) {
            return new byte[0];
        }
        if (sequence == 2) {
            return "hello, golden world".getBytes(StandardCharsets.US_ASCII);
        }
        if (sequence == 3) {
            byte[] all = new byte[256];
            for (int i = 0; i < all.length; i++) {
                all[i] = (byte) i;
            }
            return all;
        }
        if (sequence == 4) {
            return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0x0123456789ABCDEFL).array();
        }
        byte[] bytes = new byte[(int) (sequence * 13 % 250)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (sequence * 31 + i * 7);
        }
        return bytes;
    }
}
