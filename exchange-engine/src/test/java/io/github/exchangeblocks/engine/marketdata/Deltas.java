package io.github.exchangeblocks.engine.marketdata;

import io.github.exchangeblocks.api.Side;
import java.util.ArrayList;
import java.util.List;

/** Collects depth delta batches as readable strings, for assertions. */
final class Deltas implements DepthDeltaVisitor {
    final List<String> lines = new ArrayList<>();

    @Override
    public void onBatch(long firstUpdateId, long lastUpdateId, int levels) {
        lines.add("U" + firstUpdateId + " u" + lastUpdateId + " n" + levels);
    }

    @Override
    public void onLevel(Side side, long price, long quantity, int orderCount) {
        lines.add(side + " " + quantity + "@" + price + "#" + orderCount);
    }
}
