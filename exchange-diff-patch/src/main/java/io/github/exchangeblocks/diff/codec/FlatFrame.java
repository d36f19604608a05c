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
 * any client aid reads (the union of their fields), its kind and its text (a string's chars, a number's literal)
 * in one reusable char buffer. Other members are only checked for duplicate names. Reused frame after frame by one
 * thread ({@link FrameScanner}); reading it allocates only the values it returns.
 */
final class FlatFrame implements MessageFields {
    /** Every member name some aid decoded on the streaming path reads. */
    static final String[] KNOWN = {"aid", "user_id", "order_id", "exchange_id", "instrument_id", "direction",
        "offset", "volume", "price_type", "limit_price", "time_condition", "volume_condition", "bid", "user_name",
        "password", "ins_list", "future_account", "bank_id", "currency", "amount"};
    /** Frames with more text than this (in chars, over the known members) take the tree path. */
    static final int MAX_TEXT_CHARS = 8192;
    /** Frames with more unknown members than this take the tree path. */
    static final int MAX_UNKNOWN_MEMBERS = 32;

    /** Exponents of more significant digits than this (a billion and up) take the tree path. */
    private static final int MAX_EXPONENT_DIGITS = 9;
    private static final byte INTEGER = 5;
    private static final byte DECIMAL = 6;
    private static final byte TRUE = 7;
    private static final byte FALSE = 8;

    private final byte[] kinds = new byte[KNOWN.length];
    private final int[] starts = new int[KNOWN.length];
    private final int[] lengths = new int[KNOWN.length];
    private final long[] longs = new long[KNOWN.length];
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
    public int kind(String field) {
        int kind = kinds[slotOf(field)];
        if (kind == INTEGER || kind == DECIMAL) {
            return NUMBER;
        }
        return kind == TRUE || kind == FALSE ? OTHER : kind;
    }

    @Override
    public String string(String field) {
        int slot = slotOf(field);
        return new String(text, starts[slot], lengths[slot]);
    }

    @Override
    public boolean textEquals(String field, String expected) {
        int slot = slotOf(field);
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
    public int textLength(String field) {
        return lengths[slotOf(field)];
    }

    @Override
    public boolean isLong(String field) {
        return kinds[slotOf(field)] == INTEGER;
    }

    @Override
    public long longValue(String field) {
        return longs[slotOf(field)];
    }

    @Override
    public BigDecimal decimal(String field) {
        int slot = slotOf(field);
        return kinds[slot] == INTEGER
                ? BigDecimal.valueOf(longs[slot])
                : new BigDecimal(text, starts[slot], lengths[slot]);
    }

    @Override
    public String json(String field) {
        int slot = slotOf(field);
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

    private static int slotOf(String name) {
        switch (name) {
            case "aid": return 0;
            case "user_id": return 1;
            case "order_id": return 2;
            case "exchange_id": return 3;
            case "instrument_id": return 4;
            case "direction": return 5;
            case "offset": return 6;
            case "volume": return 7;
            case "price_type": return 8;
            case "limit_price": return 9;
            case "time_condition": return 10;
            case "volume_condition": return 11;
            case "bid": return 12;
            case "user_name": return 13;
            case "password": return 14;
            case "ins_list": return 15;
            case "future_account": return 16;
            case "bank_id": return 17;
            case "currency": return 18;
            case "amount": return 19;
            default: return -1;
        }
    }
}
