package io.github.exchangeblocks.examples.embedded;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.OrderBookView;
import io.github.exchangeblocks.diff.codec.SubscribeQuote;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.snapshot.DiffSession;
import io.github.exchangeblocks.diff.snapshot.DiffSnapshotManager;
import io.github.exchangeblocks.engine.account.AccountBook;
import io.github.exchangeblocks.wal.DurabilityMode;
import io.github.exchangeblocks.wal.WalConfig;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sessions of two users (each opened with a deposit of 10,000,000.00) over both sample instruments:
 * deposits, limit orders (open or close, GTC, IOC or FOK, prices around the touch so that many cross), cancels
 * (including of other users' and finished orders) and marks. After every command money is conserved (balances plus
 * collected fees equal accepted deposits), no available funds are negative, no book is crossed and the orders
 * holding freezes are exactly the resting ones; after the session a new exchange replayed from the journal has the
 * same state hash, the same next order id and the same DIFF snapshot for both users.
 */
class MiniExchangeProperties {
    private static final String[] USERS = {"alice", "bob"};
    private static final String[] INSTRUMENTS = {SampleInstruments.COPPER, SampleInstruments.INDEX};
    private static final long[] BASE_PRICE_TICKS = {7_000, 20_000};
    private static final long OPENING_DEPOSIT = 1_000_000_000L;
    private static final TimeInForce[] TIME_IN_FORCE = {TimeInForce.GTC, TimeInForce.GTC, TimeInForce.GTC,
        TimeInForce.IOC, TimeInForce.FOK};

    /** One random step; {@code bits} supplies the step's details. */
    record Step(int kind, int user, int instrument, int bits) {
    }

    @Property(tries = 300)
    void shouldConserveMoneyAndReplayToTheSameStateWhenCommandsAreRandom(@ForAll("sessions") List<Step> steps)
            throws IOException {
        Path directory = Files.createTempDirectory("mini-exchange-property");
        try {
            WalConfig wal = WalConfig.builder(directory).segmentLength(1 << 20)
                    .durabilityMode(DurabilityMode.NONE).build();
            long stateHash;
            long nextOrderId;
            List<JsonObject> views;
            int accepted = 0;
            try (MiniExchange exchange = MiniExchange.open(wal, SampleInstruments.all(), EmbeddedExchangeDemo.risk())) {
                List<Long> placed = new ArrayList<>();
                long deposited = 0;
                long timestampNs = 0;
                for (String user : USERS) {
                    assertThat(exchange.submit(new Command.Deposit(++timestampNs, user, OPENING_DEPOSIT)).accepted())
                            .isTrue();
                    deposited += OPENING_DEPOSIT;
                }
                for (Step step : steps) {
                    timestampNs += 1_000;
                    Command command = command(step, timestampNs, exchange.nextOrderId(), placed);
                    Outcome outcome = exchange.submit(command);
                    if (outcome.accepted()) {
                        accepted++;
                        if (command instanceof Command.Deposit deposit) {
                            deposited += deposit.amountMinor();
                        }
                    } else {
                        assertThat(outcome.message()).isNotBlank();
                        Statistics.label("reject codes").collect(outcome.rejectCode());
                    }
                    assertMoneyConserved(exchange.accounts(), deposited);
                    int resting = 0;
                    for (String instrument : INSTRUMENTS) {
                        assertNotCrossed(exchange.book(instrument));
                        resting += exchange.book(instrument).orderCount();
                    }
                    // Every order holding a freeze rests in a book, and vice versa.
                    assertThat(exchange.accounts().openOrderCount()).isEqualTo(resting);
                }
                Statistics.label("traded").collect(exchange.accounts().feesCollected() > 0);
                stateHash = exchange.stateHash();
                nextOrderId = exchange.nextOrderId();
                views = views(exchange.diff());
                assertThat(exchange.lastJournalSequence()).isEqualTo(steps.size() + USERS.length);
            }
            Statistics.label("accepted commands").collect(accepted * 10 / steps.size() * 10 + "%");

            try (MiniExchange recovered = MiniExchange.open(wal, SampleInstruments.all(),
                    EmbeddedExchangeDemo.risk())) {
                assertThat(recovered.stateHash()).isEqualTo(stateHash);
                assertThat(recovered.nextOrderId()).isEqualTo(nextOrderId);
                assertThat(views(recovered.diff())).isEqualTo(views);
            }
        } finally {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    @Provide
    Arbitrary<List<Step>> sessions() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, Integer.MAX_VALUE)).as(Step::new);
        return step.list().ofMinSize(20).ofMaxSize(80);
    }

    /** Kinds: 0 deposit (1 in 10 of them invalid), 1-6 place, 7-8 cancel, 9 mark. */
    private static Command command(Step step, long timestampNs, long nextOrderId, List<Long> placed) {
        String user = USERS[step.user()];
        String instrument = INSTRUMENTS[step.instrument()];
        int bits = step.bits();
        long price = BASE_PRICE_TICKS[step.instrument()] + bits % 11 - 5;
        if (step.kind() == 0) {
            return new Command.Deposit(timestampNs, user, bits % 10 == 0 ? 0 : 100_000_000L + bits % 1_000_000_000L);
        } else if (step.kind() <= 6) {
            placed.add(nextOrderId);
            Side side = (bits >>> 4) % 2 == 0 ? Side.BUY : Side.SELL;
            Offset offset = (bits >>> 5) % 4 == 0 ? Offset.CLOSE : Offset.OPEN;
            TimeInForce timeInForce = TIME_IN_FORCE[(bits >>> 7) % TIME_IN_FORCE.length];
            long volume = 1 + (bits >>> 10) % 5;
            return new Command.PlaceOrder(timestampNs, user, nextOrderId, instrument, side, offset, timeInForce,
                    price, volume);
        } else if (step.kind() <= 8) {
            long orderId = placed.isEmpty() ? 1 : placed.get((bits >>> 4) % placed.size());
            return new Command.CancelOrder(timestampNs, user, orderId);
        }
        return new Command.MarkPrice(timestampNs, instrument, price);
    }

    private static void assertMoneyConserved(AccountBook accounts, long deposited) {
        long balances = 0;
        for (int id = 0; id < accounts.accountCount(); id++) {
            balances += accounts.account(id).balance();
            assertThat(accounts.account(id).available()).isGreaterThanOrEqualTo(0L);
        }
        assertThat(balances + accounts.feesCollected()).isEqualTo(deposited);
    }

    private static void assertNotCrossed(OrderBookView book) {
        if (book.bestBidPrice() != OrderBookView.NULL_PRICE && book.bestAskPrice() != OrderBookView.NULL_PRICE) {
            assertThat(book.bestBidPrice()).isLessThan(book.bestAskPrice());
        }
    }

    private static List<JsonObject> views(DiffSnapshotManager diff) {
        List<JsonObject> views = new ArrayList<>();
        for (String user : USERS) {
            DiffSession session = diff.openSession((s, patches) -> { });
            diff.login(session, user);
            diff.subscribeQuotes(session, new SubscribeQuote(String.join(",", INSTRUMENTS), List.of(INSTRUMENTS)));
            views.add(diff.entitledSnapshot(session));
            diff.closeSession(session);
        }
        return views;
    }
}
