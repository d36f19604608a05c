package io.github.exchangeblocks.examples.server.channels;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

import java.util.List;

/**
 * Sits after the HTTP aggregator of every new channel. A request for {@code /ws} replaces every handler after it
 * with the channel endpoint's (frame-violation handler, WebSocket protocol handler at {@code /ws} that passes pongs
 * on for the heartbeat, frame aggregator, {@link ChannelConnection}) and is passed on to them to complete the
 * handshake; any other WebSocket upgrade ({@code /trade}) removes this router and goes on unchanged; plain HTTP
 * passes through. One per channel.
 */
final class ChannelRouter extends ChannelInboundHandlerAdapter {
    static final String PATH = "/ws";

    private final ChannelGateway gateway;
    private final int maxFrameBytes;
    private final ChannelHandler frameViolationHandler;

    ChannelRouter(ChannelGateway gateway, int maxFrameBytes, ChannelHandler frameViolationHandler) {
        this.gateway = gateway;
        this.maxFrameBytes = maxFrameBytes;
        this.frameViolationHandler = frameViolationHandler;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (!(message instanceof FullHttpRequest request)) {
            ctx.fireChannelRead(message);
            return;
        }
        ChannelPipeline pipeline = ctx.pipeline();
        if (PATH.equals(new QueryStringDecoder(request.uri()).path())) {
            List<String> names = pipeline.names();
            for (String name : names.subList(names.indexOf(ctx.name()) + 1, names.size())) {
                if (pipeline.context(name) != null) {
                    pipeline.remove(name);
                }
            }
            int sendBuffer = gateway.config().sendBufferBytes();
            if (sendBuffer > 0) {
                ctx.channel().config().setOption(ChannelOption.SO_SNDBUF, sendBuffer);
            }
            pipeline.addLast(frameViolationHandler);
            pipeline.addLast(new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                    .websocketPath(PATH).checkStartsWith(true).handleCloseFrames(true).sendCloseFrame(null)
                    .dropPongFrames(false)
                    .decoderConfig(WebSocketDecoderConfig.newBuilder().maxFramePayloadLength(maxFrameBytes)
                            .allowExtensions(false).closeOnProtocolViolation(false).build())
                    .build()));
            pipeline.addLast(new WebSocketFrameAggregator(maxFrameBytes));
            pipeline.addLast(new ChannelConnection(gateway));
            ctx.fireChannelRead(message);
            pipeline.remove(this);
        } else {
            if (request.headers().contains(HttpHeaderNames.UPGRADE)) {
                pipeline.remove(this);
            }
            ctx.fireChannelRead(message);
        }
    }
}
