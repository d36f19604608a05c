package io.github.exchangeblocks.bench.server.channels;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static io.github.exchangeblocks.bench.server.channels.MessageFields.CHANNEL;
import static io.github.exchangeblocks.bench.server.channels.MessageFields.DELTA;
import static io.github.exchangeblocks.bench.server.channels.MessageFields.FIRST_ID;
import static io.github.exchangeblocks.bench.server.channels.MessageFields.LAST_ID;
import static io.github.exchangeblocks.bench.server.channels.MessageFields.LAST_UPDATE_ID;
import static io.github.exchangeblocks.bench.server.channels.MessageFields.REPLY_TO_FIRST;
import static io.github.exchangeblocks.bench.server.channels.MessageFields.SEQ;
import static io.github.exchangeblocks.bench.server.channels.MessageFields.SNAPSHOT;
import static io.github.exchangeblocks.bench.server.channels.MessageFields.TIME;
import static io.github.exchangeblocks.bench.server.channels.MessageFields.TYPE;

/**
 * One load-client connection to {@code /ws}, as the only handler of a plain TCP channel: it does the WebSocket
 * handshake itself ({@link LoadHandshake}), sends the subscribe request as a masked text frame, then reads the
 * server's frames straight from the socket's buffers (no frame objects, no Strings) and checks each channel
 * message: the sequence per channel has no gap, each depth delta's {@code U} is the previous {@code u} (or the
 * snapshot's {@code lastUpdateId}) + 1, and the publish-to-receive latency goes to its thread's {@link LoopTally}.
 * Pings are answered with pongs. Event-loop thread only.
 */
final class LoadConnection extends ChannelInboundHandlerAdapter {
    private static final int OP_TEXT = 1;
    private static final int OP_CLOSE = 8;
    private static final int OP_PING = 9;
    private static final long MAX_FRAME_BYTES = 16 << 20;

    private final LoadHandshake handshake;
    private final byte[][] channels;
    private final byte[] subscribeFrame;
    private final Function<ChannelHandlerContext, LoopTally> tallies;
    private final CountDownLatch subscribed;
    private final Semaphore handshakes;
    private final AtomicInteger closed;
    /** Per subscribed channel: the last sequence seen. */
    private final long[] lastSeq;
    /** Per subscribed channel: the last depth update id (snapshot's lastUpdateId or delta's u), -1 before one. */
    private final long[] lastUpdateId;
    private LoopTally tally;
    private ByteBuf carry;
    private boolean upgraded;
    private boolean answered;

