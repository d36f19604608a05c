package io.github.exchangeblocks.engine.account;

import io.github.exchangeblocks.api.instrument.Rounding;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.statistics.Statistics;

/**
 * Random book command streams (limit and market orders, opens and closes, amends up and down, cancels, partial
 * cancels by decrement-and-cancel self-trade prevention) drive a real order book and the accounts together, under
 * every combination of the venue conventions; see {@link BookAndAccounts} for what is checked after every step.
 */
class BookAndAccountsProperties {

    @Provide
    Arbitrary<List<int[]>> commands() {
        Arbitrary<int[]> command = Arbitraries.integers().withDistribution(RandomDistribution.uniform())
                .array(int[].class).ofSize(4);
        return command.list().ofMinSize(30).ofMaxSize(120);
    }

    @Provide
    Arbitrary<AccountConventions> conventions() {
        Arbitrary<Rounding> rounding = Arbitraries.of(Rounding.class);
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        return Combinators.combine(rounding, rounding, flag, flag, flag).as((c, m, freeze, retain, once) ->
                AccountConventions.builder().commissionRounding(c).marginRounding(m).freezeCloseCommission(freeze)
                        .retainFlatPositions(retain).roundMixedCloseOnce(once).build());
    }

    @Property(tries = 250, edgeCases = EdgeCasesMode.NONE)
    void shouldKeepBookAndAccountsInStepWhenDrivenTogether(@ForAll("commands") List<int[]> commands,
            @ForAll("conventions") AccountConventions conventions) {
        BookAndAccounts venue = new BookAndAccounts(conventions);
        for (int[] c : commands) {
            venue.apply(c[0], c[1], c[2], c[3]);
            venue.assertAgree();
        }
        Statistics.label("traded").collect(venue.trades > 0);
        Statistics.label("traded").coverage(k -> k.check(true).percentage(p -> p >= 80));
        Statistics.label("partial cancels").collect(venue.partialCancels > 0);
        Statistics.label("partial cancels").coverage(k -> k.check(true).percentage(p -> p >= 20));
        Statistics.label("amends").collect(venue.amends > 0);
        Statistics.label("amends").coverage(k -> k.check(true).percentage(p -> p >= 50));
        Statistics.label("market orders").collect(venue.marketOrders > 0);
        Statistics.label("market orders").coverage(k -> k.check(true).percentage(p -> p >= 50));
        Statistics.label("closes").collect(venue.closes > 0);
        Statistics.label("closes").coverage(k -> k.check(true).percentage(p -> p >= 30));
    }
}
