package io.github.exchangeblocks.engine.venue;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;

/**
 * A new order, described field by field on a reusable object the venue owns (obtain it from
 * {@link Venue#orderRequest()}, set the fields, pass it to {@link Venue#placeOrder(OrderRequest)}). Nothing is
 * allocated. {@link #clear()} resets every field to its default; the venue does not clear it after use. Setters
 * return {@code this} for chaining and validate nothing: {@link Venue#placeOrder} validates the whole request and
 * rejects with a code and a message naming the field. Not thread-safe.
 */
public final class OrderRequest {
    long timestampNs;
    int accountId = -1;
    int instrumentIndex = -1;
    Side side;
    Offset offset = Offset.OPEN;
    OrderType type = OrderType.LIMIT;
    TimeInForce timeInForce = TimeInForce.GTC;
    long priceTicks;
    long volume;
    long minVolume;

    OrderRequest() {
    }

    /**
     * Resets every field: no account, no instrument, no side, OPEN, LIMIT, GTC, price, volume and minimum 0.
     *
     * @return this
     */
    public OrderRequest clear() {
        timestampNs = 0;
        accountId = -1;
        instrumentIndex = -1;
        side = null;
        offset = Offset.OPEN;
        type = OrderType.LIMIT;
        timeInForce = TimeInForce.GTC;
        priceTicks = 0;
        volume = 0;
        minVolume = 0;
        return this;
    }

    /**
     * @param timestampNs the command's time, nanoseconds since the epoch (the host's clock)
     * @return this
     */
    public OrderRequest timestampNs(long timestampNs) {
        this.timestampNs = timestampNs;
        return this;
    }

    /**
     * @param accountId the ordering account
     * @return this
     */
    public OrderRequest accountId(int accountId) {
        this.accountId = accountId;
        return this;
    }

    /**
     * @param instrumentIndex the instrument's index in the venue's registry
     * @return this
     */
    public OrderRequest instrumentIndex(int instrumentIndex) {
        this.instrumentIndex = instrumentIndex;
        return this;
    }

    /**
     * @param side BUY or SELL
     * @return this
     */
    public OrderRequest side(Side side) {
        this.side = side;
        return this;
    }

    /**
     * @param offset OPEN, CLOSE, CLOSETODAY, or AUTO to let the venue choose by the position and close rule
     * @return this
     */
    public OrderRequest offset(Offset offset) {
        this.offset = offset;
        return this;
    }

    /**
     * @param type LIMIT or MARKET
     * @return this
     */
    public OrderRequest type(OrderType type) {
        this.type = type;
        return this;
    }

    /**
     * @param timeInForce GTC, GFD, IOC or FOK (MARKET orders take IOC or FOK)
     * @return this
     */
    public OrderRequest timeInForce(TimeInForce timeInForce) {
        this.timeInForce = timeInForce;
        return this;
    }

    /**
     * @param priceTicks the limit price in ticks; for a MARKET order its protection price, or 0 for the venue's
     *                   collar (see {@link VenueSettings#marketCollarE8()})
     * @return this
     */
    public OrderRequest priceTicks(long priceTicks) {
        this.priceTicks = priceTicks;
        return this;
    }

    /**
     * @param volume lots, a positive multiple of the instrument's lot size
     * @return this
     */
    public OrderRequest volume(long volume) {
        this.volume = volume;
        return this;
    }

    /**
     * @param minVolume the minimum volume that must fill at once (0 for none), on the lot and at most the volume
     * @return this
     */
    public OrderRequest minVolume(long minVolume) {
        this.minVolume = minVolume;
        return this;
    }

    /** @return the command's time */
    public long timestampNs() {
        return timestampNs;
    }

    /** @return the account, -1 if unset */
    public int accountId() {
        return accountId;
    }

    /** @return the instrument index, -1 if unset */
    public int instrumentIndex() {
        return instrumentIndex;
    }

    /** @return the side, {@code null} if unset */
    public Side side() {
        return side;
    }

    /** @return the requested offset */
    public Offset offset() {
        return offset;
    }

    /** @return the order type */
    public OrderType type() {
        return type;
    }

    /** @return the time in force */
    public TimeInForce timeInForce() {
        return timeInForce;
    }

    /** @return the price in ticks */
    public long priceTicks() {
        return priceTicks;
    }

    /** @return the volume in lots */
    public long volume() {
        return volume;
    }

    /** @return the minimum volume in lots */
    public long minVolume() {
        return minVolume;
    }
}
