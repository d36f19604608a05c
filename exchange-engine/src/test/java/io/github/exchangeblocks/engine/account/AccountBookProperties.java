package io.github.exchangeblocks.engine.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import io.github.exchangeblocks.api.instrument.Rounding;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.statistics.Statistics;

/**
 * Random sequences of deposits, withdrawals, paired orders and fills, cancels, reduces, amends, price updates and
 * settlements over several accounts and three instruments (one per close rule), under random venue conventions
 * (every combination of commission and margin rounding and the three flags is reachable; the main property checks
 * that each rounding and flag value is drawn).
 */
class AccountBookProperties {

    @Provide
    Arbitrary<List<Scenario.Op>> operations() {
        Arbitrary<Integer> kind = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(3, 0), net.jqwik.api.Tuple.of(1, 1), net.jqwik.api.Tuple.of(6, 2),
                net.jqwik.api.Tuple.of(2, 3), net.jqwik.api.Tuple.of(2, 4), net.jqwik.api.Tuple.of(3, 5),
                net.jqwik.api.Tuple.of(1, 6), net.jqwik.api.Tuple.of(2, 7), net.jqwik.api.Tuple.of(2, 8));
        Arbitrary<Integer> any = Arbitraries.integers().withDistribution(RandomDistribution.uniform());
        Arbitrary<Scenario.Op> op = Combinators.combine(kind, any, any, any, any).as(Scenario.Op::new);
        return op.list().ofMinSize(20).ofMaxSize(100);
    }

    /**
     * Every combination of the conventions: 3 commission roundings x 3 margin roundings x 2 x 2 x 2 flags.
     *
     * @return the arbitrary
     */
    @Provide
    Arbitrary<AccountConventions> conventions() {
        Arbitrary<Rounding> rounding = Arbitraries.of(Rounding.class);
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        return Combinators.combine(rounding, rounding, flag, flag, flag).as((c, m, freeze, retain, once) ->
                AccountConventions.builder().commissionRounding(c).marginRounding(m).freezeCloseCommission(freeze)
                        .retainFlatPositions(retain).roundMixedCloseOnce(once).build());
    }

    @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
    void shouldAgreeWithOracleKeepIdentitiesAndConserveMoneyAfterEveryStep(
            @ForAll("operations") List<Scenario.Op> ops, @ForAll("conventions") AccountConventions conventions) {
        Scenario scenario = new Scenario(conventions);
        for (Scenario.Op op : ops) {
            scenario.apply(op);
            scenario.assertMatchesOracle();
        }
        Statistics.label("closing fills").collect(scenario.closeFills > 0);
        Statistics.label("closing fills").coverage(c -> c.check(true).percentage(p -> p >= 15));
        Statistics.label("settled").collect(scenario.settlements > 0);
        Statistics.label("settled").coverage(c -> c.check(true).percentage(p -> p >= 30));
        Statistics.label("amended").collect(scenario.amends > 0);
        Statistics.label("amended").coverage(c -> c.check(true).percentage(p -> p >= 30));
        Statistics.label("reduced").collect(scenario.reduces > 0);
        Statistics.label("reduced").coverage(c -> c.check(true).percentage(p -> p >= 30));
        Statistics.label("commission rounding").collect(conventions.commissionRounding());
        Statistics.label("commission rounding").coverage(c -> {
            for (Rounding r : Rounding.values()) {
                c.check(r).count(n -> n > 0);
            }
        });
        Statistics.label("flags").collect(conventions.freezeCloseCommission(), conventions.retainFlatPositions(),
                conventions.roundMixedCloseOnce());
    }

    @Property(tries = 3000, edgeCases = EdgeCasesMode.NONE)
    @Tag("slow")
    void shouldAgreeWithOracleOverLongSequencesWhenRunSlow(@ForAll("longOperations") List<Scenario.Op> ops,
            @ForAll("conventions") AccountConventions conventions) {
        Scenario scenario = new Scenario(conventions);
        for (Scenario.Op op : ops) {
            scenario.apply(op);
            scenario.assertMatchesOracle();
        }
    }

    @Provide
    Arbitrary<List<Scenario.Op>> longOperations() {
        return operations().flatMap(first -> operations().list().ofSize(4).map(rest -> {
            List<Scenario.Op> all = new ArrayList<>(first);
            rest.forEach(all::addAll);
            return all;
        }));
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void shouldGiveSameStateHashWhenSameSequenceIsReplayed(@ForAll("operations") List<Scenario.Op> ops) {
        Scenario first = new Scenario();
        Scenario second = new Scenario();
        List<Long> hashes = new ArrayList<>();
        for (Scenario.Op op : ops) {
            first.apply(op);
            hashes.add(first.book.stateHash());
        }
        for (int i = 0; i < ops.size(); i++) {
            second.apply(ops.get(i));
            assertThat(second.book.stateHash()).isEqualTo(hashes.get(i));
        }
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void shouldRestoreSameStateAndEventOrderWhenSnapshotIsReadBack(@ForAll("operations") List<Scenario.Op> ops,
            @ForAll("conventions") AccountConventions conventions) {
        Scenario scenario = new Scenario(conventions);
        for (Scenario.Op op : ops) {
            scenario.apply(op);
            byte[] bytes = scenario.book.snapshot();
            AccountBook restored = AccountBook.restore(bytes, scenario.registry,
                    io.github.exchangeblocks.engine.risk.RiskChain.none());
            assertThat(restored.stateHash()).isEqualTo(scenario.book.stateHash());
            assertThat(restored.conventions()).isEqualTo(conventions);
            assertThat(restored.snapshot()).isEqualTo(bytes);
            AccountIdentities.assertConsistent(restored);
        }
        AccountBook restored = AccountBook.restore(scenario.book.snapshot(), scenario.registry,
                io.github.exchangeblocks.engine.risk.RiskChain.none());
        List<String> originalEvents = record(scenario.book);
        List<String> restoredEvents = record(restored);
        for (int i = 0; i < scenario.registry.size(); i++) {
            scenario.book.markPrice(i, 5000 + i);
            restored.markPrice(i, 5000 + i);
        }
        assertThat(restoredEvents).isEqualTo(originalEvents);
        assertThat(restored.stateHash()).isEqualTo(scenario.book.stateHash());
    }

    private static List<String> record(AccountBook book) {
        List<String> events = new ArrayList<>();
        book.changeListener(new io.github.exchangeblocks.api.account.AccountChangeListener() {
            @Override
            public void onAccountChanged(int accountId) {
                events.add("a" + accountId);
            }

            @Override
            public void onPositionChanged(int accountId, int instrumentIndex) {
                events.add("p" + accountId + "/" + instrumentIndex);
            }
        });
        return events;
    }
}
