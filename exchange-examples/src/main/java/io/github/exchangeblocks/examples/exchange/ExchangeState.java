package io.github.exchangeblocks.examples.exchange;

import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.account.AccountView;
import io.github.exchangeblocks.engine.venue.OrderRequest;
import io.github.exchangeblocks.engine.venue.Venue;
import io.github.exchangeblocks.engine.venue.VenueListener;
import io.github.exchangeblocks.engine.venue.VenueSettings;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.AmendOrder;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.CancelOrder;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.Deposit;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.EndTradingDay;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.InsertOrder;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.Liquidate;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.ListInstrument;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.MarkPrice;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.RegisterUser;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.SetInstrumentStatus;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.SetPhase;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.SetPriceBand;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.SetReferencePrice;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.UpdateRates;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.Withdraw;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The exchange's state machine: the {@link Venue} plus what a running exchange adds around it (users by name,
 * client order ids per user and day, the day's orders and trades). {@link #apply} is the one place where a command
 * becomes events. Deterministic: the same commands with the same times give the same events and the same
 * {@link #stateHash()}; it reads no clock and starts no thread. Not thread-safe: the engine thread (or a test, or a
 * replay) drives it, and listeners read it during their calls.
 */
public final class ExchangeState {
    /** Client order ids of the orders the venue places itself (forced liquidation) start with this. */
    public static final String LIQUIDATION_PREFIX = "liquidation-";
    private static final int MAX_ID_LENGTH = 64;

    final Venue venue;
    final ExchangeListener listener;
    final List<UserDay> users = new ArrayList<>();
    final Long2ObjectOpenHashMap<OrderRecord> byOrderId = new Long2ObjectOpenHashMap<>();
    final LiquidationHistory liquidations = new LiquidationHistory();
    OrderRecord inserting;
    private RejectCode resultCode;
    private String resultMessage = "accepted";

    /**
     * Creates an empty exchange state.
     *
     * @param settings   the venue's settings, not {@code null}
     * @param tradingDay the first trading day, {@code yyyymmdd}
     * @param listener   receives every event, not {@code null}
     */
    public ExchangeState(VenueSettings settings, int tradingDay, ExchangeListener listener) {
        this(listener, events -> Venue.create(settings, tradingDay, events));
    }

    ExchangeState(ExchangeListener listener, Function<VenueListener, Venue> venueFactory) {
        this.listener = Objects.requireNonNull(listener, "listener must not be null");
        this.venue = venueFactory.apply(new VenueEvents(this));
    }

    /**
     * Rebuilds a state from {@link #writeSnapshot()} bytes; reports no events.
     *
     * @param settings the venue's settings (as when the snapshot was written), not {@code null}
     * @param snapshot the bytes
     * @param listener receives every event from now on, not {@code null}
     * @return the state, with the same {@link #stateHash()} as the one that wrote the snapshot
     * @throws IllegalArgumentException if the bytes are not a valid state snapshot
     */
    public static ExchangeState restore(VenueSettings settings, byte[] snapshot, ExchangeListener listener) {
        return StateSnapshot.read(settings, snapshot, listener);
    }

    /**
     * Writes the whole state (venue, users' orders and trades of the day) in the versioned snapshot format.
     *
     * @return a new byte array
     */
    public byte[] writeSnapshot() {
        return StateSnapshot.write(this);
    }

