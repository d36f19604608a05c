package io.github.exchangeblocks.diff.snapshot;

import io.github.exchangeblocks.diff.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotifyBoundTest {

    private static JsonObject note(int n) {
        return new JsonObject().put("type", "MESSAGE").put("level", "INFO").put("content", "n" + n);
    }

    @Test
    void shouldKeepNewestNotifiesAndCountDroppedWhenClientNeverPeeks() {
        DiffSnapshotManager manager = new DiffSnapshotManager(4);
        ClientReplica client = new ClientReplica();
        DiffSession session = manager.openSession(client);
        session.peek();

        for (int n = 1; n <= 10_000; n++) {
            manager.notify(session, note(n));
            if (n == 3) {
                assertThat(session.droppedNotifies()).isZero();
            }
        }
        assertThat(session.droppedNotifies()).isEqualTo(10_000 - 4);
        assertThat(client.answers).hasSize(1);

        session.peek();

        JsonObject notify = ((JsonObject) client.snapshot).getObject("notify");
        assertThat(notify.toString()).isEqualTo("{\"9997\":" + note(9997) + ",\"9998\":" + note(9998)
                + ",\"9999\":" + note(9999) + ",\"10000\":" + note(10_000) + "}");
    }

    @Test
    void shouldDropNothingWhenClientPeeksBetweenNotifies() {
        DiffSnapshotManager manager = new DiffSnapshotManager(1);
        ClientReplica client = new ClientReplica();
        DiffSession session = manager.openSession(client);
        session.peek();

        for (int n = 1; n <= 5; n++) {
            session.peek();
            manager.notify(session, note(n));
        }

        assertThat(session.droppedNotifies()).isZero();
        assertThat(((JsonObject) client.snapshot).getObject("notify").size()).isEqualTo(5);
    }

    @Test
    void shouldCountDroppedWhenDefaultBoundIsExceeded() {
        DiffSnapshotManager manager = new DiffSnapshotManager();
        DiffSession session = manager.openSession((s, p) -> { });
        for (int n = 0; n < DiffSnapshotManager.DEFAULT_MAX_PENDING_NOTIFIES + 3; n++) {
            manager.notify(session, note(n));
        }

        assertThat(session.droppedNotifies()).isEqualTo(3);
        assertThatThrownBy(() -> new DiffSnapshotManager(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxPendingNotifies=0 must be > 0");
    }
}
