package io.github.exchangeblocks.engine.book;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.SelfTradePrevention;
import io.github.exchangeblocks.api.book.TradingPhase;
import io.github.exchangeblocks.engine.book.BookCommand.LiveAction;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of random command sequences for tick size 5, lot size 2, maximum quantity 40, prices around 100,
 * a few owners and a small id space (so duplicates, unknown ids and wrong owners occur), with a share of invalid
 * values for every validated field. {@link #sequences} mixes every command and phase; {@link #auctionSequences}
 * dwells in the call auction, with many market orders (with and without protection price) and minimum
 * quantities, and uncrosses often.
 */
final class BookCommands {
    static final long TICK = 5;
    static final long LOT = 2;
    static final long MAX_QTY = 40;
    /** Small enough that the far prices below trip it, large enough that they first make the ladder grow. */
    static final int MAX_SPAN_TICKS = 400;
    /** Changes to a live order: amends most often, then price-only moves and replaces. */
    private static final Arbitrary<LiveAction> CHANGES = Arbitraries.frequency(
        Tuple.of(3, LiveAction.AMEND), Tuple.of(2, LiveAction.MOVE), Tuple.of(1, LiveAction.REPLACE));
    /** Market order protection prices: none half of the time. */
    private static final Arbitrary<Long> MARKET_PRICES = Arbitraries.frequency(
        Tuple.of(2, 0L), Tuple.of(1, 95L), Tuple.of(1, 105L));

    private BookCommands() {
    }

    static OrderBookSettings settings(TradingPhase initialPhase) {
        return OrderBookSettings.builder().instrumentId(7).tickSize(TICK).lotSize(LOT).maxQuantity(MAX_QTY)
            .initialPhase(initialPhase).expectedOrders(16).expectedLevels(4).maxPriceSpanTicks(MAX_SPAN_TICKS).build();
    }

    static Arbitrary<List<BookCommand>> sequences(int minSize, int maxSize, int maxId) {
        return command(maxId).list().ofMinSize(minSize).ofMaxSize(maxSize);
    }

    static Arbitrary<List<BookCommand>> auctionSequences(int minSize, int maxSize, int maxId) {
        return auctionCommand(maxId, false).list().ofMinSize(minSize).ofMaxSize(maxSize);
    }

    /**
     * Short auction sequences whose new orders are all market orders without protection price, starting with a
     * reference price (the only price such an auction can trade at).
     */
    static Arbitrary<List<BookCommand>> marketOnlyAuctionSequences(int minSize, int maxSize) {
        return auctionCommand(50, true).list().ofMinSize(minSize).ofMaxSize(maxSize).map(commands -> {
            List<BookCommand> withReference = new ArrayList<>();
            withReference.add(new BookCommand.Reference(100));
            withReference.addAll(commands);
            return withReference;
        });
    }

    /**
     * Commands for the call auction: mostly new orders (a third of them market orders, or all of them market
     * orders without protection when {@code marketOnly}; a third with a minimum quantity), cancels and amends of
     * live orders, reference price changes (for market-only uncrosses) and switches between PRE_OPEN and
     * CONTINUOUS (each switch to CONTINUOUS uncrosses).
     */
    static Arbitrary<BookCommand> auctionCommand(int maxId, boolean marketOnly) {
        Arbitrary<Long> ids = Arbitraries.longs().between(1, maxId);
        Arbitrary<Long> owners = Arbitraries.longs().between(1, 4);
        Arbitrary<Long> tickDeltas = Arbitraries.frequency(Tuple.of(6, 0L), Tuple.of(1, -1L), Tuple.of(1, 1L));
        Arbitrary<Long> minQty = Arbitraries.frequency(
            Tuple.of(65, 0L), Tuple.of(10, 2L), Tuple.of(10, 6L), Tuple.of(8, 10L), Tuple.of(4, 20L),
            Tuple.of(2, 3L), Tuple.of(1, 100L));
        return Arbitraries.frequencyOf(
            Tuple.of(60, marketOnly ? place(ids, owners, 100, minQty, Arbitraries.just(0L))
                : place(ids, owners, 35, minQty, MARKET_PRICES)),
            Tuple.of(8, Combinators.combine(Arbitraries.integers().between(0, 1000), owners)
                .as((pick, owner) -> (BookCommand) new BookCommand.OnLive(LiveAction.CANCEL, pick, true, owner, 0,
                    0))),
            Tuple.of(14, Combinators.combine(CHANGES, Arbitraries.integers().between(0, 1000), owners, tickDeltas,
                    quantities())
                .as((action, pick, owner, delta, qty) ->
                    (BookCommand) new BookCommand.OnLive(action, pick, true, owner, delta, qty))),
            Tuple.of(1, Arbitraries.longs().between(0, 4).map(o -> (BookCommand) new BookCommand.MassCancel(o))),
            Tuple.of(8, Arbitraries.frequency(
                    Tuple.of(5, TradingPhase.CONTINUOUS), Tuple.of(5, TradingPhase.PRE_OPEN),
                    Tuple.of(1, TradingPhase.HALTED))
                .map(p -> (BookCommand) new BookCommand.Phase(p))),
            Tuple.of(1, Combinators.combine(Arbitraries.of(0L, 0L, 90L), Arbitraries.of(0L, 0L, 110L))
                .as((low, high) -> (BookCommand) new BookCommand.Band(low, high))),
            Tuple.of(3, Arbitraries.of(0L, 95L, 100L, 105L)
                .map(p -> (BookCommand) new BookCommand.Reference(p))));
    }

    static Arbitrary<BookCommand> command(int maxId) {
        Arbitrary<Long> ids = Arbitraries.frequencyOf(
            Tuple.of(98, Arbitraries.longs().between(1, maxId)),
            Tuple.of(2, Arbitraries.of(0L, -1L)));
        Arbitrary<Long> owners = Arbitraries.longs().between(1, 4);
        Arbitrary<Boolean> rightOwner = Arbitraries.frequency(Tuple.of(9, true), Tuple.of(1, false));
        Arbitrary<Long> tickDeltas = Arbitraries.frequency(Tuple.of(5, 0L), Tuple.of(2, -1L), Tuple.of(2, 1L),
            Tuple.of(1, -3L), Tuple.of(1, 3L));
        return Arbitraries.frequencyOf(
            Tuple.of(55, place(ids, owners, 10, Arbitraries.frequency(
                Tuple.of(85, 0L), Tuple.of(4, 2L), Tuple.of(4, 6L),
                Tuple.of(3, 10L), Tuple.of(2, 3L), Tuple.of(2, 100L)), MARKET_PRICES)),
            Tuple.of(4, Combinators.combine(ids, owners)
                .as((id, owner) -> (BookCommand) new BookCommand.Cancel(id, owner))),
            Tuple.of(18, Combinators.combine(Arbitraries.integers().between(0, 1000), rightOwner, owners)
                .as((pick, right, owner) -> (BookCommand) new BookCommand.OnLive(LiveAction.CANCEL, pick, right,
                    owner, 0, 0))),
            Tuple.of(17, Combinators.combine(CHANGES, Arbitraries.integers().between(0, 1000), rightOwner, owners,
                    tickDeltas, quantities())
                .as((action, pick, right, owner, delta, qty) ->
                    (BookCommand) new BookCommand.OnLive(action, pick, right, owner, delta, qty))),
            Tuple.of(1, Arbitraries.longs().between(0, 4).map(o -> (BookCommand) new BookCommand.MassCancel(o))),
            Tuple.of(1, Arbitraries.just((BookCommand) new BookCommand.Expire())),
            Tuple.of(3, Arbitraries.frequency(
                    Tuple.of(8, TradingPhase.CONTINUOUS), Tuple.of(4, TradingPhase.PRE_OPEN),
                    Tuple.of(1, TradingPhase.HALTED), Tuple.of(1, TradingPhase.CLOSED))
                .map(p -> (BookCommand) new BookCommand.Phase(p))),
            Tuple.of(1, Combinators.combine(Arbitraries.of(0L, 0L, 80L, 90L, 3L), Arbitraries.of(0L, 0L, 120L, 110L, 115L, 3_000L))
                .as((low, high) -> (BookCommand) new BookCommand.Band(low, high))),
            Tuple.of(1, Arbitraries.of(0L, 95L, 100L, 105L, 7L, -5L)
                .map(p -> (BookCommand) new BookCommand.Reference(p))));
    }

    static Arbitrary<Long> prices() {
        return Arbitraries.frequencyOf(
            Tuple.of(96, Arbitraries.longs().between(17, 23).map(t -> t * TICK)),
            Tuple.of(4, Arbitraries.of(0L, -5L, 101L, 7L, 200L, 1_500L, 2_500L, 5_000L)));
    }

    static Arbitrary<Long> quantities() {
        return Arbitraries.frequencyOf(
            Tuple.of(80, Arbitraries.longs().between(1, 6).map(q -> q * LOT)),
            Tuple.of(16, Arbitraries.longs().between(7, 20).map(q -> q * LOT)),
            Tuple.of(4, Arbitraries.of(0L, -2L, 3L, 42L)));
    }

    /**
     * New orders, {@code marketPercent} of them market orders with protection prices drawn from
     * {@code marketPrices} (0 for none), with minimum quantities drawn from {@code minQty}.
     */
    private static Arbitrary<BookCommand> place(Arbitrary<Long> ids, Arbitrary<Long> owners, int marketPercent,
                                                Arbitrary<Long> minQty, Arbitrary<Long> marketPrices) {
        Arbitrary<Side> sides = Arbitraries.of(Side.class);
        Arbitrary<OrderType> types = Arbitraries.frequency(
            Tuple.of(100 - marketPercent, OrderType.LIMIT), Tuple.of(marketPercent, OrderType.MARKET));
        Arbitrary<TimeInForce> tifs = Arbitraries.frequency(
            Tuple.of(6, TimeInForce.GTC), Tuple.of(2, TimeInForce.GFD),
            Tuple.of(2, TimeInForce.IOC), Tuple.of(1, TimeInForce.FOK));
        Arbitrary<Boolean> postOnly = Arbitraries.frequency(
            Tuple.of(9, false), Tuple.of(1, true));
        Arbitrary<SelfTradePrevention> stp = Arbitraries.frequency(
            Tuple.of(10, SelfTradePrevention.BOOK_DEFAULT),
            Tuple.of(2, SelfTradePrevention.NONE),
            Tuple.of(2, SelfTradePrevention.CANCEL_INCOMING),
            Tuple.of(2, SelfTradePrevention.CANCEL_RESTING),
            Tuple.of(2, SelfTradePrevention.CANCEL_BOTH),
            Tuple.of(2, SelfTradePrevention.DECREMENT_AND_CANCEL));
        Arbitrary<Object[]> terms = Combinators.combine(sides, types, tifs, minQty, postOnly, stp)
            .as((side, type, tif, min, post, mode) -> new Object[] {side, type, tif, min, post, mode});
        return Combinators.combine(ids, owners, terms, prices(), marketPrices, quantities())
            .as((id, owner, t, price, marketPrice, qty) -> new BookCommand.Place(id, owner, (Side) t[0],
                (OrderType) t[1], t[1] == OrderType.MARKET && t[2] == TimeInForce.GTC ? TimeInForce.IOC
                : (TimeInForce) t[2], t[1] == OrderType.MARKET ? marketPrice : price, qty,
                (Long) t[3], (Boolean) t[4], (SelfTradePrevention) t[5]));
    }
}
