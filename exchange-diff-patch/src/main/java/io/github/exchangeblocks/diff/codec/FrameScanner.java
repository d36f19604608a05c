package io.github.exchangeblocks.diff.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.github.exchangeblocks.diff.json.JsonReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The streaming front of {@link ClientMessageDecoder}: scans a flat frame (one object whose members are all
 * scalars) into a {@link FlatFrame} with one long-lived jackson-core streaming parser per thread, which reads frame
 * after frame as one stream of root-level objects from a reusable {@link InputStream} the scanner points at each
 * frame in turn, so that a well-formed frame allocates nothing here. The parser never reads past a frame's closing
 * brace (the scanner checks it consumed exactly the frame), so it never sees the end of its stream. Field names come
 * from jackson's canonicalizing symbol table (bounded: jackson clears it when it outgrows its limit), values are
 * copied into the frame's reusable buffer.
 *
 * <p>Anything else is declined and goes to the tree decoder, which gives today's exact answer for it: input that is
 * not an object from its first to its last non-blank byte, a member whose value is an object or array, a duplicate
 * member name, a number whose exponent has ten digits or more, any parse error, an oversized frame. A declined frame
 * discards the parser (it may hold a partial token); the next frame creates a new one.
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

    private static final byte[] NO_BYTES = new byte[0];
    private static final OutputStream NOWHERE = OutputStream.nullOutputStream();

    private final FlatFrame frame = new FlatFrame();
    private final FrameInput input = new FrameInput();
    private JsonParser parser;

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
            input.point(utf8, first, last + 1 - first);
            if (parser == null) {
                parser = FACTORY.createParser(input);
            }
            JsonToken token = parser.nextToken();
            if (token != JsonToken.START_OBJECT) {
                return decline();
            }
            String name;
            while ((name = parser.nextFieldName()) != null) {
                token = parser.nextToken();
                if (!token.isScalarValue() || token == JsonToken.VALUE_NUMBER_FLOAT && !FlatFrame.exponentFitsDecimal(
                        parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength())
                        || !frame.record(name, token, parser)) {
                    return decline();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || input.remaining() != 0
                    || parser.releaseBuffered(NOWHERE) != 0) {
                return decline();
            }
            input.point(NO_BYTES, 0, 0);
            return frame;
        } catch (IOException e) {
            return decline();
        }
    }

    private FlatFrame decline() {
        JsonParser broken = parser;
        parser = null;
        input.point(NO_BYTES, 0, 0);
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

    /**
     * The parser's input: the current frame's bytes, then nothing until the scanner points it at the next frame.
     * A parser that asks for bytes beyond a frame was handed a broken frame; it is discarded.
     */
    private static final class FrameInput extends InputStream {
        private byte[] bytes = NO_BYTES;
        private int position;
        private int end;

        void point(byte[] frameBytes, int offset, int length) {
            bytes = frameBytes;
            position = offset;
            end = offset + length;
        }

        int remaining() {
            return end - position;
        }

        @Override
        public int read() {
            return position < end ? bytes[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (position >= end) {
                return -1;
            }
            int count = Math.min(length, end - position);
            System.arraycopy(bytes, position, target, offset, count);
            position += count;
            return count;
        }
    }
}
