package io.github.exchangeblocks.examples.exchange;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.TradingPhase;
import io.github.exchangeblocks.api.instrument.InstrumentStatus;
import io.github.exchangeblocks.api.instrument.CommissionRate;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.AmendOrder;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.CancelOrder;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.Deposit;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.EndTradingDay;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.InsertOrder;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.Liquidate;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.ListInstrument;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.MarkPrice;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.RegisterUser;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.SetInstrumentStatus;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.SetPhase;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.SetPriceBand;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.SetReferencePrice;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.UpdateRates;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.Withdraw;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the journal's command format, version 1: {@code golden/commands-v1.bin} holds one command of every kind
 * (each as type u8, length i32 little-endian, payload). The file is never rewritten: a new format gets a new version
 * and a new file, and this one must still decode. A new command kind is appended to its end (the bytes before stay
 * as they were): {@link UpdateRates} (type 15) and the amend (type 14) came so.
 */
class CommandCodecGoldenTest {
    static final String GOLDEN = "/golden/commands-v1.bin";

    static List<ExchangeCommand> commands() {
        return List.of(
                new RegisterUser("alice"),
                new Deposit("alice", 100_000_000),
                new Withdraw("bob", -5),
                new ListInstrument(Defaults.INDEX),
                new ListInstrument(null),
                new SetInstrumentStatus("SHFE.cu2512", InstrumentStatus.SUSPENDED),
                new SetPhase("SHFE.cu2512", null),
                new SetPhase("SHFE.cu2512", TradingPhase.PRE_OPEN),
                new SetPriceBand("SHFE.cu2512", 6_900, 7_100),
                new SetReferencePrice("SHFE.cu2512", 7_000),
                new InsertOrder("alice", "a\u00e9\u4e2d1", "SHFE.cu2512", Side.SELL, Offset.AUTO, OrderType.MARKET,
                        TimeInForce.FOK, 0, 3, 1),
                new InsertOrder(null, null, null, null, null, null, null, -1, Long.MAX_VALUE, Long.MIN_VALUE),
                new CancelOrder("bob", "b7"),
                new MarkPrice("CFFEX.IF2512", 20_000),
                new EndTradingDay(20261208, Map.of("SHFE.cu2512", 7_020L, "CFFEX.IF2512", 20_010L)),
                new EndTradingDay(20261209, null),
                new Liquidate(),
                // Appended with type 15; the amend (type 14) had no golden bytes before.
                new UpdateRates("SHFE.cu2512", 12_000_000, UpdateRates.KEEP, CommissionRate.perLot(450), null,
                        new CommissionRate(100, 2_300)),
                new UpdateRates(null, -5, Long.MIN_VALUE, null, null, null),
                new AmendOrder("alice", "a1", 7_010, 2));
    }

    static byte[] encodeAll() {
        CommandCodec codec = new CommandCodec();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long time = 1_765_000_000_123_456_789L;
        for (ExchangeCommand command : commands()) {
            int length = codec.encode(time++, command);
            out.write(CommandCodec.typeOf(command));
            out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(length).array());
            out.write(codec.array(), 0, length);
        }
        return out.toByteArray();
    }

    @Test
    void shouldEncodeExactlyTheGoldenBytesAndDecodeThemBackWhenVersion1() throws Exception {
        byte[] golden;
        try (InputStream in = getClass().getResourceAsStream(GOLDEN)) {
            assertThat(in).as(GOLDEN).isNotNull();
            golden = in.readAllBytes();
        }
        assertThat(Arrays.equals(encodeAll(), golden)).as("encoding equals " + GOLDEN).isTrue();
        ByteBuffer buffer = ByteBuffer.wrap(golden).order(ByteOrder.LITTLE_ENDIAN);
        List<CommandCodec.Journaled> decoded = new ArrayList<>();
        while (buffer.hasRemaining()) {
            int type = buffer.get() & 0xFF;
            int length = buffer.getInt();
            decoded.add(CommandCodec.decode(type, buffer, buffer.position()));
            buffer.position(buffer.position() + length);
        }
        assertThat(decoded).extracting(CommandCodec.Journaled::command).containsExactlyElementsOf(commands());
        assertThat(decoded.get(0).timestampNs()).isEqualTo(1_765_000_000_123_456_789L);
        assertThat(decoded.get(16).timestampNs()).isEqualTo(1_765_000_000_123_456_805L);
        assertThat(decoded.get(19).timestampNs()).isEqualTo(1_765_000_000_123_456_808L);
    }
}
