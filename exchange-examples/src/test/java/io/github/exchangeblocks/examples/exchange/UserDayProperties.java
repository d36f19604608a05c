package io.github.exchangeblocks.examples.exchange;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's day answers "is this client order id taken?" exactly as a {@link HashSet} of the day's ids does, with
 * the real fingerprint and with weak ones under which most different ids share a fingerprint, and with counter
 * windows small enough that counter-like ids go both to the counter and to the fingerprints.
 */
class UserDayProperties {

    @Property(tries = 300)
    void takenIdsAgreeWithASetOfTheDaysIds(@ForAll("ids") List<String> ids, @ForAll("fingerprints") int which,
                                           @ForAll("windows") int window) {
        ToLongFunction<String> fingerprint = switch (which) {
            case 0 -> UserDay::fingerprint;
            case 1 -> id -> id.length() % 3;
            default -> id -> 7;
        };
        UserDay day = new UserDay("alice", 0, fingerprint, new CounterIds(window, window / 16));
        Set<String> oracle = new HashSet<>();
        for (int round = 0; round < 2; round++) {
            for (String id : ids) {
                OrderRecord order = record(id);
                boolean added = day.add(order);
                assertThat(added).as("add(%s)", id).isEqualTo(oracle.add(id));
                assertThat(day.orders).hasSize(oracle.size());
                if (added) {
                    assertThat(day.orders.get(day.orders.size() - 1)).isSameAs(order);
                }
            }
            day.clear();
            oracle.clear();
            assertThat(day.orders).isEmpty();
        }
    }

    @Property(tries = 50)
    void workingOrdersAreFoundUntilFinished(@ForAll("ids") List<String> ids) {
        UserDay day = new UserDay("alice", 0);
        Set<String> working = new HashSet<>();
        for (String id : ids) {
            OrderRecord order = record(id);
            if (day.add(order)) {
                day.working(order);
                working.add(id);
            } else if (working.remove(id)) {
                day.finished(day.workingOrder(id));
            }
            for (String probe : ids) {
                assertThat(day.workingOrder(probe) != null).as("working %s", probe).isEqualTo(working.contains(probe));
            }
        }
    }

    @Provide
    Arbitrary<List<String>> ids() {
        Arbitrary<String> any = Arbitraries.strings().withChars("ab1\u00e9").ofMinLength(1).ofMaxLength(4);
        Arbitrary<String> counters = Arbitraries.longs().between(0, 300).flatMap(number -> Arbitraries.of(
                "o" + number, "o0" + number, "a" + number, String.valueOf(number)));
        return Arbitraries.oneOf(any, counters).list().ofMaxSize(60);
    }

    @Provide
    Arbitrary<Integer> windows() {
        return Arbitraries.of(64, 128, (int) CounterIds.DEFAULT_WINDOW);
    }

    @Provide
    Arbitrary<Integer> fingerprints() {
        return Arbitraries.integers().between(0, 2);
    }

    private static OrderRecord record(String clientOrderId) {
        return new OrderRecord("alice", clientOrderId, "SHFE.cu2512", Side.BUY, Offset.OPEN, OrderType.LIMIT,
                TimeInForce.GTC, 70_000, 1, 0);
    }
}
