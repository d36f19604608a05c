package io.github.exchangeblocks.examples.server.channels;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufOutputStream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * Writes one JSON message into a Netty buffer with Jackson's streaming generator. A channel message is written
 * once per update as the shared body {@code "channel":...,"symbol":...,"time":...,"type":...,...}}: everything but
 * its opening brace, which each subscriber's prefix {@code {"seq":n,} supplies (see {@link Subscription}). Prices
 * are decimal strings ({@code ticks * tickSize} at the instrument's price scale), volumes integers in lots, money
 * decimal strings in the currency. Not thread-safe; one writer per message.
 */
final class MessageWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final ByteBuf buffer;
    private final JsonGenerator json;
    private final boolean body;

    private MessageWriter(ByteBufAllocator allocator, boolean body) {
        this.buffer = allocator.buffer(256);
        this.body = body;
        try {
            this.json = FACTORY.createGenerator((java.io.OutputStream) new ByteBufOutputStream(buffer));
            json.writeStartObject();
        } catch (IOException e) {
            buffer.release();
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a channel message body.
     *
     * @param allocator where the buffer comes from
     * @param channel   the channel name as subscribed
     * @param symbol    the instrument id, {@code ""} for private channels
     * @param timeMs    the event time: when the server published the message, milliseconds since the epoch (trades
     *                  carry each trade's own time besides)
     * @param type      what the message is ({@code snapshot}, {@code delta}, {@code trades}, ...)
     * @return the writer, positioned after the common fields
     */
    static MessageWriter channel(ByteBufAllocator allocator, String channel, String symbol, long timeMs,
                                 String type) {
        MessageWriter writer = new MessageWriter(allocator, true);
        try {
            writer.json.writeStringField("channel", channel);
            writer.json.writeStringField("symbol", symbol);
            writer.json.writeNumberField("time", timeMs);
            writer.json.writeStringField("type", type);
        } catch (IOException e) {
            writer.buffer.release();
            throw new UncheckedIOException(e);
        }
        return writer;
    }

    /**
     * Starts a control message (a reply, an error, a notice): a whole object, sent without a sequence.
     *
     * @param allocator where the buffer comes from
     * @return the writer, inside the object
     */
    static MessageWriter control(ByteBufAllocator allocator) {
        return new MessageWriter(allocator, false);
    }

    /** @return the generator, inside the message object */
    JsonGenerator json() {
        return json;
    }

    /**
     * Closes the object.
     *
     * @return the message (a channel body starts after its opening brace); the caller owns it
     */
    ByteBuf finish() {
        try {
            json.writeEndObject();
            json.close();
        } catch (IOException e) {
            buffer.release();
            throw new UncheckedIOException(e);
        }
        if (body) {
            buffer.skipBytes(1);
        }
        return buffer;
    }

    /** Releases the buffer of a message abandoned half-written. */
    void abandon() {
        buffer.release();
    }

    /** Writes the fields particular to one message. */
    @FunctionalInterface
    interface Fields {
        /** @param json the generator, inside the message object */
        void write(JsonGenerator json) throws IOException;
    }

    /**
     * Writes a whole channel message body: the common fields, then {@code fields}.
     *
     * @return the body, owned by the caller
     */
    static ByteBuf channelBody(ByteBufAllocator allocator, String channel, String symbol, long timeMs, String type,
                               Fields fields) {
        return complete(channel(allocator, channel, symbol, timeMs, type), fields);
    }

    /**
     * Writes a whole control message.
     *
     * @return the message, owned by the caller
     */
    static ByteBuf controlMessage(ByteBufAllocator allocator, Fields fields) {
        return complete(control(allocator), fields);
    }

    private static ByteBuf complete(MessageWriter writer, Fields fields) {
        try {
            fields.write(writer.json);
        } catch (IOException e) {
            writer.abandon();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            writer.abandon();
            throw e;
        }
        return writer.finish();
    }

    /**
     * @param spec  the instrument
     * @param ticks a price in ticks
     * @return the decimal price, or {@code null} when {@code ticks <= 0} (no price)
     */
    static String price(InstrumentSpec spec, long ticks) {
        if (ticks <= 0) {
            return null;
        }
        return BigDecimal.valueOf(Math.multiplyExact(ticks, spec.tickSize()), spec.priceScale()).toPlainString();
    }

    /**
     * @param minor an amount in minor units
     * @param scale decimal places of the money unit
     * @return the decimal amount
     */
    static String money(long minor, int scale) {
        return BigDecimal.valueOf(minor, scale).toPlainString();
    }
}
