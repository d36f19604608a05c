package io.github.exchangeblocks.examples.exchange;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.TradingPhase;
import io.github.exchangeblocks.api.instrument.CommissionRate;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.api.instrument.InstrumentStatus;

import java.util.Map;
import java.util.TreeMap;

/**
 * A command to the exchange core: the only way its state changes. Commands are plain values made by gateways on
 * any thread; the core stamps each with its time and a sequence (the journal's) when it journals it, then applies
 * it. Constructors accept anything, {@code null} fields included: validation happens when the command is applied,
 * so a bad command becomes a journaled reject with a code and a message naming the field, replayed the same way.
 * Prices are in instrument ticks, volumes in lots, money in minor units.
 */
public sealed interface ExchangeCommand {

    /** Opens an account for a user. */
    record RegisterUser(String user) implements ExchangeCommand {
    }

    /** Moves money from the bank into the user's account. */
    record Deposit(String user, long amountMinor) implements ExchangeCommand {
    }

    /** Moves money from the user's account to the bank, at most what is available. */
    record Withdraw(String user, long amountMinor) implements ExchangeCommand {
    }

    /** Lists an instrument (status LISTED, book open in the venue's opening phase). */
    record ListInstrument(InstrumentSpec spec) implements ExchangeCommand {
    }

    /** Changes an instrument's status. */
    record SetInstrumentStatus(String instrumentId, InstrumentStatus status) implements ExchangeCommand {
    }

    /** Changes an instrument book's trading phase. */
    record SetPhase(String instrumentId, TradingPhase phase) implements ExchangeCommand {
    }

    /** Sets an instrument book's price band (0 for "no bound"). */
    record SetPriceBand(String instrumentId, long lowTicks, long highTicks) implements ExchangeCommand {
    }

    /** Sets an instrument book's reference price. */
    record SetReferencePrice(String instrumentId, long priceTicks) implements ExchangeCommand {
    }

    /**
     * A new order. The client order id is the user's, unique per user for the trading day.
     *
     * @param user          the ordering user
     * @param clientOrderId 1..64 characters
     * @param instrumentId  {@code EXCHANGE.code}
     * @param side          BUY or SELL
     * @param offset        OPEN, CLOSE, CLOSETODAY or AUTO
     * @param type          LIMIT or MARKET
     * @param timeInForce   GTC, GFD, IOC or FOK
     * @param priceTicks    limit price; for MARKET the protection price or 0
     * @param volume        lots
     * @param minVolume     minimum volume to fill at once, 0 for none
     */
    record InsertOrder(String user, String clientOrderId, String instrumentId, Side side, Offset offset,
                       OrderType type, TimeInForce timeInForce, long priceTicks, long volume, long minVolume)
            implements ExchangeCommand {
    }

    /** Cancels a working order of the user, named by its client order id. */
    record CancelOrder(String user, String clientOrderId) implements ExchangeCommand {
    }

    /**
     * Amends a working order of the user, named by its client order id, to a new price and working volume.
     *
     * @param user          the order's owner
     * @param clientOrderId the user's id of the order
     * @param priceTicks    the new limit price
     * @param volume        the new working volume in lots
     */
    record AmendOrder(String user, String clientOrderId, long priceTicks, long volume) implements ExchangeCommand {
    }

    /** Marks an instrument at a price. */
    record MarkPrice(String instrumentId, long priceTicks) implements ExchangeCommand {
    }

    /**
     * Ends the trading day: expires orders, settles every account and starts {@code nextTradingDay}.
     *
     * @param nextTradingDay   {@code yyyymmdd}, after the current day
     * @param settlementPrices settlement price in ticks by instrument id; instruments not named settle at their
     *                         last price (else mark, else previous settlement); copied into a sorted map
     */
    record EndTradingDay(int nextTradingDay, Map<String, Long> settlementPrices) implements ExchangeCommand {
        public EndTradingDay {
            settlementPrices = settlementPrices == null ? null : new TreeMap<>(settlementPrices);
        }
    }

    /**
     * Updates an instrument's rates (the operator's "update rates"; see {@code Venue.updateRates} for the rules).
     * Commission rates apply to every fill from the command on; margin rates are scheduled and take effect at the
     * next {@link EndTradingDay}, whose settlement re-margins held positions at them (orders working before it keep
     * the margin they froze). Rates are over {@code Rates.SCALE} (10^8).
     *
     * @param instrumentId         {@code EXCHANGE.code}
     * @param longMarginRateE8     new long margin rate, {@code 0..10^8}, or {@link #KEEP} for "unchanged"
     * @param shortMarginRateE8    new short margin rate, {@code 0..10^8}, or {@link #KEEP}
     * @param openCommission       new commission of opening fills, {@code null} for unchanged
     * @param closeCommission      new commission of fills closing history volume, {@code null} for unchanged
     * @param closeTodayCommission new commission of fills closing today's volume, {@code null} for unchanged
     */
    record UpdateRates(String instrumentId, long longMarginRateE8, long shortMarginRateE8,
                       CommissionRate openCommission, CommissionRate closeCommission,
                       CommissionRate closeTodayCommission) implements ExchangeCommand {
        /** A margin rate that stays as it is. */
        public static final long KEEP = -1L;
    }

    /** Liquidates every account over the liquidation threshold through the books. */
    record Liquidate() implements ExchangeCommand {
    }
}
