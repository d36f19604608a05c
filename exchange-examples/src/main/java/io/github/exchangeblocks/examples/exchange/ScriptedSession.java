package io.github.exchangeblocks.examples.exchange;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.account.AccountView;
import io.github.exchangeblocks.api.settlement.AccountStatement;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.CancelOrder;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.EndTradingDay;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.InsertOrder;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.MarkPrice;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A scripted session on a running {@link ExchangeCore} with its journal in a temporary directory: the demo users
 * trade copper, one cancels, the mark moves, the day is settled; every acknowledgement and event is printed as it
 * is published. Then the core is stopped and started again from the journal, and the state hash is shown to match.
 * Run with {@code ./mvnw -B -q -pl exchange-examples -am package -DskipTests -Pdemo}.
 */
public final class ScriptedSession {
    private static final String CU = Defaults.COPPER.instrumentId();

    private ScriptedSession() {
    }

    /**
     * @param args ignored
     * @throws Exception if the temporary directory cannot be used
     */
    public static void main(String[] args) throws Exception {
        Path directory = Files.createTempDirectory("exchange-demo");
        try {
            run(directory, System.out);
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /**
     * Runs the session over a data directory.
     *
     * @param directory an empty directory
     * @param out       where the lines go
     * @return the state hash after the restart (equal to the one before it)
     * @throws InterruptedException if interrupted while waiting for acknowledgements
     * @throws IOException          never in practice (the journal's own errors are unchecked)
     */
    public static long run(Path directory, PrintStream out) throws InterruptedException, IOException {
        List<ExchangeCommand> script = List.of(
                new InsertOrder("alice", "a1", CU, Side.BUY, Offset.OPEN, OrderType.LIMIT, TimeInForce.GTC, 7_000,
                        3, 0),
                new InsertOrder("bob", "b1", CU, Side.SELL, Offset.OPEN, OrderType.LIMIT, TimeInForce.IOC, 7_000, 2,
                        0),
                new CancelOrder("alice", "a1"),
                new InsertOrder("bob", "b1", CU, Side.SELL, Offset.OPEN, OrderType.LIMIT, TimeInForce.IOC, 7_000, 1,
                        0),
                new MarkPrice(CU, 7_010),
                new EndTradingDay(20261208, Map.of(CU, 7_020L)));
        long[] clock = {1_765_000_000_000_000_000L};
        long before;
        try (ExchangeCore core = ExchangeCore.start(Defaults.config(directory), printer(out), () -> clock[0] += 1_000)) {
            CountDownLatch acknowledged = new CountDownLatch(script.size());
            CommandSource source = (correlationId, sequence, code, message) -> {
                out.println("ack #" + correlationId + " seq=" + sequence + " " + (code == null ? "OK" : code) + " "
                        + message);
                acknowledged.countDown();
            };
            for (int i = 0; i < script.size(); i++) {
                out.println("submit #" + i + " " + script.get(i));
                RejectCode queued = core.submit(script.get(i), source, i);
                if (queued != null) {
                    throw new IllegalStateException("not queued: " + queued);
                }
            }
            if (!acknowledged.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the script was not acknowledged in time");
            }
            long[] hash = new long[1];
            core.await(state -> hash[0] = state.stateHash(), 10_000);
            before = hash[0];
        }
        long[] after = new long[1];
        try (ExchangeCore core = ExchangeCore.start(Defaults.config(directory), new ExchangeListener() {
        }, () -> clock[0] += 1_000)) {
            core.await(state -> {
                after[0] = state.stateHash();
                AccountView alice = state.account("alice");
                out.println("restarted from the journal: trading day " + state.venue().tradingDay()
                        + ", alice balance " + alice.balance() + " margin " + alice.margin());
            }, 10_000);
        }
        out.printf("state hash before stop %016x, after restart %016x: %s%n", before, after[0],
                before == after[0] ? "equal" : "DIFFERENT");
        return after[0];
    }

    private static ExchangeListener printer(PrintStream out) {
        return new ExchangeListener() {
            @Override
            public void onOrder(OrderRecord o) {
                out.println("  order " + o.user() + "/" + o.clientOrderId() + " id=" + o.orderId() + " " + o.side()
                        + " " + o.offset() + " " + o.priceTicks() + " left " + o.volumeLeft() + "/" + o.volume()
                        + (o.alive() ? " ALIVE " : " FINISHED ") + o.lastMessage());
            }

            @Override
            public void onTrade(TradeRecord t) {
                out.println("  trade " + t.user() + "/" + t.clientOrderId() + " #" + t.tradeId() + " "
                        + t.volume() + " @ " + t.priceTicks() + " commission " + t.commission());
            }

            @Override
            public void onNotify(String user, RejectCode code, String message) {
                out.println("  notify " + user + ": " + code + " " + message);
            }

            @Override
            public void onSettlement(String user, AccountStatement s) {
                out.println("  statement " + s.tradingDay() + " " + user + ": balance " + s.balance() + " margin "
                        + s.margin() + " position profit " + s.positionProfit() + " commission " + s.commission());
            }

            @Override
            public void onTradingDay(int tradingDay) {
                out.println("  trading day " + tradingDay + " begins");
            }
        };
    }
}
