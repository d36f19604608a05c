package io.github.exchangeblocks.examples.server;

import io.github.exchangeblocks.examples.cluster.ClusterReplica;
import io.github.exchangeblocks.examples.exchange.CoreConfig;
import io.github.exchangeblocks.examples.exchange.Defaults;
import io.github.exchangeblocks.examples.exchange.ExchangeBackend;
import io.github.exchangeblocks.examples.exchange.ExchangeCore;
import io.github.exchangeblocks.examples.exchange.ExchangeListener;
import io.github.exchangeblocks.examples.exchange.CompositeListener;
import io.github.exchangeblocks.examples.server.auth.Principal;
import io.github.exchangeblocks.examples.server.channels.ChannelGateway;
import io.github.exchangeblocks.examples.server.channels.ChannelsConfig;
import io.github.exchangeblocks.examples.server.channels.LoginOutcome;
import io.github.exchangeblocks.examples.server.diff.DiffGateway;
import io.github.exchangeblocks.examples.server.diff.DiffGatewayConfig;
import io.github.exchangeblocks.examples.server.http.HttpApi;
import io.github.exchangeblocks.examples.server.http.HttpApiConfig;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.GlobalEventExecutor;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The runnable exchange: the exchange core (journal, engine thread) behind a Netty server on one port, NIO
 * transport, one boss thread and a small worker group. {@code GET /health}, {@code /instruments} and the web page at
 * {@code /} are plain HTTP; {@code /api/...} is the HTTP API (see {@link HttpApi}, documented at
 * {@code /openapi.json}; {@code GET /metrics} is its Prometheus scrape, without a token); {@code /trade} upgrades to
 * WebSocket and speaks DIFF (see {@link DiffGateway}); {@code /ws} upgrades to WebSocket and pushes market-data and
 * private channels (see {@link ChannelGateway}). Starting on a data directory with a journal resumes from it: every
 * acknowledged order is back in place. Configure beyond {@link ServerConfig} with {@link #builder}.
 *
 * <p>With {@link Builder#cluster} the server runs on a {@link ClusterReplica} instead of a local core: a cluster
 * client that keeps a copy of the replicated exchange; the gateways are the same (see {@link ExchangeBackend}).
 *
 * <p>{@link #close()} shuts down in order: stop accepting, close every connection, drain the engine and close the
 * journal, stop the threads. Thread-safe; idempotent.
 */
public final class ExchangeServer implements AutoCloseable {
    private static final String TRADE_PATH = "/trade";

    /** Where the cluster mode keeps its files, under the data directory. */
    private static final String CLUSTER_DIRECTORY = "cluster-replica";
    private static final long CLUSTER_RESEND_AFTER_MS = 1_000;

    private final ExchangeBackend core;
    private final DiffGateway gateway;
    private final HttpApi httpApi;
    private final ChannelGateway channelGateway;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ChannelGroup channels = new DefaultChannelGroup("exchange-server", GlobalEventExecutor.INSTANCE);
    private final Channel serverChannel;
    private boolean closed;

    private ExchangeServer(ServerConfig config, CoreConfig coreConfig, HttpApiConfig apiConfig,
                           ChannelsConfig channelsConfig, LongSupplier clockNs, String clusterIngress)
            throws InterruptedException {
        this.gateway = new DiffGateway(DiffGatewayConfig.defaults(config.dataDirectory())
                .withPasswordIterations(config.passwordIterations()), coreConfig.venue().moneyScale());
        this.httpApi = new HttpApi(apiConfig, config.dataDirectory(), gateway);
        this.channelGateway = new ChannelGateway(channelsConfig, gateway.users(), coreConfig.venue().moneyScale(),
                ExchangeServer::nowNs);
        ExchangeBackend started = null;
        EventLoopGroup bossGroup = null;
        EventLoopGroup workerGroup = null;
        try {
            ExchangeListener listener = new CompositeListener(List.of(gateway.listener(), channelGateway.listener(),
                    httpApi.listener()));
            started = clusterIngress == null ? ExchangeCore.start(coreConfig, listener, clockNs)
                    : connectReplica(config, coreConfig, clusterIngress, listener);
            gateway.attach(started);
            httpApi.attach(started, channelGateway::connectionCount);
            channelGateway.attach(started);
            gateway.acceptTokens((user, token) -> {
                Principal principal = httpApi.verifyToken(token);
                return principal != null && principal.user().equals(user);
            });
            channelGateway.addLoginCheck(request -> {
                if (!request.has("token")) {
                    return LoginOutcome.notMine();
                }
                Principal principal = httpApi.verifyToken(request.get("token").asText());
                return principal == null ? LoginOutcome.refused("token is unknown or expired")
                        : LoginOutcome.user(principal.user());
            });
            bossGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
            workerGroup = new MultiThreadIoEventLoopGroup(config.workerThreads(), NioIoHandler.newFactory());
            HttpHandler http = new HttpHandler(started, gateway::connectionCount, gateway::instrumentIds);
            WebSocketServerProtocolConfig webSocket = WebSocketServerProtocolConfig.newBuilder()
                    .websocketPath(TRADE_PATH).checkStartsWith(true).handleCloseFrames(true).sendCloseFrame(null)
                    .decoderConfig(WebSocketDecoderConfig.newBuilder().maxFramePayloadLength(config.maxFrameBytes())
                            .allowExtensions(false).closeOnProtocolViolation(false).build())
                    .build();
            ServerBootstrap bootstrap = new ServerBootstrap().group(bossGroup, workerGroup)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                            new WriteBufferWaterMark(config.maxUnsentBytes() / 2, config.maxUnsentBytes()))
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channels.add(channel);
                            ChannelPipeline pipeline = channel.pipeline();
                            pipeline.addLast(new HttpServerCodec());
                            pipeline.addLast(new HttpObjectAggregator(64 * 1024));
                            pipeline.addLast(channelGateway.router(config.maxFrameBytes(),
                                    FrameViolationHandler.INSTANCE));
                            pipeline.addLast(FrameViolationHandler.INSTANCE);
                            pipeline.addLast(new WebSocketServerProtocolHandler(webSocket));
                            pipeline.addLast(new WebSocketFrameAggregator(config.maxFrameBytes()));
                            pipeline.addLast(httpApi.handler());
                            pipeline.addLast(http);
                            pipeline.addLast(gateway.newConnection());
                        }
                    });
            this.serverChannel = bootstrap.bind(config.bindAddress(), config.port()).sync().channel();
        } catch (InterruptedException | RuntimeException e) {
            if (bossGroup != null) {
                bossGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
                workerGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            }
            if (started != null) {
                started.close();
            }
            gateway.close();
            httpApi.close();
            channelGateway.close();
            throw e;
        }
        this.core = started;
        this.boss = bossGroup;
        this.workers = workerGroup;
    }

    /**
     * Starts the core on the embedded defaults ({@link Defaults#config}) with the server's data directory and
     * durability, replaying its journal or bootstrapping a new exchange, and binds the port. The same as
     * {@code builder(config).start()}.
     *
     * @param config the settings
     * @return the running server
     * @throws InterruptedException if interrupted while binding
     * @throws RuntimeException     if the journal cannot be opened or the port cannot be bound
     */
    public static ExchangeServer start(ServerConfig config) throws InterruptedException {
        return builder(config).start();
    }

    /**
     * A server to be configured beyond {@link ServerConfig}: the core's, the HTTP API's and the channel endpoint's
     * settings, and the clock that stamps commands.
     *
     * @param config the server's settings
     * @return a builder; not thread-safe
     */
    public static Builder builder(ServerConfig config) {
        return new Builder(Objects.requireNonNull(config, "config must not be null"));
    }

    /**
     * Collects what a server starts with; every setting has a default. Not thread-safe; use it on one thread and
     * call {@link #start()} once per server.
     */
    public static final class Builder {
        private final ServerConfig config;
        private CoreConfig coreConfig;
        private HttpApiConfig apiConfig = HttpApiConfig.defaults();
        private ChannelsConfig channelsConfig = ChannelsConfig.defaults();
        private LongSupplier clockNs = ExchangeServer::nowNs;
        private String clusterIngress;

        private Builder(ServerConfig config) {
            this.config = config;
            CoreConfig defaults = Defaults.config(config.dataDirectory());
            this.coreConfig = new CoreConfig(config.dataDirectory(), config.durability(), defaults.queueSize(),
                    defaults.snapshotInterval(), defaults.firstTradingDay(), defaults.venue(), defaults.bootstrap());
        }

        /**
         * @param coreConfig the core's settings (for example from {@code ConfigFile}), whose data directory should
         *                   be the server's; its durability is used, not the server config's. Default: the embedded
         *                   defaults with the server's data directory and durability.
         * @return this builder
         */
        public Builder core(CoreConfig coreConfig) {
            this.coreConfig = Objects.requireNonNull(coreConfig, "coreConfig must not be null");
            return this;
        }

        /**
         * @param apiConfig the HTTP API's settings; default {@link HttpApiConfig#defaults()}
         * @return this builder
         */
        public Builder httpApi(HttpApiConfig apiConfig) {
            this.apiConfig = Objects.requireNonNull(apiConfig, "apiConfig must not be null");
            return this;
        }

        /**
         * @param channelsConfig the channel endpoint's ({@code /ws}) settings; default
         *                       {@link ChannelsConfig#defaults()}
         * @return this builder
         */
        public Builder channels(ChannelsConfig channelsConfig) {
            this.channelsConfig = Objects.requireNonNull(channelsConfig, "channelsConfig must not be null");
            return this;
        }

        /**
         * @param clockNs the clock that stamps every command, nanoseconds since the epoch, read on the engine thread
         *                (the core never lets command time go backwards); default the host's wall clock. Tests
         *                pass a clock of their own so that bars and trading days do not depend on when they run.
         * @return this builder
         */
        public Builder clock(LongSupplier clockNs) {
            this.clockNs = Objects.requireNonNull(clockNs, "clockNs must not be null");
            return this;
        }

        /**
         * Runs the server on a cluster replica ({@link ClusterReplica}) instead of a local core. The cluster's
         * members hold the exchange (their venue settings must be the {@link #core} config's venue, which the
         * replica uses; the core config's journal, durability, queue size, snapshots and bootstrap are not used,
         * nor is the {@link #clock}: the cluster's log stamps the commands). The replica's files live in
         * {@code <data directory>/cluster-replica/}: {@code client-id} (see below) and {@code aeron/}, its media
         * driver's directory (deleted and made again at each start). Its client id is new for each start: a
         * random gateway number drawn once per data directory times 2^24 plus a run counter, both kept in
         * {@code client-id}. The JVM needs Aeron's flags ({@code ClusterLauncher.JVM_FLAGS}).
         *
         * @param ingressEndpoints the members' ingress endpoints, {@code 0=host:port,1=host:port,...}, or
         *                         {@code null} for a local core (the default)
         * @return this builder
         */
        public Builder cluster(String ingressEndpoints) {
            if (ingressEndpoints != null && !ingressEndpoints.matches("\\d+=[^,=]+:\\d+(,\\d+=[^,=]+:\\d+)*")) {
                throw new IllegalArgumentException("cluster ingress endpoints '" + ingressEndpoints
                        + "' must be <member id>=<host>:<port>, separated by commas");
            }
            this.clusterIngress = ingressEndpoints;
            return this;
        }

        /**
         * Starts the core (replaying its journal or bootstrapping a new exchange) and binds the port.
         *
         * @return the running server
         * @throws InterruptedException if interrupted while binding
         * @throws RuntimeException     if the journal cannot be opened or the port cannot be bound
         */
        public ExchangeServer start() throws InterruptedException {
            return new ExchangeServer(config, coreConfig, apiConfig, channelsConfig, clockNs, clusterIngress);
        }
    }

    /** @return the address the server listens on (with the real port when 0 was asked for) */
    public InetSocketAddress address() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /**
     * @return the local exchange core (for operators' tools and tests)
     * @throws IllegalStateException if the server runs on a cluster replica (see {@link #backend()})
     */
    public ExchangeCore core() {
        if (core instanceof ExchangeCore local) {
            return local;
        }
        throw new IllegalStateException("the server runs on a cluster replica, not a local core: use backend()");
    }

    /** @return what the gateways run on: the local core, or the cluster replica ({@link Builder#cluster}) */
    public ExchangeBackend backend() {
        return core;
    }

    /** @return the DIFF gateway */
    public DiffGateway gateway() {
        return gateway;
    }

    /** @return the channel gateway at {@code /ws} */
    public ChannelGateway channels() {
        return channelGateway;
    }

    /** Stops accepting, closes every connection, drains the engine, closes the journal, stops the threads. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        serverChannel.close().awaitUninterruptibly();
        channelGateway.announceShutdown("server shutting down");
        for (Channel channel : channels) {
            if (channel.pipeline().get("wsencoder") != null) {
                channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE,
                        "server shutting down"));
            }
        }
        channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        core.close();
        gateway.close();
        httpApi.close();
        channelGateway.close();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    private static ClusterReplica connectReplica(ServerConfig config, CoreConfig coreConfig, String ingress,
                                                 ExchangeListener listener) {
        Path directory = config.dataDirectory().resolve(CLUSTER_DIRECTORY);
        long clientId = ClusterClientId.next(directory.resolve("client-id"));
        return ClusterReplica.connect(clientId, ingress, directory.resolve("aeron"), coreConfig.venue(), listener,
                CLUSTER_RESEND_AFTER_MS);
    }

    private static long nowNs() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