    /**
     * Applies one command at its time.
     *
     * @param timestampNs the command's time, nanoseconds since the epoch
     * @param command     the command; {@code null} is rejected like any bad command
     * @return {@code null} if accepted, else the reject code ({@link #resultMessage()} says why)
     */
    public RejectCode apply(long timestampNs, ExchangeCommand command) {
        resultCode = null;
        resultMessage = "accepted";
        String user = null;
        boolean ok;
        if (command instanceof RegisterUser c) {
            ok = venue.openAccount(c.user()) >= 0;
            if (ok) {
                listener.onUserRegistered(c.user());
            } else if (venue.rejectCode() == RejectCode.ACCOUNT_EXISTS) {
                ok = reject(RejectCode.EXCHANGE_USER_EXISTS, "user=" + c.user() + " is already registered");
            } else {
                ok = fromVenue();
            }
        } else if (command instanceof Deposit c) {
            user = c.user();
            int account = accountOf(user);
            ok = account >= 0 && (venue.deposit(timestampNs, account, c.amountMinor()) || fromVenue());
        } else if (command instanceof Withdraw c) {
            user = c.user();
            int account = accountOf(user);
            ok = account >= 0 && (venue.withdraw(timestampNs, account, c.amountMinor()) || fromVenue());
        } else if (command instanceof ListInstrument c) {
            ok = c.spec() == null ? reject(RejectCode.EXCHANGE_INVALID_COMMAND, "spec=null must be given")
                    : venue.listInstrument(timestampNs, c.spec()) >= 0 || fromVenue();
        } else if (command instanceof SetInstrumentStatus c) {
            int index = instrumentOf(c.instrumentId());
            ok = index >= 0 && notNull(c.status(), "status")
                    && (venue.setInstrumentStatus(timestampNs, index, c.status()) || fromVenue());
        } else if (command instanceof SetPhase c) {
            int index = instrumentOf(c.instrumentId());
            ok = index >= 0 && notNull(c.phase(), "phase")
                    && (venue.setPhase(timestampNs, index, c.phase()) || fromVenue());
        } else if (command instanceof SetPriceBand c) {
            int index = instrumentOf(c.instrumentId());
            ok = index >= 0 && (venue.setPriceBand(timestampNs, index, c.lowTicks(), c.highTicks()) || fromVenue());
        } else if (command instanceof SetReferencePrice c) {
            int index = instrumentOf(c.instrumentId());
            ok = index >= 0 && (venue.setReferencePrice(timestampNs, index, c.priceTicks()) || fromVenue());
        } else if (command instanceof InsertOrder c) {
            user = c.user();
            ok = insert(timestampNs, c);
        } else if (command instanceof CancelOrder c) {
            user = c.user();
            ok = cancel(timestampNs, c);
        } else if (command instanceof AmendOrder c) {
            user = c.user();
            ok = amend(timestampNs, c);
        } else if (command instanceof MarkPrice c) {
            int index = instrumentOf(c.instrumentId());
            ok = index >= 0 && (venue.markPrice(timestampNs, index, c.priceTicks()) || fromVenue());
        } else if (command instanceof EndTradingDay c) {
            ok = endOfDay(timestampNs, c);
        } else if (command instanceof UpdateRates c) {
            int index = instrumentOf(c.instrumentId());
            ok = index >= 0 && (venue.updateRates(timestampNs, index, c.longMarginRateE8(), c.shortMarginRateE8(),
                    c.openCommission(), c.closeCommission(), c.closeTodayCommission()) || fromVenue());
        } else if (command instanceof Liquidate) {
            venue.liquidate(timestampNs);
            ok = true;
        } else {
            ok = reject(RejectCode.EXCHANGE_INVALID_COMMAND, "command=null must be given");
        }
        if (!ok) {
            listener.onNotify(user != null && venue.accountIdOf(user) >= 0 ? user : null, resultCode,
                    resultMessage);
        }
        return resultCode;
    }

    /** @return why the last applied command was rejected, or "accepted" */
    public String resultMessage() {
        return resultMessage;
    }

    /** @return the venue (read it on the engine thread; change it only through {@link #apply}) */
    public Venue venue() {
        return venue;
    }

    /**
     * @param user a user name
     * @return the user's orders of the day in insert order (live records), empty if none or unknown
     */
    public List<OrderRecord> orders(String user) {
        int account = venue.accountIdOf(user);
        return account < 0 ? List.of() : Collections.unmodifiableList(user(account).orders);
    }

    /**
     * @param user a user name
     * @return the user's trades of the day in order, empty if none or unknown
     */
    public List<TradeRecord> trades(String user) {
        int account = venue.accountIdOf(user);
        return account < 0 ? List.of() : Collections.unmodifiableList(user(account).trades);
    }

    /**
     * The forced-liquidation orders placed so far (bounded), rebuilt by replay and carried by snapshots.
     *
     * @return the history (read it on the engine thread)
     */
    public LiquidationHistory liquidations() {
        return liquidations;
    }

    /**
     * @param user a user name
     * @return the user's account, or {@code null} if unknown
     */
    public AccountView account(String user) {
        int account = venue.accountIdOf(user);
        return account < 0 ? null : venue.account(account);
    }

    /**
     * The venue's state hash combined with the day's order records (client ids, volumes left, status), in account
     * and insert order, and the liquidation history (when not empty).
     *
     * @return the hash
     */
    public long stateHash() {
        long hash = venue.stateHash();
        for (int i = 0; i < venue.accountCount(); i++) {
            for (OrderRecord order : user(i).orders) {
                hash = (hash ^ order.clientOrderId.hashCode()) * 0x100000001b3L;
                hash = (hash ^ order.orderId) * 0x100000001b3L;
                hash = (hash ^ order.volumeLeft) * 0x100000001b3L;
                hash = (hash ^ (order.alive ? 1 : 0)) * 0x100000001b3L;
            }
            hash = (hash ^ user(i).trades.size()) * 0x100000001b3L;
        }
        return liquidations.hash(hash);
    }

