package io.github.exchangeblocks.examples.exchange;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.instrument.CommissionRate;
import io.github.exchangeblocks.engine.venue.VenueSettings;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.Deposit;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.EndTradingDay;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.InsertOrder;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.RegisterUser;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.UpdateRates;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the exchange state's snapshot format, version 2: {@code golden/state-snapshot-v2.bin} is the snapshot of a
 * scripted day and a half (two users trading copper, a thinly funded user liquidated at the settlement after a
 * margin increase took effect there, working orders, a margin change still scheduled). The file is never rewritten:
 * a layout change gets a new version and a new file, and this one must still restore to the same state.
 */
class StateSnapshotGoldenTest {
    static final String GOLDEN = "/golden/state-snapshot-v2.bin";
    private static final VenueSettings VENUE = VenueSettings.builder().build();
    private static final String CU = Defaults.COPPER.instrumentId();

    static ExchangeState scripted() {
        List<ExchangeCommand> commands = new ArrayList<>(Defaults.bootstrap(List.of(Defaults.COPPER, Defaults.INDEX),
                List.of("alice", "bob"), 100_000_000));
        commands.add(new RegisterUser("carol"));
        commands.add(new Deposit("carol", 3_600_000));
        commands.add(order("carol", "c1", Side.BUY, 7_000));
        commands.add(order("bob", "b1", Side.SELL, 7_000));
        commands.add(order("alice", "a1", Side.BUY, 6_990));
        commands.add(new UpdateRates(CU, 12_000_000, 12_000_000, CommissionRate.perLot(450), null, null));
        commands.add(new EndTradingDay(20261208, Map.of(CU, 6_990L)));
        commands.add(order("alice", "a2", Side.BUY, 6_980));
        commands.add(order("bob", "b2", Side.SELL, 6_980));
        commands.add(order("bob", "b3", Side.SELL, 7_020));
        commands.add(new UpdateRates(Defaults.INDEX.instrumentId(), UpdateRates.KEEP, 15_000_000, null, null,
                CommissionRate.ofNotional(4_600)));
        ExchangeState state = new ExchangeState(VENUE, 20261207, new ExchangeListener() {
        });
        long time = 1_765_000_000_000_000_000L;
        for (ExchangeCommand command : commands) {
            assertThat(state.apply(time, command)).as(command + ": " + state.resultMessage()).isNull();
            time += 1_000_000;
        }
        return state;
    }

    private static InsertOrder order(String user, String id, Side side, long price) {
        return new InsertOrder(user, id, CU, side, Offset.OPEN, OrderType.LIMIT, TimeInForce.GTC, price, 1, 0);
    }

    @Test
    void shouldWriteExactlyTheGoldenBytesAndRestoreThemToTheSameStateWhenVersion2() throws Exception {
        byte[] golden;
        try (InputStream in = getClass().getResourceAsStream(GOLDEN)) {
            assertThat(in).as(GOLDEN).isNotNull();
            golden = in.readAllBytes();
        }
        ExchangeState state = scripted();
        assertThat(state.liquidations().size()).as("carol liquidated at the settlement").isPositive();
        assertThat(state.venue().registry().get(1).marginRatesPending()).isTrue();
        java.nio.file.Files.write(java.nio.file.Path.of("target", "state-snapshot-v2.actual.bin"),
                state.writeSnapshot());
        assertThat(Arrays.equals(state.writeSnapshot(), golden)).as("snapshot bytes equal " + GOLDEN).isTrue();
        ExchangeState restored = ExchangeState.restore(VENUE, golden, new ExchangeListener() {
        });
        assertThat(restored.stateHash()).isEqualTo(state.stateHash());
        assertThat(restored.liquidations().records().get(0).user()).isEqualTo("carol");
        assertThat(restored.orders("bob")).extracting(OrderRecord::clientOrderId).containsExactly("b2", "b3");
    }
}
