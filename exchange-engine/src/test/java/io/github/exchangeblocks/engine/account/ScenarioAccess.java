package io.github.exchangeblocks.engine.account;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomDistribution;

/** Lets tests in other packages build a book from the random operations of {@link Scenario}. */
public final class ScenarioAccess {
    private ScenarioAccess() {
    }

    /**
     * Random operation lists, each operation five ints (kind, then four raw parameters).
     *
     * @return the arbitrary
     */
    public static Arbitrary<List<int[]>> operations() {
        Arbitrary<int[]> op = Arbitraries.integers().withDistribution(RandomDistribution.uniform())
                .array(int[].class).ofSize(5);
        return op.list().ofMinSize(30).ofMaxSize(80);
    }

    /**
     * Runs the operations through a scenario (checking it against the oracle) and returns its book.
     *
     * @param ops operations from {@link #operations()}
     * @return the book
     */
    public static AccountBook run(List<int[]> ops) {
        Scenario scenario = new Scenario();
        for (int[] op : ops) {
            int kind = Math.floorMod(op[0], 20);
            int mapped = kind < 3 ? 0 : kind < 4 ? 1 : kind < 11 ? 2 : kind < 13 ? 3 : kind < 15 ? 4 : kind < 19 ? 5 : 6;
            scenario.apply(new Scenario.Op(mapped, op[1], op[2], op[3], op[4]));
        }
        scenario.assertMatchesOracle();
        return scenario.book;
    }
}
