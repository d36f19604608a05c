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
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The channel gateway's side of the engine thread: the core's {@link ExchangeListener}. It notes what changed
 * during a batch and, at the batch's end, encodes each channel update once (only for topics someone subscribes
 * to) and hands the batch to every I/O thread in one task ({@link Outbox}); it never blocks.
 *
 * <p>Depth and trades of every instrument go out together, to one phase group of connections at a time
 * ({@link ChannelsConfig#phaseGroups()}): time is cut into windows of {@code updateIntervalMs / phaseGroups}, and
 * window {@code w} belongs to group {@code w % phaseGroups}, so each group's windows are one update interval apart
 * and the groups' windows follow one another. A group is sent at most once per window of its own: on the gateway's
 * update tick at the window's start, or, if nothing had changed by then, at the end of the first engine batch in
 * the window that changed something. So under a busy order flow each subscriber gets one flush per interval (not one
 * per engine batch and symbol), and the I/O threads write {@code phaseGroups} smaller bursts spread over the
 * interval instead of one burst to every subscriber at the same moment. Each group's update is encoded once for
 * all of the group's subscribers.
 *
 * <p>It also builds the snapshots subscribers ask for (through {@code ExchangeBackend.query}, so in order with the
 * deltas; what waited for the subscriber's group goes out to that group first, so its next update chains to the
 * snapshot) and, on the gateway's timer, what the ticker and kline intervals held back. Engine thread only, except
 * {@link #phaseWindowNs} and {@link #nextPhaseWindowStartNs} (any thread).
 */
final class ChannelPublisher implements ExchangeListener {
    private static final System.Logger LOG = System.getLogger(ChannelPublisher.class.getName());

    private final ChannelGateway gateway;
    private final Outbox out;
    private final int moneyScale;
    private AccountFeed accounts;
    private final LongSupplier clockNs;
    private final LongSupplier monotonicNs;
    private final List<DepthFeed> depth = new ArrayList<>();
    private final List<MarketFeed> market = new ArrayList<>();
    private final int groups;
    /** The length of a phase window, 0 when every batch is sent at once. */
    private final long windowNs;
    /** Where window 0 starts (on {@link #monotonicNs}). */
    private final long originNs;
    /** Per group: the window it was last sent in. */
    private final long[] sentWindows;
    private ExchangeState state;

    /**
     * @param clockNs     wall clock, nanoseconds since the epoch: the messages' event time
     * @param monotonicNs monotonic clock ({@link System#nanoTime()} scale): the phase windows and throttles
     */
    ChannelPublisher(ChannelGateway gateway, int moneyScale, LongSupplier clockNs, LongSupplier monotonicNs) {
        this.gateway = gateway;
        this.out = new Outbox(gateway);
        this.moneyScale = moneyScale;
        this.accounts = new AccountFeed(moneyScale);
        this.clockNs = clockNs;
        this.monotonicNs = monotonicNs;
        this.groups = gateway.config().effectivePhaseGroups();
        this.windowNs = gateway.config().updateIntervalMs() * 1_000_000 / groups;
        this.originNs = monotonicNs.getAsLong();
        this.sentWindows = new long[groups];
        Arrays.fill(sentWindows, -1);
    }

    /** @return the length of a phase window in nanoseconds, 0 if updates go out after every batch; any thread */
    long phaseWindowNs() {
        return windowNs;
    }

    /**
     * @param nowNs a reading of the monotonic clock
     * @return when the next phase window after {@code nowNs} starts (on the same clock); any thread
     */
    long nextPhaseWindowStartNs(long nowNs) {
        return originNs + ((nowNs - originNs) / windowNs + 1) * windowNs;
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
            depth.add(new DepthFeed(instrument.instrumentId(), instrument.spec(), venue.marketData(index).depth(),
                    groups));
            MarketFeed feed = new MarketFeed(index, instrument.instrumentId(), instrument.spec(),
                    venue.marketData(index), gateway.config().throttleMs() * 1_000_000, monotonicNs.getAsLong(),
                    groups);
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
            long nowNs = monotonicNs.getAsLong();
            long wallNs = clockNs.getAsLong();
            publishPhase(venue, nowNs, wallNs / 1_000_000);
            for (int index = 0; index < market.size(); index++) {
                market.get(index).publish(venue, out, nowNs, wallNs);
            }
            accounts.publish(venue, out, wallNs);
        });
        out.dispatch();
    }

    /** Update tick (the gateway's timer at each phase window's start, engine thread): the window's group. */
    void publishDue() {
        if (state == null) {
            return;
        }
        guard(() -> publishPhase(state.venue(), monotonicNs.getAsLong(), clockNs.getAsLong() / 1_000_000));
        out.dispatch();
    }

    /**
     * The group whose phase window {@code nowNs} falls in, if it was not sent in this window yet and something
     * changed for it; every group's (there is one) when updates go out after every batch.
     */
    private void publishPhase(VenueView venue, long nowNs, long timeMs) {
        if (windowNs == 0) {
            publishGroup(venue, 0, timeMs);
            return;
        }
        long window = (nowNs - originNs) / windowNs;
        int group = (int) (window % groups);
        if (sentWindows[group] != window && pending(venue, group)) {
            sentWindows[group] = window;
            publishGroup(venue, group, timeMs);
        }
    }

    private boolean pending(VenueView venue, int group) {
        for (int index = 0; index < depth.size(); index++) {
            InstrumentMarketDataView data = venue.marketData(index);
            if (depth.get(index).pending(data, group) || market.get(index).tradesPending(data, group)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every instrument's depth delta, top-N snapshots and trades for one group, all together: each subscriber gets
     * one flush per send, however many symbols it follows.
     */
    private void publishGroup(VenueView venue, int group, long timeMs) {
        for (int index = 0; index < depth.size(); index++) {
            InstrumentMarketDataView data = venue.marketData(index);
            depth.get(index).publish(data, out, group, timeMs);
            market.get(index).publishTrades(data, out, group, timeMs);
        }
    }

    /** Timer, engine thread: ticker and kline updates their interval held back, bars whose period ended. */
    void publishThrottled() {
        if (state == null) {
            return;
        }
        guard(() -> {
            long nowNs = monotonicNs.getAsLong();
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
        if (kind.phased()) {
            // What waits for the group's window goes out to the group first, so its next update chains to this
            // snapshot (the window's own send still comes, with what changes until then).
            publishGroup(state.venue(), subscription.group, wallNs / 1_000_000);
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
