package io.github.exchangeblocks.examples.embedded;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.diff.codec.RtnDataWriter;
import io.github.exchangeblocks.diff.codec.SubscribeQuote;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.snapshot.DiffSession;
import io.github.exchangeblocks.engine.account.Account;
import io.github.exchangeblocks.engine.risk.RiskChain;
import io.github.exchangeblocks.wal.DurabilityMode;
import io.github.exchangeblocks.wal.WalConfig;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Scripts a short session on a {@link MiniExchange} and prints what happens: two users deposit, place crossing
 * copper orders, one cancels its rest, the mark price moves; a DIFF session of one user peeks and prints the
 * {@code rtn_data} it gets; finally a second exchange recovers from the journal and shows the same state hash.
 * The journal lives in a temporary directory that is deleted at the end.
 */
public final class EmbeddedExchangeDemo {
    private static final long SECOND_NS = 1_000_000_000L;

    private EmbeddedExchangeDemo() {
    }

    /**
     * Runs the demo, printing to standard output.
     *
     * @param args ignored
     * @throws IOException if the temporary journal directory cannot be created or deleted
     */
    public static void main(String[] args) throws IOException {
        Path directory = Files.createTempDirectory("mini-exchange-wal");
        try {
            run(directory, System.out);
        } finally {
            deleteRecursively(directory);
        }
    }

    /**
     * Runs the scripted session on a journal in {@code directory}.
     *
     * @param directory an empty directory for the journal
     * @param out       where the readable lines go
     * @return the rtn_data JSON text of alice's peek
     */
    static String run(Path directory, PrintStream out) {
        WalConfig wal = WalConfig.builder(directory).segmentLength(1 << 20)
                .durabilityMode(DurabilityMode.SYNC_EACH).build();
        String rtnData;
        long stateHash;
        try (MiniExchange exchange = MiniExchange.open(wal, SampleInstruments.all(), risk())) {
            for (Command command : script(exchange)) {
                out.println(describe(command) + " -> " + exchange.submit(command));
            }
            printAccount(out, exchange, "alice");
            printAccount(out, exchange, "bob");

            List<List<JsonObject>> answers = new ArrayList<>();
            DiffSession session = exchange.diff().openSession((s, patches) -> answers.add(patches));
            exchange.diff().login(session, "alice");
            exchange.diff().subscribeQuotes(session,
                    new SubscribeQuote(SampleInstruments.COPPER, List.of(SampleInstruments.COPPER)));
            session.peek();
            rtnData = toJson(answers.get(0));
            out.println("alice peeks, rtn_data: " + rtnData);
            stateHash = exchange.stateHash();
            out.printf("journaled %d commands, state hash %016x%n", exchange.lastJournalSequence(), stateHash);
        }
        try (MiniExchange recovered = MiniExchange.open(wal, SampleInstruments.all(), risk())) {
            out.printf("recovered from the journal: state hash %016x (%s)%n", recovered.stateHash(),
                    recovered.stateHash() == stateHash ? "same" : "DIFFERENT");
        }
        return rtnData;
    }

    /**
     * The demo's risk chain: the standard checks with 100 lots per order, 1,000 lots per side and instrument and
     * 50 open orders per account.
     *
     * @return the chain
     */
    static RiskChain risk() {
        return RiskChain.standard(100, 1_000, 50);
    }

    /**
     * The scripted commands, one second apart. Alice bids 2 lots at 7,000 ticks (70,000 yuan); bob offers 3 at
     * 6,990, trades 2 at alice's price and rests 1, which he then cancels; the mark price moves to 7,010.
     *
     * @param exchange the exchange that assigns order ids
     * @return the commands in order
     */
    static List<Command> script(MiniExchange exchange) {
        String copper = SampleInstruments.COPPER;
        long aliceBid = exchange.nextOrderId();
        long bobAsk = aliceBid + 1;
        return List.of(
                new Command.Deposit(SECOND_NS, "alice", 100_000_000L),
                new Command.Deposit(2 * SECOND_NS, "bob", 100_000_000L),
                new Command.PlaceOrder(3 * SECOND_NS, "alice", aliceBid, copper, Side.BUY, Offset.OPEN,
                        TimeInForce.GTC, 7_000, 2),
                new Command.PlaceOrder(4 * SECOND_NS, "bob", bobAsk, copper, Side.SELL, Offset.OPEN,
                        TimeInForce.GTC, 6_990, 3),
                new Command.CancelOrder(5 * SECOND_NS, "bob", bobAsk),
                new Command.CancelOrder(6 * SECOND_NS, "alice", bobAsk),
                new Command.MarkPrice(7 * SECOND_NS, copper, 7_010));
    }

    private static String describe(Command command) {
        if (command instanceof Command.Deposit d) {
            return d.user() + " deposits " + BigDecimal.valueOf(d.amountMinor(), MiniExchange.MONEY_SCALE);
        } else if (command instanceof Command.PlaceOrder o) {
            return o.user() + " places order " + o.orderId() + ": " + o.side() + " " + o.offset() + " " + o.volume()
                    + " " + o.instrumentId() + " @ " + o.priceTicks() + " ticks " + o.timeInForce();
        } else if (command instanceof Command.CancelOrder c) {
            return c.user() + " cancels order " + c.orderId();
        }
        Command.MarkPrice m = (Command.MarkPrice) command;
        return "mark price of " + m.instrumentId() + " set to " + m.priceTicks() + " ticks";
    }

    private static void printAccount(PrintStream out, MiniExchange exchange, String user) {
        Account a = exchange.accounts().account(exchange.accounts().accountIdOf(user));
        out.println(user + ": balance=" + money(a.balance()) + " available=" + money(a.available()) + " margin="
                + money(a.margin()) + " frozen_margin=" + money(a.frozenMargin()) + " commission="
                + money(a.commission()) + " position_profit=" + money(a.positionProfit()));
    }

    private static BigDecimal money(long minor) {
        return BigDecimal.valueOf(minor, MiniExchange.MONEY_SCALE);
    }

    private static String toJson(List<JsonObject> patches) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            RtnDataWriter.write(bytes, patches);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
