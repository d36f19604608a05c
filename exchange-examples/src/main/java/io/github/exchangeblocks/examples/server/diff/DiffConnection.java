package io.github.exchangeblocks.examples.server.diff;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.diff.codec.CancelOrder;
import io.github.exchangeblocks.diff.codec.ClientMessage;
import io.github.exchangeblocks.diff.codec.ClientMessageDecoder;
import io.github.exchangeblocks.diff.codec.ConfirmSettlement;
import io.github.exchangeblocks.diff.codec.ErrorNotify;
import io.github.exchangeblocks.diff.codec.InsertOrder;
import io.github.exchangeblocks.diff.codec.InvalidMessage;
import io.github.exchangeblocks.diff.codec.PeekMessage;
import io.github.exchangeblocks.diff.codec.ReqLogin;
import io.github.exchangeblocks.diff.codec.ReqTransfer;
import io.github.exchangeblocks.diff.codec.RtnDataWriter;
import io.github.exchangeblocks.diff.codec.SetChart;
import io.github.exchangeblocks.diff.codec.SubscribeQuote;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.snapshot.DiffSession;
import io.github.exchangeblocks.diff.snapshot.RtnDataListener;
import io.github.exchangeblocks.examples.exchange.CommandSource;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand;
import io.github.exchangeblocks.examples.exchange.ExchangeState;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * One DIFF connection. Its fields are touched on its I/O thread, except {@link #session} and {@link #user}, which
 * the engine thread sets (volatile) and the I/O thread reads. Answers to peeks are written on the I/O thread, in the
 * order the session made them; an answer completed by the engine thread is handed over to it.
 */
final class DiffConnection extends SimpleChannelInboundHandler<WebSocketFrame>
        implements RtnDataListener, CommandSource {
    private static final long INSERT = 1;
    private static final long CANCEL = 2;
    private static final long TRANSFER = 3;
    private static final byte[] HELLO =
            "{\"aid\":\"rtn_brokers\",\"brokers\":[\"exchange-blocks\"]}".getBytes(StandardCharsets.UTF_8);

    private final DiffGateway gateway;
    private final DiffOrders orders;
    /** Answers not written yet, in the order the session made them (see {@link #onRtnData}). */
    private final Queue<List<JsonObject>> outbox = new ConcurrentLinkedQueue<>();
    private ChannelHandlerContext ctx;
    private volatile DiffSession session;
    private volatile String user;
    private boolean pendingPeek;
    private boolean loginInFlight;
    private int failedLogins;
    private long directNotifies;

    DiffConnection(DiffGateway gateway) {
        this.gateway = gateway;
        this.orders = new DiffOrders(gateway);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
        if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            context.writeAndFlush(new TextWebSocketFrame(context.alloc().buffer(HELLO.length).writeBytes(HELLO)));
            boolean queued = gateway.onEngine(state -> {
                DiffSession opened = gateway.manager.openSession(this);
                gateway.opened(opened, this);
                session = opened;
                if (!context.channel().isActive()) {
                    gateway.closed(opened);
                } else {
                    onLoop(this::sessionReady);
                }
            });
            if (!queued) {
                close(WebSocketCloseStatus.TRY_AGAIN_LATER, "exchange busy, try again");
            }
        } else {
            super.userEventTriggered(context, event);
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, WebSocketFrame frame) {
        if (frame instanceof TextWebSocketFrame) {
            ByteBuf content = frame.content();
            byte[] bytes = ByteBufUtil.getBytes(content);
            dispatch(ClientMessageDecoder.decode(bytes, 0, bytes.length));
        } else if (frame instanceof BinaryWebSocketFrame) {
            close(WebSocketCloseStatus.INVALID_MESSAGE_TYPE, "binary frames are not supported: send JSON text");
        } else {
            close(WebSocketCloseStatus.PROTOCOL_ERROR, "unexpected frame " + frame.getClass().getSimpleName());
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) throws Exception {
        if (!context.channel().isWritable()) {
            // A client that does not read: cut it once its unsent bytes pass the high water mark.
            context.close();
        }
        super.channelWritabilityChanged(context);
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        DiffSession opened = session;
        if (opened != null) {
            closeOnEngine(context, opened);
        }
        super.channelInactive(context);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            // A message over the limit in several frames: the aggregator now drops its remaining frames. Closing
            // at once could reset the connection before the client reads why, so the socket closes a second later.
            context.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.MESSAGE_TOO_BIG,
                    "message too large: " + cause.getMessage()));
            context.executor().schedule(() -> context.close(), 1, java.util.concurrent.TimeUnit.SECONDS);
        } else {
            context.close();
        }
    }

    private void closeOnEngine(ChannelHandlerContext context, DiffSession opened) {
        if (!gateway.onEngine(state -> gateway.closed(opened)) && gateway.core().failure() == null
                && !context.executor().isShuttingDown()) {
            context.executor().schedule(() -> closeOnEngine(context, opened), 10,
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    private void sessionReady() {
        if (pendingPeek) {
            pendingPeek = false;
            session.peek();
        }
    }

    private void dispatch(ClientMessage message) {
        if (message instanceof PeekMessage) {
            DiffSession opened = session;
            if (opened == null) {
                pendingPeek = true;
            } else {
                opened.peek();
            }
        } else if (message instanceof InvalidMessage invalid) {
            notifyLater(ErrorNotify.of(invalid));
        } else if (message instanceof ReqLogin login) {
            login(login);
        } else if (message instanceof SubscribeQuote subscribe) {
            engine(state -> gateway.manager.subscribeQuotes(session, subscribe));
        } else if (message instanceof SetChart chart) {
            engine(state -> {
                JsonObject refusal = gateway.publisher.setChart(session, chart);
                if (refusal != null) {
                    gateway.notifyNow(session, refusal);
                }
            });
        } else if (user == null) {
            notifyLater(DiffGateway.error(RejectCode.DIFF_NOT_LOGGED_IN, message.aid() + ": log in first"));
        } else if (message instanceof InsertOrder insert) {
            submit(orders.insert(user, insert), INSERT);
        } else if (message instanceof CancelOrder cancel) {
            submit(orders.cancel(user, cancel), CANCEL);
        } else if (message instanceof ReqTransfer transfer) {
            submit(orders.transfer(user, transfer), TRANSFER);
        } else if (message instanceof ConfirmSettlement confirm) {
            if (!confirm.userId().isEmpty() && !confirm.userId().equals(user)) {
                notifyLater(DiffGateway.error(RejectCode.DIFF_WRONG_USER, "confirm_settlement: user_id="
                        + confirm.userId() + " must be the logged-in user " + user));
            } else {
                notifyLater(DiffGateway.info("settlement confirmed"));
            }
        }
    }

    /** {@code converted} is a command, or the notify that refuses the message. */
    private void submit(Object converted, long kind) {
        if (converted instanceof JsonObject refusal) {
            notifyLater(refusal);
            return;
        }
        RejectCode code = gateway.core().submit((ExchangeCommand) converted, this, kind);
        if (code != null) {
            directNotify(DiffGateway.error(code, code.description()));
        }
    }

    private void login(ReqLogin login) {
        String name = login.userName();
        if (user != null) {
            notifyLater(DiffGateway.error(RejectCode.DIFF_ALREADY_LOGGED_IN, "req_login: already logged in as "
                    + user));
            return;
        }
        if (loginInFlight) {
            notifyLater(DiffGateway.error(RejectCode.DIFF_LOGIN_RATE_LIMITED, "req_login: a login of this"
                    + " connection is still being checked, wait for its answer"));
            return;
        }
        if (!gateway.limiter.allowed(name)) {
            notifyLater(DiffGateway.error(RejectCode.DIFF_LOGIN_RATE_LIMITED, "req_login: too many failed logins"
                    + " for user_name=" + name + ", try again later"));
            return;
        }
        loginInFlight = true;
        String password = login.password();
        try {
            gateway.authExecutor.execute(() -> {
                boolean ok;
                try {
                    ok = gateway.tokenLogin.test(name, password) || gateway.users.verify(name, password);
                } catch (RuntimeException e) {
                    ok = false;
                }
                boolean verified = ok;
                onLoop(() -> loginChecked(name, verified));
            });
        } catch (RejectedExecutionException e) {
            loginInFlight = false;
            notifyLater(DiffGateway.error(RejectCode.EXCHANGE_BUSY, "req_login: too many logins at once, retry"));
        }
    }

    private void loginChecked(String name, boolean ok) {
        loginInFlight = false;
        if (!ok) {
            if (gateway.users.contains(name)) {
                gateway.limiter.failed(name);
            }
            if (++failedLogins >= gateway.config.maxFailedLoginsPerConnection()) {
                close(WebSocketCloseStatus.POLICY_VIOLATION, "too many failed logins on this connection");
            } else {
                notifyLater(DiffGateway.error(RejectCode.DIFF_LOGIN_FAILED,
                        "req_login: user name or password is wrong"));
            }
            return;
        }
        gateway.limiter.succeeded(name);
        engine(state -> {
            if (state.account(name) == null) {
                gateway.notifyNow(session, DiffGateway.error(RejectCode.DIFF_LOGIN_FAILED,
                        "req_login: user_name=" + name + " has no account in the exchange"));
            } else if (session.userId() != null && !session.userId().equals(name)) {
                gateway.notifyNow(session, DiffGateway.error(RejectCode.DIFF_ALREADY_LOGGED_IN,
                        "req_login: session is already logged in as " + session.userId()));
            } else {
                gateway.publisher.mirror(name);
                gateway.manager.login(session, name);
                user = name;
                gateway.publisher.queueNotify(session, DiffGateway.info("login succeeded: " + name));
                gateway.publisher.loggedIn(session, name);
                gateway.publisher.flushNotifies();
            }
        });
    }

    /** Engine thread: the outcome of a command this connection submitted. */
    @Override
    public void onResult(long correlationId, long sequence, RejectCode code, CharSequence message) {
        DiffSession opened = session;
        if (opened == null) {
            return;
        }
        if (code != null) {
            gateway.publisher.queueNotify(opened, DiffGateway.error(code, message.toString()));
        } else if (correlationId == TRANSFER) {
            gateway.publisher.queueNotify(opened, DiffGateway.info("transfer done"));
        }
    }

    private void notifyLater(JsonObject content) {
        engine(state -> gateway.notifyNow(session, content));
    }

    /**
     * Engine thread: the exchange state was replaced and this session closed with the old snapshot; the client
     * must reconnect to see the new state.
     */
    void closeReplaced(String reason) {
        onLoop(() -> close(WebSocketCloseStatus.SERVICE_RESTART, reason));
    }

    /**
     * Queues a session task on the engine thread (skipped there if a state replacement closed the session);
     * when it is full, says so in a frame of its own.
     */
    private void engine(Consumer<ExchangeState> task) {
        if (!gateway.onEngine(state -> {
            DiffSession opened = session;
            if (opened == null || !opened.isClosed()) {
                task.accept(state);
            }
        })) {
            directNotify(DiffGateway.error(RejectCode.EXCHANGE_BUSY, "the exchange is busy, retry"));
        }
    }

    /** A notification outside the snapshot manager, for when the engine cannot take one: its own rtn_data. */
    private void directNotify(JsonObject content) {
        JsonObject patch = new JsonObject().put("notify",
                new JsonObject().put("gateway" + (++directNotifies), content));
        outbox.add(List.of(patch));
        flushOutbox();
    }

    /**
     * Any thread, in the order the session made its answers: an answer completed by the engine thread waits in the
     * outbox for this connection's I/O thread, and an answer the I/O thread makes itself (a client may peek again
     * before its previous answer arrived) goes out after it, never before.
     */
    @Override
    public void onRtnData(DiffSession answered, List<JsonObject> patches) {
        outbox.add(patches);
        if (ctx.executor().inEventLoop()) {
            flushOutbox();
        } else {
            onLoop(this::flushOutbox);
        }
    }

    private void flushOutbox() {
        List<JsonObject> patches;
        while ((patches = outbox.poll()) != null) {
            write(patches);
        }
    }

    /** Hands work to this connection's I/O thread; dropped if the server is shutting its threads down. */
    private void onLoop(Runnable task) {
        try {
            ctx.executor().execute(task);
        } catch (RejectedExecutionException shuttingDown) {
            ctx.channel().close();
        }
    }

    private void write(List<JsonObject> patches) {
        if (!ctx.channel().isActive()) {
            return;
        }
        FrameTap tap = gateway.frameTap();
        if (tap != null) {
            DiffSession opened = session;
            tap.onFrame(opened == null ? 0 : opened.id(), patches);
        }
        ByteBuf buffer = ctx.alloc().buffer();
        try (ByteBufOutputStream out = new ByteBufOutputStream(buffer)) {
            RtnDataWriter.write(out, patches);
        } catch (IOException | RuntimeException e) {
            buffer.release();
            close(WebSocketCloseStatus.INTERNAL_SERVER_ERROR, "could not encode an answer");
            return;
        }
        ctx.writeAndFlush(new TextWebSocketFrame(buffer));
    }

    private void close(WebSocketCloseStatus status, String reason) {
        ctx.writeAndFlush(new CloseWebSocketFrame(status, reason)).addListener(ChannelFutureListener.CLOSE);
    }
}
