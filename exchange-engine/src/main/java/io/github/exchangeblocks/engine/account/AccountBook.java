package io.github.exchangeblocks.engine.account;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.account.AccountChangeListener;
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
 * the reason in {@link #lastRejection()}.
 *
 * <p>Order lifecycle: an accepted OPEN order freezes margin and commission at its price (a MARKET order at the
 * protection price it carries); an accepted CLOSE/CLOSETODAY freezes the position lots it takes under the
 * instrument's close rule and the commission of closing them. A fill releases the filled part of the freeze
 * (the freeze always equals that of the remaining volume) and books margin, commission, position and close profit
 * at the fill price; a cancel releases what is left. Positions are marked at the instrument's mark price
 * ({@link #markPrice}), which the first fill seeds when none was set.
 *
 * <p>Fill booking, cancels and marks allocate nothing once the account holds the instrument. Iteration that can
 * affect output (settlement, hashing, snapshots) follows account id, position first-open and order id order.
 * Not thread-safe: single writer.
 */
public final class AccountBook implements InstrumentUsage {
    /** Largest accepted deposit or withdrawal, minor units. */
    public static final long MAX_AMOUNT = 1_000_000_000_000_000L;
    /** Largest accepted order or fill price, ticks. */
    public static final long MAX_PRICE_TICKS = 1_000_000_000_000L;
    /** "No trading day settled yet". */
    public static final int NULL_DAY = 0;

    final InstrumentRegistry registry;
    final ArrayList<Account> accounts = new ArrayList<>();
    private final Object2IntOpenHashMap<String> accountIdByName = new Object2IntOpenHashMap<>();
    final Long2ObjectOpenHashMap<OpenOrder> orders = new Long2ObjectOpenHashMap<>();
    final Long2ObjectOpenHashMap<Position> positionsByKey = new Long2ObjectOpenHashMap<>();
    final ArrayDeque<OpenOrder> orderPool = new ArrayDeque<>();
    private final OrderAcceptance acceptance;
    final HolderIndex index = new HolderIndex();
    AccountChangeListener listener = AccountChangeListener.NONE;
    long feesCollected;
    int lastSettledDay = NULL_DAY;
    private Rejection lastRejection;

    /**
     * Creates an empty book.
     *
     * @param registry  the instruments, not {@code null}
     * @param riskChain the pre-trade checks run on every order, not {@code null}
     */
    public AccountBook(InstrumentRegistry registry, RiskChain riskChain) {
        if (registry == null || riskChain == null) {
            throw new IllegalArgumentException("registry and riskChain must not be null");
        }
        this.registry = registry;
        this.acceptance = new OrderAcceptance(this, riskChain);
        accountIdByName.defaultReturnValue(-1);
    }

    /**
     * The instrument registry.
     *
     * @return never {@code null}
     */
    public InstrumentRegistry registry() {
        return registry;
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
        if (userName == null || userName.isBlank() || userName.length() > 64) {
            return reject(RejectCode.MALFORMED_INPUT, "userName=" + userName + " must be 1..64 characters, not blank");
        }
        if (accountIdByName.containsKey(userName)) {
            return reject(RejectCode.ACCOUNT_EXISTS, "userName=" + userName + " already has an account");
        }
        int id = accounts.size();
        accounts.add(new Account(id, userName));
        accountIdByName.put(userName, id);
        return id;
    }

    /**
     * The id of a user's account.
     *
     * @param userName the name given at opening
     * @return the id, or {@code -1} if unknown
     */
    public int accountIdOf(String userName) {
        return userName == null ? -1 : accountIdByName.getInt(userName);
    }

    /**
     * Number of accounts.
     *
     * @return the count
     */
    public int accountCount() {
        return accounts.size();
    }

    /**
     * An account by id.
     *
     * @param accountId a value returned by {@link #openAccount}
     * @return the live account, or {@code null} if unknown
     */
    public Account account(int accountId) {
        return accountId >= 0 && accountId < accounts.size() ? accounts.get(accountId) : null;
    }

    /**
     * An account's position in an instrument.
     *
     * @param accountId       the account
     * @param instrumentIndex the instrument
     * @return the live position, or {@code null} if the account has none
     */
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
        Account account = account(accountId);
        if (account == null) {
            return reject(RejectCode.UNKNOWN_ACCOUNT, "accountId=" + accountId + " is not open") >= 0;
        }
        if (amount <= 0 || amount > MAX_AMOUNT) {
            return reject(RejectCode.INVALID_AMOUNT, "amount=" + amount + " must be in 1.." + MAX_AMOUNT) >= 0;
        }
        account.deposit += amount;
        listener.onAccountChanged(accountId);
        return true;
    }

    /**
     * Withdraws money, at most the available funds.
     *
     * @param accountId the account
     * @param amount    minor units, {@code 1..available}
     * @return true if booked
     */
    public boolean withdraw(int accountId, long amount) {
        Account account = account(accountId);
        if (account == null) {
            return reject(RejectCode.UNKNOWN_ACCOUNT, "accountId=" + accountId + " is not open") >= 0;
        }
        if (amount <= 0 || amount > MAX_AMOUNT) {
            return reject(RejectCode.INVALID_AMOUNT, "amount=" + amount + " must be in 1.." + MAX_AMOUNT) >= 0;
        }
        long available = account.available();
        if (amount > available) {
            return reject(RejectCode.INSUFFICIENT_AVAILABLE, "amount=" + amount + " must be <= available="
                    + available) >= 0;
        }
        account.withdraw += amount;
        listener.onAccountChanged(accountId);
        return true;
    }

    /**
     * Accepts an order after the structural rules and the risk chain, freezing what it needs.
     *
     * @param accountId       the account
     * @param orderId         exchange-assigned id, {@code > 0}, not used by another open order
     * @param instrumentIndex the instrument
     * @param side            BUY or SELL
     * @param offset          OPEN, CLOSE or CLOSETODAY
     * @param type            LIMIT or MARKET
     * @param priceTicks      limit price, or protection price of a MARKET order, {@code 1..MAX_PRICE_TICKS}
     * @param volume          lots, a positive multiple of the lot size
     * @return true if accepted; false leaves no trace
     */
    public boolean placeOrder(int accountId, long orderId, int instrumentIndex, Side side, Offset offset,
                              OrderType type, long priceTicks, long volume) {
        return acceptance.place(accountId, orderId, instrumentIndex, side, offset, type, priceTicks, volume);
    }

    /**
     * Books a fill of an open order at {@code priceTicks}.
     *
     * @param orderId    an open order
     * @param priceTicks fill price, {@code 1..MAX_PRICE_TICKS}
     * @param volume     lots, {@code 1..remaining}
     * @return true if booked
     */
    public boolean fill(long orderId, long priceTicks, long volume) {
        OpenOrder order = orders.get(orderId);
        if (order == null) {
            return reject(RejectCode.UNKNOWN_ORDER, "orderId=" + orderId + " is not open") >= 0;
        }
        if (volume <= 0 || volume > order.remaining || priceTicks <= 0 || priceTicks > MAX_PRICE_TICKS) {
            return reject(RejectCode.INVALID_FILL, "fill volume=" + volume + " must be in 1.." + order.remaining
                    + " and priceTicks=" + priceTicks + " in 1.." + MAX_PRICE_TICKS) >= 0;
        }
        Position position = order.position;
        int instrument = position.instrument.index();
        long sideAfter = order.offset == Offset.OPEN ? position.sideVolume(order.side == Side.BUY) + volume : 0;
        if (!fillFits(position.instrument, priceTicks, Math.max(sideAfter, volume))) {
            return reject(RejectCode.INVALID_FILL, "fill priceTicks=" + priceTicks + " x volume=" + volume
                    + " takes a notional out of range") >= 0;
        }
        index.noteSideVolume(instrument, sideAfter);
        if (index.markPriceTicks[instrument] == 0) {
            index.markPriceTicks[instrument] = priceTicks;
        }
        long remaining = order.remaining - volume;
        feesCollected += order.offset == Offset.OPEN
                ? FillBooking.open(order, priceTicks, volume) : FillBooking.close(order, priceTicks, volume);
        position.mark(index.markPriceTicks[instrument]);
        order.remaining = remaining;
        if (remaining == 0) {
            removeOrder(order);
        }
        notify(position);
        return true;
    }

    private boolean fillFits(Instrument instrument, long priceTicks, long volume) {
        try {
            instrument.notional(priceTicks, volume);
            long mark = index.markPrice(instrument.index());
            if (mark != 0) {
                instrument.notional(mark, volume);
            }
            return true;
        } catch (ArithmeticException overflow) {
            return false;
        }
    }

    /**
     * Cancels (or expires) an open order, releasing everything it still freezes.
     *
     * @param orderId an open order
     * @return true if cancelled
     */
    public boolean cancelOrder(long orderId) {
        OpenOrder order = orders.get(orderId);
        if (order == null) {
            return reject(RejectCode.UNKNOWN_ORDER, "orderId=" + orderId + " is not open") >= 0;
        }
        Position position = order.position;
        Account account = position.account;
        account.frozenMargin -= order.frozenMargin;
        account.frozenCommission -= order.frozenCommission;
        if (order.offset == Offset.OPEN) {
            position.pendingOpen[order.side == Side.BUY ? 0 : 1] -= order.remaining;
        } else {
            int bucketToday = order.closeBucketToday();
            position.frozen[bucketToday] -= order.frozenToday;
            position.frozen[bucketToday + 1] -= order.frozenHis;
        }
        removeOrder(order);
        notify(position);
        return true;
    }

    void notify(Position position) {
        int accountId = position.account.accountId();
        listener.onPositionChanged(accountId, position.instrument.index());
        listener.onAccountChanged(accountId);
    }

    private void removeOrder(OpenOrder order) {
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
        if (!registry.contains(instrumentIndex)) {
            return reject(RejectCode.UNKNOWN_INSTRUMENT, "instrumentIndex=" + instrumentIndex + " is not listed") >= 0;
        }
        if (priceTicks <= 0 || priceTicks > MAX_PRICE_TICKS) {
            return reject(RejectCode.INVALID_AMOUNT, "priceTicks=" + priceTicks + " must be in 1.."
                    + MAX_PRICE_TICKS) >= 0;
        }
        if (!index.markFits(registry.get(instrumentIndex), priceTicks)) {
            return reject(RejectCode.INVALID_AMOUNT, "priceTicks=" + priceTicks + " x largest position "
                    + index.maxSideVolume[instrumentIndex] + " takes a notional out of range") >= 0;
        }
        index.mark(instrumentIndex, priceTicks);
        return true;
    }

    /**
     * An instrument's mark price.
     *
     * @param instrumentIndex the instrument
     * @return ticks, {@code 0} if never set
     */
    public long markPriceTicks(int instrumentIndex) {
        return index.markPrice(instrumentIndex);
    }

    /**
     * Number of positions (including flat ones kept until settlement) indexed under an instrument.
     *
     * @param instrumentIndex the instrument
     * @return the count
     */
    public int holderCount(int instrumentIndex) {
        return index.holderCount(instrumentIndex);
    }

    /**
     * Remaining volume of an open order.
     *
     * @param orderId the order
     * @return lots, or {@code -1} if the order is not open
     */
    public long remainingVolume(long orderId) {
        OpenOrder order = orders.get(orderId);
        return order == null ? -1 : order.remaining;
    }

    /**
     * Ids of an account's open orders, ascending.
     *
     * @param accountId the account
     * @return a new sorted array
     */
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

    /**
     * Number of open orders over all accounts.
     *
     * @return the count
     */
    public int openOrderCount() {
        return orders.size();
    }

    /**
     * Commission collected over all accounts since the book was created (never reset by settlement).
     *
     * @return minor units
     */
    public long feesCollected() {
        return feesCollected;
    }

    /**
     * The last settled trading day.
     *
     * @return {@code yyyymmdd}, or {@link #NULL_DAY}
     */
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
     * there (rounded up); today's lots join history; {@code pre_balance} becomes the balance and deposit, withdraw,
     * close_profit and commission restart from zero. Balances are unchanged; flat positions are dropped. Refused,
     * changing nothing, if the day is not after {@link #lastSettledDay()}, if any order is open (cancel or expire
     * them first), or if a held instrument has no settlement price.
     *
     * @param tradingDay           {@code yyyymmdd}, after the last settled day
     * @param settlementPriceTicks settlement price by instrument index ({@code 0} = none); every held instrument
     *                             needs one
     * @param statements           receives one statement per account in id order; may be {@code null}
     * @return true if settled; false changes nothing
     */
    public boolean settle(int tradingDay, long[] settlementPriceTicks, List<AccountStatement> statements) {
        Rejection refusal = DayRoll.refusal(this, tradingDay, settlementPriceTicks);
        if (refusal != null) {
            lastRejection = refusal;
            return false;
        }
        DayRoll.apply(this, tradingDay, settlementPriceTicks, statements);
        return true;
    }

    /**
     * A 64-bit FNV-1a hash of the whole state (instruments' mark prices, accounts by id with their positions in
     * first-open order, open orders by id): equal for books driven by the same commands, and for a book and the
     * book restored from its snapshot.
     *
     * @return the hash
     */
    public long stateHash() {
        return AccountBookState.hash(this);
    }

    /**
     * Writes the whole state as a versioned binary snapshot (magic {@code EBAB}, version 1; the layout is pinned
     * by a golden file in the tests).
     *
     * @return a new byte array
     */
    public byte[] snapshot() {
        return AccountBookState.write(this);
    }

    /**
     * Rebuilds a book from {@link #snapshot()} bytes; instruments are resolved by id in {@code registry} and must
     * have the same indexes as when the snapshot was taken.
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

    /**
     * Why the last refused command was refused.
     *
     * @return the rejection, or {@code null} if nothing was refused yet
     */
    public Rejection lastRejection() {
        return lastRejection;
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

    int reject(RejectCode code, String text) {
        lastRejection = new Rejection(code, text);
        return -1;
    }
}
