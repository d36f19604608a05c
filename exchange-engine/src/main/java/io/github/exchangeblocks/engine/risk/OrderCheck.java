package io.github.exchangeblocks.engine.risk;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.account.AccountView;
import io.github.exchangeblocks.engine.instrument.Instrument;

/**
 * A reusable flyweight describing an order under pre-trade checking: the order fields, the account and instrument
 * it concerns, and what accepting it would freeze. Filled by the account book before running the chain; checks
 * only read it. Not thread-safe; valid only during the check.
 */
public final class OrderCheck {
    private AccountView account;
    private Instrument instrument;
    private Side side;
    private Offset offset;
    private OrderType type;
    private long priceTicks;
    private long volume;
    private long marginToFreeze;
    private long commissionToFreeze;
    private long closableVolume;
    private long sideVolume;
    private long sidePendingOpenVolume;
    private int openOrderCount;
    private int moneyScale = 2;

    /**
     * Fills every field; called by the account book.
     *
     * @param account               the ordering account
     * @param instrument            the instrument
     * @param side                  BUY or SELL
     * @param offset                OPEN, CLOSE or CLOSETODAY
     * @param type                  LIMIT or MARKET
     * @param priceTicks            the price the order freezes at: its limit price, or a MARKET order's protection
     *                              price or, without one, the band limit on its side; ticks
     * @param volume                lots
     * @param marginToFreeze        margin the order would freeze, minor units
     * @param commissionToFreeze    commission the order would freeze, minor units
     * @param closableVolume        lots a closing order could take under the close rule (0 for OPEN)
     * @param sideVolume            lots held on the side an OPEN order adds to
     * @param sidePendingOpenVolume lots of open orders pending on that side
     * @param openOrderCount        the account's open orders before this one
     * @return this
     */
    public OrderCheck set(AccountView account, Instrument instrument, Side side, Offset offset, OrderType type,
                          long priceTicks, long volume, long marginToFreeze, long commissionToFreeze,
                          long closableVolume, long sideVolume, long sidePendingOpenVolume, int openOrderCount) {
        this.account = account;
        this.instrument = instrument;
        this.side = side;
        this.offset = offset;
        this.type = type;
        this.priceTicks = priceTicks;
        this.volume = volume;
        this.marginToFreeze = marginToFreeze;
        this.commissionToFreeze = commissionToFreeze;
        this.closableVolume = closableVolume;
        this.sideVolume = sideVolume;
        this.sidePendingOpenVolume = sidePendingOpenVolume;
        this.openOrderCount = openOrderCount;
        return this;
    }

    /**
     * Sets the decimal places of the account currency's minor unit, used by checks to print money as decimals.
     *
     * @param scale {@code 0..9}
     * @return this
     * @throws IllegalArgumentException if the scale is out of range
     */
    public OrderCheck moneyScale(int scale) {
        if (scale < 0 || scale > 9) {
            throw new IllegalArgumentException("moneyScale=" + scale + " must be in 0..9");
        }
        this.moneyScale = scale;
        return this;
    }

    /** @return decimal places of the account currency's minor unit (2 unless set) */
    public int moneyScale() {
        return moneyScale;
    }

    /** @return the ordering account */
    public AccountView account() {
        return account;
    }

    /** @return the instrument */
    public Instrument instrument() {
        return instrument;
    }

    /** @return BUY or SELL */
    public Side side() {
        return side;
    }

    /** @return OPEN, CLOSE or CLOSETODAY */
    public Offset offset() {
        return offset;
    }

    /** @return LIMIT or MARKET */
    public OrderType type() {
        return type;
    }

    /** @return the freeze price: limit, MARKET protection or, without protection, band limit; ticks */
    public long priceTicks() {
        return priceTicks;
    }

    /** @return order volume, lots */
    public long volume() {
        return volume;
    }

    /** @return margin the order would freeze, minor units */
    public long marginToFreeze() {
        return marginToFreeze;
    }

    /** @return commission the order would freeze, minor units */
    public long commissionToFreeze() {
        return commissionToFreeze;
    }

    /** @return lots a closing order could take under the close rule; 0 for OPEN orders */
    public long closableVolume() {
        return closableVolume;
    }

    /** @return lots held on the side an OPEN order adds to */
    public long sideVolume() {
        return sideVolume;
    }

    /** @return lots of OPEN orders already pending on that side */
    public long sidePendingOpenVolume() {
        return sidePendingOpenVolume;
    }

    /** @return open orders of the account before this one */
    public int openOrderCount() {
        return openOrderCount;
    }
}
