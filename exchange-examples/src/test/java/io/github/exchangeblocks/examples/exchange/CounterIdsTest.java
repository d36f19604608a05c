package io.github.exchangeblocks.examples.exchange;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.github.exchangeblocks.examples.exchange.CounterIds.ADDED;
import static io.github.exchangeblocks.examples.exchange.CounterIds.NOT_HELD;
import static io.github.exchangeblocks.examples.exchange.CounterIds.TAKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which ids the counter holds, and that it answers for them as a set of the day's ids does. */
class CounterIdsTest {

    @Test
    void theFirstCounterIdFixesThePrefixAndTheWindow() {
        CounterIds ids = new CounterIds(128, 8);
        assertThat(ids.add("order")).as("no digits").isEqualTo(NOT_HELD);
        assertThat(ids.add("o100")).isEqualTo(ADDED);
        assertThat(ids.add("o100")).isEqualTo(TAKEN);
        assertThat(ids.add("o101")).isEqualTo(ADDED);
        assertThat(ids.add("o92")).as("the slack below the first number").isEqualTo(ADDED);
        assertThat(ids.add("o91")).as("below the window").isEqualTo(NOT_HELD);
        assertThat(ids.add("o219")).as("the window's last number").isEqualTo(ADDED);
        assertThat(ids.add("o220")).as("past the window").isEqualTo(NOT_HELD);
        assertThat(ids.add("o0100")).as("a leading zero").isEqualTo(NOT_HELD);
        assertThat(ids.add("x100")).as("another prefix").isEqualTo(NOT_HELD);
        assertThat(ids.add("oo100")).as("a longer prefix ending the same").isEqualTo(NOT_HELD);
        assertThat(ids.add("100")).as("no prefix").isEqualTo(NOT_HELD);
        assertThat(ids.add("o1234567890123456789")).as("19 digits").isEqualTo(NOT_HELD);
    }

    @Test
    void clearingStartsANewDaysCounter() {
        CounterIds ids = new CounterIds(128, 0);
        assertThat(ids.add("7")).isEqualTo(ADDED);
        assertThat(ids.add("x7")).isEqualTo(NOT_HELD);
        ids.clear();
        assertThat(ids.add("x7")).isEqualTo(ADDED);
        assertThat(ids.add("7")).isEqualTo(NOT_HELD);
        assertThat(ids.add("x0")).as("below a window without slack").isEqualTo(NOT_HELD);
    }

    @Test
    void theBitsGrowToTheWholeWindow() {
        CounterIds ids = new CounterIds(CounterIds.DEFAULT_WINDOW, 0);
        long last = CounterIds.DEFAULT_WINDOW - 1;
        assertThat(ids.add("c0")).isEqualTo(ADDED);
        assertThat(ids.add("c" + last)).isEqualTo(ADDED);
        assertThat(ids.add("c" + last)).isEqualTo(TAKEN);
        assertThat(ids.add("c" + (last + 1))).isEqualTo(NOT_HELD);
        for (int n = 1; n < 10_000; n++) {
            assertThat(ids.add("c" + n)).isEqualTo(ADDED);
        }
        assertThat(ids.add("c9999")).isEqualTo(TAKEN);
    }

    @Test
    void aBadWindowIsRefused() {
        assertThatThrownBy(() -> new CounterIds(100, 0)).hasMessageContaining("windowSize=100");
        assertThatThrownBy(() -> new CounterIds(64, 64)).hasMessageContaining("slack=64");
        assertThatThrownBy(() -> new CounterIds(64, -1)).hasMessageContaining("slack=-1");
    }

    /**
     * Every id is either always held or never (its home never changes during a day), and a held id is
     * {@link CounterIds#TAKEN} exactly when it was added before.
     */
    @Property(tries = 300)
    void heldIdsAnswerAsASetAndKeepTheirHome(@ForAll("ids") List<String> stream) {
        CounterIds ids = new CounterIds(64, 4);
        Set<String> seen = new HashSet<>();
        Map<String, Boolean> held = new HashMap<>();
        for (String id : stream) {
            int answer = ids.add(id);
            Boolean heldBefore = held.putIfAbsent(id, answer != NOT_HELD);
            if (heldBefore != null) {
                assertThat(answer != NOT_HELD).as("home of %s", id).isEqualTo(heldBefore);
            }
            if (answer != NOT_HELD) {
                assertThat(answer).as("add(%s)", id).isEqualTo(seen.add(id) ? ADDED : TAKEN);
            }
        }
    }

    @Provide
    Arbitrary<List<String>> ids() {
        Arbitrary<String> counters = Arbitraries.longs().between(0, 200).flatMap(number -> Arbitraries.of(
                "o" + number, "o0" + number, "p" + number, String.valueOf(number), "o" + number + "x"));
        return counters.list().ofMaxSize(80);
    }
}
