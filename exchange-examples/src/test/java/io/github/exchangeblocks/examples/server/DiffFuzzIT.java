package io.github.exchangeblocks.examples.server;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.diff.codec.ClientMessage;
import io.github.exchangeblocks.diff.codec.ClientMessageDecoder;
import io.github.exchangeblocks.diff.codec.InvalidMessage;
import io.github.exchangeblocks.diff.codec.PeekMessage;
import io.github.exchangeblocks.diff.codec.ReqLogin;
import io.github.exchangeblocks.diff.codec.SetChart;
import io.github.exchangeblocks.diff.codec.SubscribeQuote;
import io.github.exchangeblocks.diff.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static io.github.exchangeblocks.examples.server.ExchangeServerIT.insert;
import static io.github.exchangeblocks.examples.server.ExchangeServerIT.loggedIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Protocol fuzzing against the live server: mutated valid messages, random text, deep nesting, huge numbers and
 * fields of the wrong type, from a session that is not logged in. Frames go in windows of {@value #WINDOW}, each
 * closed by a marker frame whose answer comes after theirs; then every frame's answer is matched in order: a frame
 * the decoder refuses gets an error notify with the decoder's code, a trading aid gets "log in first", a chart
 * request gets its chart or a refusal naming it, a quote subscription its {@code ins_list} echo. A
 * connection the server closes must carry a close code and a reason; the fuzzer then reconnects and goes on. The
 * server stays up, nothing reaches the core (state hash and journal sequence unchanged), and a logged-in bystander
 * receives nothing meanwhile and trades on afterwards. Seeded, so a failure replays.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class DiffFuzzIT {
    private static final int WINDOW = 32;
    private static final String[] TEMPLATES = {
        "{\"aid\":\"peek_message\"}",
        "{\"aid\":\"subscribe_quote\",\"ins_list\":\"SHFE.cu2512,CFFEX.IF2512\"}",
        insert("alice", "f1", "BUY", "70000", 1),
        "{\"aid\":\"cancel_order\",\"user_id\":\"alice\",\"order_id\":\"f1\"}",
        "{\"aid\":\"req_transfer\",\"future_account\":\"alice\",\"currency\":\"CNY\",\"amount\":10}",
        "{\"aid\":\"set_chart\",\"chart_id\":\"c\",\"ins_list\":\"SHFE.cu2512\",\"duration\":60000000000,"
            + "\"view_width\":100}",
        "{\"aid\":\"set_chart\",\"chart_id\":\"t\",\"ins_list\":\"SHFE.cu2512\",\"duration\":0,\"view_width\":9}",
        "{\"aid\":\"confirm_settlement\"}",
    };
    private static final String[] ODD_VALUES = {"{}", "[]", "null", "true", "-0", "1e400", "\"\"", "[1,[2]]",
        "99999999999999999999999", "-1", "0.000000000000000000001", "{\"_x\":1}", "\"\\u0000\""};
    private static final String ALPHABET = "{}[]\":,0123456789.-eE+ntrufals\\abcxyz_ \u00e9\u4e2d\u0001";

    @TempDir
    Path dir;

    @Test
    void shouldAnswerEveryFrameAndApplyNothingWhenFramesAreFuzzed() throws Exception {
        fuzz(10_000);
    }

    @Test
    @Tag("slow")
    void shouldAnswerEveryOneOfAHundredThousandFuzzedFrames() throws Exception {
        fuzz(100_000);
    }

    private void fuzz(int frames) throws Exception {
        try (ExchangeServer server = ExchangeServer.start(ExchangeServerIT.config(dir));
             DiffTestClient bystander = loggedIn(DiffTestClient.connect(server), "bob", "bob123")) {
            long[] before = new long[1];
            server.core().await(state -> before[0] = state.stateHash(), 10_000);
            long sequence = server.core().appliedSequence();
            int bystanderFrames = bystander.rtnDataCount();
            Random random = new Random(20261207L);
            long started = System.nanoTime();
            int sent = 0;
            int reconnects = 0;
            int window = 0;
            DiffTestClient fuzzer = DiffTestClient.connect(server);
            ChartOracle charts = new ChartOracle();
            try {
                while (sent < frames) {
                    List<String> batch = new ArrayList<>();
                    for (int i = 0; i < WINDOW && sent + batch.size() < frames; i++) {
                        batch.add(frame(random));
                    }
                    if (!sendWindow(fuzzer, charts, batch, ++window)) {
                        assertThat(fuzzer.closed.get(10, TimeUnit.SECONDS)).as("close of the fuzzer")
                                .matches("10\\d\\d .+");
                        fuzzer.close();
                        fuzzer = DiffTestClient.connect(server);
                        charts = new ChartOracle();
                        reconnects++;
                    }
                    sent += batch.size();
                }
            } finally {
                fuzzer.close();
            }
            System.out.printf("DiffFuzzIT: %d frames in %d ms, %d reconnects%n", sent,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), reconnects);

            long[] after = new long[1];
            server.core().await(state -> after[0] = state.stateHash(), 10_000);
            assertThat(after[0]).isEqualTo(before[0]);
            assertThat(server.core().appliedSequence()).isEqualTo(sequence);
            bystander.drain(50);
            assertThat(bystander.rtnDataCount()).as("frames the bystander got meanwhile").isEqualTo(bystanderFrames);
            bystander.send(insert("bob", "b1", "SELL", "71000", 1));
            bystander.await("the bystander trades on", c -> "ALIVE".equals(c.text("trade", "bob", "orders", "b1",
                    "status")));
            assertThat(ExchangeServerIT.health(server)).contains("\"status\":\"UP\"");
        }
    }

    /**
     * Sends a window and a marker, waits for the marker's answer and matches every frame's answer in order.
     *
     * @return false if the server closed the connection (the caller checks the reason)
     */
    private static boolean sendWindow(DiffTestClient fuzzer, ChartOracle charts, List<String> batch, int window) {
        int firstNotify = fuzzer.notifies.size();
        String marker = "fuzz_mark_" + window;
        for (String frame : batch) {
            if (!fuzzer.trySend(frame)) {
                return false;
            }
        }
        if (!fuzzer.trySend("{\"aid\":\"" + marker + "\"}")) {
            return false;
        }
        fuzzer.await("the answer to " + marker, c -> c.closed.isDone() || (c.notifies.size() > firstNotify
                && content(c.notifies.get(c.notifies.size() - 1)).contains(marker)));
        if (fuzzer.closed.isDone()) {
            return false;
        }
        List<JsonObject> answers = fuzzer.notifies.subList(firstNotify, fuzzer.notifies.size() - 1);
        int next = 0;
        String lastInsList = null;
        Map<String, JsonObject> shownCharts = new HashMap<>();
        for (String frame : batch) {
            ClientMessage message = ClientMessageDecoder.decode(frame);
            if (message instanceof PeekMessage) {
                continue;
            }
            if (message instanceof SubscribeQuote subscribe) {
                lastInsList = subscribe.insList();
                continue;
            }
            if (message instanceof SetChart chart) {
                if (charts.accepts(chart)) {
                    shownCharts.put(chart.chartId(), chart.instruments().isEmpty() ? null : chart.request());
                    continue;
                }
                assertThat(next).as("a refusal of %s", frame).isLessThan(answers.size());
                assertThat(content(answers.get(next))).as("refusal of %s", frame)
                        .startsWith("set_chart chart_id=" + chart.chartId() + ": ");
                next++;
                continue;
            }
            assertThat(next).as("an answer to %s in window %s with answers %s", frame, batch, answers)
                    .isLessThan(answers.size());
            JsonObject answer = answers.get(next++);
            String where = "answer " + answer + " to " + frame + " in window " + batch + " with answers " + answers;
            if (message instanceof InvalidMessage invalid) {
                assertThat(code(answer)).as(where).isEqualTo(invalid.code().code());
            } else if (message instanceof ReqLogin) {
                assertThat(code(answer)).as(where).isIn(
                        RejectCode.DIFF_LOGIN_FAILED.code(), RejectCode.DIFF_LOGIN_RATE_LIMITED.code());
            } else {
                assertThat(code(answer)).as(where)
                        .isEqualTo(RejectCode.DIFF_NOT_LOGGED_IN.code());
            }
        }
        assertThat(next).as("answers left over in window %d: %s", window, answers).isEqualTo(answers.size());
        if (lastInsList != null) {
            assertThat(fuzzer.text("ins_list")).isEqualTo(lastInsList);
        }
        shownCharts.forEach((chartId, request) -> assertThat(fuzzer.at("charts", chartId, "state"))
                .as("chart %s after window %s with answers %s", chartId, batch, answers).isEqualTo(request));
        return true;
    }

    private static String content(JsonObject notify) {
        return String.valueOf(notify.get("content")).replace("\"", "");
    }

    private static int code(JsonObject notify) {
        return Integer.parseInt(String.valueOf(notify.get("code")));
    }

    private static String frame(Random random) {
        switch (random.nextInt(8)) {
            case 0:
                return random.nextBoolean() ? "[".repeat(300 + random.nextInt(3000)) + "]".repeat(random.nextInt(300))
                        : "{\"aid\":".repeat(1 + random.nextInt(2000)) + "1" + "}".repeat(random.nextInt(2000));
            case 1:
                return "{\"aid\":\"insert_order\",\"user_id\":\"alice\",\"order_id\":\"h\",\"exchange_id\":\"SHFE\","
                        + "\"instrument_id\":\"cu2512\",\"direction\":\"BUY\",\"offset\":\"OPEN\",\"volume\":1"
                        + "0".repeat(random.nextInt(400)) + ",\"price_type\":\"LIMIT\",\"limit_price\":9e"
                        + random.nextInt(100_000) + "}";
            case 2:
                StringBuilder noise = new StringBuilder();
                for (int i = random.nextInt(200); i >= 0; i--) {
                    noise.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
                return noise.toString();
            case 3:
                String template = TEMPLATES[random.nextInt(TEMPLATES.length)];
                int colon = template.indexOf(':', 1 + random.nextInt(template.length() - 1));
                if (colon < 0) {
                    return template;
                }
                int end = template.indexOf(',', colon);
                return template.substring(0, colon + 1) + ODD_VALUES[random.nextInt(ODD_VALUES.length)]
                        + (end < 0 ? "}" : template.substring(end));
            default:
                StringBuilder mutated = new StringBuilder(TEMPLATES[random.nextInt(TEMPLATES.length)]);
                for (int i = 1 + random.nextInt(4); i > 0; i--) {
                    int at = random.nextInt(mutated.length());
                    switch (random.nextInt(3)) {
                        case 0 -> mutated.deleteCharAt(at);
                        case 1 -> mutated.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                        default -> mutated.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                    }
                }
                return mutated.toString();
        }
    }

    /** Which chart requests the server accepts, by its documented rules: the reference for the refusals. */
    private static final class ChartOracle {
        private static final List<String> INSTRUMENTS = List.of("SHFE.cu2512", "CFFEX.IF2512", "BINANCE.BTCUSDT");
        private static final List<Long> DURATIONS = List.of(0L, 60_000_000_000L, 300_000_000_000L,
                3_600_000_000_000L, 86_400_000_000_000L);
        private final java.util.Set<String> open = new java.util.HashSet<>();

        boolean accepts(SetChart chart) {
            if (chart.instruments().isEmpty()) {
                open.remove(chart.chartId());
                return true;
            }
            boolean ok = chart.instruments().size() == 1 && INSTRUMENTS.contains(chart.instruments().get(0))
                    && DURATIONS.contains(chart.durationNs()) && chart.viewWidth() <= 10_000
                    && !chart.request().containsKey("left_kline_id") && !chart.request().containsKey("focus_datetime")
                    && !chart.request().containsKey("focus_position")
                    && (open.contains(chart.chartId()) || open.size() < 32);
            if (ok) {
                open.add(chart.chartId());
            }
            return ok;
        }
    }
}
