package io.github.exchangeblocks.examples.server.http;

import io.github.exchangeblocks.api.settlement.AccountStatement;
import io.github.exchangeblocks.api.settlement.PositionStatement;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Pins the archived statements' format, version 1: {@code golden/statements-v1.json} is never rewritten; a new format
 * gets a new version and a new file, and this one must still read.
 */
class StatementFileGoldenTest {
    static final String GOLDEN = "/golden/statements-v1.json";

    static List<AccountStatement> statements() {
        return List.of(
                new AccountStatement(20261207, 0, "alice", 100_000_000, 25_055, 0, -1_500, 600, 2_250, 100_024_705,
                        3_510_000, 96_514_705, 3_509_132, List.of(
                        new PositionStatement("SHFE.cu2512", 7_020, 2, 0, 2_250, 3_510_000, 0))),
                new AccountStatement(20261207, 1, "bob\u4e2d", 0, 0, 0, 0, 0, 0, 0, 0, 0, Long.MAX_VALUE,
                        List.of()));
    }

    @Test
    void shouldWriteExactlyTheGoldenBytesAndReadThemBackWhenVersion1() throws Exception {
        byte[] golden;
        try (InputStream in = getClass().getResourceAsStream(GOLDEN)) {
            assertThat(in).as(GOLDEN).isNotNull();
            golden = in.readAllBytes();
        }
        assertThat(new String(StatementFile.write(20261207, statements()), StandardCharsets.UTF_8))
                .isEqualTo(new String(golden, StandardCharsets.UTF_8).strip());
        assertThat(StatementFile.read(golden)).isEqualTo(statements());
    }

    @Test
    void shouldRefuseAnotherFormatOrVersionOrAFieldOfTheWrongType() {
        assertThatThrownBy(() -> StatementFile.read("{\"format\":\"x\",\"version\":1}".getBytes()))
                .hasMessageContaining("version 1");
        assertThatThrownBy(() -> StatementFile.read(("{\"format\":\"exchange-blocks-statements\",\"version\":2,"
                + "\"trading_day\":1,\"statements\":[]}").getBytes())).hasMessageContaining("version 1");
        assertThatThrownBy(() -> StatementFile.read(("{\"format\":\"exchange-blocks-statements\",\"version\":1,"
                + "\"trading_day\":1.5,\"statements\":[]}").getBytes())).hasMessageContaining("trading_day");
        assertThatThrownBy(() -> StatementFile.read("not json".getBytes())).hasMessageContaining("not a statements");
    }
}
