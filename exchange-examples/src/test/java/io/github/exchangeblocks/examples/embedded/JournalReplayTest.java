package io.github.exchangeblocks.examples.embedded;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.diff.codec.SubscribeQuote;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.snapshot.DiffSession;
import io.github.exchangeblocks.diff.snapshot.DiffSnapshotManager;
import io.github.exchangeblocks.wal.DurabilityMode;
import io.github.exchangeblocks.wal.Wal;
import io.github.exchangeblocks.wal.WalConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JournalReplayTest {
    @TempDir
    Path directory;

    private MiniExchange open() {
        WalConfig wal = WalConfig.builder(directory).segmentLength(1 << 20).durabilityMode(DurabilityMode.NONE)
                .build();
        return MiniExchange.open(wal, SampleInstruments.all(), EmbeddedExchangeDemo.risk());
    }

    @Test
    void shouldReachTheSameStateAndDiffSnapshotWhenRestartedFromTheJournal() {
        long stateHash;
        long nextOrderId;
        JsonObject aliceView;
        JsonObject bobView;
        try (MiniExchange exchange = open()) {
            EmbeddedExchangeDemo.script(exchange).forEach(exchange::submit);
            long id = exchange.nextOrderId();
            exchange.submit(new Command.PlaceOrder(8L, "alice", id, SampleInstruments.INDEX, Side.SELL, Offset.OPEN,
                    TimeInForce.GTC, 20_000, 1));
            exchange.submit(new Command.PlaceOrder(9L, "bob", id + 1, SampleInstruments.INDEX, Side.BUY, Offset.OPEN,
                    TimeInForce.IOC, 20_002, 3));
            Outcome rejected = exchange.submit(new Command.Deposit(10L, "carol", 0L));
            assertThat(rejected.rejectCode()).isEqualTo(RejectCode.INVALID_AMOUNT);
            assertThat(rejected.message()).isEqualTo("amountMinor=0 must be in 1..1000000000000000");
            assertThat(exchange.accounts().accountIdOf("carol")).isEqualTo(-1);
            stateHash = exchange.stateHash();
            nextOrderId = exchange.nextOrderId();
            aliceView = entitled(exchange.diff(), "alice");
            bobView = entitled(exchange.diff(), "bob");
            assertThat(exchange.lastJournalSequence()).isEqualTo(10L);
        }
        assertThat(Wal.verify(directory)).isEqualTo(10L);

        try (MiniExchange recovered = open()) {
            assertThat(recovered.stateHash()).isEqualTo(stateHash);
            assertThat(recovered.nextOrderId()).isEqualTo(nextOrderId).isEqualTo(5L);
            assertThat(entitled(recovered.diff(), "alice")).isEqualTo(aliceView);
            assertThat(entitled(recovered.diff(), "bob")).isEqualTo(bobView);
            assertThat(recovered.book(SampleInstruments.INDEX).orderCount()).isZero();
            assertThat(recovered.book(SampleInstruments.INDEX).referencePrice()).isEqualTo(20_000L);

            Outcome reused = recovered.submit(new Command.PlaceOrder(11L, "alice", nextOrderId - 1,
                    SampleInstruments.COPPER, Side.BUY, Offset.OPEN, TimeInForce.GTC, 7_000, 1));
            assertThat(reused.rejectCode()).isEqualTo(RejectCode.DUPLICATE_ORDER_ID);
            assertThat(reused.message()).isEqualTo("orderId=4 must be >= nextOrderId=5");
            assertThat(recovered.submit(new Command.PlaceOrder(12L, "alice", nextOrderId, SampleInstruments.COPPER,
                    Side.BUY, Offset.OPEN, TimeInForce.GTC, 7_000, 1))).isEqualTo(Outcome.ACCEPTED);
            assertThat(recovered.lastJournalSequence()).isEqualTo(12L);
        }
    }

    private static JsonObject entitled(DiffSnapshotManager diff, String user) {
        List<List<JsonObject>> answers = new ArrayList<>();
        DiffSession session = diff.openSession((s, patches) -> answers.add(patches));
        diff.login(session, user);
        diff.subscribeQuotes(session, new SubscribeQuote(SampleInstruments.COPPER + "," + SampleInstruments.INDEX,
                List.of(SampleInstruments.COPPER, SampleInstruments.INDEX)));
        JsonObject snapshot = diff.entitledSnapshot(session);
        assertThat(snapshot.getObject("trade").getObject(user).getObject("accounts").containsKey("CNY")).isTrue();
        return snapshot;
    }

    @Test
    void shouldReleaseTheFreezeWhenTheBookRejectsAnOrderTheAccountsAccepted() {
        try (MiniExchange exchange = open()) {
            exchange.submit(new Command.Deposit(1L, "alice", 1_000_000_000_000L));
            assertThat(exchange.submit(new Command.PlaceOrder(2L, "alice", 1L, SampleInstruments.COPPER, Side.BUY,
                    Offset.OPEN, TimeInForce.GTC, 1, 1))).isEqualTo(Outcome.ACCEPTED);
            long frozenMargin = exchange.accounts().account(0).frozenMargin();

            Outcome outcome = exchange.submit(new Command.PlaceOrder(3L, "alice", 2L, SampleInstruments.COPPER,
                    Side.BUY, Offset.OPEN, TimeInForce.GTC, 1_100_000, 1));

            assertThat(outcome.rejectCode()).isEqualTo(RejectCode.BOOK_PRICE_SPAN_EXCEEDED);
            assertThat(exchange.accounts().account(0).frozenMargin()).isEqualTo(frozenMargin).isEqualTo(500L);
            assertThat(exchange.accounts().openOrderCount()).isEqualTo(1);
            assertThat(exchange.nextOrderId()).isEqualTo(3L);
        }
    }
}
