package io.github.exchangeblocks.examples.server;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;

import java.util.concurrent.TimeUnit;

/**
 * Answers a WebSocket protocol violation found by the frame decoder (a frame over the size limit, a bad opcode)
 * with a close frame naming it, and closes the socket a second later. Closing at once, as Netty's protocol handler
 * does, resets a connection whose client is still sending, and the client never reads why. Sits between the frame
 * decoder and the WebSocket protocol handler, so the violation stops here. Sharable.
 */
@ChannelHandler.Sharable
final class FrameViolationHandler extends ChannelDuplexHandler {
    static final FrameViolationHandler INSTANCE = new FrameViolationHandler();
    private static final long CLOSE_DELAY_MS = 1000;

    private FrameViolationHandler() {
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
        if (cause instanceof CorruptedWebSocketFrameException corrupt) {
            ctx.writeAndFlush(new CloseWebSocketFrame(corrupt.closeStatus(), corrupt.getMessage()));
            ctx.executor().schedule(() -> ctx.close(), CLOSE_DELAY_MS, TimeUnit.MILLISECONDS);
        } else {
            super.exceptionCaught(ctx, cause);
        }
    }
}
