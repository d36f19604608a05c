package io.github.exchangeblocks.examples.server.channels;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.exchangeblocks.api.account.AccountView;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.engine.account.Account;
import io.github.exchangeblocks.engine.account.Position;
import io.github.exchangeblocks.engine.venue.VenueView;
import io.github.exchangeblocks.examples.exchange.ExchangeState;
import io.github.exchangeblocks.examples.exchange.OrderRecord;
import io.github.exchangeblocks.examples.exchange.TradeRecord;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The private channels, per user: {@code @order} (each state change of an order, encoded as it happens),
 * {@code @usertrades} (each fill), and after each batch {@code @balance} and {@code @account} for every account that
 * changed and {@code @position} for every position that changed. Topics are per user, so a message is written only
 * to its user's connections. Engine thread only.
 */
final class AccountFeed {
    private static final String ORDER = "@order";
    private static final String USER_TRADES = "@usertrades";
    private static final String BALANCE = "@balance";
    private static final String ACCOUNT = "@account";
    private static final String POSITION = "@position";
    /** The private channels in the order of {@link #topic}'s slots. */
    private static final String[] PRIVATE = {ORDER, USER_TRADES, BALANCE, ACCOUNT, POSITION};

    private final int moneyScale;
    private final BitSet dirtyAccounts = new BitSet();
    private final TreeSet<Long> dirtyPositions = new TreeSet<>();
    /** Each user's private topic keys, made once: asking whether anybody listens then costs no string. */
    private final Map<String, String[]> topicsByUser = new HashMap<>();

    AccountFeed(int moneyScale) {
        this.moneyScale = moneyScale;
    }

    void onOrder(ExchangeState state, OrderRecord order, Outbox out, long wallNs) {
        String topic = topic(0, order.user());
        if (out.interested(topic)) {
            InstrumentSpec spec = spec(state.venue(), order.instrumentId());
            out.add(topic, MessageWriter.channelBody(out.allocator(), ORDER, "", wallNs / 1_000_000, "order",
                    json -> {
                        json.writeFieldName("order");
                        order(json, order, spec);
                    }));
        }
    }

    void onTrade(ExchangeState state, TradeRecord trade, Outbox out, long wallNs) {
        String topic = topic(1, trade.user());
        if (out.interested(topic)) {
            InstrumentSpec spec = spec(state.venue(), trade.instrumentId());
            out.add(topic, MessageWriter.channelBody(out.allocator(), USER_TRADES, "", wallNs / 1_000_000, "trade",
                    json -> {
                        json.writeFieldName("trade");
                        trade(json, trade, spec);
                    }));
        }
    }

    void onAccount(int accountId) {
        dirtyAccounts.set(accountId);
    }

    void onPosition(int accountId, int instrumentIndex) {
        dirtyPositions.add(((long) accountId << 32) | instrumentIndex);
    }

    /** Batch end: balances, accounts and positions that changed. */
    void publish(VenueView venue, Outbox out, long wallNs) {
        for (int id = dirtyAccounts.nextSetBit(0); id >= 0; id = dirtyAccounts.nextSetBit(id + 1)) {
            Account account = venue.account(id);
            String balanceTopic = topic(2, account.userName());
            if (out.interested(balanceTopic)) {
                out.add(balanceTopic, MessageWriter.channelBody(out.allocator(), BALANCE, "", wallNs / 1_000_000,
                        "balance", json -> balance(json, account)));
            }
            String accountTopic = topic(3, account.userName());
            if (out.interested(accountTopic)) {
                out.add(accountTopic, MessageWriter.channelBody(out.allocator(), ACCOUNT, "", wallNs / 1_000_000,
                        "account", json -> account(json, account)));
            }
        }
        dirtyAccounts.clear();
        for (long key : dirtyPositions) {
            Account account = venue.account((int) (key >>> 32));
            Position position = venue.position((int) (key >>> 32), (int) key);
            String topic = topic(4, account.userName());
            if (position != null && out.interested(topic)) {
                out.add(topic, MessageWriter.channelBody(out.allocator(), POSITION, "", wallNs / 1_000_000,
                        "position", json -> {
                            json.writeFieldName("position");
                            position(json, position);
                        }));
            }
        }
        dirtyPositions.clear();
    }

