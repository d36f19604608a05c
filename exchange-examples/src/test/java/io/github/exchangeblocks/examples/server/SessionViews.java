package io.github.exchangeblocks.examples.server;

import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.patch.MergePatch;
import io.github.exchangeblocks.examples.server.diff.FrameTap;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server-side copy of each session's snapshot: a {@link FrameTap} that applies every frame a connection writes,
 * with the library's RFC 7396 {@link MergePatch} over the server's own patch objects, and keeps the copy after each
 * frame (notifications left out: they are new members every time) until the client takes it. A test client compares its copy (built from the bytes it received, with TqSdk's merge) with the copy after
 * the same frame. Sessions are bound to clients in the order of their first frame, so clients connect one at a time.
 */
final class SessionViews implements FrameTap {
    private static final ConcurrentMap<ExchangeServer, SessionViews> BY_SERVER = new ConcurrentHashMap<>();

    private final Map<Long, ArrayDeque<JsonObject>> frames = new LinkedHashMap<>();
    private final Map<Long, JsonObject> current = new LinkedHashMap<>();
    private final List<Long> bound = new ArrayList<>();

    /** The views of a server, installing the tap the first time. */
    static SessionViews of(ExchangeServer server) {
        return BY_SERVER.computeIfAbsent(server, s -> {
            SessionViews views = new SessionViews();
            s.gateway().tap(views);
            return views;
        });
    }

    @Override
    public synchronized void onFrame(long sessionId, List<JsonObject> patches) {
        assertThat(sessionId).as("a frame before the session opened").isPositive();
        JsonObject view = current.computeIfAbsent(sessionId, id -> new JsonObject());
        for (JsonObject patch : patches) {
            MergePatch.applyInPlace(view, patch.deepCopy());
        }
        view.remove("notify");
        frames.computeIfAbsent(sessionId, id -> new ArrayDeque<>()).add(view.deepCopy());
    }

    /** Binds the oldest session that has frames and no client yet. */
    synchronized long bindNext() {
        for (Long id : frames.keySet()) {
            if (!bound.contains(id)) {
                bound.add(id);
                return id;
            }
        }
        throw new AssertionError("no unbound session has written a frame yet");
    }

    /** The session's copy after its oldest frame not taken yet (notifications left out), taken. */
    synchronized JsonObject next(long sessionId) {
        ArrayDeque<JsonObject> written = frames.get(sessionId);
        assertThat(written).as("frames of session %d", sessionId).isNotNull().isNotEmpty();
        return written.poll();
    }
}
