package io.github.exchangeblocks.examples.embedded;

import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.book.OrderBook;
import io.github.exchangeblocks.api.book.OrderBookView;
import io.github.exchangeblocks.api.book.SelfTradePrevention;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.api.instrument.InstrumentStatus;
import io.github.exchangeblocks.diff.snapshot.DiffSnapshotManager;
import io.github.exchangeblocks.engine.account.AccountBook;
import io.github.exchangeblocks.engine.book.OrderBookSettings;
import io.github.exchangeblocks.engine.book.OrderBooks;
import io.github.exchangeblocks.engine.instrument.InstrumentRegistry;
import io.github.exchangeblocks.engine.risk.RiskChain;
import io.github.exchangeblocks.wal.Wal;
import io.github.exchangeblocks.wal.WalConfig;
import io.github.exchangeblocks.wal.WalWriter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A single-threaded mini exchange: instruments, accounts with pre-trade risk, one order book per instrument, a
 * write-ahead journal and a DIFF snapshot manager, wired together the way a host application would.
 *
 * <p>{@link #submit(Command)} journals the command, then applies it, then pushes what changed to
 * {@link #diff()}. The journal's durability is the {@link WalConfig}'s: with {@code SYNC_EACH} a command is on disk
 * before it is applied; with {@code GROUP} or {@code NONE} a host would hold replies until
 * {@code WalWriter.durableSequence()} covers them (not shown here). {@link #open} replays an existing journal
 * through the same apply path, which is what makes recovery exact: the state machines are deterministic.
 *
 * <p>Money is in minor units (cents, money scale 2) of one currency; prices are in ticks and volumes in lots.
 * Orders are limit orders; the books run without self-trade prevention. Not thread-safe: one thread drives it.
 */
public final class MiniExchange implements AutoCloseable {
    /** Money scale of the accounts: minor units are cents. */
    public static final int MONEY_SCALE = 2;

    private final InstrumentRegistry registry = new InstrumentRegistry(MONEY_SCALE);
    private final AccountBook accounts;
    private final List<OrderBook> books = new ArrayList<>();
    private final List<BookEvents> bookEvents = new ArrayList<>();
    private final Map<Long, WorkingOrder> orders = new HashMap<>();
    private final DiffSnapshotManager diff = new DiffSnapshotManager();
    private final DiffPublisher publisher;
    private final CommandCodec codec = new CommandCodec();
    private final WalWriter journal;
    private long nextOrderId = 1;

    private MiniExchange(WalConfig walConfig, List<InstrumentSpec> instruments, RiskChain riskChain) {
        accounts = new AccountBook(registry, riskChain);
        publisher = new DiffPublisher(diff, accounts, books, instruments.size());
        accounts.changeListener(publisher);
        for (InstrumentSpec spec : instruments) {
            int index = registry.list(spec);
            if (index < 0 || !registry.setStatus(index, InstrumentStatus.TRADING)) {
                throw new IllegalArgumentException("instrument " + spec.instrumentId() + ": "
                        + registry.lastRejection());
            }
            // The book works in ticks, like the account book: tick 1, lot and maximum from the instrument.
            OrderBookSettings settings = OrderBookSettings.builder().instrumentId(index).tickSize(1)
                    .lotSize(spec.lotSize()).maxQuantity(spec.maxOrderVolume())
                    .selfTradePrevention(SelfTradePrevention.NONE).build();
            BookEvents events = new BookEvents(index, accounts, orders, publisher);
            bookEvents.add(events);
            books.add(OrderBooks.create(settings, events));
        }
        journal = Wal.openWriter(walConfig);
    }

    /**
     * Opens an exchange over a journal directory, replaying every command already journaled there.
     *
     * @param walConfig   the journal's settings (directory, durability), not {@code null}
     * @param instruments the instruments to list and open for trading, in index order; the same list on every
     *                    restart of the same journal
     * @param riskChain   the pre-trade checks, for example {@link RiskChain#standard}, not {@code null}
     * @return the exchange, holding the journal's single writer until {@link #close()}
     * @throws IllegalArgumentException if an instrument specification is refused
     */
    public static MiniExchange open(WalConfig walConfig, List<InstrumentSpec> instruments, RiskChain riskChain) {
        MiniExchange exchange = new MiniExchange(walConfig, instruments, riskChain);
        try {
            long first = exchange.journal.firstSequence();
            if (exchange.journal.lastSequence() >= first) {
                Wal.openReader(walConfig.directory()).replay(first, record -> exchange.apply(
                        CommandCodec.decode(record.type(), record.buffer(), record.payloadOffset())));
            }
            return exchange;
        } catch (RuntimeException e) {
            exchange.close();
            throw e;
        }
    }

    /**
     * Journals a command, then applies it. Rejected commands are journaled too and are rejected again, the same
     * way, on replay. If the append fails (it throws, for example on a full disk) nothing was applied.
     *
     * @param command the command, not {@code null}
     * @return accepted, or the reject with a code and a message naming the field and the rule
     * @throws IllegalArgumentException if a string of the command is longer than 65,535 UTF-8 bytes (nothing is
     *                                  journaled or applied)
     */
    public Outcome submit(Command command) {
        int length = codec.encode(command);
        journal.append(CommandCodec.typeOf(command), codec.array(), 0, length);
        return apply(command);
    }

    /**
     * The smallest order id a new order may use: one more than the highest id placed so far.
     *
     * @return a positive id
     */
    public long nextOrderId() {
        return nextOrderId;
    }

    /**
     * One hash of the whole trading state: the account book's and every order book's state hash, in instrument
     * order. Equal for two exchanges that applied the same commands.
     *
     * @return the combined hash
     */
    public long stateHash() {
        long hash = accounts.stateHash();
        for (OrderBook book : books) {
            hash = hash * 0x100000001B3L ^ book.stateHash();
        }
        return hash;
    }

    /**
     * The accounts; read it, do not drive it (commands go through {@link #submit}).
     *
     * @return the live account book
     */
    public AccountBook accounts() {
        return accounts;
    }

    /**
     * An instrument's order book, read-only.
     *
     * @param instrumentId {@code EXCHANGE.code}
     * @return the live book view
     * @throws IllegalArgumentException if the instrument is not listed
     */
    public OrderBookView book(String instrumentId) {
        int index = registry.indexOf(instrumentId);
        if (index < 0) {
            throw new IllegalArgumentException("instrumentId=" + instrumentId + " must be listed");
        }
        return books.get(index);
    }

    /**
     * The DIFF snapshot manager holding {@code trade.<user>} and {@code quotes.<EX.ins>}; open sessions on it.
     *
     * @return the manager, to be used on this exchange's thread (peeks excepted)
     */
    public DiffSnapshotManager diff() {
        return diff;
    }

    /**
     * The sequence of the last journaled command.
     *
     * @return the sequence, or 0 before the first command
     */
    public long lastJournalSequence() {
        return journal.lastSequence();
    }

    /** Closes the journal (forcing nothing beyond the configured durability). */
    @Override
    public void close() {
        journal.close();
    }

    private Outcome apply(Command command) {
        Outcome outcome;
        if (command instanceof Command.Deposit deposit) {
            outcome = deposit(deposit);
        } else if (command instanceof Command.PlaceOrder order) {
            outcome = place(order);
        } else if (command instanceof Command.CancelOrder cancel) {
            outcome = cancel(cancel);
        } else {
            outcome = mark((Command.MarkPrice) command);
        }
        publisher.flush();
        return outcome;
    }

    private Outcome deposit(Command.Deposit command) {
        long amount = command.amountMinor();
        if (amount < 1 || amount > AccountBook.MAX_AMOUNT) {
            // Checked before the account is opened, so that a rejected first deposit leaves no account behind.
            return Outcome.rejected(RejectCode.INVALID_AMOUNT,
                    "amountMinor=" + amount + " must be in 1.." + AccountBook.MAX_AMOUNT);
        }
        int accountId = accounts.accountIdOf(command.user());
        if (accountId < 0) {
            accountId = accounts.openAccount(command.user());
            if (accountId < 0) {
                return Outcome.of(accounts.lastRejection());
            }
        }
        return accounts.deposit(accountId, amount) ? Outcome.ACCEPTED
                : Outcome.of(accounts.lastRejection());
    }

    private Outcome place(Command.PlaceOrder command) {
        int accountId = accounts.accountIdOf(command.user());
        if (accountId < 0) {
            return Outcome.rejected(RejectCode.UNKNOWN_ACCOUNT, "user=" + command.user() + " must have an account");
        }
        int index = registry.indexOf(command.instrumentId());
        if (index < 0) {
            return Outcome.rejected(RejectCode.UNKNOWN_INSTRUMENT,
                    "instrumentId=" + command.instrumentId() + " must be listed");
        }
        long orderId = command.orderId();
        if (orderId < nextOrderId) {
            return Outcome.rejected(RejectCode.DUPLICATE_ORDER_ID,
                    "orderId=" + orderId + " must be >= nextOrderId=" + nextOrderId);
        }
        // Pre-trade risk and the freeze of margin and commission, before the book can trade.
        if (!accounts.placeOrder(accountId, orderId, index, command.side(), command.offset(), OrderType.LIMIT,
                command.priceTicks(), command.volume())) {
            return Outcome.of(accounts.lastRejection());
        }
        nextOrderId = orderId + 1;
        WorkingOrder order = new WorkingOrder(command, accountId, index);
        orders.put(orderId, order);
        publisher.order(order);
        if (!books.get(index).placeOrder(command.timestampNs(), orderId, accountId, command.side(), OrderType.LIMIT,
                command.timeInForce(), command.priceTicks(), command.volume(), 0L, false,
                SelfTradePrevention.BOOK_DEFAULT)) {
            BookEvents events = bookEvents.get(index);
            accounts.cancelOrder(orderId);
            orders.remove(orderId);
            order.finish("rejected: " + events.lastRejectMessage());
            publisher.order(order);
            return Outcome.rejected(events.lastRejectCode(), events.lastRejectMessage());
        }
        return Outcome.ACCEPTED;
    }

    private Outcome cancel(Command.CancelOrder command) {
        WorkingOrder order = orders.get(command.orderId());
        if (order == null || !order.user.equals(command.user())) {
            return Outcome.rejected(RejectCode.UNKNOWN_ORDER,
                    "orderId=" + command.orderId() + " must be a working order of user=" + command.user());
        }
        OrderBook book = books.get(order.instrumentIndex);
        if (!book.cancelOrder(command.timestampNs(), order.orderId, order.accountId)) {
            BookEvents events = bookEvents.get(order.instrumentIndex);
            return Outcome.rejected(events.lastRejectCode(), events.lastRejectMessage());
        }
        return Outcome.ACCEPTED;
    }

    private Outcome mark(Command.MarkPrice command) {
        int index = registry.indexOf(command.instrumentId());
        if (index < 0) {
            return Outcome.rejected(RejectCode.UNKNOWN_INSTRUMENT,
                    "instrumentId=" + command.instrumentId() + " must be listed");
        }
        return accounts.markPrice(index, command.priceTicks()) ? Outcome.ACCEPTED
                : Outcome.of(accounts.lastRejection());
    }
}
