package io.github.exchangeblocks.engine.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The price ladder against a TreeMap: levels added and removed around a drifting centre, so occupied ticks wrap
 * around the ladder's array many times and the span sometimes outgrows it. After every step best, worst, lookups
 * and the walk in both directions must agree with the sorted map.
 */
class BookSideProperties {

    @Property(tries = 200)
    void shouldAgreeWithASortedMapWhenPricesDriftAndWrap(
        @ForAll boolean bid,
        @ForAll @Size(min = 50, max = 400) List<@IntRange(min = -40, max = 40) Integer> moves,
        @ForAll @IntRange(min = 1, max = 7) int tick) {
        BookSide side = new BookSide(bid ? Side.BUY : Side.SELL, new Granularity(tick), 1, new OrderStore(0));
        TreeSet<Long> model = new TreeSet<>();
        long centre = 1_000;
        for (int move : moves) {
            centre += move % 7;
            long price = (centre + move) * tick;
            int existing = side.find(price);
            assertThat(existing != BookSide.NONE).isEqualTo(model.contains(price));
            if (existing == BookSide.NONE) {
                int created = side.findOrCreate(price);
                assertThat(side.price(created)).isEqualTo(price);
                assertThat(side.orderCount(created)).isZero();
                model.add(price);
            } else if (move % 2 == 0) {
                assertThat(side.price(existing)).isEqualTo(price);
                model.remove(price);
                side.remove(existing);
            }
            // Keep the span bounded like the book does, dropping the level farthest from the centre.
            while (!model.isEmpty() && model.last() - model.first() > 150L * tick) {
                long far = Math.abs(model.first() - centre * tick) > Math.abs(model.last() - centre * tick)
                    ? model.first() : model.last();
                model.remove(far);
                side.remove(side.find(far));
            }
            assertThat(walk(side)).isEqualTo(expected(model, bid));
        }
    }

    private static List<Long> walk(BookSide side) {
        List<Long> prices = new ArrayList<>();
        for (int level = side.best(); level != BookSide.NONE; level = side.worse(level)) {
            prices.add(side.price(level));
        }
        List<Long> back = new ArrayList<>();
        for (int level = side.worst(); level != BookSide.NONE; level = side.better(level)) {
            back.add(0, side.price(level));
        }
        assertThat(back).isEqualTo(prices);
        assertThat(side.size()).isEqualTo(prices.size());
        return prices;
    }

    private static List<Long> expected(TreeSet<Long> model, boolean bid) {
        return new ArrayList<>(bid ? model.descendingSet() : model);
    }
}
