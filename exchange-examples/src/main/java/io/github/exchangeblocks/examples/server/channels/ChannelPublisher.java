package io.github.exchangeblocks.examples.server.channels;

import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.engine.instrument.Instrument;
import io.github.exchangeblocks.engine.marketdata.InstrumentMarketDataView;
import io.github.exchangeblocks.engine.venue.VenueView;
import io.github.exchangeblocks.examples.exchange.ExchangeListener;
import io.github.exchangeblocks.examples.exchange.ExchangeState;
import io.github.exchangeblocks.examples.exchange.OrderRecord;
import io.github.exchangeblocks.examples.exchange.TradeRecord;
import io.netty.buffer.ByteBuf;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The channel gateway's side of the engine thread: the core's {@link ExchangeListener}. It notes what changed
 * during a batch and, at the batch's end, encodes each channel update once (only for topics someone subscribes
 * to) and hands the batch to every I/O thread in one task ({@link Outbox}); it never blocks. Depth and trades of
 * every instrument go out together at most once per update interval ({@link ChannelsConfig#updateIntervalMs()}):
 * at the end of a batch when the interval since the last send has passed, else on the gateway's update tick, so
 * under a busy order flow each subscriber gets one flush per tick, not one per engine batch and symbol. It also
 * builds the snapshots subscribers ask for (through {@code ExchangeBackend.query}, so in order with the deltas; what
 * waited for the interval goes out first) and, on the gateway's timer, what the ticker and kline intervals held
 * back. Engine thread only.
 */
final class ChannelPublisher implements ExchangeListener {
    private static final System.Logger LOG = System.getLogger(ChannelPublisher.class.getName());

    private final ChannelGateway gateway;
    private final Outbox out;
    private final int moneyScale;
    private AccountFeed accounts;
    private final LongSupplier clockNs;
    private final List<DepthFeed> depth = new ArrayList<>();
    private final List<MarketFeed> market = new ArrayList<>();
    private final long updateIntervalNs;
    private long updatesSentNs;
    private ExchangeState state;

    ChannelPublisher(ChannelGateway gateway, int moneyScale, LongSupplier clockNs) {
        this.gateway = gateway;
        this.out = new Outbox(gateway);
        this.moneyScale = moneyScale;
        this.accounts = new AccountFeed(moneyScale);
        this.clockNs = clockNs;
        this.updateIntervalNs = gateway.config().updateIntervalMs() * 1_000_000;
        this.updatesSentNs = System.nanoTime() - updateIntervalNs;
    }

    /** Engine thread: takes the state and the instruments listed so far. */
    void attach(ExchangeState exchange) {
        this.state = exchange;
        for (int index = 0; index < exchange.venue().instrumentCount(); index++) {
            onInstrument(index);
        }
    }

    /**
     * The exchange state was replaced without events: the feeds start again from the new state and every
     * connection is closed ({@link ChannelGateway#STATE_REPLACED}), so that clients reconnect and take new
     * snapshots. Engine thread.
     */
    @Override
    public void onStateReplaced(ExchangeState exchange) {
        depth.clear();
        market.clear();
        accounts = new AccountFeed(moneyScale);
        attach(exchange);
        gateway.closeAll(ChannelGateway.STATE_REPLACED);
    }

    @Override
    public void onOrder(OrderRecord order) {
        guard(() -> accounts.onOrder(state, order, out, clockNs.getAsLong()));
    }

    @Override
    public void onTrade(TradeRecord trade) {
        guard(() -> accounts.onTrade(state, trade, out, clockNs.getAsLong()));
    }

    @Override
    public void onAccount(String user, int accountId) {
        accounts.onAccount(accountId);
    }

    @Override
    public void onPosition(String user, int accountId, int instrumentIndex) {
        accounts.onPosition(accountId, instrumentIndex);
    }

    @Override
    public void onLevel(int instrumentIndex, long sequence, Side side, long priceTicks, long volume,
                        int orderCount) {
        if (instrumentIndex < depth.size()) {
            depth.get(instrumentIndex).onLevel(side, priceTicks);
        }
    }

    @Override
    public void onInstrument(int instrumentIndex) {
        if (state == null) {
            return;
        }
        VenueView venue = state.venue();
        while (depth.size() <= instrumentIndex && depth.size() < venue.instrumentCount()) {
            int index = depth.size();
            Instrument instrument = venue.registry().get(index);
            depth.add(new DepthFeed(instrument.instrumentId(), instrument.spec(), venue.marketData(index).depth()));
            MarketFeed feed = new MarketFeed(index, instrument.instrumentId(), instrument.spec(),
                    venue.marketData(index), gateway.config().throttleMs() * 1_000_000, System.nanoTime());
            market.add(feed);
            gateway.symbols().put(instrument.instrumentId(), index, feed.klineDurations());
        }
    }

    @Override
    public void onBatchEnd() {
        if (state == null) {
            return;
        }
        guard(() -> {
            VenueView venue = state.venue();
            long nowNs = System.nanoTime();
            long wallNs = clockNs.getAsLong();
            publishUpdates(venue, nowNs, wallNs, false);
            for (int index = 0; index < market.size(); index++) {
                market.get(index).publish(venue, out, nowNs, wallNs);
            }
            accounts.publish(venue, out, wallNs);
        });
        out.dispatch();
    }

    /** Update tick (the gateway's timer, engine thread): depth and trades that waited for their interval. */
    void publishDue() {
        if (state == null) {
            return;
        }
        guard(() -> publishUpdates(state.venue(), System.nanoTime(), clockNs.getAsLong(), false));
        out.dispatch();
    }

    /**
     * Every instrument's depth delta, top-N snapshots and trades, all together, if any changed and the update
     * interval since the last send has passed (or {@code now} is set: a snapshot must not overtake them). Sending
     * all instruments at once gives each subscriber one flush per send, however many symbols it follows.
     */
    private void publishUpdates(VenueView venue, long nowNs, long wallNs, boolean now) {
        boolean pending = false;
        for (int index = 0; index < depth.size() && !pending; index++) {
            InstrumentMarketDataView data = venue.marketData(index);
            pending = depth.get(index).pending(data) || market.get(index).tradesPending(data);
        }
        if (!pending || !now && nowNs - updatesSentNs < updateIntervalNs) {
            return;
        }
        updatesSentNs = nowNs;
        for (int index = 0; index < depth.size(); index++) {
            InstrumentMarketDataView data = venue.marketData(index);
            depth.get(index).publish(data, out, wallNs / 1_000_000);
            market.get(index).publishTrades(data, out, wallNs / 1_000_000);
        }
    }

    /** Timer, engine thread: ticker and kline updates their interval held back, bars whose period ended. */
    void publishThrottled() {
        if (state == null) {
            return;
        }
        guard(() -> {
            long nowNs = System.nanoTime();
            long wallNs = clockNs.getAsLong();
            for (MarketFeed feed : market) {
                feed.publishThrottled(state.venue(), out, nowNs, wallNs);
            }
        });
        out.dispatch();
    }

    /**
     * Engine thread, between batches: the snapshot of one subscription's channel, consistent with the updates
     * published so far (the next update of a delta channel chains to it).
     *
     * @return the body, owned by the caller
     */
    ByteBuf snapshot(Subscription subscription) {
        ChannelName name = subscription.name;
        long wallNs = clockNs.getAsLong();
        if (name.kind().userPrivate()) {
            return accounts.snapshot(name.kind(), subscription.user, state, wallNs, gateway.allocator());
        }
        int index = name.instrumentIndex();
        ChannelKind kind = name.kind();
        if (kind == ChannelKind.TRADES || kind == ChannelKind.DEPTH || kind.fixedDepth() > 0) {
            // What waits for the update interval goes out first, so the next update chains to this snapshot.
            publishUpdates(state.venue(), System.nanoTime(), wallNs, true);
            out.dispatch();
        }
        return switch (name.kind()) {
            case DEPTH, DEPTH5, DEPTH10, DEPTH20 -> depth.get(index).snapshot(state.venue().marketData(index),
                    name.name(), name.kind().fixedDepth(), wallNs / 1_000_000, gateway.allocator());
            default -> market.get(index).snapshot(name.kind(), name.name(), name.klineDurationNs(), state.venue(),
                    gateway.config().recentTrades(), wallNs, gateway.allocator());
        };
    }

    private void guard(Runnable publishing) {
        try {
            publishing.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "channel publishing failed; the engine goes on", e);
        }
    }
}
