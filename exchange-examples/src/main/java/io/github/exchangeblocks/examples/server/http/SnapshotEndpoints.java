package io.github.exchangeblocks.examples.server.http;

import io.github.exchangeblocks.api.RejectCode;

import java.util.List;

/**
 * The operator's snapshot request: {@code POST /api/admin/snapshot} asks the engine to write a snapshot of the whole
 * state now (between snapshot intervals, say before a planned restart, so that the restart replays a short journal
 * tail). On a local core the snapshot is written in order with the commands, before the answer: it holds every
 * command acknowledged before the request, and the answer's {@code applied_sequence} (the journal sequence applied
 * when it was read, which other clients' commands may have moved past the snapshot's own) bounds it. On a cluster
 * replica every member is asked to take one, asynchronously.
 */
final class SnapshotEndpoints {
    private final ApiContext context;

    private SnapshotEndpoints(ApiContext context) {
        this.context = context;
    }

    static void register(Router router, ApiContext context) {
        SnapshotEndpoints e = new SnapshotEndpoints(context);
        router.add("POST", "/api/admin/snapshot", Access.ADMIN, "Writes a snapshot of the whole state now (a cluster"
                + " asks every member to take one)", List.of(), List.of(), e::snapshot);
    }

    private void snapshot(ApiCall call) {
        RejectCode refused = context.core.requestSnapshot();
        if (refused != null) {
            call.fail(CoreCalls.refusal(refused));
            return;
        }
        // Runs after the snapshot request on the engine thread: on a local core the snapshot is written by then.
        context.calls.read(call, state -> Json.object().put("requested", true)
                .put("applied_sequence", context.core.appliedSequence()));
    }
}
