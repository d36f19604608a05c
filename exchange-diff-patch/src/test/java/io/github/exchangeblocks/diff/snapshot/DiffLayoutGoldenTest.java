package io.github.exchangeblocks.diff.snapshot;

import io.github.exchangeblocks.diff.codec.ClientMessageDecoder;
import io.github.exchangeblocks.diff.codec.RtnDataWriter;
import io.github.exchangeblocks.diff.codec.SetChart;
import io.github.exchangeblocks.diff.codec.SubscribeQuote;
import io.github.exchangeblocks.diff.json.JsonNumber;
import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DIFF layout on the wire: the first {@code rtn_data} a client receives for an account, a position, an order,
 * a trade, a quote and a kline series, byte for byte against golden files of layout version
 * {@link DiffLayout#VERSION}. Golden files are never rewritten: a change of layout is a new version.
 */
class DiffLayoutGoldenTest {
    private static final String USER = "user123";
    private final DiffSnapshotManager manager = new DiffSnapshotManager();
    private final List<List<JsonObject>> answers = new ArrayList<>();

    private static JsonValue decimal(String text) {
        return JsonNumber.of(new BigDecimal(text));
    }

    private String firstRtnData(DiffSession session) throws IOException {
        session.peek();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RtnDataWriter.write(out, answers.get(answers.size() - 1));
        return out.toString(StandardCharsets.UTF_8) + "\n";
    }

    private DiffSession loggedIn() {
        DiffSession session = manager.openSession((s, patches) -> answers.add(patches));
        manager.login(session, USER);
        return session;
    }

    private static void assertGolden(String name, String actual) throws IOException {
        String resource = "/golden/v" + DiffLayout.VERSION + "/" + name + ".json";
        try (InputStream in = DiffLayoutGoldenTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                Path written = Path.of("target", "golden-actual", name + ".json");
                Files.createDirectories(written.getParent());
                Files.writeString(written, actual);
                throw new AssertionError("golden file " + resource + " is missing; actual output written to "
                        + written.toAbsolutePath() + " for review");
            }
            assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldMatchGoldenWhenSendingAccount() throws IOException {
        manager.pushTrade(USER, DiffLayout.entry(DiffLayout.ACCOUNTS, "CNY", new JsonObject()
                .put("user_id", USER).put("currency", "CNY")
                .put("pre_balance", decimal("1000000.00")).put("deposit", decimal("0.00"))
                .put("withdraw", decimal("0.00")).put("static_balance", decimal("1000000.00"))
                .put("close_profit", decimal("0.00")).put("commission", decimal("5.00"))
                .put("position_profit", decimal("-1500.00")).put("float_profit", decimal("-1500.00"))
                .put("balance", decimal("998495.00")).put("margin", decimal("75230.00"))
                .put("frozen_margin", decimal("0.00")).put("frozen_commission", decimal("0.00"))
                .put("available", decimal("923265.00")).put("risk_ratio", decimal("0.075343392806173"))));

        assertGolden("account", firstRtnData(loggedIn()));
    }

    @Test
    void shouldMatchGoldenWhenSendingPosition() throws IOException {
        manager.pushTrade(USER, DiffLayout.entry(DiffLayout.POSITIONS, "SHFE.cu2512", new JsonObject()
                .put("user_id", USER).put("exchange_id", "SHFE").put("instrument_id", "cu2512")
                .put("volume_long_today", 1).put("volume_long_his", 0).put("volume_long", 1)
                .put("volume_long_frozen_today", 0).put("volume_long_frozen_his", 0)
                .put("volume_short_today", 0).put("volume_short_his", 0).put("volume_short", 0)
                .put("volume_short_frozen_today", 0).put("volume_short_frozen_his", 0)
                .put("open_price_long", decimal("75230.0")).put("open_price_short", Double.NaN)
                .put("float_profit_long", decimal("-1500.00")).put("float_profit_short", decimal("0.00"))
                .put("margin_long", decimal("75230.00")).put("margin_short", decimal("0.00"))
                .put("last_price", decimal("74930.0"))));

        assertGolden("position", firstRtnData(loggedIn()));
    }

    @Test
    void shouldMatchGoldenWhenSendingOrder() throws IOException {
        manager.pushTrade(USER, DiffLayout.entry(DiffLayout.ORDERS, "order456", new JsonObject()
                .put("user_id", USER).put("order_id", "order456").put("exchange_id", "SHFE")
                .put("instrument_id", "cu2512").put("direction", "BUY").put("offset", "OPEN")
                .put("volume_orign", 10).put("price_type", "LIMIT").put("limit_price", decimal("75230.0"))
                .put("time_condition", "GFD").put("volume_condition", "ANY")
                .put("insert_date_time", 1759714200000000000L).put("exchange_order_id", "1001")
                .put("status", "ALIVE").put("volume_left", 4).put("last_msg", "partially filled")));

        assertGolden("order", firstRtnData(loggedIn()));
    }

    @Test
    void shouldMatchGoldenWhenSendingTrade() throws IOException {
        manager.pushTrade(USER, DiffLayout.entry(DiffLayout.TRADES, "order456|1", new JsonObject()
                .put("user_id", USER).put("trade_id", "order456|1").put("order_id", "order456")
                .put("exchange_id", "SHFE").put("instrument_id", "cu2512").put("exchange_trade_id", "2001")
                .put("direction", "BUY").put("offset", "OPEN").put("volume", 6).put("price", decimal("75230.0"))
                .put("trade_date_time", 1759714201500000000L).put("commission", decimal("3.00"))));

        assertGolden("trade", firstRtnData(loggedIn()));
    }

    @Test
    void shouldMatchGoldenWhenSendingQuote() throws IOException {
        manager.pushQuote("SHFE.cu2512", new JsonObject()
                .put("instrument_id", "SHFE.cu2512").put("datetime", "2025-10-06 14:30:00.000000")
                .put("ask_price1", decimal("75240.0")).put("ask_volume1", 5)
                .put("bid_price1", decimal("75230.0")).put("bid_volume1", 10)
                .put("last_price", decimal("75230.0")).put("highest", decimal("75500.0"))
                .put("lowest", decimal("74900.0")).put("open", decimal("75000.0")).put("close", Double.NaN)
                .put("average", decimal("75187.5")).put("volume", 123456).put("amount", decimal("9234567890.0"))
                .put("open_interest", 45678).put("settlement", Double.NaN)
                .put("upper_limit", decimal("81000.0")).put("lower_limit", decimal("69000.0"))
                .put("pre_close", decimal("75000.0")).put("pre_settlement", decimal("75010.0"))
                .put("pre_open_interest", 45000));
        DiffSession session = manager.openSession((s, patches) -> answers.add(patches));
        manager.subscribeQuotes(session, (SubscribeQuote) ClientMessageDecoder.decode(
                "{\"aid\":\"subscribe_quote\",\"ins_list\":\"SHFE.cu2512\"}"));

        assertGolden("quote", firstRtnData(session));
    }

    @Test
    void shouldMatchGoldenWhenSendingKlineSeries() throws IOException {
        long minute = 60_000_000_000L;
        long start = 1759714200000000000L;
        JsonObject[] bars = new JsonObject[3];
        for (int i = 0; i < bars.length; i++) {
            bars[i] = new JsonObject().put("datetime", start + i * minute)
                    .put("open", decimal("7523" + i + ".0")).put("high", decimal("7525" + i + ".0"))
                    .put("low", decimal("7520" + i + ".0")).put("close", decimal("7524" + i + ".0"))
                    .put("volume", 100 + i).put("open_oi", 45000 + i).put("close_oi", 45001 + i);
        }
        manager.pushKlines("SHFE.cu2512", minute, DiffLayout.bars(2, 0, bars));
        DiffSession session = manager.openSession((s, patches) -> answers.add(patches));
        manager.setChart(session, (SetChart) ClientMessageDecoder.decode("{\"aid\":\"set_chart\","
                + "\"chart_id\":\"chart1\",\"ins_list\":\"SHFE.cu2512\",\"duration\":60000000000,\"view_width\":3}"));

        assertGolden("kline_series", firstRtnData(session));
    }
}