    /** The topic key of private channel {@code PRIVATE[slot]} of {@code user}. */
    private String topic(int slot, String user) {
        String[] topics = topicsByUser.get(user);
        if (topics == null) {
            topics = new String[PRIVATE.length];
            for (int i = 0; i < topics.length; i++) {
                topics[i] = ChannelName.topicOf(PRIVATE[i], user);
            }
            topicsByUser.put(user, topics);
        }
        return topics[slot];
    }

    /** The snapshot a new subscriber of a private channel gets: the day's orders or fills, or the current figures. */
    ByteBuf snapshot(ChannelKind kind, String user, ExchangeState state, long wallNs, ByteBufAllocator allocator) {
        VenueView venue = state.venue();
        int accountId = venue.accountIdOf(user);
        Account account = accountId < 0 ? null : venue.account(accountId);
        String channel = "@" + kind.suffix();
        return MessageWriter.channelBody(allocator, channel, "", wallNs / 1_000_000, "snapshot", json -> {
            switch (kind) {
                case ORDER -> {
                    json.writeArrayFieldStart("orders");
                    for (OrderRecord order : state.orders(user)) {
                        order(json, order, spec(venue, order.instrumentId()));
                    }
                    json.writeEndArray();
                }
                case USERTRADES -> {
                    json.writeArrayFieldStart("trades");
                    for (TradeRecord trade : state.trades(user)) {
                        trade(json, trade, spec(venue, trade.instrumentId()));
                    }
                    json.writeEndArray();
                }
                case BALANCE -> {
                    if (account != null) {
                        balance(json, account);
                    }
                }
                case ACCOUNT -> {
                    if (account != null) {
                        account(json, account);
                    }
                }
                case POSITION -> {
                    json.writeArrayFieldStart("positions");
                    List<Position> positions = account == null ? List.of() : account.positions();
                    for (Position position : positions) {
                        position(json, position);
                    }
                    json.writeEndArray();
                }
                default -> throw new IllegalArgumentException("kind=" + kind + " is not a private channel");
            }
        });
    }

    private static InstrumentSpec spec(VenueView venue, String instrumentId) {
        int index = instrumentId == null ? -1 : venue.registry().indexOf(instrumentId);
        return index < 0 ? null : venue.registry().get(index).spec();
    }

    private static void order(JsonGenerator json, OrderRecord order, InstrumentSpec spec) throws IOException {
        json.writeStartObject();
        json.writeStringField("clientOrderId", order.clientOrderId());
        json.writeNumberField("orderId", order.orderId());
        json.writeStringField("instrument", order.instrumentId());
        json.writeStringField("side", order.side() == null ? null : order.side().name());
        json.writeStringField("offset", order.offset() == null ? null : order.offset().name());
        json.writeStringField("orderType", order.type() == null ? null : order.type().name());
        json.writeStringField("timeInForce", order.timeInForce() == null ? null : order.timeInForce().name());
        json.writeStringField("price", spec == null ? null : MessageWriter.price(spec, order.priceTicks()));
        json.writeNumberField("volume", order.volume());
        json.writeNumberField("volumeLeft", order.volumeLeft());
        json.writeStringField("status", order.alive() ? "ALIVE" : "FINISHED");
        json.writeStringField("message", order.lastMessage());
        json.writeNumberField("insertTime", order.insertTimeNs() / 1_000_000);
        json.writeEndObject();
    }

