package io.github.exchangeblocks.examples.exchange;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ScriptedSessionTest {
    @TempDir
    Path dir;

    @Test
    void shouldPrintTheSessionAndRestartToTheSameHashWhenRun() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ScriptedSession.run(dir, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("ack #1 seq=12 OK accepted")
                .contains("trade bob/b1 #1 2 @ 7000 commission 600")
                .contains("order alice/a1 id=1 BUY OPEN 7000 left 1/3 FINISHED cancelled: USER")
                .contains("ack #3 seq=14 EXCHANGE_DUPLICATE_CLIENT_ORDER_ID")
                .contains("statement 20261207 alice: balance 100199400 margin 7020000")
                .contains("restarted from the journal: trading day 20261208")
                .containsPattern("state hash before stop [0-9a-f]{16}, after restart [0-9a-f]{16}: equal");
    }
}
