package io.github.exchangeblocks.diff.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import io.github.exchangeblocks.diff.json.JsonReader;

import java.io.IOException;

/**
 * The streaming front of {@link ClientMessageDecoder}: scans a flat frame (one object whose members are all
 * scalars) into a {@link FlatFrame} with one long-lived jackson-core non-blocking parser per thread, fed frame after
 * frame, so that a well-formed frame allocates nothing here. Field names come from jackson's canonicalizing symbol
 * table (bounded: jackson clears it when it outgrows its limit), values are copied into the frame's reusable buffer.
 *
 * <p>Anything else is declined and goes to the tree decoder, which gives today's exact answer for it: input that is
 * not an object from its first to its last non-blank byte, a member whose value is an object or array, a duplicate
 * member name, a number whose exponent has ten digits or more, any parse error, an oversized frame. A declined frame discards the parser (it may hold a partial
 * token); the next frame creates a new one.
 *
 * <p>Threading: one instance per thread ({@link #current()}); not shareable.
 */
final class FrameScanner {
    private static final ThreadLocal<FrameScanner> CURRENT = ThreadLocal.withInitial(FrameScanner::new);
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(JsonReader.MAX_NESTING_DEPTH).build())
            .build();

    private final FlatFrame frame = new FlatFrame();
    private JsonParser parser;
    private ByteArrayFeeder feeder;

    private FrameScanner() {
    }

    static FrameScanner current() {
        return CURRENT.get();
    }

    /**
     * Scans one frame.
     *
     * @return the recorded frame (valid until the next call), or {@code null} if the frame must take the tree path
     */
    FlatFrame scan(byte[] utf8, int offset, int length) {
        int first = offset;
        int last = offset + length - 1;
        while (first <= last && isBlank(utf8[first])) {
            first++;
        }
        while (last >= first && isBlank(utf8[last])) {
            last--;
        }
        if (first >= last || utf8[first] != '{' || utf8[last] != '}') {
            return null;
        }
        frame.clear();
        try {
            if (parser == null) {
                parser = FACTORY.createNonBlockingByteArrayParser();
                feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
            }
            feeder.feedInput(utf8, first, last + 1);
            JsonToken token = parser.nextToken();
            if (token != JsonToken.START_OBJECT) {
                return decline();
            }
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                token = parser.nextToken();
                if (!token.isScalarValue() || token == JsonToken.VALUE_NUMBER_FLOAT && !FlatFrame.exponentFitsDecimal(
                        parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength())
                        || !frame.record(name, token, parser)) {
                    return decline();
                }
            }
            if (token != JsonToken.END_OBJECT || !feeder.needMoreInput()) {
                return decline();
            }
            return frame;
        } catch (IOException e) {
            return decline();
        }
    }

    private FlatFrame decline() {
        JsonParser broken = parser;
        parser = null;
        feeder = null;
        if (broken != null) {
            try {
                broken.close();
            } catch (IOException ignored) {
                // the parser reads memory only; closing it only returns its buffers
            }
        }
        return null;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }
}
