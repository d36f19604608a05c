package io.github.exchangeblocks.diff.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSON text into {@link JsonValue}s with jackson-core's streaming parser. Stateless and thread-safe.
 *
 * <p>Integers that fit a {@code long} become {@code long} numbers; other numbers become exact
 * {@link java.math.BigDecimal}s. NaN/Infinity tokens, duplicate member names, trailing content and nesting deeper
 * than {@link #MAX_NESTING_DEPTH} are rejected with a {@link JsonFormatException}, and so are numbers whose
 * exponent does not fit 32 bits (digits are limited by jackson's default number length of 1000).
 */
public final class JsonReader {
    /** The deepest nesting of arrays and objects accepted. */
    public static final int MAX_NESTING_DEPTH = 256;

    static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
            .build();

    private JsonReader() {
    }

    /**
     * Parses one JSON value.
     *
     * @param json the text, never {@code null}
     * @return the value, never {@code null}
     * @throws JsonFormatException if the text is not exactly one well-formed JSON value
     */
    public static JsonValue parse(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return parse(bytes, 0, bytes.length);
    }

    /**
     * Parses one JSON value from UTF-8 bytes.
     *
     * @param utf8 the buffer
     * @param offset the first byte
     * @param length the number of bytes
     * @return the value, never {@code null}
     * @throws JsonFormatException if the bytes are not exactly one well-formed JSON value
     */
    public static JsonValue parse(byte[] utf8, int offset, int length) {
        try (JsonParser parser = FACTORY.createParser(utf8, offset, length)) {
            return readDocument(parser);
        } catch (JsonProcessingException e) {
            throw JsonFormatException.of(e);
        } catch (IOException e) {
            throw new JsonFormatException("input could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Parses one JSON value from a stream, which is read to its end but not closed.
     *
     * @param in the UTF-8 input
     * @return the value, never {@code null}
     * @throws JsonFormatException if the input is not exactly one well-formed JSON value or cannot be read
     */
    public static JsonValue parse(InputStream in) {
        try (JsonParser parser = FACTORY.createParser(in)) {
            parser.disable(StreamReadFeature.AUTO_CLOSE_SOURCE.mappedFeature());
            return readDocument(parser);
        } catch (JsonProcessingException e) {
            throw JsonFormatException.of(e);
        } catch (IOException e) {
            throw new JsonFormatException("input could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the value at the parser's current token (advancing to the first token if there is none yet), leaving
     * the parser on the value's last token. For embedding in a host's own streaming parse.
     *
     * @param parser a parser positioned at or before a value
     * @return the value, never {@code null}
     * @throws IOException if the parser fails
     */
    public static JsonValue read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            token = parser.nextToken();
            if (token == null) {
                throw new JsonParseException(parser, "no JSON value: input is empty");
            }
        }
        return readValue(parser, token);
    }

    private static JsonValue readDocument(JsonParser parser) throws IOException {
        JsonValue value = read(parser);
        if (parser.nextToken() != null) {
            throw new JsonParseException(parser, "trailing content after the JSON value");
        }
        return value;
    }

    private static JsonValue readValue(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT:
                return readObject(parser);
            case START_ARRAY:
                return readArray(parser);
            case VALUE_STRING:
                return new JsonString(parser.getText());
            case VALUE_NUMBER_INT:
                if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    return JsonNumber.of(new BigDecimal(parser.getBigIntegerValue()));
                }
                return JsonNumber.of(parser.getLongValue());
            case VALUE_NUMBER_FLOAT:
                return decimal(parser);
            case VALUE_TRUE:
                return JsonBoolean.TRUE;
            case VALUE_FALSE:
                return JsonBoolean.FALSE;
            case VALUE_NULL:
                return JsonNull.INSTANCE;
            default:
                throw new JsonParseException(parser, "unexpected token " + token);
        }
    }

    private static JsonObject readObject(JsonParser parser) throws IOException {
        JsonObject object = new JsonObject();
        String name;
        while ((name = parser.nextFieldName()) != null) {
            object.put(name, readValue(parser, parser.nextToken()));
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new JsonParseException(parser, "unexpected token " + parser.currentToken() + " in object");
        }
        return object;
    }

    private static JsonArray readArray(JsonParser parser) throws IOException {
        List<JsonValue> elements = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new JsonParseException(parser, "unexpected end of input in array");
            }
            elements.add(readValue(parser, token));
        }
        return elements.isEmpty() ? JsonArray.EMPTY : new JsonArray(elements);
    }

    private static JsonNumber decimal(JsonParser parser) throws IOException {
        try {
            return JsonNumber.of(parser.getDecimalValue());
        } catch (NumberFormatException e) {
            String text = parser.getText();
            throw new JsonParseException(parser, "number " + (text.length() <= 32 ? text : text.substring(0, 32)
                    + "...") + " is out of range: its exponent does not fit 32 bits");
        }
    }
}
