package io.github.exchangeblocks.examples.embedded;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.diff.codec.SubscribeQuote;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.json.JsonReader;
import io.github.exchangeblocks.diff.json.JsonValue;
import io.github.exchangeblocks.diff.json.JsonWriter;
import io.github.exchangeblocks.diff.snapshot.DiffSession;
import io.github.exchangeblocks.engine.account.Account;
import io.github.exchangeblocks.wal.DurabilityMode;
import io.github.exchangeblocks.wal.WalConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's scripted session end to end. Figures by hand (copper: 50.00 yuan per tick and lot, 10% margin,
 * 3.00 yuan per lot commission): alice buys 2 lots at 7,000 ticks from bob (bob's offer of 3 at 6,990 trades 2 at
 * the resting bid's price), so each side holds margin 7,000 x 2 x 50.00 x 10% = 70,000.00 and paid 6.00; bob's
 * resting lot froze 6,990 x 50.00 x 10% = 34,950.00 plus 3.00 until he cancels it; marking at 7,010 gives alice
 * +10 x 2 x 50.00 = +1,000.00 and bob -1,000.00. Bob's risk ratio 70,000.00 / 998,994.00 = 0.0700704909...
 * is rounded up to 0.07007050.
 */
class ScriptedSessionTest {
    @TempDir
    Path directory;

    private MiniExchange open() {
        WalConfig wal = WalConfig.builder(directory).segmentLength(1 << 20).durabilityMode(DurabilityMode.NONE)
                .build();
        return MiniExchange.open(wal, SampleInstruments.all(), EmbeddedExchangeDemo.risk());
    }

    @Test
    void shouldBookFillsFreezesAndMarksWhenTheScriptRuns() {
        try (MiniExchange exchange = open()) {
            List<Command> script = EmbeddedExchangeDemo.script(exchange);
            List<Outcome> outcomes = new ArrayList<>();
            for (Command command : script.subList(0, 4)) {
                outcomes.add(exchange.submit(command));
            }
            assertThat(outcomes).allMatch(Outcome::accepted);
            Account bob = account(exchange, "bob");
            assertThat(bob.frozenMargin()).isEqualTo(3_495_000L);
            assertThat(bob.frozenCommission()).isEqualTo(300L);
            assertThat(exchange.book(SampleInstruments.COPPER).bestAskPrice()).isEqualTo(6_990L);
            assertThat(exchange.book(SampleInstruments.COPPER).bestAskQuantity()).isEqualTo(1L);

            assertThat(exchange.submit(script.get(4))).isEqualTo(Outcome.ACCEPTED);
            Outcome foreignCancel = exchange.submit(script.get(5));
            assertThat(foreignCancel.rejectCode()).isEqualTo(RejectCode.UNKNOWN_ORDER);
            assertThat(foreignCancel.message()).isEqualTo("orderId=2 must be a working order of user=alice");
            assertThat(exchange.submit(script.get(6))).isEqualTo(Outcome.ACCEPTED);

            Account alice = account(exchange, "alice");
            assertThat(alice.balance()).isEqualTo(100_099_400L);
            assertThat(alice.margin()).isEqualTo(7_000_000L);
            assertThat(alice.commission()).isEqualTo(600L);
            assertThat(alice.positionProfit()).isEqualTo(100_000L);
            assertThat(alice.available()).isEqualTo(93_099_400L);
            assertThat(bob.balance()).isEqualTo(99_899_400L);
            assertThat(bob.positionProfit()).isEqualTo(-100_000L);
            assertThat(bob.frozenMargin()).isZero();
            assertThat(bob.frozenCommission()).isZero();
            assertThat(bob.available()).isEqualTo(92_899_400L);
            assertThat(exchange.accounts().feesCollected()).isEqualTo(1_200L);
            assertThat(exchange.book(SampleInstruments.COPPER).orderCount()).isZero();
            assertThat(exchange.lastJournalSequence()).isEqualTo(7L);
        }
    }

    @Test
    void shouldAnswerAPeekWithTheUsersTradeDataAndQuotesWhenTheScriptRan() {
        try (MiniExchange exchange = open()) {
            EmbeddedExchangeDemo.script(exchange).forEach(exchange::submit);
            List<List<JsonObject>> answers = new ArrayList<>();
            DiffSession session = exchange.diff().openSession((s, patches) -> answers.add(patches));
            exchange.diff().login(session, "bob");
            exchange.diff().subscribeQuotes(session,
                    new SubscribeQuote(SampleInstruments.COPPER, List.of(SampleInstruments.COPPER)));

            session.peek();

            assertThat(answers).hasSize(1);
            JsonObject data = answers.get(0).get(0);
            JsonObject bob = data.getObject("trade").getObject("bob");
            assertThat(data.getObject("trade").containsKey("alice")).isFalse();
            assertThat(json(bob.getObject("accounts").getObject("CNY"))).isEqualTo(json(JsonReader.parse(
                    "{\"currency\":\"CNY\",\"pre_balance\":0.00,\"deposit\":1000000.00,\"withdraw\":0.00,"
                            + "\"static_balance\":1000000.00,\"close_profit\":0.00,\"commission\":6.00,"
                            + "\"position_profit\":-1000.00,\"float_profit\":-1000.00,\"balance\":998994.00,"
                            + "\"margin\":70000.00,\"frozen_margin\":0.00,\"frozen_commission\":0.00,"
                            + "\"available\":928994.00,\"risk_ratio\":0.07007050}")));
            JsonObject order = bob.getObject("orders").getObject("2");
            assertThat(json(order.get("volume_left"))).isEqualTo("0");
            assertThat(json(order.get("status"))).isEqualTo("\"FINISHED\"");
            assertThat(json(order.get("last_msg"))).isEqualTo("\"cancelled: USER\"");
            assertThat(json(bob.getObject("trades").getObject("2|1"))).isEqualTo(json(JsonReader.parse(
                    "{\"trade_id\":\"2|1\",\"order_id\":\"2\",\"exchange_trade_id\":\"1\",\"exchange_id\":\"SHFE\","
                            + "\"instrument_id\":\"SHFE.cu2512\",\"direction\":\"SELL\",\"offset\":\"OPEN\","
                            + "\"price\":70000,\"volume\":2,\"commission\":6.00,\"trade_date_time\":4000000000}")));
            JsonObject position = bob.getObject("positions").getObject(SampleInstruments.COPPER);
            assertThat(json(position.get("volume_short_today"))).isEqualTo("2");
            assertThat(json(position.get("last_price"))).isEqualTo("70100");
            JsonObject quote = data.getObject("quotes").getObject(SampleInstruments.COPPER);
            assertThat(json(quote)).isEqualTo("{\"instrument_id\":\"SHFE.cu2512\",\"last_price\":70000,"
                    + "\"bid_price1\":\"-\",\"bid_volume1\":0,\"ask_price1\":\"-\",\"ask_volume1\":0,\"volume\":2}");
        }
    }

    @Test
    void shouldPrintTheSessionAndRecoverTheSameStateWhenTheDemoRuns() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        String rtnData = EmbeddedExchangeDemo.run(directory, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("alice places order 1: BUY OPEN 2 SHFE.cu2512 @ 7000 ticks GTC -> accepted",
                "alice cancels order 2 -> rejected UNKNOWN_ORDER (2104)",
                "alice: balance=1000994.00 available=930994.00 margin=70000.00",
                "bob: balance=998994.00 available=928994.00 margin=70000.00",
                "journaled 7 commands", "(same)");
        assertThat(rtnData).startsWith("{\"aid\":\"rtn_data\",\"data\":[{")
                .contains("\"balance\":1000994.00", "\"trades\":{\"1|1\":{");
    }

    private static Account account(MiniExchange exchange, String user) {
        return exchange.accounts().account(exchange.accounts().accountIdOf(user));
    }

    private static String json(JsonValue value) {
        return JsonWriter.toJson(value);
    }
}
