package io.github.exchangeblocks.examples.server;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FrameViolationHandlerTest {
    @Test
    void shouldAnswerWithACloseFrameNamingTheViolationAndKeepReadingWhenAFrameIsTooLarge() {
        EmbeddedChannel channel = new EmbeddedChannel(FrameViolationHandler.INSTANCE);
        channel.pipeline().fireExceptionCaught(new CorruptedWebSocketFrameException(
                WebSocketCloseStatus.MESSAGE_TOO_BIG, "Max frame length of 65536 has been exceeded."));
        CloseWebSocketFrame close = channel.readOutbound();
        assertThat(close.statusCode()).isEqualTo(1009);
        assertThat(close.reasonText()).isEqualTo("Max frame length of 65536 has been exceeded.");
        close.release();
        channel.checkException();
        assertThat(channel.isOpen()).isTrue();
        channel.finishAndReleaseAll();
    }

    @Test
    void shouldPassOtherExceptionsOnWhenTheyAreNotFrameViolations() {
        EmbeddedChannel channel = new EmbeddedChannel(FrameViolationHandler.INSTANCE);
        channel.pipeline().fireExceptionCaught(new IllegalStateException("boom"));
        assertThat(channel.<Object>readOutbound()).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(channel::checkException)
                .isInstanceOf(IllegalStateException.class).hasMessage("boom");
        channel.finishAndReleaseAll();
    }
}
