package io.github.exchangeblocks.examples.exchange;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.engine.venue.VenueSettings;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The liquidation history as durable state: rebuilt by the same commands, carried by snapshots, bounded. */
class LiquidationHistoryTest {
    private static final VenueSettings VENUE = VenueSettings.builder().build();
    private static final Function<OrderRecord, String> FIELDS = o -> o.user() + " " + o.clientOrderId() + " "
            + o.orderId() + " " + o.instrumentId() + " " + o.side() + " " + o.offset() + " " + o.priceTicks() + " "
            + o.volume() + " " + o.volumeLeft() + " " + o.alive() + " " + o.insertTimeNs() + " " + o.lastMessage();

    /** Random streams over long enough run into dave's liquidation; this seed does, more than once. */
    private static ExchangeState driven(long seed) {
        ExchangeState state = new ExchangeState(VENUE, 20261207, new ExchangeListener() {
        });
        long time = 1;
        for (ExchangeCommand command : RandomCommands.generate(seed, 3_000)) {
            state.apply(time++, command);
        }
        return state;
    }

    @Test
    void shouldRebuildTheSameHistoryFromTheSameCommandsAndCarryItThroughASnapshot() {
        ExchangeState state = driven(7);
        List<OrderRecord> records = state.liquidations().records();
        assertThat(records).as("the stream liquidates").hasSizeGreaterThan(1);
        assertThat(records).allMatch(o -> o.clientOrderId().startsWith(ExchangeState.LIQUIDATION_PREFIX)
                && !o.alive());
        assertThat(driven(7).liquidations().records()).extracting(FIELDS)
                .containsExactlyElementsOf(records.stream().map(FIELDS).toList());

        ExchangeState restored = ExchangeState.restore(VENUE, state.writeSnapshot(), new ExchangeListener() {
        });
        assertThat(restored.stateHash()).isEqualTo(state.stateHash());
        assertThat(restored.liquidations().records()).extracting(FIELDS)
                .containsExactlyElementsOf(records.stream().map(FIELDS).toList());
    }

    @Test
    void shouldReadAVersion1SnapshotAsAStateWithoutLiquidations() {
        ExchangeState state = new ExchangeState(VENUE, 20261207, new ExchangeListener() {
        });
        long time = 1;
        for (ExchangeCommand command : RandomCommands.generate(3, 200)) {
            state.apply(time++, command);
        }
        assertThat(state.liquidations().size()).isZero();
        byte[] v2 = state.writeSnapshot();
        // Version 1 is version 2 without the trailing liquidation count.
        byte[] v1 = Arrays.copyOf(v2, v2.length - 4);
        assertThat(ByteBuffer.wrap(v2, v2.length - 4, 4).getInt()).isZero();
        ByteBuffer.wrap(v1).putInt(8, StateSnapshot.VERSION_1);
        ExchangeState restored = ExchangeState.restore(VENUE, v1, new ExchangeListener() {
        });
        assertThat(restored.stateHash()).isEqualTo(state.stateHash());
    }

    @Test
    void shouldKeepTheNewestRecordsWhenFull() {
        LiquidationHistory history = new LiquidationHistory();
        for (int i = 0; i < LiquidationHistory.MAX_RECORDS + 5; i++) {
            OrderRecord order = new OrderRecord("dave", ExchangeState.LIQUIDATION_PREFIX + i, "SHFE.cu2512",
                    Side.SELL, Offset.CLOSE, OrderType.LIMIT, TimeInForce.IOC, 7_000, 1, i);
            order.orderId = i;
            history.add(order);
        }
        List<OrderRecord> records = history.records();
        assertThat(records).hasSize(LiquidationHistory.MAX_RECORDS);
        assertThat(records.get(0).orderId()).isEqualTo(5);
        assertThat(records.get(records.size() - 1).orderId()).isEqualTo(LiquidationHistory.MAX_RECORDS + 4);
    }
}
