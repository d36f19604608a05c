package io.github.exchangeblocks.diff.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.exchangeblocks.diff.json.JsonNumber;
import io.github.exchangeblocks.diff.json.JsonObject;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The scalar top-level members of one flat client frame, as the streaming decoder recorded them: for each member
 * any client aid reads (the union of their fields, {@link MessageFields#NAMES}), its kind and its text (a string's
 * chars, a number's literal) in one reusable char buffer. Other members are only checked for duplicate names. Reused
 * frame after frame by one thread ({@link FrameScanner}); reading it allocates only the values it returns.
 */
final class FlatFrame implements MessageFields {
    /** Frames with more text than this (in chars, over the known members) take the tree path. */
    static final int MAX_TEXT_CHARS = 8192;
    /** Frames with more unknown members than this take the tree path. */
    static final int MAX_UNKNOWN_MEMBERS = 32;

    /** Exponents of more significant digits than this (a billion and up) take the tree path. */
    private static final int MAX_EXPONENT_DIGITS = 9;
    private static final int NAME_CACHE_SIZE = 64;
    private static final int MAX_SIMPLE_DIGITS = 18;
    /**
     * Fields whose values recur from message to message (users, exchanges, instruments, currencies): their strings
     * come from a small direct-mapped cache of recent values instead of being allocated every time. Strings are
     * immutable, so messages may share them.
     */
    private static final boolean[] REPEATED = new boolean[FIELD_COUNT];
    private static final int VALUE_CACHE_SIZE = 64;
    private static final int MAX_CACHED_LENGTH = 32;

    static {
        for (int field : new int[] {USER_ID, EXCHANGE_ID, INSTRUMENT_ID, BID, USER_NAME, FUTURE_ACCOUNT, BANK_ID,
            CURRENCY}) {
            REPEATED[field] = true;
        }
    }
    private static final byte INTEGER = 5;
    private static final byte DECIMAL = 6;
    private static final byte TRUE = 7;
    private static final byte FALSE = 8;

    private final String[] cachedValues = new String[VALUE_CACHE_SIZE];
    private final String[] cachedNames = new String[NAME_CACHE_SIZE];
    private final int[] cachedSlots = new int[NAME_CACHE_SIZE];
    private final byte[] kinds = new byte[FIELD_COUNT];
    private final int[] starts = new int[FIELD_COUNT];
    private final int[] lengths = new int[FIELD_COUNT];
    private final long[] longs = new long[FIELD_COUNT];
    private final String[] unknown = new String[MAX_UNKNOWN_MEMBERS];
    private char[] text = new char[256];
    private int textEnd;
    private int unknownCount;

    void clear() {
        Arrays.fill(kinds, (byte) MISSING);
        Arrays.fill(unknown, 0, unknownCount, null);
        unknownCount = 0;
        textEnd = 0;
    }

    /**
     * Records the scalar value the parser is on for member {@code name}.
     *
     * @return {@code false} if the frame must take the tree path instead (duplicate name, too many members, too
     *         much text)
     */
    boolean record(String name, JsonToken token, JsonParser parser) throws IOException {
        int slot = slotOf(name);
        if (slot < 0) {
            return recordUnknown(name);
        }
        if (kinds[slot] != MISSING) {
            return false;
        }
        switch (token) {
            case VALUE_STRING:
                kinds[slot] = STRING;
                return copyText(slot, parser);
            case VALUE_NUMBER_INT:
                kinds[slot] = INTEGER;
                if (!copyText(slot, parser)) {
                    return false;
                }
                parseLong(slot);
                return true;
            case VALUE_NUMBER_FLOAT:
                kinds[slot] = DECIMAL;
                return copyText(slot, parser);
            case VALUE_NULL:
                kinds[slot] = NULL;
                return true;
            case VALUE_TRUE:
                kinds[slot] = TRUE;
                return true;
            case VALUE_FALSE:
                kinds[slot] = FALSE;
                return true;
            default:
                return false;
        }
    }

    private boolean recordUnknown(String name) {
        for (int i = 0; i < unknownCount; i++) {
            if (unknown[i].equals(name)) {
                return false;
            }
        }
        if (unknownCount == unknown.length) {
            return false;
        }
        unknown[unknownCount++] = name;
        return true;
    }

    private boolean copyText(int slot, JsonParser parser) throws IOException {
        int length = parser.getTextLength();
        if (textEnd + length > MAX_TEXT_CHARS) {
            return false;
        }
        if (textEnd + length > text.length) {
            text = Arrays.copyOf(text, Math.min(MAX_TEXT_CHARS, Math.max(text.length * 2, textEnd + length)));
        }
        System.arraycopy(parser.getTextCharacters(), parser.getTextOffset(), text, textEnd, length);
        starts[slot] = textEnd;
        lengths[slot] = length;
        textEnd += length;
        return true;
    }

    /**
     * Whether a decimal literal's exponent is small enough that {@link BigDecimal} (whose scale is an {@code int})
     * surely takes it: below a billion. Frames with larger ones take the tree path, where the parser judges them.
     *
     * @param chars the literal's buffer
     * @param offset the literal's first char
     * @param length the literal's length
     * @return {@code true} if the exponent, if any, has at most {@value #MAX_EXPONENT_DIGITS} significant digits
     */
    static boolean exponentFitsDecimal(char[] chars, int offset, int length) {
        int end = offset + length;
        for (int at = offset; at < end; at++) {
            if (chars[at] == 'e' || chars[at] == 'E') {
                int digits = 0;
                for (int i = at + 1; i < end; i++) {
                    if (chars[i] >= '1' && chars[i] <= '9' || digits > 0 && chars[i] == '0') {
                        digits++;
                    }
                }
                return digits <= MAX_EXPONENT_DIGITS;
            }
        }
        return true;
    }

    /** Parses an integer literal into {@link #longs}, or downgrades it to {@link #DECIMAL} if it overflows. */
    private void parseLong(int slot) {
        int at = starts[slot];
        int end = at + lengths[slot];
        boolean negative = text[at] == '-';
        if (negative) {
            at++;
        }
        long value = 0;
        for (; at < end; at++) {
            int digit = text[at] - '0';
            if (value < (Long.MIN_VALUE + digit) / 10) {
                kinds[slot] = DECIMAL;
                return;
            }
            value = value * 10 - digit;
        }
        if (!negative && value == Long.MIN_VALUE) {
            kinds[slot] = DECIMAL;
            return;
        }
        longs[slot] = negative ? value : -value;
    }

    @Override
    public int kind(int field) {
        int kind = kinds[field];
        if (kind == INTEGER || kind == DECIMAL) {
            return NUMBER;
        }
        return kind == TRUE || kind == FALSE ? OTHER : kind;
    }

    @Override
    public String string(int field) {
        int start = starts[field];
        int length = lengths[field];
        if (!REPEATED[field] || length > MAX_CACHED_LENGTH) {
            return new String(text, start, length);
        }
        int hash = 0;
        for (int i = start; i < start + length; i++) {
            hash = 31 * hash + text[i];
        }
        int entry = (hash ^ hash >>> 16) & (VALUE_CACHE_SIZE - 1);
        String cached = cachedValues[entry];
        if (cached != null && cached.length() == length && textEquals(field, cached)) {
            return cached;
        }
        String value = new String(text, start, length);
        cachedValues[entry] = value;
        return value;
    }

    @Override
    public boolean textEquals(int field, String expected) {
        int slot = field;
        int length = lengths[slot];
        if (length != expected.length()) {
            return false;
        }
        int start = starts[slot];
        for (int i = 0; i < length; i++) {
            if (text[start + i] != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int textLength(int field) {
        return lengths[field];
    }

    @Override
    public boolean isLong(int field) {
        return kinds[field] == INTEGER;
    }

    @Override
    public long longValue(int field) {
        return longs[field];
    }

    @Override
    public BigDecimal decimal(int field) {
        if (kinds[field] == INTEGER) {
            return BigDecimal.valueOf(longs[field]);
        }
        BigDecimal simple = simpleDecimal(starts[field], starts[field] + lengths[field]);
        return simple != null ? simple : new BigDecimal(text, starts[field], lengths[field]);
    }

    /**
     * The common literal ({@code -?digits.digits}, no exponent, at most 18 digits) read directly into an unscaled
     * {@code long} and a scale, which is what {@link BigDecimal#BigDecimal(char[], int, int)} would build, without its
     * general parsing; {@code null} for any other literal.
     */
    private BigDecimal simpleDecimal(int start, int end) {
        int at = start;
        boolean negative = text[at] == '-';
        if (negative) {
            at++;
        }
        long unscaled = 0;
        int digits = 0;
        int scale = 0;
        boolean fraction = false;
        for (; at < end; at++) {
            char c = text[at];
            if (c == '.') {
                fraction = true;
            } else if (c >= '0' && c <= '9' && digits < MAX_SIMPLE_DIGITS) {
                unscaled = unscaled * 10 + (c - '0');
                digits++;
                if (fraction) {
                    scale++;
                }
            } else {
                return null;
            }
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
    }

    @Override
    public String json(int field) {
        int slot = field;
        switch (kinds[slot]) {
            case STRING:
                return '"' + string(field) + '"';
            case INTEGER:
                return Long.toString(longs[slot]);
            case DECIMAL:
                return JsonNumber.of(decimal(field)).toString();
            case TRUE:
                return "true";
            case FALSE:
                return "false";
            default:
                return "null";
        }
    }

    @Override
    public JsonObject tree() {
        throw new IllegalStateException("a flat frame has no tree: aids that echo the message take the tree path");
    }

    /**
     * The field id of a member name, or -1. Names come from jackson's canonicalizing symbol table, so the same
     * instance recurs frame after frame: a small cache keyed by the (cached) string hash answers by identity first.
     */
    private int slotOf(String name) {
        int entry = name.hashCode() & (NAME_CACHE_SIZE - 1);
        if (cachedNames[entry] == name) {
            return cachedSlots[entry];
        }
        int slot = -1;
        for (int i = 0; i < FIELD_COUNT; i++) {
            if (NAMES[i].equals(name)) {
                slot = i;
                break;
            }
        }
        cachedNames[entry] = name;
        cachedSlots[entry] = slot;
        return slot;
    }
}
