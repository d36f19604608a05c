package io.github.exchangeblocks.bench.exchange;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.RejectCode;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.engine.venue.VenueSettings;
import io.github.exchangeblocks.examples.exchange.Defaults;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand;
import io.github.exchangeblocks.examples.exchange.ExchangeListener;
import io.github.exchangeblocks.examples.exchange.ExchangeState;
import io.github.exchangeblocks.examples.exchange.OrderRecord;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A realistic command mix for one instrument and 20 users, generated up front by running it against an
 * {@link ExchangeState}, so that every cancel and amend names an order that is working at that moment and the book
 * stays at a steady depth: passive GTC limits 50% (1-10 ticks from a slowly walking mid), cancels of a working order
 * 30%, crossing IOC 10%, crossing GTC 5%, amends (a working order moved by a tick) 5%. Once the book holds
 * {@value #TARGET_WORKING} working orders, a passive order gives way to a cancel. Offsets are {@code AUTO}, so
 * positions open and close and stay bounded. {@link Generated#rejectShare} says how much of a stream the exchange
 * refused (a realistic stream is almost all accepted; a stream of rejects would measure the reject path instead).
 *
 * <p>Client order ids count up ({@code "o1"}, {@code "o2"}, ...: the command's index), as CTP's {@code OrderRef}
 * and most trading programs make them, or, with {@code randomIds}, are a fixed prefix and 32 random hex digits (a
 * UUID's worth), as clients that make ids without a counter do; the command mix is the same either way.
 */
final class CoreWorkload {
    static final int USERS = 20;
    static final int TARGET_WORKING = 1_000;
    /** The tools' option (anywhere among their arguments) for random client order ids instead of counting ones. */
    static final String RANDOM_IDS = "--random-ids";

    private CoreWorkload() {
    }

    /** @return the 20 users: {@code u0..u19} */
    static List<String> users() {
        List<String> users = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            users.add("u" + u);
        }
        return users;
    }

    /** @return the bootstrap commands: the instrument, the users and their deposits */
    static List<ExchangeCommand> setup(List<String> users) {
        return Defaults.bootstrap(List.of(Defaults.COPPER), users, 1_000_000_000_000L);
    }

    /** @return whether the tool's arguments ask for random client order ids ({@value #RANDOM_IDS}) */
    static boolean randomIds(String[] options) {
        return List.of(options).contains(RANDOM_IDS);
    }

    /** @return the tool's arguments without {@value #RANDOM_IDS}, its positional arguments in order */
    static String[] positional(String[] options) {
        return Arrays.stream(options).filter(option -> !option.equals(RANDOM_IDS)).toArray(String[]::new);
    }

    /** @return a random client order id: a fixed prefix and 32 random hex digits, a UUID's worth */
    static String randomClientOrderId(SplittableRandom random) {
        return String.format("PY_insert_%016x%016x", random.nextLong(), random.nextLong());
    }

    static ExchangeCommand[] commands(long seed, int count) {
        return commands(seed, count, users());
    }

    /**
     * @param users the {@value #USERS} users' names (a gateway passes the same name instance on every command)
     */
    static ExchangeCommand[] commands(long seed, int count, List<String> users) {
        return generated(seed, count, users, false).commands;
    }

    /**
     * @param randomIds whether client order ids are random instead of counting up
     */
    static ExchangeCommand[] commands(long seed, int count, List<String> users, boolean randomIds) {
        return generated(seed, count, users, randomIds).commands;
    }

    /**
     * @param randomIds whether client order ids are random instead of counting up
     * @return the commands with how many of them the exchange refuses
     */
    static Generated generated(long seed, int count, List<String> users, boolean randomIds) {
        if (users.size() != USERS) {
            throw new IllegalArgumentException("users=" + users.size() + " must be " + USERS);
        }
        String[] names = users.toArray(new String[0]);
        WorkingOrders working = new WorkingOrders(names);
        ExchangeState state = new ExchangeState(VenueSettings.builder().build(), 20261207, working);
        for (ExchangeCommand command : setup(users)) {
            state.apply(0, command);
        }
        SplittableRandom random = new SplittableRandom(seed);
        SplittableRandom idRandom = new SplittableRandom(seed + 1);
        ExchangeCommand[] commands = new ExchangeCommand[count];
        int rejected = 0;
        long mid = 70_000;
        String instrument = Defaults.COPPER.instrumentId();
        for (int i = 0; i < count; i++) {
            int user = random.nextInt(USERS);
            String name = names[user];
            if (i % 64 == 0) {
                mid += random.nextInt(3) - 1;
            }
            int kind = random.nextInt(100);
            if (kind < 50 && working.total >= TARGET_WORKING) {
                kind = 50;
            }
            OrderRecord target = kind >= 50 && kind < 80 || kind >= 95 ? working.pick(user, random) : null;
            boolean buy = random.nextBoolean();
            ExchangeCommand command;
            if (target != null && kind < 80) {
                command = new ExchangeCommand.CancelOrder(name, target.clientOrderId());
            } else if (target != null) {
                long step = random.nextBoolean() ? 1 : -1;
                command = new ExchangeCommand.AmendOrder(name, target.clientOrderId(), target.priceTicks() + step,
                        target.volumeLeft());
            } else {
                long price;
                TimeInForce tif;
                if (kind < 80 || kind >= 95) {
                    price = buy ? mid - 1 - random.nextInt(10) : mid + 1 + random.nextInt(10);
                    tif = TimeInForce.GTC;
                } else {
                    price = buy ? mid + 12 : mid - 12;
                    tif = kind < 90 ? TimeInForce.IOC : TimeInForce.GTC;
                }
                String clientOrderId = randomIds ? randomClientOrderId(idRandom) : "o" + i;
                command = new ExchangeCommand.InsertOrder(name, clientOrderId, instrument, buy ? Side.BUY : Side.SELL,
                        Offset.AUTO, OrderType.LIMIT, tif, price, 1 + random.nextInt(3), 0);
            }
            RejectCode code = state.apply(i, command);
            if (code != null) {
                rejected++;
            }
            commands[i] = command;
        }
        return new Generated(commands, rejected);
    }

    /** A generated stream: the commands, and how many of them the exchange refused while generating. */
    record Generated(ExchangeCommand[] commands, int rejected) {
        /** @return the share of the commands the exchange refuses, in {@code [0, 1]} */
        double rejectShare() {
            return commands.length == 0 ? 0 : rejected / (double) commands.length;
        }
    }

    /** The working orders of each user, kept from the state's order events. */
    private static final class WorkingOrders implements ExchangeListener {
        private final Map<String, LinkedHashSet<OrderRecord>> byUser = new HashMap<>();
        private final String[] names;
        private int total;

        WorkingOrders(String[] names) {
            this.names = names;
            for (String name : names) {
                byUser.put(name, new LinkedHashSet<>());
            }
        }

        @Override
        public void onOrder(OrderRecord order) {
            LinkedHashSet<OrderRecord> orders = byUser.get(order.user());
            if (order.alive()) {
                if (orders.add(order)) {
                    total++;
                }
            } else if (orders.remove(order)) {
                total--;
            }
        }

        /** One of the user's 16 oldest working orders, or {@code null} if it has none. */
        OrderRecord pick(int user, SplittableRandom random) {
            LinkedHashSet<OrderRecord> orders = byUser.get(names[user]);
            if (orders.isEmpty()) {
                return null;
            }
            int skip = random.nextInt(Math.min(orders.size(), 16));
            for (OrderRecord order : orders) {
                if (skip-- == 0) {
                    return order;
                }
            }
            throw new IllegalStateException("unreachable: skip < size");
        }
    }
}
