package io.github.exchangeblocks.bench.server.channels;

import java.nio.charset.StandardCharsets;

/**
 * Reads the few fields the load client checks straight from a message's bytes, without decoding it into a String:
 * finds a key such as {@code "seq":} and reads the decimal number or the string after it. Works on the channel
 * gateway's own output only (keys written once, no whitespace, no escapes in the fields read). Stateless; every
 * method reads {@code bytes} in {@code [from or at, end)} only.
 */
final class MessageFields {
    static final byte[] SEQ = key("{\"seq\":");
    static final byte[] REPLY_TO_FIRST = key("{\"id\":1,");
    static final byte[] CHANNEL = key(",\"channel\":\"");
    static final byte[] TIME = key(",\"time\":");
    static final byte[] TYPE = key(",\"type\":\"");
    static final byte[] SNAPSHOT = key("snapshot\"");
    static final byte[] DELTA = key("delta\"");
    static final byte[] LAST_UPDATE_ID = key(",\"lastUpdateId\":");
    static final byte[] FIRST_ID = key(",\"U\":");
    static final byte[] LAST_ID = key(",\"u\":");

    private MessageFields() {
    }

    /** @return the ASCII bytes of a key */
    static byte[] key(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** @return true if {@code bytes} at {@code at} (and before {@code end}) are {@code expected} */
    static boolean matches(byte[] bytes, int at, int end, byte[] expected) {
        if (end - at < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (bytes[at + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** @return the index just past the first {@code key} in {@code [from, end)}, or -1 if there is none */
    static int after(byte[] bytes, int from, int end, byte[] key) {
        byte first = key[0];
        for (int at = from, last = end - key.length; at <= last; at++) {
            if (bytes[at] == first && matches(bytes, at, end, key)) {
                return at + key.length;
            }
        }
        return -1;
    }

    /** @return the non-negative decimal number starting at {@code at}, or -1 if no digit is there */
    static long number(byte[] bytes, int at, int end) {
        long value = -1;
        for (int i = at; i < end; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                break;
            }
            value = (value < 0 ? 0 : value * 10) + digit;
        }
        return value;
    }

    /** @return the number after the first {@code key} in {@code [from, end)}, or -1 if the key is absent */
    static long numberAfter(byte[] bytes, int from, int end, byte[] key) {
        int at = after(bytes, from, end, key);
        return at < 0 ? -1 : number(bytes, at, end);
    }

    /** @return the index of the first {@code "} at or after {@code from}, or -1 before {@code end} */
    static int quote(byte[] bytes, int from, int end) {
        for (int i = from; i < end; i++) {
            if (bytes[i] == '"') {
                return i;
            }
        }
        return -1;
    }
}
