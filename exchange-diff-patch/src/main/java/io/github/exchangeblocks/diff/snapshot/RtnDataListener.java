package io.github.exchangeblocks.diff.snapshot;

import io.github.exchangeblocks.diff.json.JsonObject;

import java.util.List;

/**
 * Receives the answer to a session's peek: the merge patches of one {@code rtn_data}, to be written to the client
 * in order (for example with {@link io.github.exchangeblocks.diff.codec.RtnDataWriter}).
 *
 * <p>Called at most once per peek, never with an empty list, on the thread that made the answer possible: the
 * consumer thread calling {@link DiffSession#peek()} when something was pending, otherwise the producer (engine)
 * thread when it pushes the change that completes a parked peek. Implementations must hand the write off without
 * blocking (for example enqueue it on the connection's event loop), or they stall that thread.
 */
@FunctionalInterface
public interface RtnDataListener {
    /**
     * One answer for a peek.
     *
     * @param session the session the answer is for
     * @param patches one or two object patches to apply in order; owned by the listener from now on, not mutated
     *                by the manager afterwards
     */
    void onRtnData(DiffSession session, List<JsonObject> patches);
}
