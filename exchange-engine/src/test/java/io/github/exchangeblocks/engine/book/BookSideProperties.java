package io.github.exchangeblocks.engine.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.exchangeblocks.api.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
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
        ObjectPools pools = new ObjectPools(0, 0);
        BookSide side = new BookSide(bid ? Side.BUY : Side.SELL, tick, 1);
        TreeMap<Long, PriceLevel> model = new TreeMap<>();
        long centre = 1_000;
        for (int move : moves) {
            centre += move % 7;
            long price = (centre + move) * tick;
            PriceLevel existing = side.find(price);
            assertThat(existing).isSameAs(model.get(price));
            if (existing == null) {
                model.put(price, side.findOrCreate(price, pools));
            } else if (move % 2 == 0) {
                model.remove(price);
                side.remove(existing, pools);
            }
            // Keep the span bounded like the book does, dropping the level farthest from the centre.
            while (!model.isEmpty() && model.lastKey() - model.firstKey() > 150L * tick) {
                long far = Math.abs(model.firstKey() - centre * tick) > Math.abs(model.lastKey() - centre * tick)
                    ? model.firstKey() : model.lastKey();
                side.remove(model.remove(far), pools);
            }
            assertThat(walk(side, bid)).isEqualTo(expected(model, bid));
        }
    }

    private static List<Long> walk(BookSide side, boolean bid) {
        List<Long> prices = new ArrayList<>();
        for (PriceLevel level = side.best(); level != null; level = side.worse(level.price)) {
            prices.add(level.price);
        }
        List<Long> back = new ArrayList<>();
        for (PriceLevel level = side.worst(); level != null; level = side.better(level.price)) {
            back.add(0, level.price);
        }
        assertThat(back).isEqualTo(prices);
        assertThat(side.size()).isEqualTo(prices.size());
        return prices;
    }

    private static List<Long> expected(TreeMap<Long, PriceLevel> model, boolean bid) {
        return new ArrayList<>(bid ? model.descendingKeySet() : model.navigableKeySet());
    }
}
