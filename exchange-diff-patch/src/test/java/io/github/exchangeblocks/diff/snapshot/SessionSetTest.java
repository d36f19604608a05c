package io.github.exchangeblocks.diff.snapshot;

import io.github.exchangeblocks.diff.codec.SubscribeQuote;
import io.github.exchangeblocks.diff.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionSetTest {
    private final List<Long> delivered = new ArrayList<>();

    private DiffSession parked(long id, RtnDataListener listener) {
        DiffSession session = new DiffSession(id, listener, 8);
        session.peek();
        return session;
    }

    @Test
    void shouldSkipSessionRemovedByListenerWhenDelivering() {
        SessionSet set = new SessionSet();
        DiffSession[] sessions = new DiffSession[3];
        sessions[0] = parked(1, (s, p) -> {
            delivered.add(s.id());
            set.remove(sessions[1]);
            set.add(sessions[2]);
        });
        sessions[1] = parked(2, (s, p) -> delivered.add(s.id()));
        sessions[2] = parked(3, (s, p) -> delivered.add(s.id()));
        set.add(sessions[0]);
        set.add(sessions[1]);

        set.deliverToAll(new JsonObject().put("x", 1));

        assertThat(delivered).containsExactly(1L);
        assertThat(set.contains(sessions[2])).isTrue();
        assertThat(set.size()).isEqualTo(2);
    }

    @Test
    void shouldDeliverToEveryoneAndRethrowFirstWhenListenersThrow() {
        SessionSet set = new SessionSet();
        set.add(parked(1, (s, p) -> {
            throw new IllegalStateException("first");
        }));
        set.add(parked(2, (s, p) -> delivered.add(s.id())));
        set.add(parked(3, (s, p) -> {
            throw new IllegalStateException("second");
        }));

        assertThatThrownBy(() -> set.deliverToAll(new JsonObject().put("x", 1)))
                .hasMessage("first")
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
        assertThat(delivered).containsExactly(2L);
    }

    @Test
    void shouldLeaveEveryIndexWhenClosingManySessionsOfOneInstrument() {
        DiffSnapshotManager manager = new DiffSnapshotManager();
        List<DiffSession> sessions = new ArrayList<>();
        SubscribeQuote subscribe = new SubscribeQuote("SHFE.cu2512", List.of("SHFE.cu2512"));
        for (int i = 0; i < 5_000; i++) {
            DiffSession session = manager.openSession((s, p) -> { });
            manager.subscribeQuotes(session, subscribe);
            manager.login(session, "u1");
            sessions.add(session);
        }
        ClientReplica survivor = new ClientReplica();
        DiffSession last = manager.openSession(survivor);
        manager.subscribeQuotes(last, subscribe);
        last.peek();
        last.peek();

        sessions.forEach(manager::closeSession);
        manager.pushQuote("SHFE.cu2512", new JsonObject().put("last_price", 1));

        assertThat(sessions).allMatch(DiffSession::isClosed);
        assertThat(survivor.answers).hasSize(2);
        assertThat(survivor.snapshot).isEqualTo(manager.entitledSnapshot(last));
    }
}
