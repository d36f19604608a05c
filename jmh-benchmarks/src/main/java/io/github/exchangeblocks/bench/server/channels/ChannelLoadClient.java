package io.github.exchangeblocks.bench.server.channels;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.EventExecutor;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client side of {@link ChannelFanOutTool}, in its own JVM (so the server's and the clients' sockets do not
 * share one process's file-descriptor limit): opens N WebSocket connections to {@code /ws} on 127.0.0.1 on two
 * Netty NIO event-loop threads, subscribes each to the given channels, and counts what arrives: messages,
 * publish-to-receive latency (the message's event time, when the server published it, in milliseconds, to the
 * receive time; same machine, same clock; a change may also have waited up to the server's update interval before
 * it was published), sequence gaps per connection and channel, depth deltas that do not chain ({@code U != u + 1})
 * and connections closed. Each connection is a {@link LoadConnection}: frames are read straight from the socket's
 * buffers and only the fields checked are parsed, so the client spends little CPU per message on the machine it
 * shares with the server.
 *
 * <p>Protocol with the parent on stdout: {@code READY <connected> <ms>} once every connection has its
 * subscription answered (or the connect phase gave up), {@code MEASURING} after {@code warmupSeconds} more when it
 * starts counting, then after {@code seconds} of measuring {@code RESULT key=value ...}. Stops by itself.
 *
 * <p>Args: {@code port connections seconds channel[,channel...] [warmupSeconds=1]}.
 */
public final class ChannelLoadClient {
    private ChannelLoadClient() {
    }

    /**
     * @param args port, connections, seconds to measure, comma-separated channels, optionally warm-up seconds
     * @throws Exception if the event loop cannot start
     */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int connections = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        String[] names = args[3].split(",");
        int warmupSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        byte[][] channels = new byte[names.length][];
        StringBuilder subscribe = new StringBuilder("{\"op\":\"subscribe\",\"id\":1,\"channels\":[");
        for (int i = 0; i < names.length; i++) {
            channels[i] = names[i].getBytes(StandardCharsets.US_ASCII);
            subscribe.append(i == 0 ? "" : ",").append('"').append(names[i]).append('"');
        }
        byte[] subscribeFrame = LoadHandshake.clientFrame(0x81,
                subscribe.append("]}").toString().getBytes(StandardCharsets.UTF_8));
        LoadHandshake handshake = new LoadHandshake("127.0.0.1:" + port, "/ws");
        Map<EventExecutor, LoopTally> tallies = new ConcurrentHashMap<>();
        CountDownLatch subscribed = new CountDownLatch(connections);
        Semaphore handshakes = new Semaphore(256);
        AtomicInteger closed = new AtomicInteger();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        try {
            Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new LoadConnection(handshake, channels, subscribeFrame,
                                    (ChannelHandlerContext ctx) -> tallies.computeIfAbsent(ctx.executor(),
                                            loop -> new LoopTally()), subscribed, handshakes, closed));
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
                        closed.incrementAndGet();
                    }
                });
            }
            subscribed.await(60, TimeUnit.SECONDS);
            long connectMs = (System.nanoTime() - start) / 1_000_000;
            System.out.println("READY " + (connections - subscribed.getCount()) + " " + connectMs);
            System.out.flush();
            Thread.sleep(warmupSeconds * 1000L);
            for (Map.Entry<EventExecutor, LoopTally> loop : tallies.entrySet()) {
                loop.getKey().submit(loop.getValue()::start).sync();
            }
            long from = System.nanoTime();
            System.out.println("MEASURING");
            System.out.flush();
            Thread.sleep(seconds * 1000L);
            LoopTally total = new LoopTally();
            for (Map.Entry<EventExecutor, LoopTally> loop : tallies.entrySet()) {
                total.add(loop.getKey().submit(loop.getValue()::copy).get());
            }
            double elapsed = (System.nanoTime() - from) / 1e9;
            System.out.printf("RESULT connections=%d connectMs=%d messages=%d perSecond=%.0f p50Ms=%d p99Ms=%d"
                    + " p999Ms=%d maxMs=%d gaps=%d chainBreaks=%d unknownChannel=%d closed=%d%n",
                    connections - subscribed.getCount(), connectMs, total.messages, total.messages / elapsed,
                    total.latencyMs.getValueAtPercentile(50), total.latencyMs.getValueAtPercentile(99),
                    total.latencyMs.getValueAtPercentile(99.9), total.latencyMs.getMaxValue(), total.gaps,
                    total.chainBreaks, total.unknownChannels, closed.get());
            System.out.flush();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }
}
