package io.github.exchangeblocks.examples.server.channels;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One connection at {@code /ws}. Every field is touched on the connection's I/O thread only (a login checked on
 * an auth thread comes back to it). Reads client operations ({@link ClientRequests} decodes them), keeps the
 * connection's subscriptions in its {@link LoopShard}, numbers and writes channel messages, and keeps the
 * heartbeat: a ping every {@link ChannelsConfig#pingIntervalMs()}, a close after
 * {@link ChannelsConfig#idleTimeoutMs()} without any frame from the client.
 */
final class ChannelConnection extends SimpleChannelInboundHandler<WebSocketFrame> implements Subscriber {
    private static final long SECOND_NS = 1_000_000_000L;
    private static final byte[] SEQ_PREFIX = "{\"seq\":".getBytes(StandardCharsets.US_ASCII);
    /** Frame header (at most 10 bytes), the prefix and a sequence of up to 19 digits and a comma. */
    private static final int HEAD_BYTES = 10 + 7 + 19 + 1;
    /**
     * Bodies up to this size are copied into the connection's {@link #unsent} buffer; larger ones (snapshots) are
     * written as a retained duplicate of the shared body. Copying a few hundred bytes costs less than the two
     * outbound entries, two buffer objects, two NIO buffer views and the reference-count traffic a shared body
     * takes per subscriber, and lets a whole flush go out as one buffer in one write system call.
     */
    static final int COPY_LIMIT = 1024;
    /** First capacity of the {@link #unsent} buffer; it grows when a flush carries more. */
    private static final int UNSENT_INITIAL_BYTES = 2048;

    private final ChannelGateway gateway;
    private final ChannelsConfig config;
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final long[] recentMessagesNs;
    private ChannelHandlerContext ctx;
    /** Where ready-made frames are written: the frame encoder's context, so they pass only the handlers before it. */
    private ChannelHandlerContext frameOut;
    /** The shard of the connection's I/O thread: set when the handshake completes, cleared when it closes. */
    private LoopShard shard;
    /**
     * The channel's outbound buffer, kept from the handshake on: read for every message delivered (how far behind
     * the connection is), so one reference instead of the walk through context, pipeline, channel and unsafe.
     */
    private ChannelOutboundBuffer outbound;
    /** The phase group, dealt when the handshake completes ({@link ChannelsConfig#phaseGroups()}). */
    private int phaseGroup;
    private String user;
    private boolean loginInFlight;
    private boolean written;
    private boolean inLaggingList;
    private boolean closing;
    private int recentIndex;
    private int recentCount;
    private long lastInboundNs;
    private long lastPingNs;
    private long laggingSinceNs;
    private long stalledSinceNs;
    /** Bytes in Netty's outbound buffer right after this connection last wrote or flushed. */
    private long outboundAfterWrite;
    /**
     * Channel messages framed back to back since the last flush (frame header, sequence prefix, copied body), not
     * yet handed to the pipeline; {@code null} when empty. Written out before anything else is written, so the
     * order on the wire is the order of the calls.
     */
    private ByteBuf unsent;

    ChannelConnection(ChannelGateway gateway) {
        this.gateway = gateway;
        this.config = gateway.config();
        this.recentMessagesNs = new long[config.maxMessagesPerSecond()];
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
        if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            ChannelHandlerContext encoder = context.pipeline().context(WebSocketFrameEncoder.class);
            frameOut = encoder != null ? encoder : context;
            shard = gateway.shardOf(context.executor());
            outbound = context.channel().unsafe().outboundBuffer();
            shard.add(this);
            phaseGroup = gateway.nextPhaseGroup();
            lastInboundNs = System.nanoTime();
            lastPingNs = lastInboundNs;
            gateway.opened();
        } else {
            super.userEventTriggered(context, event);
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, WebSocketFrame frame) {
        long nowNs = System.nanoTime();
        lastInboundNs = nowNs;
        if (closing || !(frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame)) {
            return;
        }
        if (tooMany(nowNs)) {
            reply(Replies.error(ctx.alloc(), null, null, ChannelError.TOO_MANY_MESSAGES, "more than "
                    + config.maxMessagesPerSecond() + " messages in one second; closing"));
            close(WebSocketCloseStatus.POLICY_VIOLATION, "too many messages");
            return;
        }
        if (!(frame instanceof TextWebSocketFrame)) {
            reply(Replies.error(ctx.alloc(), null, null, ChannelError.BAD_REQUEST,
                    "binary frames are not supported: send JSON text"));
            return;
        }
        ClientRequests.dispatch(this, frame.content().toString(StandardCharsets.UTF_8));
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) throws Exception {
        if (!context.channel().isWritable()) {
            // Past the server's write high water mark: a client this far behind is cut, as on /trade.
            context.close();
        }
        super.channelWritabilityChanged(context);
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        if (unsent != null) {
            unsent.release();
            unsent = null;
        }
        if (shard != null) {
            for (Subscription subscription : subscriptions.values()) {
                remove(subscription);
            }
            subscriptions.clear();
            shard.remove(this);
            gateway.closed();
            shard = null;
        }
        super.channelInactive(context);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        context.close();
    }

    // ---- operations (ClientRequests calls these after decoding) ----

    Map<String, Subscription> subscriptions() {
        return subscriptions;
    }

    String user() {
        return user;
    }

    /** @return the phase group whose window this connection's depth and trades go out in */
    int phaseGroup() {
        return phaseGroup;
    }

    ChannelGateway gateway() {
        return gateway;
    }

    ChannelHandlerContext context() {
        return ctx;
    }

    /** Registers new subscriptions (already validated) and asks a snapshot for each. */
    void subscribe(Subscription subscription) {
        subscriptions.put(subscription.name.name(), subscription);
        shard.subscribe(subscription);
        gateway.interest(subscription.topic, 1);
    }

    /** Asks the engine for a snapshot of the subscription's channel; false if the engine could not take it. */
    @Override
    public boolean requestSnapshot(Subscription subscription) {
        return gateway.requestSnapshot(subscription, shard);
    }

    void unsubscribe(Subscription subscription) {
        subscriptions.remove(subscription.name.name());
        remove(subscription);
    }

    boolean loginInFlight() {
        return loginInFlight;
    }

    void loginStarted() {
        loginInFlight = true;
    }

    /** Back on the I/O thread with the login's outcome. */
    void loginDone(JsonNode id, String loggedIn, String refusal) {
        loginInFlight = false;
        if (loggedIn != null) {
            user = loggedIn;
            reply(Replies.login(ctx.alloc(), id, loggedIn));
        } else {
            reply(Replies.error(ctx.alloc(), id, "login", ChannelError.LOGIN_FAILED, refusal));
        }
    }

    /** Writes and flushes a control message. */
    void reply(ByteBuf message) {
        if (ctx.channel().isActive()) {
            writeUnsent();
            ctx.writeAndFlush(new TextWebSocketFrame(message));
        } else {
            message.release();
        }
    }

    // ---- delivery (the shard and the subscriptions call these) ----

    /** @return true if more than {@link ChannelsConfig#lagBytes()} wait to be sent */
    @Override
    public boolean behind() {
        return pendingBytes() > config.lagBytes();
    }

    /**
     * Writes one channel message: the frame header with this subscription's sequence prefix, then the body. A body
     * of at most {@link #COPY_LIMIT} bytes is copied behind the messages already waiting in {@link #unsent}, so a
     * flush hands the socket one buffer; a larger one goes as a retained duplicate of the shared body. Flushed
     * later ({@link #flushIfWritten}).
     */
    @Override
    public void send(Subscription subscription, ByteBuf body) {
        if (closing || shard == null) {
            return;
        }
        long sequence = ++subscription.sequence;
        int bodyBytes = body.readableBytes();
        int payload = SEQ_PREFIX.length + digits(sequence) + 1 + bodyBytes;
        if (bodyBytes <= COPY_LIMIT) {
            if (unsent == null) {
                unsent = ctx.alloc().directBuffer(Math.max(UNSENT_INITIAL_BYTES, HEAD_BYTES + bodyBytes));
            }
            writeHead(unsent, payload, sequence);
            unsent.writeBytes(body, body.readerIndex(), bodyBytes);
        } else {
            writeUnsent();
            ByteBuf head = ctx.alloc().directBuffer(HEAD_BYTES);
            writeHead(head, payload, sequence);
            // Two plain buffers written past the frame encoder: the frame header with this subscription's
            // sequence, then the body every subscriber shares.
            frameOut.write(head, frameOut.voidPromise());
            frameOut.write(body.retainedDuplicate(), frameOut.voidPromise());
        }
        markWritten();
    }

    /**
     * Flushes what this connection wrote since the last flush, then checks on the write path that the socket
     * keeps taking bytes: a connection with more than {@link ChannelsConfig#cutBytes()} unsent, or whose socket
     * took none of its unsent bytes for {@link ChannelsConfig#cutAfterMs()}, is cut here, without waiting for the
     * tick. (Netty counts a buffer's bytes as sent once the whole buffer is: progress is a buffer finished.)
     */
    void flushIfWritten() {
        if (!written) {
            return;
        }
        written = false;
        long before = outboundBytes();
        long added = unsent == null ? 0 : unsent.readableBytes();
        writeUnsent();
        ctx.flush();
        long after = outboundBytes();
        boolean progressed = before < outboundAfterWrite || after < before + added;
        outboundAfterWrite = after;
        checkStall(System.nanoTime(), progressed, after);
    }

    /** Sends the subscription a {@code resync} message: it missed updates and a snapshot follows. */
    @Override
    public void resyncNotice(Subscription subscription) {
        ByteBuf body = MessageWriter.channelBody(ctx.alloc(), subscription.name.name(), subscription.name.symbol(),
                System.currentTimeMillis(), "resync", json -> json.writeStringField("reason",
                        "subscriber behind by more than " + config.lagBytes()
                                + " bytes; updates skipped, a snapshot follows once it catches up"));
        try {
            send(subscription, body);
        } finally {
            body.release();
        }
    }

    /**
     * The connection is behind: an update was held or skipped. Cuts it here, on the write path, once it has been
     * behind for longer than {@link ChannelsConfig#cutAfterMs()}; otherwise the tick looks at it again.
     */
    @Override
    public void markLagging() {
        long nowNs = System.nanoTime();
        if (laggingSinceNs == 0) {
            laggingSinceNs = nowNs;
        } else if (!closing && nowNs - laggingSinceNs > TimeUnit.MILLISECONDS.toNanos(config.cutAfterMs())) {
            cut("too slow: behind for more than " + config.cutAfterMs() + " ms, " + pendingBytes()
                    + " bytes unsent");
            return;
        }
        if (!inLaggingList) {
            inLaggingList = true;
            shard.lagging(this);
        }
    }

    /** Tick: a lagging connection is cut, or, once caught up, gets what it missed. */
    void checkLag(long nowNs) {
        inLaggingList = false;
        if (closing || shard == null) {
            return;
        }
        long pending = pendingBytes();
        if (pending > config.cutBytes() || nowNs - laggingSinceNs > TimeUnit.MILLISECONDS.toNanos(config.cutAfterMs())
                && pending > config.lagBytes()) {
            cut("too slow: " + pending + " bytes unsent");
            return;
        }
        if (pending > config.lagBytes()) {
            markLagging();
            return;
        }
        laggingSinceNs = 0;
        for (Subscription subscription : subscriptions.values().toArray(new Subscription[0])) {
            subscription.caughtUp();
        }
    }

    /**
     * Tick: ping when due, close when silent too long, cut when nothing unsent was taken by the socket for
     * {@link ChannelsConfig#cutAfterMs()} (a reader that stopped reading, however little it is sent).
     */
    void heartbeat(long nowNs) {
        if (closing) {
            return;
        }
        long outbound = outboundBytes();
        boolean progressed = outbound < outboundAfterWrite;
        outboundAfterWrite = outbound;
        if (checkStall(nowNs, progressed, outbound)) {
            return;
        }
        if (nowNs - lastInboundNs > TimeUnit.MILLISECONDS.toNanos(config.idleTimeoutMs())) {
            close(WebSocketCloseStatus.POLICY_VIOLATION, "no frame from the client for " + config.idleTimeoutMs()
                    + " ms");
            return;
        }
        if (nowNs - lastPingNs >= TimeUnit.MILLISECONDS.toNanos(config.pingIntervalMs())) {
            lastPingNs = nowNs;
            writeUnsent();
            ctx.write(new PingWebSocketFrame(), ctx.voidPromise());
            markWritten();
        }
    }

    /**
     * Starts, restarts or clears the stall clock and cuts the connection if it is too far behind or stalled too
     * long.
     *
     * @param progressed true if the socket took some of the unsent bytes since the last look
     * @param outbound   bytes in Netty's outbound buffer now
     * @return true if the connection was cut
     */
    private boolean checkStall(long nowNs, boolean progressed, long outbound) {
        if (closing) {
            return false;
        }
        if (outbound > config.cutBytes()) {
            cut("too slow: " + outbound + " bytes unsent");
            return true;
        }
        if (outbound == 0) {
            stalledSinceNs = 0;
        } else if (progressed || stalledSinceNs == 0) {
            stalledSinceNs = nowNs;
        } else if (nowNs - stalledSinceNs > TimeUnit.MILLISECONDS.toNanos(config.cutAfterMs())) {
            cut("stalled: " + outbound + " bytes unsent for more than " + config.cutAfterMs() + " ms");
            return true;
        }
        return false;
    }

    private void markWritten() {
        if (!written) {
            written = true;
            shard.written(this);
        }
    }

    /** Hands the messages waiting in {@link #unsent} to the pipeline (past the frame encoder), unflushed. */
    private void writeUnsent() {
        if (unsent != null) {
            ByteBuf out = unsent;
            unsent = null;
            frameOut.write(out, frameOut.voidPromise());
        }
    }

    void shutdownNotice(String reason) {
        reply(Replies.shutdown(ctx.alloc(), reason));
    }

    private void cut(String reason) {
        gateway.cut();
        close(WebSocketCloseStatus.POLICY_VIOLATION, reason);
    }

    /** Sends a close frame with the reason and closes the socket once it is written. */
    void close(WebSocketCloseStatus status, String reason) {
        if (closing) {
            return;
        }
        closing = true;
        writeUnsent();
        ctx.writeAndFlush(new CloseWebSocketFrame(status, reason)).addListener(ChannelFutureListener.CLOSE);
        ctx.executor().schedule(() -> ctx.close(), 1, TimeUnit.SECONDS);
    }

    private void remove(Subscription subscription) {
        subscription.deactivate();
        shard.unsubscribe(subscription);
        gateway.interest(subscription.topic, -1);
    }

    /** The frame header of a channel message and its sequence prefix {@code {"seq":n,}. */
    private static void writeHead(ByteBuf out, int payloadBytes, long sequence) {
        writeTextFrameHeader(out, payloadBytes);
        out.writeBytes(SEQ_PREFIX);
        writeDigits(out, sequence);
        out.writeByte(',');
    }

    /** A server's text frame header (FIN, opcode 1, no mask) for a payload of this many bytes. */
    private static void writeTextFrameHeader(ByteBuf out, int payloadBytes) {
        out.writeByte(0x81);
        if (payloadBytes < 126) {
            out.writeByte(payloadBytes);
        } else if (payloadBytes <= 0xFFFF) {
            out.writeByte(126);
            out.writeShort(payloadBytes);
        } else {
            out.writeByte(127);
            out.writeLong(payloadBytes);
        }
    }

    private static int digits(long value) {
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        return digits;
    }

    private static void writeDigits(ByteBuf out, long value) {
        long divisor = 1;
        while (value / divisor >= 10) {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10) {
            out.writeByte((int) ('0' + value / divisor % 10));
        }
    }

    /** @return bytes written and not yet taken by the socket, including those waiting in {@link #unsent} */
    private long pendingBytes() {
        return outboundBytes() + (unsent == null ? 0 : unsent.readableBytes());
    }

    private long outboundBytes() {
        return outbound == null ? 0 : outbound.totalPendingWriteBytes();
    }

    private boolean tooMany(long nowNs) {
        int limit = recentMessagesNs.length;
        if (recentCount == limit && nowNs - recentMessagesNs[recentIndex] < SECOND_NS) {
            return true;
        }
        recentMessagesNs[recentIndex] = nowNs;
        recentIndex = (recentIndex + 1) % limit;
        recentCount = Math.min(recentCount + 1, limit);
        return false;
    }
}
