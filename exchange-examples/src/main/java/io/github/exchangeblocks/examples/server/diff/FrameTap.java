package io.github.exchangeblocks.examples.server.diff;

import io.github.exchangeblocks.diff.json.JsonObject;

import java.util.List;

/**
 * Sees every {@code rtn_data} a DIFF connection writes, just before it is encoded: for tests that keep a
 * server-side copy of what each session was sent, and for diagnostics. Install one with {@link DiffGateway#tap}.
 */
@FunctionalInterface
public interface FrameTap {

    /**
     * One {@code rtn_data} frame. Called on the connection's I/O thread, frames of one session in the order they are
     * written; it must not block and must not change the patches.
     *
     * @param sessionId the session's id ({@code DiffSession.id()}), or 0 before the session opened
     * @param patches   the frame's {@code data}, in order
     */
    void onFrame(long sessionId, List<JsonObject> patches);
}
