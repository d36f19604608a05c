package io.github.exchangeblocks.diff.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes {@link JsonValue}s with jackson-core's streaming generator, member order preserved. Thread-safe (its only
 * state is a scratch buffer per writing thread). Numbers are written exactly: {@code long}s as integers, decimals
 * with their own digits and scale in plain notation ({@link JsonNumber#toString()}: {@code 0.00000000}, not
 * {@code 0E-8}).
 */
public final class JsonWriter {
    /** Per writing thread: where a compact decimal's digits are put together, so writing one allocates nothing. */
    private static final ThreadLocal<char[]> COMPACT_TEXT =
            ThreadLocal.withInitial(() -> new char[JsonNumber.MAX_COMPACT_CHARS]);
    private JsonWriter() {
    }

    /**
     * Writes a value to a generator, without flushing or closing it.
     *
     * @param generator the target, positioned where a value may be written
     * @param value the value, never {@code null}
     * @throws IOException if the generator fails
     */
    public static void write(JsonGenerator generator, JsonValue value) throws IOException {
        if (value instanceof JsonObject) {
            generator.writeStartObject();
            JsonObject object = (JsonObject) value;
            for (int slot = object.nextMember(-1); slot >= 0; slot = object.nextMember(slot)) {
                generator.writeFieldName(object.keyAt(slot));
                write(generator, object.valueAt(slot));
            }
            generator.writeEndObject();
        } else if (value instanceof JsonString) {
            generator.writeString(((JsonString) value).value());
        } else if (value instanceof JsonNumber) {
            JsonNumber number = (JsonNumber) value;
            if (number.isLong()) {
                generator.writeNumber(number.longValue());
            } else if (number.isCompactDecimal()) {
                char[] text = COMPACT_TEXT.get();
                int from = number.writeCompact(text);
                generator.writeNumber(text, from, text.length - from);
            } else {
                generator.writeNumber(number.toString());
            }
        } else if (value instanceof JsonArray) {
            List<JsonValue> elements = ((JsonArray) value).elements();
            generator.writeStartArray();
            for (int i = 0, n = elements.size(); i < n; i++) {
                write(generator, elements.get(i));
            }
            generator.writeEndArray();
        } else if (value instanceof JsonBoolean) {
            generator.writeBoolean(((JsonBoolean) value).value());
        } else {
            generator.writeNull();
        }
    }

    /**
     * Writes a value as UTF-8 to a stream, flushing but not closing it.
     *
     * @param out the target
     * @param value the value
     * @throws IOException if writing fails
     */
    public static void write(OutputStream out, JsonValue value) throws IOException {
        try (JsonGenerator generator = createGenerator(out)) {
            write(generator, value);
        }
    }

    /**
     * Creates a UTF-8 generator over a stream that does not close the stream when it is closed.
     *
     * @param out the target
     * @return a new generator; close it to flush
     * @throws IOException if the generator cannot be created
     */
    public static JsonGenerator createGenerator(OutputStream out) throws IOException {
        JsonGenerator generator = JsonReader.FACTORY.createGenerator(out, JsonEncoding.UTF8);
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return generator;
    }

    /**
     * The compact JSON text of a value. Allocates; for tests, logs and tools, not hot paths.
     *
     * @param value the value
     * @return the JSON text
     */
    public static String toJson(JsonValue value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        try {
            write(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
