package io.github.exchangeblocks.diff.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.exchangeblocks.diff.json.JsonValue;
import io.github.exchangeblocks.diff.json.JsonWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes {@code {"aid":"rtn_data","data":[patch, ...]}} straight to a jackson generator or a stream, without
 * building an intermediate string. Stateless and thread-safe.
 */
public final class RtnDataWriter {
    private RtnDataWriter() {
    }

    /**
     * Writes one {@code rtn_data} message to a generator, without flushing it.
     *
     * @param generator the target, positioned where a value may be written
     * @param patches the merge patches in the order the client must apply them; not empty
     * @throws IOException if the generator fails
     * @throws IllegalArgumentException if {@code patches} is empty (DIFF never sends an empty {@code data})
     */
    public static void write(JsonGenerator generator, List<? extends JsonValue> patches) throws IOException {
        if (patches.isEmpty()) {
            throw new IllegalArgumentException("patches is empty: rtn_data must carry at least one patch");
        }
        generator.writeStartObject();
        generator.writeStringField("aid", "rtn_data");
        generator.writeFieldName("data");
        generator.writeStartArray();
        for (int i = 0, n = patches.size(); i < n; i++) {
            JsonWriter.write(generator, patches.get(i));
        }
        generator.writeEndArray();
        generator.writeEndObject();
    }

    /**
     * Writes one {@code rtn_data} message as UTF-8 to a stream, flushing but not closing it.
     *
     * @param out the target
     * @param patches the merge patches in order; not empty
     * @throws IOException if writing fails
     */
    public static void write(OutputStream out, List<? extends JsonValue> patches) throws IOException {
        try (JsonGenerator generator = JsonWriter.createGenerator(out)) {
            write(generator, patches);
        }
    }
}
