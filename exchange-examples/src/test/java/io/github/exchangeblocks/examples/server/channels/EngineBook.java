package io.github.exchangeblocks.examples.server.channels;

import io.github.exchangeblocks.api.book.DepthSnapshot;
import io.github.exchangeblocks.engine.venue.VenueView;
import io.github.exchangeblocks.examples.server.ExchangeServer;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The engine's book of one instrument as a channel client writes it (prices as the decimal strings sent), with the
 * depth mirror's update id it goes with, both read in one engine query.
 *
 * @param updateId the depth mirror's last update id
 * @param bids     quantity by price
 * @param asks     quantity by price
 */
record EngineBook(long updateId, Map<String, Long> bids, Map<String, Long> asks) {
    /** Reads the book of {@code instrument} on the engine thread (waits up to 10 s). */
    static EngineBook read(ExchangeServer server, String instrument) {
        AtomicReference<EngineBook> book = new AtomicReference<>();
        server.core().await(state -> {
            VenueView venue = state.venue();
            int index = venue.registry().indexOf(instrument);
            DepthSnapshot depth = venue.book(index).depth(new DepthSnapshot(10_000));
            Map<String, Long> bids = new TreeMap<>();
            Map<String, Long> asks = new TreeMap<>();
            var spec = venue.registry().get(index).spec();
            for (int i = 0; i < depth.bidLevels(); i++) {
                bids.put(MessageWriter.price(spec, depth.bidPrice(i)), depth.bidQuantity(i));
            }
            for (int i = 0; i < depth.askLevels(); i++) {
                asks.put(MessageWriter.price(spec, depth.askPrice(i)), depth.askQuantity(i));
            }
            book.set(new EngineBook(venue.marketData(index).depth().lastUpdateId(), bids, asks));
        }, 10_000);
        return book.get();
    }
}
