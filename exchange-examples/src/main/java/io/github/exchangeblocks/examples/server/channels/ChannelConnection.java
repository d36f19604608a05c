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

    private final ChannelGateway gateway;
    private final ChannelsConfig config;
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final long[] recentMessagesNs;
    private ChannelHandlerContext ctx;
    /** Where ready-made frames are written: the frame encoder's context, so they pass only the handlers before it. */
    private ChannelHandlerContext frameOut;
    private LoopShard shard;
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
    private long lastPendingBytes;

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
            shard.add(this);
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

    /** Writes one channel message: this subscription's sequence prefix, then the shared body. Flushed later. */
    @Override
    public void send(Subscription subscription, ByteBuf body) {
        if (closing || !ctx.channel().isActive()) {
            return;
        }
        long sequence = ++subscription.sequence;
        int payload = SEQ_PREFIX.length + digits(sequence) + 1 + body.readableBytes();
        ByteBuf head = ctx.alloc().directBuffer(HEAD_BYTES);
        writeTextFrameHeader(head, payload);
        head.writeBytes(SEQ_PREFIX);
        writeDigits(head, sequence);
        head.writeByte(',');
        // Two plain buffers written past the frame encoder: the frame header with this subscription's sequence,
        // then the body every subscriber shares. No frame object, no composite, one small allocation.
        frameOut.write(head, frameOut.voidPromise());
        frameOut.write(body.retainedDuplicate(), frameOut.voidPromise());
        if (!written) {
            written = true;
            shard.written(this);
        }
    }

    void flushIfWritten() {
        if (written) {
            written = false;
            ctx.flush();
        }
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

    @Override
    public void markLagging() {
        if (laggingSinceNs == 0) {
            laggingSinceNs = System.nanoTime();
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
        long pending = pendingBytes();
        if (pending == 0 || pending < lastPendingBytes) {
            stalledSinceNs = 0;
        } else if (stalledSinceNs == 0) {
            stalledSinceNs = nowNs;
        } else if (nowNs - stalledSinceNs > TimeUnit.MILLISECONDS.toNanos(config.cutAfterMs())) {
            cut("stalled: " + pending + " bytes unsent for more than " + config.cutAfterMs() + " ms");
            return;
        }
        lastPendingBytes = pending;
        if (nowNs - lastInboundNs > TimeUnit.MILLISECONDS.toNanos(config.idleTimeoutMs())) {
            close(WebSocketCloseStatus.POLICY_VIOLATION, "no frame from the client for " + config.idleTimeoutMs()
                    + " ms");
            return;
        }
        if (nowNs - lastPingNs >= TimeUnit.MILLISECONDS.toNanos(config.pingIntervalMs())) {
            lastPingNs = nowNs;
            ctx.write(new PingWebSocketFrame(), ctx.voidPromise());
            if (!written) {
                written = true;
                shard.written(this);
            }
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
        ctx.writeAndFlush(new CloseWebSocketFrame(status, reason)).addListener(ChannelFutureListener.CLOSE);
        ctx.executor().schedule(() -> ctx.close(), 1, TimeUnit.SECONDS);
    }

    private void remove(Subscription subscription) {
        subscription.deactivate();
        shard.unsubscribe(subscription);
        gateway.interest(subscription.topic, -1);
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

    private long pendingBytes() {
        ChannelOutboundBuffer outbound = ctx.channel().unsafe().outboundBuffer();
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
