package io.github.exchangeblocks.examples.server;

import io.github.exchangeblocks.api.RejectCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static io.github.exchangeblocks.examples.server.ExchangeServerIT.insert;
import static io.github.exchangeblocks.examples.server.ExchangeServerIT.loggedIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A first, bounded protocol fuzz run against the live server: mutated valid messages, random text, deep nesting and
 * huge numbers from a session that is not logged in. The server stays up, the fuzzing session is still answered
 * (or was closed with a reason), nothing reaches the core (state hash and journal unchanged) and a bystander
 * session trades on. Seeded, so a failure replays.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DiffFuzzIT {
    private static final int FRAMES = 20_000;
    private static final String[] TEMPLATES = {
        "{\"aid\":\"peek_message\"}",
        "{\"aid\":\"subscribe_quote\",\"ins_list\":\"SHFE.cu2512,CFFEX.IF2512\"}",
        insert("alice", "f1", "BUY", "70000", 1),
        "{\"aid\":\"cancel_order\",\"user_id\":\"alice\",\"order_id\":\"f1\"}",
        "{\"aid\":\"req_transfer\",\"future_account\":\"alice\",\"currency\":\"CNY\",\"amount\":10}",
        "{\"aid\":\"set_chart\",\"chart_id\":\"c\",\"ins_list\":\"SHFE.cu2512\",\"duration\":60000000000,"
            + "\"view_width\":100}",
        "{\"aid\":\"confirm_settlement\"}",
    };
    private static final String ALPHABET = "{}[]\":,0123456789.-eE+ntrufals\\abcxyz_ \u00e9\u4e2d";

    @TempDir
    Path dir;

    @Test
    void shouldStayUpAndApplyNothingWhenFramesAreFuzzed() throws Exception {
        try (ExchangeServer server = ExchangeServer.start(ExchangeServerIT.config(dir));
             DiffTestClient bystander = loggedIn(DiffTestClient.connect(server), "bob", "bob123");
             DiffTestClient fuzzer = DiffTestClient.connect(server)) {
            fuzzer.await("the public snapshot", c -> c.at("ins_list") != null);
            long[] before = new long[1];
            server.core().await(state -> before[0] = state.stateHash(), 10_000);
            long sequence = server.core().appliedSequence();
            Random random = new Random(20261207L);
            int sent = 0;
            while (sent < FRAMES && fuzzer.trySend(frame(random))) {
                if (++sent % 200 == 0) {
                    fuzzer.drain(1);
                }
            }
            assertThat(sent == FRAMES || fuzzer.closed.isDone()).as("sent %d frames", sent).isTrue();
            if (!fuzzer.closed.isDone()) {
                fuzzer.send("{\"aid\":\"no_such_aid_at_the_end\"}");
                fuzzer.await("the last frame answered", c -> c.closed.isDone() || c.notifies.stream()
                        .anyMatch(n -> n.toString().contains("no_such_aid_at_the_end")));
            }
            if (fuzzer.closed.isDone()) {
                assertThat(fuzzer.closed.get()).matches("10\\d\\d .+");
            }
            long[] after = new long[1];
            server.core().await(state -> after[0] = state.stateHash(), 10_000);
            assertThat(after[0]).isEqualTo(before[0]);
            assertThat(server.core().appliedSequence()).isEqualTo(sequence);
            assertThat(fuzzer.hasNotifyCode(RejectCode.DIFF_MALFORMED_JSON.code())
                    || fuzzer.closed.isDone()).isTrue();
            bystander.send(insert("bob", "b1", "SELL", "71000", 1));
            bystander.await("the bystander trades on", c -> "ALIVE".equals(c.text("trade", "bob", "orders", "b1",
                    "status")));
            assertThat(ExchangeServerIT.health(server)).contains("\"status\":\"UP\"");
        }
    }

    private static String frame(Random random) {
        switch (random.nextInt(6)) {
            case 0:
                return "[".repeat(300 + random.nextInt(300)) + "]".repeat(random.nextInt(300));
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
}
