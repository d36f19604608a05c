package io.github.exchangeblocks.diff.snapshot;

import io.github.exchangeblocks.diff.json.JsonObject;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link SessionSet} against a {@link LinkedHashSet} oracle: same membership, same delivery order, every step. */
class SessionSetProperties {

    @Property(tries = 500)
    void shouldMatchLinkedHashSetWhenAddingAndRemovingAtRandom(
            @ForAll @Size(max = 300) List<@IntRange(min = -40, max = 39) Integer> operations) {
        List<DiffSession> sessions = new ArrayList<>();
        List<DiffSession> delivered = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sessions.add(new DiffSession(i + 1L, (s, patches) -> delivered.add(s), 8));
        }
        SessionSet set = new SessionSet();
        LinkedHashSet<DiffSession> oracle = new LinkedHashSet<>();
        for (int operation : operations) {
            if (operation >= 0) {
                DiffSession session = sessions.get(operation);
                assertThat(set.add(session)).isEqualTo(oracle.add(session));
            } else {
                DiffSession session = sessions.get(-operation - 1);
                assertThat(set.remove(session)).isEqualTo(oracle.remove(session));
            }
            assertThat(set.size()).isEqualTo(oracle.size());
            for (DiffSession session : sessions) {
                assertThat(set.contains(session)).isEqualTo(oracle.contains(session));
            }
        }
        for (DiffSession session : sessions) {
            session.peek();
        }
        delivered.clear();

        set.deliverToAll(new JsonObject().put("x", 1));

        assertThat(delivered).containsExactlyElementsOf(oracle);
    }
}
