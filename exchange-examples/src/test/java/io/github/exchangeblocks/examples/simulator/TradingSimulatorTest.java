package io.github.exchangeblocks.examples.simulator;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class TradingSimulatorTest {

    private static String run(long seed) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long conserved = TradingSimulator.run(seed, 1_000, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(conserved).isZero();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPrintTheSameResultsAndConserveMoneyWhenRunTwiceWithOneSeed() {
        String first = run(7);
        assertThat(run(7)).isEqualTo(first);
        assertThat(first).contains("money conserved: true").containsPattern("taker fills= *[1-9]");
        assertThat(run(8)).isNotEqualTo(first);
    }
}
