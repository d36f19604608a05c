package io.github.exchangeblocks.engine.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Checks that the random operation mix used by the properties really reaches closes, settlements and rejects. */
class ScenarioCoverageTest {
    /** The same weights as the properties: deposit 3, withdraw 1, trade 6, fill more 2, cancel 2, mark 3, settle 1. */
    private static final int[] MIX = {0, 0, 0, 1, 2, 2, 2, 2, 2, 2, 3, 3, 4, 4, 5, 5, 5, 6};

    @Test
    void shouldExerciseOpensClosesSettlementsAndRejectsWhenSequencesAreRandom() {
        Random random = new Random(42);
        int openFills = 0;
        int closeFills = 0;
        int settlements = 0;
        int rejected = 0;
        for (int run = 0; run < 30; run++) {
            Scenario scenario = new Scenario();
            for (int step = 0; step < 80; step++) {
                int kind = MIX[random.nextInt(MIX.length)];
                scenario.apply(new Scenario.Op(kind, random.nextInt(),
                        random.nextInt(), random.nextInt(), random.nextInt()));
                scenario.assertMatchesOracle();
            }
            openFills += scenario.openFills;
            closeFills += scenario.closeFills;
            settlements += scenario.settlements;
            rejected += scenario.rejectedOrders;
        }
        String counts = "open=" + openFills + " close=" + closeFills + " settlements=" + settlements
                + " rejected=" + rejected;
        assertThat(openFills).as(counts).isGreaterThan(100);
        assertThat(closeFills).as(counts).isGreaterThan(50);
        assertThat(settlements).isGreaterThan(30);
        assertThat(rejected).as(counts).isGreaterThan(30);
    }
}
