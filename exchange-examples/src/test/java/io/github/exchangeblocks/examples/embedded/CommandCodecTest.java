package io.github.exchangeblocks.examples.embedded;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandCodecTest {
    private final CommandCodec codec = new CommandCodec();

    @Test
    void shouldRoundTripEveryCommandWhenEncodedAndDecoded() {
        List<Command> commands = List.of(
                new Command.Deposit(1L, "alice", 100_000_000L),
                new Command.PlaceOrder(2L, "bób", 7L, "SHFE.cu2512", Side.SELL, Offset.CLOSETODAY, TimeInForce.FOK,
                        7_010L, 3L),
                new Command.CancelOrder(3L, "alice", 7L),
                new Command.MarkPrice(4L, "CFFEX.IF2512", 20_000L));
        for (Command command : commands) {
            int length = codec.encode(command);
            byte[] copy = new byte[length + 5];
            System.arraycopy(codec.array(), 0, copy, 5, length);
            ByteBuffer buffer = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);

            assertThat(CommandCodec.decode(CommandCodec.typeOf(command), buffer, 5)).isEqualTo(command);
        }
    }

    @Test
    void shouldGrowTheBufferWhenStringsAreLong() {
        String user = "u".repeat(1_000);
        Command command = new Command.Deposit(1L, user, 5L);

        int length = codec.encode(command);

        assertThat(length).isEqualTo(16 + 2 + 1_000);
        ByteBuffer buffer = ByteBuffer.wrap(codec.array(), 0, length).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(CommandCodec.decode(CommandCodec.TYPE_DEPOSIT, buffer, 0)).isEqualTo(command);
    }

    @Test
    void shouldRejectUnknownTypeWhenDecoding() {
        ByteBuffer buffer = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);

        assertThatThrownBy(() -> CommandCodec.decode(9, buffer, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("type=9 must be one of 1..4");
    }
}
