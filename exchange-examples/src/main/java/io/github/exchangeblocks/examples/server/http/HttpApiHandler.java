package io.github.exchangeblocks.examples.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.exchangeblocks.examples.server.auth.Principal;
import io.github.exchangeblocks.examples.server.auth.TokenService;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Netty side of the HTTP API: takes the aggregated requests under {@code /api/} (and {@code /openapi.json}),
 * answers {@code GET /metrics} with {@link PrometheusMetrics} (no token: aggregate figures only), passes every other
 * message on. For each request, in order: body size (413), route (404, 405), token (401), role
 * (403), rate limit (429), then the endpoint. Errors are {@code {"code","message"}}. Sharable; counts the
 * connections of the pipelines it sits in.
 */
@ChannelHandler.Sharable
final class HttpApiHandler extends ChannelInboundHandlerAdapter {
    private static final System.Logger LOG = System.getLogger(HttpApiHandler.class.getName());
    private static final String BEARER = "Bearer ";
    private static final String METRICS_PATH = "/metrics";

    private final Router router;
    private final TokenService tokens;
    private final RateLimiter limiter;
    private final int maxBodyBytes;
    private final AtomicInteger openConnections = new AtomicInteger();
    private final PrometheusMetrics metrics;

    HttpApiHandler(Router router, TokenService tokens, RateLimiter limiter, int maxBodyBytes,
                   PrometheusMetrics metrics) {
        this.router = router;
        this.tokens = tokens;
        this.limiter = limiter;
        this.maxBodyBytes = maxBodyBytes;
        this.metrics = metrics;
    }

    /** @return TCP connections open through this handler's pipelines (HTTP and upgraded WebSocket ones) */
    int openConnections() {
        return openConnections.get();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        openConnections.incrementAndGet();
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        openConnections.decrementAndGet();
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ctx.fireChannelRead(msg);
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String path = uri.path();
        if (path.equals(METRICS_PATH)) {
            try {
                scrape(ctx, request);
            } finally {
                ReferenceCountUtil.release(request);
            }
            return;
        }
        if (!path.startsWith("/api/") && !path.equals("/openapi.json")) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            handle(ctx, request, uri, path);
        } finally {
            ReferenceCountUtil.release(request);
        }
    }

    private void handle(ChannelHandlerContext ctx, FullHttpRequest request, QueryStringDecoder uri, String path) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        String method = request.method().name();
        ApiCall call;
        try {
            if (request.content().readableBytes() > maxBodyBytes) {
                throw new ApiException(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "BODY_TOO_LARGE", "body of "
                        + request.content().readableBytes() + " bytes must be at most " + maxBodyBytes + " bytes");
            }
            Router.Match match = router.match(method, path);
            if (match == null) {
                throw ApiException.notFound("path=" + path + " is not a route of this API (see /openapi.json)");
            }
            Route route = match.route();
            if (route == null) {
                throw new ApiException(HttpResponseStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "method="
                        + method + " is not allowed on path=" + path + " (see /openapi.json)");
            }
            Principal principal = route.access() == Access.PUBLIC ? null : authenticate(request, route);
            String key = principal != null ? "user:" + principal.user() : "address:" + address(ctx);
            if (!limiter.tryAcquire(key)) {
                throw new ApiException(HttpResponseStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
                        "requests must stay under this server's rate limit per " + (principal != null ? "user"
                                : "address") + "; retry after a second");
            }
            call = new ApiCall(match.params(), uri.parameters(), ByteBufUtil.getBytes(request.content()),
                    principal, (status, body) -> respond(ctx, keepAlive, status, body));
            try {
                route.endpoint().handle(call);
            } catch (ApiException e) {
                call.fail(e);
            }
        } catch (ApiException e) {
            respond(ctx, keepAlive, e.status(), ApiCall.errorBody(e.code(), e.getMessage()));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "HTTP " + method + " " + path + " failed", e);
            respond(ctx, keepAlive, HttpResponseStatus.INTERNAL_SERVER_ERROR,
                    ApiCall.errorBody("INTERNAL_ERROR", "the server failed: " + e.getClass().getSimpleName()));
        }
    }

    private void scrape(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (!request.method().name().equals("GET")) {
            respond(ctx, keepAlive, HttpResponseStatus.METHOD_NOT_ALLOWED, ApiCall.errorBody("METHOD_NOT_ALLOWED",
                    "method=" + request.method().name() + " is not allowed on path=" + METRICS_PATH + " (GET only)"));
            return;
        }
        metrics.refreshThen(() -> ctx.executor().execute(() -> {
            ByteBuf content = Unpooled.copiedBuffer(metrics.scrape(), StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    content);
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, PrometheusMetrics.CONTENT_TYPE)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
            send(ctx, keepAlive, response);
        }));
    }

    private Principal authenticate(FullHttpRequest request, Route route) throws ApiException {
        String header = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (header == null || !header.startsWith(BEARER)) {
            throw new ApiException(HttpResponseStatus.UNAUTHORIZED, "UNAUTHORIZED",
                    "Authorization header must be \"Bearer <token>\" from POST /api/auth/login");
        }
        Principal principal = tokens.verify(header.substring(BEARER.length()).strip());
        if (principal == null) {
            throw new ApiException(HttpResponseStatus.UNAUTHORIZED, "UNAUTHORIZED",
                    "Authorization token must be valid and unexpired; log in again");
        }
        if (route.access() == Access.ADMIN && !principal.admin()) {
            throw new ApiException(HttpResponseStatus.FORBIDDEN, "FORBIDDEN",
                    "user=" + principal.user() + " must hold the admin role for " + route.pattern());
        }
        return principal;
    }

    private static String address(ChannelHandlerContext ctx) {
        return ctx.channel().remoteAddress() instanceof InetSocketAddress inet
                ? inet.getAddress().getHostAddress() : String.valueOf(ctx.channel().remoteAddress());
    }

    private static void respond(ChannelHandlerContext ctx, boolean keepAlive, HttpResponseStatus status,
                                JsonNode body) {
        if (ctx.executor().inEventLoop()) {
            write(ctx, keepAlive, status, body);
        } else {
            ctx.executor().execute(() -> write(ctx, keepAlive, status, body));
        }
    }

    private static void write(ChannelHandlerContext ctx, boolean keepAlive, HttpResponseStatus status,
                              JsonNode body) {
        ByteBuf content = Unpooled.wrappedBuffer(Json.write(body));
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        if (status.equals(HttpResponseStatus.TOO_MANY_REQUESTS)) {
            response.headers().set(HttpHeaderNames.RETRY_AFTER, "1");
        } else if (status.equals(HttpResponseStatus.UNAUTHORIZED)) {
            response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
        }
        send(ctx, keepAlive, response);
    }

    private static void send(ChannelHandlerContext ctx, boolean keepAlive, FullHttpResponse response) {
        HttpUtil.setKeepAlive(response, keepAlive);
        if (keepAlive) {
            ctx.writeAndFlush(response);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
