package io.github.exchangeblocks.bench.server.channels;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.examples.exchange.CoreConfig;
import io.github.exchangeblocks.examples.exchange.Defaults;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand;
import io.github.exchangeblocks.examples.server.ExchangeServer;
import io.github.exchangeblocks.examples.server.ServerConfig;
import io.github.exchangeblocks.examples.server.channels.ChannelsConfig;
import io.github.exchangeblocks.wal.DurabilityMode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Fan-out of the channel gateway ({@code /ws}) on loopback: the real server in this JVM with a steady order flow
 * into its core (resting sells and crossing IOC buys at random prices on the instruments in turn, so every command
 * changes the book and about half trade), and N subscribers in a child JVM ({@link ChannelLoadClient}, Netty), each
 * on {@code <symbol>@depth} and {@code <symbol>@trades} of every instrument of the flow: the sample venue's three
 * (Bitcoin, the index future, copper) or, with {@code --symbols=2}, the first two. The client JVM runs on ZGC, so that
 * its own collection pauses do not count in the latency it measures; the server runs on whatever this JVM was
 * started with. One more client, in this JVM, subscribes
 * and never reads (unless {@code --no-stalled}): the tool reports when the server cut it, counted from the start of
 * the order flow (the kernel's socket buffers, 16 KiB a side here, fill first; the server cuts a socket that took
 * none of its unsent bytes for 5 s). The order flow runs a warm-up first (so that the JIT has compiled the hot
 * paths), then the client measures. Prints the client's figures (connect time, delivered messages per second,
 * publish-to-receive latency percentiles in ms, sequence gaps, depth chain breaks), the server's peak heap, the CPU
 * time each JVM spent while the client measured and per delivered message, and the load average before and after.
 *
 * <p>Run: {@code java -Xmx1g -cp jmh-benchmarks/target/benchmarks.jar
 * io.github.exchangeblocks.bench.server.channels.ChannelFanOutTool [connections=10000] [ordersPerSecond=200]
 * [seconds=20] [--no-stalled] [--symbols=2|3] [--interval=<ms>] [--groups=<n>] [--warmup=<s>]} ({@code --interval}
 * sets the
 * gateway's update interval and {@code --groups} its phase groups, defaults {@link ChannelsConfig#defaults()}'s;
 * {@code --warmup} the seconds of order flow before the client measures, default 5). Everything talks to
 * 127.0.0.1 only and stops by itself; the journal goes to a temporary directory that is deleted afterwards.
 */
public final class ChannelFanOutTool {
    /** The sample venue's instruments, each with the price (ticks) the flow's orders scatter around. */
    private static final List<String> SYMBOLS = List.of("BINANCE.BTCUSDT", "CFFEX.IF2512", "SHFE.cu2512");
    private static final long[] MID_TICKS = {10_000, 20_000, 7_100};

    private ChannelFanOutTool() {
    }

