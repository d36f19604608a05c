package io.github.exchangeblocks.diff.snapshot;

import io.github.exchangeblocks.diff.json.JsonObject;
import io.github.exchangeblocks.diff.json.JsonValue;
import io.github.exchangeblocks.diff.patch.MergePatch;

import java.util.ArrayList;
import java.util.List;

/** A test client: applies every answer to its copy of the snapshot, as a DIFF client does. Single-threaded. */
final class ClientReplica implements RtnDataListener {
    JsonValue snapshot = new JsonObject();
    final List<List<JsonObject>> answers = new ArrayList<>();

    @Override
    public void onRtnData(DiffSession session, List<JsonObject> patches) {
        answers.add(patches);
        for (JsonObject patch : patches) {
            snapshot = MergePatch.apply(snapshot, patch);
        }
    }
}
