package io.github.exchangeblocks.examples.server.channels;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a client builds from {@code @depth}: a snapshot, then each delta applied only if its {@code U} is exactly
 * the last {@code u} + 1 (a break is recorded, never papered over). Prices as the decimal strings sent.
 */
final class BookReplica {
    final Map<String, Long> bids = new TreeMap<>();
    final Map<String, Long> asks = new TreeMap<>();
    long lastUpdateId = -1;
    int applied;
    String broken;

    /** Applies one {@code @depth} message. */
    void apply(JsonNode message) {
        String type = message.get("type").asText();
        if ("snapshot".equals(type)) {
            bids.clear();
            asks.clear();
            put(bids, message.get("bids"));
            put(asks, message.get("asks"));
            lastUpdateId = message.get("lastUpdateId").asLong();
        } else if ("delta".equals(type)) {
            long first = message.get("U").asLong();
            if (lastUpdateId < 0 || first != lastUpdateId + 1) {
                if (broken == null) {
                    broken = "delta U=" + first + " after u=" + lastUpdateId;
                }
                return;
            }
            put(bids, message.get("bids"));
            put(asks, message.get("asks"));
            lastUpdateId = message.get("u").asLong();
        } else if ("resync".equals(type)) {
            lastUpdateId = -1;
        }
        applied++;
    }

    private static void put(Map<String, Long> side, JsonNode levels) {
        for (JsonNode level : levels) {
            long quantity = level.get(1).asLong();
            if (quantity == 0) {
                side.remove(level.get(0).asText());
            } else {
                side.put(level.get(0).asText(), quantity);
            }
        }
    }
}