    /**
     * @param args connections, orders per second, seconds, optionally {@code --no-stalled}, {@code --symbols=<2|3>},
     *             {@code --interval=<ms>}, {@code --groups=<n>} and {@code --warmup=<s>}
     * @throws Exception if the server or the client cannot run
     */
    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int ordersPerSecond = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        boolean stalled = !List.of(args).contains("--no-stalled");
        long intervalMs = List.of(args).stream().filter(a -> a.startsWith("--interval=")).findFirst()
                .map(a -> Long.parseLong(a.substring("--interval=".length())))
                .orElse(ChannelsConfig.defaults().updateIntervalMs());
        int groups = List.of(args).stream().filter(a -> a.startsWith("--groups=")).findFirst()
                .map(a -> Integer.parseInt(a.substring("--groups=".length())))
                .orElse(ChannelsConfig.defaults().phaseGroups());
        int warmupSeconds = List.of(args).stream().filter(a -> a.startsWith("--warmup=")).findFirst()
                .map(a -> Integer.parseInt(a.substring("--warmup=".length()))).orElse(5);
        int symbolCount = List.of(args).stream().filter(a -> a.startsWith("--symbols=")).findFirst()
                .map(a -> Integer.parseInt(a.substring("--symbols=".length()))).orElse(SYMBOLS.size());
        if (symbolCount < 2 || symbolCount > SYMBOLS.size()) {
            // (from 2 on, the stalled subscriber's request needs the 16-bit frame length it is written with)
            throw new IllegalArgumentException("--symbols=" + symbolCount + " must be 2.." + SYMBOLS.size());
        }
        List<String> symbols = SYMBOLS.subList(0, symbolCount);
        System.out.printf("%,d connections on %s, %,d orders/s, update interval %d ms, %d phase groups, warm-up %d s%n",
                connections, symbols, ordersPerSecond, intervalMs, groups, warmupSeconds);
        Path dir = Files.createTempDirectory("channel-fanout");
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        try (ExchangeServer server = start(dir, intervalMs, groups)) {
            int port = server.address().getPort();
            fund(server);
            Process client = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    // ZGC: the load client's own collection pauses (G1 young pauses of 20-80 ms with 10,000
                    // connections' state in its old generation) would count in the latency it measures.
                    "-Xmx1g", "-XX:+UseZGC", "-cp", System.getProperty("java.class.path"),
                    ChannelLoadClient.class.getName(),
                    Integer.toString(port), Integer.toString(connections), Integer.toString(seconds),
                    String.join(",", symbols.stream().flatMap(x -> Stream.of(x + "@depth", x + "@trades")).toList()),
                    Integer.toString(warmupSeconds))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(client.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String ready = out.readLine();
                System.out.println("client: " + ready + " (connected, ms)");
                AtomicLong peakHeap = new AtomicLong();
                Socket silent = stalled ? stalledSubscriber(port, symbols) : null;
                long cutsBefore = server.channels().cutCount();
                long flowStart = System.nanoTime();
                long[] cutAfterMs = {-1};
                Runnable noteCut = () -> {
                    if (cutAfterMs[0] < 0 && server.channels().cutCount() > cutsBefore) {
                        cutAfterMs[0] = (System.nanoTime() - flowStart) / 1_000_000;
                    }
                };
                Thread flow = new Thread(() -> flow(server, symbols.size(), ordersPerSecond,
                        warmupSeconds + seconds + 2, peakHeap, noteCut), "order-flow");
                flow.start();
                String measuring = out.readLine();
                long serverCpuBefore = serverCpuNs();
                long clientCpuBefore = cpuNs(client);
                long measureStart = System.nanoTime();
                String result = out.readLine();
                long serverCpu = serverCpuNs() - serverCpuBefore;
                long clientCpu = cpuNs(client) - clientCpuBefore;
                long wallMs = (System.nanoTime() - measureStart) / 1_000_000;
                flow.join();
                if (silent != null) {
                    silent.close();
                }
                System.out.println("client: " + result);
                System.out.printf("server: %d connections, peak heap %,d MiB, stalled subscriber %s%n",
                        server.channels().connectionCount(), peakHeap.get() >> 20,
                        !stalled ? "not run" : cutAfterMs[0] < 0 ? "NOT cut" : "cut after " + cutAfterMs[0] + " ms");
                System.out.printf("cpu over the %,d ms measured: server %,d ms, client %,d ms%n", wallMs,
                        serverCpu / 1_000_000, clientCpu / 1_000_000);
                long delivered = messages(result);
                if ("MEASURING".equals(measuring) && delivered > 0) {
                    System.out.printf("cpu per delivered message: server %.2f us, client %.2f us, total %.2f us%n",
                            serverCpu / 1e3 / delivered, clientCpu / 1e3 / delivered,
                            (serverCpu + clientCpu) / 1e3 / delivered);
                }
            } finally {
                client.destroyForcibly();
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.out.println("load average before: " + loadBefore + " | after: "
                + Files.readString(Path.of("/proc/loadavg")).trim());
    }

    /** @return the {@code messages=} figure of the client's result line, 0 if it has none */
    private static long messages(String result) {
        if (result == null) {
            return 0;
        }
        for (String field : result.split(" ")) {
            if (field.startsWith("messages=")) {
                return Long.parseLong(field.substring("messages=".length()));
            }
        }
        return 0;
    }

