package io.github.exchangeblocks.bench.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One DIFF trading client for {@link DiffRoundTripTool}, on Netty's WebSocket client with one I/O thread of its
 * own: frames are handled on that thread as they are read (no hand-over to another thread before the clock is
 * read), the {@code peek_message} that answers each {@code rtn_data} is written from it, and own fills are found by
 * scanning the frame's bytes (no text decoding), so the client adds little time or garbage to what it measures.
 * Orders are sent from the caller's thread (the pacer) and so cross to the I/O thread once, as a gateway's
 * would.
 *
 * <p>Threading: {@link #run} and the set-up calls from one thread; the I/O thread handles frames.
 */
final class DiffTrader {
    private static final byte[] RTN_DATA = "\"rtn_data\"".getBytes(StandardCharsets.US_ASCII);
    private static final String PEEK = "{\"aid\":\"peek_message\"}";
    private static final long MAX_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final String user;
    private final EventLoopGroup loop;
    private Channel channel;
    /** Every frame until {@link #setUpDone()}, for the set-up's checks. */
    private final StringBuffer setupFrames = new StringBuffer();
    private volatile boolean settingUp = true;
    /** The run being measured: set before its first order, read by the I/O thread. */
    private volatile Run run;

    private DiffTrader(String user) {
        this.user = user;
        this.loop = new MultiThreadIoEventLoopGroup(1, runnable -> {
            Thread thread = new Thread(runnable, user + "-io");
            thread.setDaemon(true);
            return thread;
        }, NioIoHandler.newFactory());
    }

    /**
     * Connects, logs in and waits for the whole trade snapshot.
     *
     * @param port the server's port on 127.0.0.1
     * @return the logged-in client
     * @throws Exception if the connection, the handshake or the login fails within 30 s
     */
    static DiffTrader connect(int port, String user, String password) throws Exception {
        DiffTrader trader = new DiffTrader(user);
        CompletableFuture<Void> open = new CompletableFuture<>();
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(URI.create("ws://127.0.0.1:" + port + "/trade"))
                .maxFramePayloadLength(64 << 20).build();
        trader.channel = new Bootstrap().group(trader.loop).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 16),
                                new WebSocketClientProtocolHandler(config),
                                new WebSocketFrameAggregator(64 << 20), trader.new Frames(open));
                    }
                }).connect("127.0.0.1", port).sync().channel();
        open.get(30, TimeUnit.SECONDS);
        trader.send("{\"aid\":\"req_login\",\"bid\":\"exchange-blocks\",\"user_name\":\"" + user
                + "\",\"password\":\"" + password + "\"}");
        trader.send(PEEK);
        trader.awaitText("\"trade_more_data\":false", 30);
        return trader;
    }

    /** Sends one text frame (from any thread). */
    void send(String text) {
        channel.writeAndFlush(new TextWebSocketFrame(text));
    }

    /** @return every frame received so far during the set-up, concatenated */
    String setupFrames() {
        return setupFrames.toString();
    }

    /** Stops keeping frames: the set-up was checked. */
    void setUpDone() {
        settingUp = false;
        setupFrames.setLength(0);
        setupFrames.trimToSize();
    }

    void awaitText(String text, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (setupFrames.indexOf(text) < 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(user + " did not see " + text + "; frames: " + setupFrames);
            }
            Thread.sleep(10);
        }
    }

    /**
     * Sends paced 1-lot IOC orders that cross the other side's resting depth, alternately buying to open and
     * selling to close, and waits for each one's fill.
     *
     * @param perSecond orders per second
     * @param seconds   how long
     * @param prefix    the order ids' prefix, unique per run
     * @return per order, the time from when it was due to when its own trade was read, and how late the pacer
     *     sent it (ns)
     */
    Timings run(int perSecond, int seconds, String prefix) throws InterruptedException {
        int total = perSecond * seconds;
        Run current = new Run(prefix, total);
        run = current;
        long intervalNs = 1_000_000_000L / perSecond;
        long start = System.nanoTime() + 1_000_000;
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNs;
            current.dueNs[i] = due;
            // Parks rather than spins: on a loaded machine a spinning pacer takes a core from the server.
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            current.pacerLate.recordValue(Math.min(System.nanoTime() - due, MAX_NANOS));
            boolean buy = (i & 1) == 0;
            send(DiffRoundTripTool.order(user, prefix + i, buy ? "BUY" : "SELL", buy ? "OPEN" : "CLOSETODAY",
                    buy ? 7_001 : 6_999, 1, "IOC"));
        }
        if (!current.filled.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(current.filled.getCount() + " of " + total + " orders saw no fill");
        }
        return new Timings(current.histogram, current.pacerLate);
    }

    /**
     * What one run measured, in nanoseconds.
     *
     * @param roundTrip per order, from when it was due to when its own trade was read
     * @param pacerLate per order, from when it was due to when the pacer woke to send it: time the client lost
     *                  before the server saw anything, part of {@code roundTrip}
     */
    record Timings(Histogram roundTrip, Histogram pacerLate) {
    }

    void close() {
        channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    /**
     * The orders of one measured run. {@code dueNs[i]} is written by the pacer before order {@code i} is sent, so
     * the I/O thread, which reads it after the order's fill arrived, sees it (the send hands the frame over through
     * the event loop's queue, which orders the two).
     */
    private static final class Run {
        final byte[] needle;
        final long[] dueNs;
        final boolean[] seen;
        final CountDownLatch filled;
        final Histogram histogram = new Histogram(MAX_NANOS, 3);
        final Histogram pacerLate = new Histogram(MAX_NANOS, 3);

        Run(String prefix, int total) {
            this.needle = ("\"" + prefix).getBytes(StandardCharsets.US_ASCII);
            this.dueNs = new long[total];
            this.seen = new boolean[total];
            this.filled = new CountDownLatch(total);
        }

        /**
         * Trade keys are {@code "<order_id>|<trade id>"}: each {@code "<prefix><digits>|} in the frame is a fill of
         * that order; the first frame that shows it counts.
         */
        void findFills(ByteBuf frame, long nowNs) {
            int end = frame.writerIndex();
            for (int at = indexOf(frame, needle, frame.readerIndex(), end); at >= 0;
                 at = indexOf(frame, needle, at + 1, end)) {
                int digits = at + needle.length;
                int index = 0;
                while (digits < end && Character.isDigit(frame.getByte(digits))) {
                    index = index * 10 + frame.getByte(digits) - '0';
                    digits++;
                }
                if (digits > at + needle.length && digits < end && frame.getByte(digits) == '|'
                        && index < seen.length && !seen[index]) {
                    seen[index] = true;
                    histogram.recordValue(Math.max(0, nowNs - dueNs[index]));
                    filled.countDown();
                }
            }
        }
    }

    static int indexOf(ByteBuf buffer, byte[] needle, int from, int end) {
        outer:
        for (int at = from; at <= end - needle.length; at++) {
            for (int k = 0; k < needle.length; k++) {
                if (buffer.getByte(at + k) != needle[k]) {
                    continue outer;
                }
            }
            return at;
        }
        return -1;
    }

    /** The I/O thread's handler: times each frame as it is read, then answers {@code rtn_data} with a peek. */
    private final class Frames extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        private final CompletableFuture<Void> open;

        Frames(CompletableFuture<Void> open) {
            this.open = open;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
            if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                open.complete(null);
            }
            super.userEventTriggered(context, event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, TextWebSocketFrame frame) {
            long now = System.nanoTime();
            ByteBuf content = frame.content();
            if (indexOf(content, RTN_DATA, content.readerIndex(), content.writerIndex()) < 0) {
                return;
            }
            Run current = run;
            if (current != null) {
                current.findFills(content, now);
            }
            if (settingUp) {
                setupFrames.append(content.toString(StandardCharsets.UTF_8));
            }
            context.writeAndFlush(new TextWebSocketFrame(PEEK));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            open.completeExceptionally(cause);
            context.close();
        }
    }
}
