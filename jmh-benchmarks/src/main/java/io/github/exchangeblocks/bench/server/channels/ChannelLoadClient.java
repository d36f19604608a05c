package io.github.exchangeblocks.bench.server.channels;

import io.netty.bootstrap.Bootstrap;
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
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.HdrHistogram.ConcurrentHistogram;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The client side of {@link ChannelFanOutTool}, in its own JVM (so the server's and the clients' sockets do not
 * share one process's file-descriptor limit): opens N WebSocket connections to {@code /ws} on 127.0.0.1 with
 * Netty, subscribes each to the given channels, and counts what arrives: messages, publish-to-receive latency (the
 * message's event time, when the server published it, in milliseconds, to the receive time; same machine, same
 * clock; a change may also have waited up to the server's update interval before it was published), sequence gaps per connection and channel, depth deltas that do not chain ({@code U != u + 1}) and
 * connections closed by the server.
 *
 * <p>Protocol with the parent on stdout: {@code READY <connected> <ms>} once every connection has its
 * subscription answered (or the connect phase gave up), then after {@code seconds} of measuring
 * {@code RESULT key=value ...}. Stops by itself.
 *
 * <p>Args: {@code port connections seconds channel[,channel...]}.
 */
public final class ChannelLoadClient {
    private static final LongAdder MESSAGES = new LongAdder();
    private static final LongAdder GAPS = new LongAdder();
    private static final LongAdder BREAKS = new LongAdder();
    private static final AtomicInteger CLOSED = new AtomicInteger();
    private static final AtomicLong MEASURING_FROM_MS = new AtomicLong(Long.MAX_VALUE);
    private static final ConcurrentHistogram LATENCY_MS = new ConcurrentHistogram(60_000, 2);

    private ChannelLoadClient() {
    }

    /**
     * @param args port, connections, seconds to measure, comma-separated channels
     * @throws Exception if the event loop cannot start
     */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int connections = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        String[] channels = args[3].split(",");
        StringBuilder subscribe = new StringBuilder("{\"op\":\"subscribe\",\"id\":1,\"channels\":[");
        for (int i = 0; i < channels.length; i++) {
            subscribe.append(i == 0 ? "" : ",").append('"').append(channels[i]).append('"');
        }
        String request = subscribe.append("]}").toString();
        URI uri = URI.create("ws://127.0.0.1:" + port + "/ws");
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        CountDownLatch subscribed = new CountDownLatch(connections);
        Semaphore handshakes = new Semaphore(256);
        try {
            Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(8192),
                                    new WebSocketClientProtocolHandler(WebSocketClientProtocolConfig.newBuilder()
                                            .webSocketUri(uri).maxFramePayloadLength(4 << 20)
                                            .handshakeTimeoutMillis(30_000).build()),
                                    new Counter(request, subscribed, handshakes));
                        }
                    });
            long start = System.nanoTime();
            for (int i = 0; i < connections; i++) {
                if (!handshakes.tryAcquire(30, TimeUnit.SECONDS)) {
                    break;
                }
                bootstrap.connect("127.0.0.1", port).addListener(f -> {
                    if (!f.isSuccess()) {
                        handshakes.release();
                        CLOSED.incrementAndGet();
                    }
                });
            }
            subscribed.await(60, TimeUnit.SECONDS);
            long connectMs = (System.nanoTime() - start) / 1_000_000;
            System.out.println("READY " + (connections - subscribed.getCount()) + " " + connectMs);
            System.out.flush();
            Thread.sleep(1000);
            MESSAGES.reset();
            LATENCY_MS.reset();
            long from = System.currentTimeMillis();
            MEASURING_FROM_MS.set(from);
            Thread.sleep(seconds * 1000L);
            long messages = MESSAGES.sum();
            double elapsed = (System.currentTimeMillis() - from) / 1000.0;
            System.out.printf("RESULT connections=%d connectMs=%d messages=%d perSecond=%.0f p50Ms=%d p99Ms=%d"
                    + " p999Ms=%d maxMs=%d gaps=%d chainBreaks=%d closedByServer=%d%n",
                    connections - subscribed.getCount(), connectMs, messages, messages / elapsed,
                    LATENCY_MS.getValueAtPercentile(50), LATENCY_MS.getValueAtPercentile(99),
                    LATENCY_MS.getValueAtPercentile(99.9), LATENCY_MS.getMaxValue(), GAPS.sum(), BREAKS.sum(),
                    CLOSED.get());
            System.out.flush();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    /** One connection: subscribes after the handshake, then checks and counts each message. */
    private static final class Counter extends SimpleChannelInboundHandler<WebSocketFrame> {
        private final String request;
        private final CountDownLatch subscribed;
        private final Semaphore handshakes;
        private final Map<String, long[]> channels = new HashMap<>();
        private boolean answered;

        Counter(String request, CountDownLatch subscribed, Semaphore handshakes) {
            this.request = request;
            this.subscribed = subscribed;
            this.handshakes = handshakes;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                ctx.writeAndFlush(new TextWebSocketFrame(request));
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (!(frame instanceof TextWebSocketFrame text)) {
                return;
            }
            String message = text.content().toString(StandardCharsets.UTF_8);
            if (!answered && message.startsWith("{\"id\":1")) {
                answered = true;
                handshakes.release();
                subscribed.countDown();
                return;
            }
            long seq = number(message, "\"seq\":");
            if (seq < 0) {
                return;
            }
            String channel = string(message, "\"channel\":\"");
            long[] state = channels.computeIfAbsent(channel, k -> new long[] {0, -1});
            if (seq != state[0] + 1) {
                GAPS.increment();
            }
            state[0] = seq;
            String type = string(message, "\"type\":\"");
            if ("snapshot".equals(type) && message.contains("\"lastUpdateId\":")) {
                state[1] = number(message, "\"lastUpdateId\":");
            } else if ("delta".equals(type)) {
                if (number(message, "\"U\":") != state[1] + 1) {
                    BREAKS.increment();
                }
                state[1] = number(message, "\"u\":");
            }
            long nowMs = System.currentTimeMillis();
            if (nowMs >= MEASURING_FROM_MS.get()) {
                MESSAGES.increment();
                LATENCY_MS.recordValue(Math.max(0, Math.min(60_000, nowMs - number(message, "\"time\":"))));
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            CLOSED.incrementAndGet();
            if (!answered) {
                handshakes.release();
            }
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }

        private static long number(String message, String key) {
            int at = message.indexOf(key);
            if (at < 0) {
                return -1;
            }
            long value = 0;
            for (int i = at + key.length(); i < message.length(); i++) {
                char c = message.charAt(i);
                if (c < '0' || c > '9') {
                    break;
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }

        private static String string(String message, String key) {
            int at = message.indexOf(key);
            if (at < 0) {
                return "";
            }
            int from = at + key.length();
            return message.substring(from, message.indexOf('"', from));
        }
    }
}