    /**
     * @param handshake      the upgrade request and the answer expected
     * @param channels       the channel names subscribed, as ASCII bytes
     * @param subscribeFrame the subscribe request, framed and masked
     * @param tallies        the tally of the connection's event-loop thread
     * @param subscribed     counted down once the subscribe request is answered
     * @param handshakes     released once the subscribe request is answered or the connection closes before
     * @param closed         counts connections closed
     */
    LoadConnection(LoadHandshake handshake, byte[][] channels, byte[] subscribeFrame,
                   Function<ChannelHandlerContext, LoopTally> tallies, CountDownLatch subscribed,
                   Semaphore handshakes, AtomicInteger closed) {
        this.handshake = handshake;
        this.channels = channels;
        this.subscribeFrame = subscribeFrame;
        this.tallies = tallies;
        this.subscribed = subscribed;
        this.handshakes = handshakes;
        this.closed = closed;
        this.lastSeq = new long[channels.length];
        this.lastUpdateId = new long[channels.length];
        Arrays.fill(lastUpdateId, -1);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        tally = tallies.apply(ctx);
        ctx.writeAndFlush(ctx.alloc().buffer().writeBytes(handshake.request()));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        ByteBuf in = (ByteBuf) message;
        ByteBuf buf = in;
        if (carry != null) {
            buf = carry.writeBytes(in);
            in.release();
            carry = null;
        }
        try {
            if (!upgraded) {
                int end = handshake.headerEnd(buf);
                if (end < 0) {
                    keep(ctx, buf);
                    return;
                }
                if (!handshake.accepted(buf, end)) {
                    System.err.println("handshake refused: " + buf.toString(buf.readerIndex(),
                            Math.min(end, buf.readableBytes()), StandardCharsets.US_ASCII));
                    ctx.close();
                    return;
                }
                buf.skipBytes(end);
                upgraded = true;
                ctx.writeAndFlush(ctx.alloc().buffer(subscribeFrame.length).writeBytes(subscribeFrame));
            }
            long nowMs = System.currentTimeMillis();
            while (frame(ctx, buf, nowMs)) {
                // each call reads one whole frame; false when none is complete
            }
            keep(ctx, buf);
        } finally {
            buf.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        closed.incrementAndGet();
        if (!answered) {
            handshakes.release();
        }
        if (carry != null) {
            carry.release();
            carry = null;
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    /** Keeps the unread rest of {@code buf} (a partial frame or header) for the next read. */
    private void keep(ChannelHandlerContext ctx, ByteBuf buf) {
        if (buf.isReadable() && ctx.channel().isActive()) {
            carry = ctx.alloc().heapBuffer(Math.max(4096, buf.readableBytes() * 2)).writeBytes(buf);
        }
    }

    /** Reads one whole frame at the reader index, if there is one. */
    private boolean frame(ChannelHandlerContext ctx, ByteBuf buf, long nowMs) {
        int start = buf.readerIndex();
        int available = buf.readableBytes();
        if (available < 2) {
            return false;
        }
        int opcode = buf.getByte(start) & 0x0F;
        int second = buf.getByte(start + 1) & 0xFF;
        long length = second & 0x7F;
        int header = 2;
        if (length == 126) {
            if (available < 4) {
                return false;
            }
            length = buf.getUnsignedShort(start + 2);
            header = 4;
        } else if (length == 127) {
            if (available < 10) {
                return false;
            }
            length = buf.getLong(start + 2);
            header = 10;
        }
        if ((second & 0x80) != 0 || length < 0 || length > MAX_FRAME_BYTES) {
            System.err.println("bad frame from the server (masked or " + length + " bytes); closing");
            buf.skipBytes(available);
            ctx.close();
            return false;
        }
        if (available < header + length) {
            return false;
        }
        int from = start + header;
        int to = from + (int) length;
        buf.readerIndex(to);
        switch (opcode) {
            case OP_TEXT -> text(buf, from, to, nowMs);
            case OP_PING -> ctx.writeAndFlush(LoadHandshake.clientFrame(ctx.alloc(), 0x8A, buf, from, to));
            case OP_CLOSE -> ctx.close();
            default -> {
                // pongs, binary and continuation frames: the gateway sends none of these to this client
            }
        }
        return true;
    }

    /** One text message in {@code [from, to)} of {@code buf}: copied once into the thread's scratch array. */
    private void text(ByteBuf buf, int from, int to, long nowMs) {
        byte[] message = tally.scratch(to - from);
        buf.getBytes(from, message, 0, to - from);
        check(message, to - from, nowMs);
    }

    /** Checks and counts one text message, the first {@code end} bytes of {@code message}. */
    private void check(byte[] message, int end, long nowMs) {
        if (!MessageFields.matches(message, 0, end, SEQ)) {
            if (!answered && MessageFields.matches(message, 0, end, REPLY_TO_FIRST)) {
                answered = true;
                handshakes.release();
                subscribed.countDown();
            }
            return;
        }
        int at = SEQ.length;
        long seq = MessageFields.number(message, at, end);
        int channelFrom = MessageFields.after(message, at, end, CHANNEL);
        int channelTo = channelFrom < 0 ? -1 : MessageFields.quote(message, channelFrom, end);
        int channel = channelTo < 0 ? -1 : channelIndex(message, channelFrom, channelTo);
        if (channel < 0) {
            tally.unknownChannels++;
            return;
        }
        if (seq != lastSeq[channel] + 1) {
            tally.gaps++;
        }
        lastSeq[channel] = seq;
        int timeAt = MessageFields.after(message, channelTo, end, TIME);
        long timeMs = timeAt < 0 ? -1 : MessageFields.number(message, timeAt, end);
        int typeAt = MessageFields.after(message, Math.max(channelTo, timeAt), end, TYPE);
        if (typeAt >= 0 && MessageFields.matches(message, typeAt, end, SNAPSHOT)) {
            long snapshotId = MessageFields.numberAfter(message, typeAt, end, LAST_UPDATE_ID);
            if (snapshotId >= 0) {
                lastUpdateId[channel] = snapshotId;
            }
        } else if (typeAt >= 0 && MessageFields.matches(message, typeAt, end, DELTA)) {
            int firstAt = MessageFields.after(message, typeAt, end, FIRST_ID);
            long first = firstAt < 0 ? -1 : MessageFields.number(message, firstAt, end);
            if (first != lastUpdateId[channel] + 1) {
                tally.chainBreaks++;
            }
            lastUpdateId[channel] = MessageFields.numberAfter(message, Math.max(typeAt, firstAt), end, LAST_ID);
        }
        tally.received(nowMs, timeMs);
    }

    private int channelIndex(byte[] message, int from, int to) {
        for (int i = 0; i < channels.length; i++) {
            if (channels[i].length == to - from && MessageFields.matches(message, from, to, channels[i])) {
                return i;
            }
        }
        return -1;
    }
}