    private void trade(JsonGenerator json, TradeRecord trade, InstrumentSpec spec) throws IOException {
        json.writeStartObject();
        json.writeNumberField("tradeId", trade.tradeId());
        json.writeNumberField("orderId", trade.orderId());
        json.writeStringField("clientOrderId", trade.clientOrderId());
        json.writeStringField("instrument", trade.instrumentId());
        json.writeStringField("side", trade.side().name());
        json.writeStringField("offset", trade.offset().name());
        json.writeStringField("price", spec == null ? null : MessageWriter.price(spec, trade.priceTicks()));
        json.writeNumberField("volume", trade.volume());
        json.writeStringField("commission", MessageWriter.money(trade.commission(), moneyScale));
        json.writeStringField("closeProfit", MessageWriter.money(trade.closeProfit(), moneyScale));
        json.writeBooleanField("maker", trade.maker());
        json.writeNumberField("tradeTime", trade.timeNs() / 1_000_000);
        json.writeEndObject();
    }

    private void balance(JsonGenerator json, AccountView account) throws IOException {
        json.writeStringField("balance", MessageWriter.money(account.balance(), moneyScale));
        json.writeStringField("available", MessageWriter.money(account.available(), moneyScale));
        json.writeStringField("deposit", MessageWriter.money(account.deposit(), moneyScale));
        json.writeStringField("withdraw", MessageWriter.money(account.withdraw(), moneyScale));
    }

    private void account(JsonGenerator json, AccountView account) throws IOException {
        balance(json, account);
        json.writeStringField("preBalance", MessageWriter.money(account.preBalance(), moneyScale));
        json.writeStringField("staticBalance", MessageWriter.money(account.staticBalance(), moneyScale));
        json.writeStringField("closeProfit", MessageWriter.money(account.closeProfit(), moneyScale));
        json.writeStringField("positionProfit", MessageWriter.money(account.positionProfit(), moneyScale));
        json.writeStringField("floatProfit", MessageWriter.money(account.floatProfit(), moneyScale));
        json.writeStringField("commission", MessageWriter.money(account.commission(), moneyScale));
        json.writeStringField("margin", MessageWriter.money(account.margin(), moneyScale));
        json.writeStringField("frozenMargin", MessageWriter.money(account.frozenMargin(), moneyScale));
        json.writeStringField("frozenCommission", MessageWriter.money(account.frozenCommission(), moneyScale));
        json.writeStringField("riskRatio", BigDecimal.valueOf(account.riskRatioE8(), 8).toPlainString());
    }

    private void position(JsonGenerator json, Position position) throws IOException {
        json.writeStartObject();
        json.writeStringField("instrument", position.instrumentId());
        json.writeNumberField("longToday", position.volumeLongToday());
        json.writeNumberField("longHistory", position.volumeLongHis());
        json.writeNumberField("shortToday", position.volumeShortToday());
        json.writeNumberField("shortHistory", position.volumeShortHis());
        json.writeNumberField("longFrozen", position.volumeLongFrozenToday() + position.volumeLongFrozenHis());
        json.writeNumberField("shortFrozen", position.volumeShortFrozenToday() + position.volumeShortFrozenHis());
        json.writeStringField("marginLong", MessageWriter.money(position.marginLong(), moneyScale));
        json.writeStringField("marginShort", MessageWriter.money(position.marginShort(), moneyScale));
        json.writeStringField("floatProfitLong", MessageWriter.money(position.floatProfitLong(), moneyScale));
        json.writeStringField("floatProfitShort", MessageWriter.money(position.floatProfitShort(), moneyScale));
        json.writeStringField("positionProfitLong", MessageWriter.money(position.positionProfitLong(), moneyScale));
        json.writeStringField("positionProfitShort",
                MessageWriter.money(position.positionProfitShort(), moneyScale));
        json.writeStringField("lastPrice", MessageWriter.price(position.instrument().spec(),
                position.lastPriceTicks()));
        json.writeEndObject();
    }
}
