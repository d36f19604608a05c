package io.github.exchangeblocks.examples.server.channels;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.io.IOException;
import java.util.List;

/**
 * The control messages of the channel protocol (not sequenced, not channel messages): replies that echo the
 * request's {@code id}, errors with a code and a message, and server notices. Each call returns a new buffer the
 * caller owns.
 */
final class Replies {
    private Replies() {
    }

    /**
     * {@code {"id":..,"op":..,"error":{"code":4002,"msg":"..."}}}.
     *
     * @param id    the request's id, or {@code null}
     * @param op    the request's op, or {@code null}
     * @param error the code
     * @param msg   names the field and the rule
     */
    static ByteBuf error(ByteBufAllocator allocator, JsonNode id, String op, ChannelError error, String msg) {
        return MessageWriter.controlMessage(allocator, json -> {
            head(json, id, op);
            json.writeObjectFieldStart("error");
            json.writeNumberField("code", error.code());
            json.writeStringField("name", error.name());
            json.writeStringField("msg", msg);
            json.writeEndObject();
        });
    }

    /** {@code {"id":..,"op":"subscribe"|"unsubscribe","result":true,"channels":[...]}}. */
    static ByteBuf channels(ByteBufAllocator allocator, JsonNode id, String op, List<String> channels) {
        return MessageWriter.controlMessage(allocator, json -> {
            head(json, id, op);
            json.writeBooleanField("result", true);
            json.writeArrayFieldStart("channels");
            for (String channel : channels) {
                json.writeString(channel);
            }
            json.writeEndArray();
        });
    }

    /** {@code {"id":..,"op":"login","result":true,"user":".."}}. */
    static ByteBuf login(ByteBufAllocator allocator, JsonNode id, String user) {
        return MessageWriter.controlMessage(allocator, json -> {
            head(json, id, "login");
            json.writeBooleanField("result", true);
            json.writeStringField("user", user);
        });
    }

    /** {@code {"id":..,"op":"pong","time":ms}}. */
    static ByteBuf pong(ByteBufAllocator allocator, JsonNode id) {
        return MessageWriter.controlMessage(allocator, json -> {
            head(json, id, "pong");
            json.writeNumberField("time", System.currentTimeMillis());
        });
    }

    /** {@code {"event":"serverShutdown","reason":"..","time":ms}}: sent to every connection before a clean stop. */
    static ByteBuf shutdown(ByteBufAllocator allocator, String reason) {
        return MessageWriter.controlMessage(allocator, json -> {
            json.writeStringField("event", "serverShutdown");
            json.writeStringField("reason", reason);
            json.writeNumberField("time", System.currentTimeMillis());
        });
    }

    private static void head(JsonGenerator json, JsonNode id, String op) throws IOException {
        if (id != null) {
            json.writeFieldName("id");
            if (id.isIntegralNumber()) {
                json.writeNumber(id.bigIntegerValue());
            } else {
                json.writeString(id.asText());
            }
        }
        if (op != null) {
            json.writeStringField("op", op);
        }
    }
}
