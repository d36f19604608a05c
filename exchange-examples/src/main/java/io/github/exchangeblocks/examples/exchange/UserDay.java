package io.github.exchangeblocks.examples.exchange;

import it.unimi.dsi.fastutil.objects.Object2ObjectOpenHashMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A user's orders and trades of the current trading day, by client order id and in arrival order. */
final class UserDay {
    final String user;
    final int accountId;
    /** Open addressing: no entry object per order. */
    final Map<String, OrderRecord> byClientId = new Object2ObjectOpenHashMap<>();
    final List<OrderRecord> orders = new ArrayList<>();
    final List<TradeRecord> trades = new ArrayList<>();

    UserDay(String user, int accountId) {
        this.user = user;
        this.accountId = accountId;
    }

    void clear() {
        byClientId.clear();
        orders.clear();
        trades.clear();
    }
}
