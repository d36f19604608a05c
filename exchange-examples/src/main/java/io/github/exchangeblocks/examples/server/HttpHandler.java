package io.github.exchangeblocks.examples.server;

import io.github.exchangeblocks.diff.json.JsonArray;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.json.JsonString;
import io.github.exchangeblocks.diff.json.JsonValue;
import io.github.exchangeblocks.examples.exchange.ExchangeBackend;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Plain HTTP on the server's port: {@code GET /health} answers
 * {@code {"status":"UP","applied_sequence":n,"connections":k}} (503 and {@code "DOWN"} once the engine stopped on a
 * journal failure); {@code GET /instruments} answers {@code {"instruments":["CFFEX.IF2512",...]}} (the ids to
 * subscribe to over DIFF, as TqSdk reads them from a symbols file); {@code GET} or {@code HEAD} of {@code /} and
 * the page's other files serves them from {@link WebResources}; anything else is 404. Requests that upgrade to WebSocket at {@code /trade} never get here.
 * Sharable and stateless.
 */
@ChannelHandler.Sharable
final class HttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final ExchangeBackend core;
    private final IntSupplier connections;
    private final Supplier<List<String>> instruments;
    private final WebResources web = new WebResources(HttpHandler.class.getClassLoader());

    HttpHandler(ExchangeBackend core, IntSupplier connections, Supplier<List<String>> instruments) {
        this.core = core;
        this.connections = connections;
        this.instruments = instruments;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        String path = new QueryStringDecoder(request.uri()).path();
        FullHttpResponse response;
        if ("/health".equals(path) && request.method().equals(HttpMethod.GET)) {
            boolean up = core.failure() == null;
            String body = "{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"applied_sequence\":"
                    + core.appliedSequence() + ",\"connections\":" + connections.getAsInt() + "}";
            response = json(up ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE, body);
        } else if ("/instruments".equals(path) && request.method().equals(HttpMethod.GET)) {
            List<JsonValue> ids = new ArrayList<>();
            instruments.get().forEach(id -> ids.add(new JsonString(id)));
            response = json(HttpResponseStatus.OK, new JsonObject().put("instruments", new JsonArray(ids)).toString());
        } else {
            boolean head = request.method().equals(HttpMethod.HEAD);
            WebResources.Resource page = head || request.method().equals(HttpMethod.GET) ? web.find(path) : null;
            response = page != null ? file(page, head) : json(HttpResponseStatus.NOT_FOUND,
                    "{\"error\":\"not found\",\"paths\":[\"/ (web page)\",\"/health\",\"/instruments\","
                            + "\"/trade (WebSocket, DIFF)\"]}");
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(response, keepAlive);
        if (keepAlive) {
            ctx.writeAndFlush(response);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static FullHttpResponse file(WebResources.Resource resource, boolean headOnly) {
        ByteBuf content = headOnly ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(resource.bytes());
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, content);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, resource.contentType())
                .setInt(HttpHeaderNames.CONTENT_LENGTH, resource.bytes().length)
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
                .set("X-Content-Type-Options", "nosniff");
        return response;
    }

    private static FullHttpResponse json(HttpResponseStatus status, String body) {
        ByteBuf content = Unpooled.copiedBuffer(body, StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        return response;
    }
}
