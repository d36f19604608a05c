package io.github.exchangeblocks.examples.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;

/**
 * The API's JSON: Jackson's tree model with exact decimals (numbers are read as {@link BigDecimal}, written plain),
 * duplicate keys and trailing tokens refused. Money and prices travel as JSON numbers in their decimal unit
 * (yuan with two places, prices in the instrument's scale), never as binary floating point.
 */
final class Json {
    static final JsonNodeFactory NODES = new JsonNodeFactory(true);
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .nodeFactory(NODES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private Json() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** @return the decimal {@code unscaled / 10^scale}, exact */
    static BigDecimal decimal(long unscaled, int scale) {
        return BigDecimal.valueOf(unscaled, scale);
    }

    static JsonNode parse(byte[] utf8) throws ApiException {
        try {
            return MAPPER.readTree(utf8);
        } catch (java.io.IOException e) {
            String detail = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
            throw new ApiException(io.netty.handler.codec.http.HttpResponseStatus.BAD_REQUEST, "MALFORMED_JSON",
                    "body must be a well-formed JSON object: " + detail);
        }
    }

    static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree must serialize", e);
        }
    }
}
