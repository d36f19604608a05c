package io.github.exchangeblocks.engine.venue;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.account.AccountChangeListener;
import io.github.exchangeblocks.api.account.OpenOrderView;
import io.github.exchangeblocks.api.account.Rejection;
import io.github.exchangeblocks.api.book.OrderBook;
import io.github.exchangeblocks.api.book.OrderBookView;
import io.github.exchangeblocks.api.book.TradingPhase;
import io.github.exchangeblocks.api.instrument.CommissionRate;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.api.instrument.InstrumentStatus;
import io.github.exchangeblocks.engine.account.Account;
import io.github.exchangeblocks.engine.account.AccountBook;
import io.github.exchangeblocks.engine.account.Position;
import io.github.exchangeblocks.engine.book.OrderBookSettings;
import io.github.exchangeblocks.engine.book.OrderBooks;
import io.github.exchangeblocks.engine.instrument.InstrumentRegistry;
import io.github.exchangeblocks.engine.marketdata.InstrumentMarketData;
import io.github.exchangeblocks.engine.marketdata.InstrumentMarketDataView;
import io.github.exchangeblocks.engine.marketdata.MarketData;
import io.github.exchangeblocks.engine.marketdata.QuoteView;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An exchange venue: instruments, accounts with pre-trade risk, one order book per instrument, composed behind one
 * call per command and one {@link VenueListener}. A simulator or back-tester drives it directly; a running exchange
 * wraps it with sequencing and a journal.
 *
 * <p>Deterministic single-writer state machine: the same commands with the same timestamps give the same events and
 * the same {@link #stateHash()}. No clock reads, no threads. Not thread-safe: one thread calls every method (reads
 * included) and receives every event. Steady-state order commands allocate nothing.
 *
 * <p>Units: prices in ticks of the instrument (the books run with tick 1 in tick units), volumes in lots, money in
 * minor units of the venue's currency ({@link VenueSettings#moneyScale()}). Instruments are addressed by their index
 * in {@link #registry()}, accounts by their id; the venue assigns order ids (1, 2, ...) and trade ids.
 *
 * <p>Commands never throw for bad input: they return {@code false} (or {@link #NULL_ORDER_ID}, or {@code -1}) and
 * leave the venue unchanged; {@link #rejectCode()} and {@link #rejectMessage()} then say why, naming the field and
 * the rule. Order, cancel and amend rejects are also reported to the listener.
 */
public final class Venue implements VenueView {
    /** "No order": what {@link #placeOrder} returns for a rejected request. */
    public static final long NULL_ORDER_ID = 0L;

    final VenueSettings settings;
    final VenueListener listener;
    final InstrumentRegistry registry;
    final AccountBook accounts;
    final VenueRejects rejects = new VenueRejects();
    final AccountTotals totals = new AccountTotals();
    final List<OrderBook> books = new ArrayList<>();
    final List<InstrumentMarketData> marketData = new ArrayList<>();
    final OrderFlow flow;
    final DayCycle dayCycle;
    private final OrderRequest request = new OrderRequest();
    int tradingDay;

    Venue(VenueSettings settings, VenueListener listener, int tradingDay, InstrumentRegistry registry,
          AccountBook accounts) {
        this.settings = settings;
        this.listener = listener;
        this.tradingDay = tradingDay;
        this.registry = registry;
        this.accounts = accounts;
        accounts.changeListener(new AccountChangeListener() {
            @Override
            public void onAccountChanged(int accountId) {
                listener.onAccountChanged(accountId);
            }

            @Override
            public void onPositionChanged(int accountId, int instrumentIndex) {
                listener.onPositionChanged(accountId, instrumentIndex);
            }
        });
        flow = new OrderFlow(this);
        dayCycle = new DayCycle(this);
    }

    /**
     * Creates an empty venue: no instruments, no accounts.
     *
     * @param settings   the venue's settings, not {@code null}
     * @param tradingDay the first trading day, {@code yyyymmdd} ({@code 19700101..99991231})
     * @param listener   receives every event on the driving thread, not {@code null}
     * @return the venue
     * @throws IllegalArgumentException if the trading day is out of range
     */
    public static Venue create(VenueSettings settings, int tradingDay, VenueListener listener) {
        if (!DayCycle.validDay(tradingDay)) {
            throw new IllegalArgumentException("tradingDay=" + tradingDay + " must be a yyyymmdd date in "
                    + "19700101..99991231");
        }
        Objects.requireNonNull(settings, "settings must not be null");
        Objects.requireNonNull(listener, "listener must not be null");
        InstrumentRegistry registry = new InstrumentRegistry(settings.moneyScale());
        return new Venue(settings, listener, tradingDay, registry,
                new AccountBook(registry, settings.riskChain(), settings.conventions()));
    }

    /**
     * Rebuilds a venue from {@link #writeSnapshot()} bytes: same instruments, accounts, books with their time
     * priority, working orders, counters and lifetime totals, so the same {@link #stateHash()} and the same events
     * for the same commands from here on. Reports no events. The settings are not in the snapshot: pass the ones the
     * snapshot's venue ran with.
     *
     * @param settings the venue's settings, not {@code null}
     * @param snapshot the bytes, not {@code null}
     * @param listener receives every event from now on, not {@code null}
     * @return the venue
     * @throws IllegalArgumentException if the bytes are not a valid venue snapshot
     */
    public static Venue restore(VenueSettings settings, byte[] snapshot, VenueListener listener) {
        Objects.requireNonNull(settings, "settings must not be null");
        Objects.requireNonNull(listener, "listener must not be null");
        return VenueSnapshot.read(settings, snapshot, listener);
    }

    /**
     * Writes the whole state in the versioned venue snapshot format (see {@link VenueSnapshot}).
     *
     * @return a new byte array
     */
    public byte[] writeSnapshot() {
        return VenueSnapshot.write(this);
    }

    /**
     * The venue's reusable order request, to fill and pass to {@link #placeOrder}. The same object every call.
     *
     * @return the request (not cleared: call {@link OrderRequest#clear()} to start afresh)
     */
    public OrderRequest orderRequest() {
        return request;
    }

    /**
     * Opens an account.
     *
     * @param userName 1..64 characters, unique
     * @return the new account id (dense from 0), or -1 if refused
     */
    public int openAccount(String userName) {
        int id = accounts.openAccount(userName);
        if (id < 0) {
            fromAccounts();
            return -1;
        }
        totals.ensure(id);
        listener.onAccountChanged(id);
        return id;
    }

    /**
     * Moves money from the bank into an account.
     *
     * @param timestampNs the command's time
     * @param accountId   the account
     * @param amountMinor minor units, {@code 1..AccountBook.MAX_AMOUNT}
     * @return true if done
     */
    public boolean deposit(long timestampNs, int accountId, long amountMinor) {
        if (!accounts.deposit(accountId, amountMinor)) {
            return fromAccounts();
        }
        totals.netDeposits[accountId] += amountMinor;
        listener.onTransfer(timestampNs, accountId, amountMinor);
        return true;
    }

    /**
     * Moves money from an account to the bank, at most what is available.
     *
     * @param timestampNs the command's time
     * @param accountId   the account
     * @param amountMinor minor units, {@code 1..available}
     * @return true if done
     */
    public boolean withdraw(long timestampNs, int accountId, long amountMinor) {
        if (!accounts.withdraw(accountId, amountMinor)) {
            return fromAccounts();
        }
        totals.netDeposits[accountId] -= amountMinor;
        listener.onTransfer(timestampNs, accountId, -amountMinor);
        return true;
    }

    /**
     * Lists an instrument (status LISTED) and opens its book in {@link VenueSettings#openingPhase()}.
     *
     * @param timestampNs the command's time
     * @param spec        the specification, not {@code null}
     * @return the instrument's index, or -1 if refused
     */
    public int listInstrument(long timestampNs, InstrumentSpec spec) {
        int index = registry.list(spec);
        if (index < 0) {
            fromRegistry();
            return -1;
        }
        books.add(OrderBooks.create(bookSettings(spec, index), new BookEvents(index, this)));
        marketData.add(MarketData.create(settings.marketData(index)));
        listener.onInstrumentChanged(timestampNs, index);
        return index;
    }

    /**
     * Changes an instrument's status (LISTED, TRADING, SUSPENDED, DELISTED) by the registry's transition rules;
     * delisting needs no positions and no open orders.
     *
     * @param timestampNs     the command's time
     * @param instrumentIndex the instrument
     * @param status          the new status, not {@code null}
     * @return true if changed
     */
    public boolean setInstrumentStatus(long timestampNs, int instrumentIndex, InstrumentStatus status) {
        boolean done = status == InstrumentStatus.DELISTED ? registry.delist(instrumentIndex, accounts)
                : registry.setStatus(instrumentIndex, status);
        if (!done) {
            return fromRegistry();
        }
        listener.onInstrumentChanged(timestampNs, instrumentIndex);
        return true;
    }

    /**
     * Updates an instrument's margin and commission rates (see {@link InstrumentRegistry#updateRates} for the
     * rules): commission rates apply to every fill from now on; margin rates are scheduled for the next
     * {@link #endTradingDay}, whose settlement re-margins held positions at them. Reports
     * {@link VenueListener#onInstrumentChanged}. Rare: may allocate.
     *
     * @param timestampNs          the command's time
     * @param instrumentIndex      the instrument
     * @param longMarginRateE8     new long margin rate ({@code 0..Rates.SCALE}), or {@link InstrumentRegistry#KEEP_RATE}
     * @param shortMarginRateE8    new short margin rate, or {@link InstrumentRegistry#KEEP_RATE}
     * @param openCommission       new commission of opening fills, or {@code null} to keep it
     * @param closeCommission      new commission of fills closing history volume, or {@code null} to keep it
     * @param closeTodayCommission new commission of fills closing today's volume, or {@code null} to keep it
     * @return true if updated; false (nothing changed, see {@link #rejectCode()}) if refused
     */
    public boolean updateRates(long timestampNs, int instrumentIndex, long longMarginRateE8, long shortMarginRateE8,
                               CommissionRate openCommission, CommissionRate closeCommission,
                               CommissionRate closeTodayCommission) {
        if (!registry.updateRates(instrumentIndex, longMarginRateE8, shortMarginRateE8, openCommission,
                closeCommission, closeTodayCommission)) {
            return fromRegistry();
        }
        listener.onInstrumentChanged(timestampNs, instrumentIndex);
        return true;
    }

    /**
     * Moves a book to another trading phase (see {@link OrderBook#setPhase}; entering CONTINUOUS uncrosses).
     *
     * @param timestampNs     the command's time
     * @param instrumentIndex the instrument
     * @param phase           the new phase, not {@code null}
     * @return true if changed
     */
    public boolean setPhase(long timestampNs, int instrumentIndex, TradingPhase phase) {
        if (!bookExists(instrumentIndex)) {
            return false;
        }
        flow.clearBookReject();
        return books.get(instrumentIndex).setPhase(timestampNs, phase) || flow.bookRejected();
    }

    /**
     * Sets a book's price band (both bounds in ticks, {@link OrderBookView#NULL_PRICE} for none).
     *
     * @param timestampNs     the command's time
     * @param instrumentIndex the instrument
     * @param lowTicks        lowest allowed price
     * @param highTicks       highest allowed price
     * @return true if set
     */
    public boolean setPriceBand(long timestampNs, int instrumentIndex, long lowTicks, long highTicks) {
        if (!bookExists(instrumentIndex)) {
            return false;
        }
        flow.clearBookReject();
        if (!books.get(instrumentIndex).setPriceBand(timestampNs, lowTicks, highTicks)) {
            return flow.bookRejected();
        }
        listener.onInstrumentChanged(timestampNs, instrumentIndex);
        return true;
    }

    /**
     * Sets a book's reference price (used by the call auction).
     *
     * @param timestampNs     the command's time
     * @param instrumentIndex the instrument
     * @param priceTicks      the reference price
     * @return true if set
     */
    public boolean setReferencePrice(long timestampNs, int instrumentIndex, long priceTicks) {
        if (!bookExists(instrumentIndex)) {
            return false;
        }
        flow.clearBookReject();
        if (!books.get(instrumentIndex).setReferencePrice(timestampNs, priceTicks)) {
            return flow.bookRejected();
        }
        listener.onInstrumentChanged(timestampNs, instrumentIndex);
        return true;
    }

    /**
     * Places an order described by {@code request} (usually {@link #orderRequest()}): validated, offset resolved,
     * risk-checked and frozen in the account, then matched in the book. Events: accepted, then any trades and
     * fills, then any cancel (IOC remainder, self-trade); or one reject.
     *
     * @param request the order, not {@code null}
     * @return the order id the venue assigned, or {@link #NULL_ORDER_ID} if rejected
     */
    public long placeOrder(OrderRequest request) {
        return flow.place(request);
    }

    /**
     * Cancels a working order of an account.
     *
     * @param timestampNs the command's time
     * @param accountId   the order's owner (another account's order is "unknown")
     * @param orderId     the order
     * @return true if cancelled
     */
    public boolean cancelOrder(long timestampNs, int accountId, long orderId) {
        return flow.cancel(timestampNs, accountId, orderId);
    }

    /**
     * Amends a working order of an account to a new price and working volume, as the book's amend does (a smaller
     * volume at the same price keeps time priority; anything else re-enters the order, which may trade at once).
     * The accounts re-freeze first, with the risk checks an increase needs; if they or the book refuse, nothing
     * changes.
     *
     * @param timestampNs the command's time
     * @param accountId   the order's owner
     * @param orderId     the order
     * @param priceTicks  the new limit price
     * @param volume      the new working volume in lots
     * @return true if amended
     */
    public boolean amendOrder(long timestampNs, int accountId, long orderId, long priceTicks, long volume) {
        return flow.amend(timestampNs, accountId, orderId, priceTicks, volume);
    }

    @Override
    public OpenOrderView orderView(long orderId) {
        return accounts.order(orderId);
    }

    /**
     * Marks an instrument: positions are revalued at this price; with {@link VenueSettings#liquidateOnMark()},
     * accounts it leaves over the liquidation threshold are liquidated in the same command.
     *
     * @param timestampNs     the command's time
     * @param instrumentIndex the instrument
     * @param priceTicks      the mark price
     * @return true if applied
     */
    public boolean markPrice(long timestampNs, int instrumentIndex, long priceTicks) {
        if (!accounts.markPrice(instrumentIndex, priceTicks)) {
            return fromAccounts();
        }
        listener.onInstrumentChanged(timestampNs, instrumentIndex);
        if (settings.liquidateOnMark()) {
            dayCycle.liquidate(timestampNs);
        }
        return true;
    }

    /**
     * Ends the trading day: see {@link DayCycle#endTradingDay}.
     *
     * @param timestampNs          the command's time
     * @param nextTradingDay       the day that starts, {@code yyyymmdd}, after {@link #tradingDay()}
     * @param settlementPriceTicks by instrument index, 0 (or a shorter array) for "the day's last price, else the
     *                             mark, else the previous settlement"; may be {@code null}
     * @return true if the day was settled and rolled
     */
    public boolean endTradingDay(long timestampNs, int nextTradingDay, long[] settlementPriceTicks) {
        if (!dayCycle.endTradingDay(timestampNs, nextTradingDay, settlementPriceTicks)) {
            return false;
        }
        if (settings.liquidateOnMark()) {
            dayCycle.liquidate(timestampNs);
        }
        return true;
    }

    /**
     * Liquidates every account over the liquidation threshold, in account order: cancels its orders and sends the
     * planner's closing orders to the books as immediate-or-cancel limit orders.
     *
     * @param timestampNs the command's time
     * @return the number of accounts liquidated
     */
    public int liquidate(long timestampNs) {
        return dayCycle.liquidate(timestampNs);
    }

    /**
     * The settings the venue runs with (risk chain, conventions, liquidation policy, phases): what an operator reads
     * to see the limits in force.
     *
     * @return never {@code null}
     */
    public VenueSettings settings() {
        return settings;
    }

    @Override
    public int tradingDay() {
        return tradingDay;
    }

    @Override
    public InstrumentRegistry registry() {
        return registry;
    }

    @Override
    public int instrumentCount() {
        return books.size();
    }

    @Override
    public OrderBookView book(int instrumentIndex) {
        return books.get(instrumentIndex);
    }

    @Override
    public InstrumentMarketDataView marketData(int instrumentIndex) {
        return marketData.get(instrumentIndex);
    }

    /**
     * Adds a kline duration to an instrument's market data (a chart asked for a duration not kept by default).
     * Bars of the new duration start from the next trade.
     *
     * @param instrumentIndex the instrument
     * @param durationNs      the bar duration, positive
     * @return true if added or already kept; false (with a reject) if the instrument is unknown or the duration
     *     is refused
     */
    public boolean addKlineDuration(int instrumentIndex, long durationNs) {
        if (!bookExists(instrumentIndex)) {
            return false;
        }
        try {
            marketData.get(instrumentIndex).addKlineDuration(durationNs);
            return true;
        } catch (IllegalArgumentException refused) {
            return rejects.set(RejectCode.VENUE_INVALID_REQUEST, refused.getMessage());
        }
    }

    @Override
    public int accountCount() {
        return accounts.accountCount();
    }

    @Override
    public Account account(int accountId) {
        return accounts.account(accountId);
    }

    @Override
    public int accountIdOf(String userName) {
        return accounts.accountIdOf(userName);
    }

    @Override
    public Position position(int accountId, int instrumentIndex) {
        return accounts.position(accountId, instrumentIndex);
    }

    @Override
    public long remainingVolume(long orderId) {
        VenueOrder order = flow.order(orderId);
        return order == null ? 0 : order.remaining;
    }

    @Override
    public long lastPriceTicks(int instrumentIndex) {
        if (!listed(instrumentIndex)) {
            return 0;
        }
        QuoteView quote = marketData.get(instrumentIndex).quote();
        return quote.volume() > 0 ? quote.lastPrice() : 0;
    }

    @Override
    public long markPriceTicks(int instrumentIndex) {
        return listed(instrumentIndex) ? accounts.markPriceTicks(instrumentIndex) : 0;
    }

    @Override
    public long lifetimeFees(int accountId) {
        return totals.fees[accountId];
    }

    @Override
    public long lifetimeFills(int accountId) {
        return totals.fills[accountId];
    }

    @Override
    public long lifetimeNetDeposits(int accountId) {
        return totals.netDeposits[accountId];
    }

    @Override
    public RejectCode rejectCode() {
        return rejects.code();
    }

    @Override
    public CharSequence rejectMessage() {
        return rejects.message();
    }

    @Override
    public long stateHash() {
        long hash = 0xcbf29ce484222325L;
        hash = (hash ^ tradingDay) * 0x100000001b3L;
        hash = (hash ^ flow.nextOrderId) * 0x100000001b3L;
        hash = (hash ^ flow.nextTradeId) * 0x100000001b3L;
        hash = (hash ^ accounts.stateHash()) * 0x100000001b3L;
        for (int i = 0; i < books.size(); i++) {
            hash = (hash ^ books.get(i).stateHash()) * 0x100000001b3L;
            hash = (hash ^ registry.get(i).status().code()) * 0x100000001b3L;
            hash = (hash ^ marketData.get(i).stateHash()) * 0x100000001b3L;
            long rates = registry.get(i).ratesHash();
            if (rates != 0) {
                hash = (hash ^ rates) * 0x100000001b3L;
            }
        }
        return (hash ^ totals.hash(accounts.accountCount())) * 0x100000001b3L;
    }

    boolean listed(int instrumentIndex) {
        return instrumentIndex >= 0 && instrumentIndex < books.size();
    }

    void onTraded(long timestampNs, int instrumentIndex, long tradeId, Side aggressorSide, long priceTicks,
                  long volume, long openInterestChange) {
        InstrumentMarketData data = marketData.get(instrumentIndex);
        data.onTrade(timestampNs, tradeId, aggressorSide, priceTicks, volume);
        if (openInterestChange != 0) {
            data.onOpenInterest(timestampNs, data.quote().openInterest() + openInterestChange);
        }
    }

    boolean fromAccounts() {
        return rejects.set(accounts.lastRejectCode(), accounts.lastRejectMessage());
    }

    private boolean fromRegistry() {
        Rejection rejection = registry.lastRejection();
        return rejects.set(rejection.code(), rejection.message());
    }

    private boolean bookExists(int instrumentIndex) {
        if (listed(instrumentIndex)) {
            return true;
        }
        rejects.start(RejectCode.UNKNOWN_INSTRUMENT).append("instrumentIndex=").append(instrumentIndex)
                .append(" is not listed");
        return false;
    }

    OrderBookSettings bookSettings(InstrumentSpec spec, int index) {
        return OrderBookSettings.builder().instrumentId(index).tickSize(1).lotSize(spec.lotSize())
                .maxQuantity(spec.maxOrderVolume()).selfTradePrevention(settings.selfTradePrevention())
                .initialPhase(settings.openingPhase()).expectedOrders(settings.expectedOrdersPerBook()).build();
    }
}