    /** CPU time of this JVM (the server, the order flow and the stalled subscriber), all threads. */
    private static long serverCpuNs() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time of the client JVM so far, 0 if the OS does not tell. */
    private static long cpuNs(Process process) {
        return process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    private static ExchangeServer start(Path dir, long intervalMs, int groups) throws InterruptedException {
        ServerConfig config = new ServerConfig("127.0.0.1", 0, dir, DurabilityMode.NONE, 64 * 1024, 4 << 20, 2,
                10_000);
        CoreConfig defaults = Defaults.config(dir);
        CoreConfig core = new CoreConfig(dir, DurabilityMode.NONE, defaults.queueSize(), defaults.snapshotInterval(),
                defaults.firstTradingDay(), defaults.venue(), defaults.bootstrap());
        return ExchangeServer.builder(config).core(core)
                .channels(ChannelsConfig.defaults().withSendBuffer(16 << 10).withUpdateInterval(intervalMs)
                        .withPhaseGroups(groups)).start();
    }

    /** Enough money that margin never stops the flow. */
    private static void fund(ExchangeServer server) {
        for (String user : Defaults.DEMO_USERS) {
            server.core().submit(new ExchangeCommand.Deposit(user, 1_000_000_000_000_000L), null, 0);
        }
        server.core().await(state -> { }, 10_000);
    }

    private static void flow(ExchangeServer server, int symbolCount, int ordersPerSecond, int seconds,
                             AtomicLong peakHeap, Runnable check) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Random random = new Random(42);
        long intervalNs = 1_000_000_000L / ordersPerSecond;
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long next = start;
        long sampleAt = start;
        int sent = 0;
        while (System.nanoTime() < end) {
            long now = System.nanoTime();
            if (now < next) {
                java.util.concurrent.locks.LockSupport.parkNanos(Math.min(next - now, 1_000_000));
                continue;
            }
            next += intervalNs;
            int symbol = sent % symbolCount;
            String instrument = SYMBOLS.get(symbol);
            long mid = MID_TICKS[symbol];
            boolean sell = (sent / symbolCount & 1) == 0;
            long price = mid + random.nextInt(40) - 20;
            String user = random.nextBoolean() ? "alice" : "bob";
            RejectCode code = server.core().submit(new ExchangeCommand.InsertOrder(user, "f" + sent, instrument,
                    sell ? Side.SELL : Side.BUY, Offset.AUTO, OrderType.LIMIT, sell ? TimeInForce.GTC : TimeInForce.IOC,
                    price, 1 + random.nextInt(3), 0), null, 0);
            if (code == null) {
                sent++;
            }
            if (now >= sampleAt) {
                sampleAt = now + 200_000_000L;
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                check.run();
            }
        }
    }

    /**
     * A subscriber that never reads, with a small receive buffer, on depth, depth20 and trades of the flow's
     * instruments (depth20 so that the kernel's buffers fill within seconds even at a low order rate).
     */
    private static Socket stalledSubscriber(int port, List<String> symbols) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: MDEyMzQ1Njc4OWFiY2RlZg==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = socket.getInputStream().read();
            if (b < 0) {
                throw new IOException("closed during the handshake: " + head);
            }
            head.append((char) b);
        }
        String channels = symbols.stream().flatMap(x -> Stream.of(x + "@depth", x + "@trades", x + "@depth20"))
                .map(c -> "\"" + c + "\"").collect(java.util.stream.Collectors.joining(","));
        byte[] subscribe = ("{\"op\":\"subscribe\",\"channels\":[" + channels + "]}").getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[8 + subscribe.length];
        frame[0] = (byte) 0x81;
        frame[1] = (byte) (0x80 | 126);
        frame[2] = (byte) (subscribe.length >> 8);
        frame[3] = (byte) subscribe.length;
        // mask 0,0,0,0: the payload goes as is
        System.arraycopy(subscribe, 0, frame, 8, subscribe.length);
        out.write(frame);
        out.flush();
        return socket;
    }
}