    UserDay user(int accountId) {
        while (users.size() <= accountId) {
            int id = users.size();
            users.add(new UserDay(venue.account(id).userName(), id));
        }
        return users.get(accountId);
    }

    private boolean insert(long timestampNs, InsertOrder c) {
        int account = accountOf(c.user());
        if (account < 0) {
            return false;
        }
        String clientId = c.clientOrderId();
        if (clientId == null || clientId.isEmpty() || clientId.length() > MAX_ID_LENGTH
                || clientId.startsWith(LIQUIDATION_PREFIX)) {
            return reject(RejectCode.EXCHANGE_INVALID_COMMAND, "clientOrderId=" + clientId + " must be 1.."
                    + MAX_ID_LENGTH + " characters, not starting with the reserved \"" + LIQUIDATION_PREFIX + "\"");
        }
        OrderRecord order = new OrderRecord(c.user(), clientId, c.instrumentId(), c.side(), c.offset(), c.type(),
                c.timeInForce(), c.priceTicks(), c.volume(), timestampNs);
        if (!user(account).add(order)) {
            return reject(RejectCode.EXCHANGE_DUPLICATE_CLIENT_ORDER_ID, "clientOrderId=" + clientId
                    + " is already used today by user=" + c.user());
        }
        int index = venue.registry().indexOf(c.instrumentId() == null ? "" : c.instrumentId());
        if (index < 0) {
            order.lastMessage = "instrumentId=" + c.instrumentId() + " must be listed";
            listener.onOrder(order);
            return reject(RejectCode.UNKNOWN_INSTRUMENT, order.lastMessage);
        }
        OrderRequest request = venue.orderRequest().clear().timestampNs(timestampNs).accountId(account)
                .instrumentIndex(index).side(c.side()).offset(c.offset()).type(c.type())
                .timeInForce(c.timeInForce()).priceTicks(c.priceTicks()).volume(c.volume())
                .minVolume(c.minVolume());
        inserting = order;
        try {
            return venue.placeOrder(request) != Venue.NULL_ORDER_ID || fromVenue();
        } finally {
            inserting = null;
        }
    }

    private boolean cancel(long timestampNs, CancelOrder c) {
        int account = accountOf(c.user());
        OrderRecord order = account < 0 ? null : workingOrder(account, c.clientOrderId());
        return order != null && (venue.cancelOrder(timestampNs, account, order.orderId) || fromVenue());
    }

    private boolean amend(long timestampNs, AmendOrder c) {
        int account = accountOf(c.user());
        OrderRecord order = account < 0 ? null : workingOrder(account, c.clientOrderId());
        return order != null && (venue.amendOrder(timestampNs, account, order.orderId, c.priceTicks(), c.volume())
                || fromVenue());
    }

    /** The account's working order with this client id, or {@code null} after recording why not. */
    private OrderRecord workingOrder(int account, String clientOrderId) {
        UserDay day = user(account);
        OrderRecord order = clientOrderId == null ? null : day.workingOrder(clientOrderId);
        if (order == null) {
            reject(RejectCode.UNKNOWN_ORDER, "clientOrderId=" + clientOrderId + " must name a working order of user="
                    + day.user);
        }
        return order;
    }

    private boolean endOfDay(long timestampNs, EndTradingDay c) {
        long[] prices = new long[venue.instrumentCount()];
        if (c.settlementPrices() != null) {
            for (Map.Entry<String, Long> e : c.settlementPrices().entrySet()) {
                int index = instrumentOf(e.getKey());
                if (index < 0) {
                    return false;
                }
                prices[index] = e.getValue() == null ? 0 : e.getValue();
            }
        }
        return venue.endTradingDay(timestampNs, c.nextTradingDay(), prices) || fromVenue();
    }

    private int accountOf(String user) {
        int account = user == null ? -1 : venue.accountIdOf(user);
        if (account < 0) {
            reject(RejectCode.EXCHANGE_UNKNOWN_USER, "user=" + user + " must be registered");
        }
        return account;
    }

    private int instrumentOf(String instrumentId) {
        int index = instrumentId == null ? -1 : venue.registry().indexOf(instrumentId);
        if (index < 0) {
            reject(RejectCode.UNKNOWN_INSTRUMENT, "instrumentId=" + instrumentId + " must be listed");
        }
        return index;
    }

    private boolean notNull(Object value, String field) {
        return value != null || reject(RejectCode.EXCHANGE_INVALID_COMMAND, field + "=null must be given");
    }

    private boolean reject(RejectCode code, String message) {
        resultCode = code;
        resultMessage = message;
        return false;
    }

    private boolean fromVenue() {
        return reject(venue.rejectCode(), venue.rejectMessage().toString());
    }
}
