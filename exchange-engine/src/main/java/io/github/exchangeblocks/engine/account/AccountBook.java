package io.github.exchangeblocks.engine.account;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.account.AccountChangeListener;
import io.github.exchangeblocks.api.account.FillView;
import io.github.exchangeblocks.api.account.OpenOrderView;
import io.github.exchangeblocks.api.account.Rejection;
import io.github.exchangeblocks.api.settlement.AccountStatement;
import io.github.exchangeblocks.engine.instrument.Instrument;
import io.github.exchangeblocks.engine.instrument.InstrumentRegistry;
import io.github.exchangeblocks.engine.instrument.InstrumentUsage;
import io.github.exchangeblocks.engine.risk.RiskChain;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The futures account state machine: accounts, positions and open orders' freezes, driven by commands on one
 * thread. Every command validates its input and either applies completely or, refused, changes nothing and leaves
 * the reason in the one reject channel: {@link #lastRejectCode()} and {@link #lastRejectMessage()} (a reused
 * buffer; prices and money in it are decimals in the instrument's and the currency's units).
 *
 * <p>Order lifecycle, mirroring an order book: an accepted OPEN order freezes margin and commission at its freeze
 * price (the limit price; a MARKET order's protection price, or without one the band limit on its side, see
 * {@link #placeOrder}); an accepted CLOSE/CLOSETODAY freezes the position lots it takes under the instrument's close
 * rule (and their closing commission if the {@link AccountConventions} say so). A fill must be at or better than
 * the freeze price; it releases the filled part of the freeze (the freeze always equals that of the remaining
 * volume) and books margin, commission, position and close profit at the fill price, reported by
 * {@link #lastFill()}. {@link #amendOrder} re-freezes (with the risk checks when the order grows or moves),
 * {@link #reduceOrder} cancels part of the volume, {@link #cancelOrder} releases what is left. Positions are marked
 * at the instrument's mark price ({@link #markPrice}), which the first fill seeds when none was set.
 *
 * <p>Fill booking, amends, reduces, cancels, marks and refusals allocate nothing once the account holds the
 * instrument. Iteration that can affect output (settlement, hashing, snapshots) follows account id, position
 * first-open and order id order. Not thread-safe: single writer.
 */
public final class AccountBook implements AccountBookView, InstrumentUsage {
    /** Largest accepted deposit or withdrawal, minor units. */
    public static final long MAX_AMOUNT = 1_000_000_000_000_000L;
    /** Largest accepted order or fill price, ticks. */
    public static final long MAX_PRICE_TICKS = 1_000_000_000_000L;
    /** "No trading day settled yet". */
    public static final int NULL_DAY = 0;

    final InstrumentRegistry registry;
    final AccountConventions conventions;
    final ArrayList<Account> accounts = new ArrayList<>();
    final Object2IntOpenHashMap<String> accountIdByName = new Object2IntOpenHashMap<>();
    final Long2ObjectOpenHashMap<OpenOrder> orders = new Long2ObjectOpenHashMap<>();
    final Long2ObjectOpenHashMap<Position> positionsByKey = new Long2ObjectOpenHashMap<>();
    final ArrayDeque<OpenOrder> orderPool = new ArrayDeque<>();
    private final OrderAcceptance acceptance;
    private final OrderChanges changes;
    private final FillBooking fills;
    private final AccountFunds funds;
    final HolderIndex index = new HolderIndex();
    AccountChangeListener listener = AccountChangeListener.NONE;
    long feesCollected;
    int lastSettledDay = NULL_DAY;
    private final StringBuilder rejectMessage = new StringBuilder(200);
    private RejectCode rejectCode;

    /**
     * Creates an empty book with the venue-practice {@link AccountConventions#defaults()}.
     *
     * @param registry  the instruments, not {@code null}
     * @param riskChain the pre-trade checks run on every order, not {@code null}
     * @throws IllegalArgumentException if an argument is {@code null}
     */
    public AccountBook(InstrumentRegistry registry, RiskChain riskChain) {
        this(registry, riskChain, AccountConventions.defaults());
    }

    /**
     * Creates an empty book.
     *
     * @param registry    the instruments, not {@code null}
     * @param riskChain   the pre-trade checks run on every order, not {@code null}
     * @param conventions the venue's rounding, freezing and retention conventions, not {@code null}
     * @throws IllegalArgumentException if an argument is {@code null}
     */
    public AccountBook(InstrumentRegistry registry, RiskChain riskChain, AccountConventions conventions) {
        if (registry == null || riskChain == null || conventions == null) {
            throw new IllegalArgumentException("registry=" + registry + ", riskChain=" + riskChain
                    + " and conventions=" + conventions + " must not be null");
        }
        this.registry = registry;
        this.conventions = conventions;
        this.acceptance = new OrderAcceptance(this, riskChain);
        this.changes = new OrderChanges(this, acceptance);
        this.fills = new FillBooking(this);
        this.funds = new AccountFunds(this);
        accountIdByName.defaultReturnValue(-1);
    }

    @Override
    public InstrumentRegistry registry() {
        return registry;
    }

    @Override
    public AccountConventions conventions() {
        return conventions;
    }

    /**
     * Sets the listener told about every changed account and position (replacing the previous one).
     *
     * @param listener the listener, or {@code null} for none
     */
    public void changeListener(AccountChangeListener listener) {
        this.listener = listener == null ? AccountChangeListener.NONE : listener;
        index.listener = this.listener;
    }

    /**
     * Opens an account with zero balance; ids are dense, in opening order.
     *
     * @param userName unique, non-blank, at most 64 characters
     * @return the new account id, or {@code -1} if refused
     */
    public int openAccount(String userName) {
        return funds.open(userName);
    }

    @Override
    public int accountIdOf(String userName) {
        return userName == null ? -1 : accountIdByName.getInt(userName);
    }

    @Override
    public int accountCount() {
        return accounts.size();
    }

    @Override
    public Account account(int accountId) {
        return accountId >= 0 && accountId < accounts.size() ? accounts.get(accountId) : null;
    }

    @Override
    public Position position(int accountId, int instrumentIndex) {
        return positionsByKey.get(key(accountId, instrumentIndex));
    }

    /**
     * Deposits money.
     *
     * @param accountId the account
     * @param amount    minor units, {@code 1..MAX_AMOUNT}
     * @return true if booked
     */
    public boolean deposit(int accountId, long amount) {
        return funds.deposit(accountId, amount);
    }

    /**
     * Withdraws money, at most the available funds.
     *
     * @param accountId the account
     * @param amount    minor units, {@code 1..available}
     * @return true if booked
     */
    public boolean withdraw(int accountId, long amount) {
        return funds.withdraw(accountId, amount);
    }

    /**
     * Accepts an order after the structural rules and the risk chain, freezing what it needs at its freeze price:
     * the limit price of a LIMIT order; for a MARKET order its protection price, or with {@code priceTicks = 0}
     * (no protection) the band limit on its side (limit up for BUY, limit down for SELL), the worst price it can
     * trade at. A MARKET order without protection on an instrument without a band is refused with
     * {@link RejectCode#MARKET_PRICE_UNBOUNDED}: pass a collar price (for example the opposite best plus a few
     * ticks) as its protection instead.
     *
     * @param accountId       the account
     * @param orderId         exchange-assigned id, {@code > 0}, not used by another open order
     * @param instrumentIndex the instrument
     * @param side            BUY or SELL
     * @param offset          OPEN, CLOSE or CLOSETODAY
     * @param type            LIMIT or MARKET
     * @param priceTicks      limit price {@code 1..MAX_PRICE_TICKS}; for MARKET the protection price, or {@code 0}
     *                        for none
     * @param volume          lots, a positive multiple of the lot size
     * @return true if accepted; false leaves no trace
     */
    public boolean placeOrder(int accountId, long orderId, int instrumentIndex, Side side, Offset offset,
                              OrderType type, long priceTicks, long volume) {
        return acceptance.place(accountId, orderId, instrumentIndex, side, offset, type, priceTicks, volume);
    }

    /**
     * Books a fill of an open order at {@code priceTicks}, which must be at or better than the order's freeze price
     * (a BUY fills at or below it, a SELL at or above it), else it is refused with
     * {@link RejectCode#FILL_PRICE_OUTSIDE_LIMIT} and nothing changes. What the fill did is in {@link #lastFill()}.
     *
     * @param orderId    an open order
     * @param priceTicks fill price, {@code 1..MAX_PRICE_TICKS}
     * @param volume     lots, {@code 1..remaining}
     * @return true if booked
     */
    public boolean fill(long orderId, long priceTicks, long volume) {
        return fills.fill(orderId, priceTicks, volume);
    }

    @Override
    public FillView lastFill() {
        return fills.result();
    }

    /**
     * Amends an open order to {@code newVolume} working lots at {@code newPriceTicks}, as the order book's amend
     * does. The same price with fewer lots is a {@link #reduceOrder reduce}. Otherwise the order is admitted again
     * as if new, against its account's funds and the closable lots without its own freeze: structural rules, a
     * MARKET order's price may not change, and the whole risk chain (funds, position and band checks for an
     * increase); accepted, its freeze becomes that of the new volume at the new price (a closing order's lots are
     * re-split under the close rule); refused, nothing changes.
     *
     * @param orderId       an open order
     * @param newPriceTicks the new limit price (a MARKET order: its current price)
     * @param newVolume     the new working volume, a positive multiple of the lot size
     * @return true if amended
     */
    public boolean amendOrder(long orderId, long newPriceTicks, long newVolume) {
        return changes.amend(orderId, newPriceTicks, newVolume);
    }

    /**
     * Cancels part of an open order, as an order book's decrement-and-cancel self-trade prevention (its
     * {@code onCancelled} with a non-zero remainder) or a partial cancel does: the freeze becomes that of the
     * remaining volume; a closing order keeps the position lots its fills would take first under the close rule.
     * Reducing by the whole remaining volume cancels the order.
     *
     * @param orderId an open order
     * @param volume  lots to cancel, {@code 1..remaining}, a multiple of the lot size
     * @return true if reduced
     */
    public boolean reduceOrder(long orderId, long volume) {
        return changes.reduce(orderId, volume);
    }

    /**
     * Cancels (or expires) an open order, releasing everything it still freezes.
     *
     * @param orderId an open order
     * @return true if cancelled
     */
    public boolean cancelOrder(long orderId) {
        return changes.cancel(orderId);
    }

    @Override
    public OpenOrderView order(long orderId) {
        return orders.get(orderId);
    }

    void notify(Position position) {
        int accountId = position.account.accountId();
        listener.onPositionChanged(accountId, position.instrument.index());
        listener.onAccountChanged(accountId);
    }

    void removeOrder(OpenOrder order) {
        orders.remove(order.orderId);
        Position position = order.position;
        position.account.openOrderCount--;
        position.openOrders--;
        index.openOrders[position.instrument.index()]--;
        order.clear();
        orderPool.push(order);
    }

    /**
     * Sets an instrument's mark price and re-marks exactly the positions held in it (cost proportional to holders).
     *
     * @param instrumentIndex the instrument
     * @param priceTicks      the price, {@code 1..MAX_PRICE_TICKS}
     * @return true if applied
     */
    public boolean markPrice(int instrumentIndex, long priceTicks) {
        return funds.mark(instrumentIndex, priceTicks);
    }
    @Override
    public long markPriceTicks(int instrumentIndex) {
        return index.markPrice(instrumentIndex);
    }

    @Override
    public int holderCount(int instrumentIndex) {
        return index.holderCount(instrumentIndex);
    }

    @Override
    public long remainingVolume(long orderId) {
        OpenOrder order = orders.get(orderId);
        return order == null ? -1 : order.remaining;
    }

    @Override
    public long[] openOrderIds(int accountId) {
        long[] ids = new long[orders.size()];
        int n = 0;
        for (OpenOrder order : orders.values()) {
            if (order.position.account.accountId() == accountId) {
                ids[n++] = order.orderId;
            }
        }
        long[] result = Arrays.copyOf(ids, n);
        Arrays.sort(result);
        return result;
    }

    @Override
    public int openOrderCount() {
        return orders.size();
    }

    @Override
    public long feesCollected() {
        return feesCollected;
    }

    @Override
    public int lastSettledDay() {
        return lastSettledDay;
    }

    @Override
    public boolean inUse(int instrumentIndex) {
        return index.inUse(instrumentIndex);
    }

    /**
     * Settles a trading day. Every held instrument is marked at its settlement price; each account's position
     * profit is realised into the balance; position cost moves to the settlement price and margins are recomputed
     * there (rounded by the conventions' margin rounding); today's lots join history; {@code pre_balance} becomes
     * the balance and deposit, withdraw, close_profit and commission restart from zero. Balances are unchanged.
     * Flat positions are kept with zero volumes when the conventions retain them (see
     * {@link #purgeFlatPositions()}), else dropped. Refused, changing nothing, if the day is not after
     * {@link #lastSettledDay()}, if any order is open (cancel or expire them first), or if a held instrument has
     * no settlement price.
     *
     * @param tradingDay           {@code yyyymmdd}, after the last settled day
     * @param settlementPriceTicks settlement price by instrument index ({@code 0} = none); every held instrument
     *                             needs one
     * @param statements           receives one statement per account in id order (lines for positions holding
     *                             volume); may be {@code null}
     * @return true if settled; false changes nothing
     */
    public boolean settle(int tradingDay, long[] settlementPriceTicks, List<AccountStatement> statements) {
        if (!DayRoll.check(this, tradingDay, settlementPriceTicks)) {
            return false;
        }
        DayRoll.apply(this, tradingDay, settlementPriceTicks, statements);
        return true;
    }

    /**
     * Removes every flat position (no volume, no open order) of every account, in account id and first-open order,
     * telling the change listener about each (a DIFF host then sends {@code null} for its key). With conventions
     * that drop flat positions at settlement this only removes the ones flattened since.
     *
     * @return the number of positions removed
     */
    public int purgeFlatPositions() {
        return DayRoll.purge(this);
    }

    @Override
    public long stateHash() {
        return AccountBookState.hash(this);
    }

    /**
     * Writes the whole state, conventions included, as a versioned binary snapshot (magic {@code EBAB}, version 2;
     * the layouts are pinned by golden files in the tests).
     *
     * @return a new byte array
     */
    public byte[] snapshot() {
        return AccountBookState.write(this);
    }

    /**
     * Rebuilds a book from {@link #snapshot()} bytes (version 2, or version 1 written by earlier releases, which
     * restores with {@link AccountConventions#legacy()}); instruments are resolved by id in {@code registry} and
     * must have the same indexes as when the snapshot was taken.
     *
     * @param snapshot  snapshot bytes
     * @param registry  the instruments
     * @param riskChain the pre-trade checks of the new book
     * @return the restored book, whose {@link #stateHash()} equals the original's
     * @throws IllegalArgumentException if the bytes are not a valid snapshot for this registry
     */
    public static AccountBook restore(byte[] snapshot, InstrumentRegistry registry, RiskChain riskChain) {
        return AccountBookState.read(snapshot, registry, riskChain);
    }

    @Override
    public RejectCode lastRejectCode() {
        return rejectCode;
    }

    @Override
    public CharSequence lastRejectMessage() {
        return rejectMessage;
    }

    @Override
    public Rejection lastRejection() {
        return rejectCode == null ? null : new Rejection(rejectCode, rejectMessage.toString());
    }

    Position newPosition(Account account, Instrument instrument) {
        Position position = new Position(account, instrument);
        index.add(position);
        account.positions.add(position);
        positionsByKey.put(key(account.accountId(), instrument.index()), position);
        return position;
    }

    void dropPosition(Position position) {
        index.remove(position);
        positionsByKey.remove(key(position.account.accountId(), position.instrument.index()));
    }

    static long key(int accountId, int instrumentIndex) {
        return ((long) accountId << 32) | (instrumentIndex & 0xFFFF_FFFFL);
    }

    /** Starts a refusal: records the code and returns the cleared message buffer to append the reason to. */
    StringBuilder refuse(RejectCode code) {
        rejectCode = code;
        rejectMessage.setLength(0);
        return rejectMessage;
    }
}
