package io.github.exchangeblocks.bench.exchange;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.examples.exchange.Defaults;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A realistic command mix for one instrument and 20 users, generated up front: passive GTC limits 55% (1-10 ticks
 * from a slowly walking mid), cancels of one of the user's last 16 orders 30%, crossing IOC 10%, crossing GTC 5%.
 * Client order ids are unique per user.
 */
final class CoreWorkload {
    static final int USERS = 20;

    private CoreWorkload() {
    }

    static List<ExchangeCommand> setup() {
        List<String> users = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            users.add("u" + u);
        }
        return Defaults.bootstrap(List.of(Defaults.COPPER), users, 1_000_000_000_000L);
    }

    static ExchangeCommand[] commands(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        ExchangeCommand[] commands = new ExchangeCommand[count];
        long[][] recent = new long[USERS][16];
        int[] placed = new int[USERS];
        long mid = 70_000;
        String instrument = Defaults.COPPER.instrumentId();
        for (int i = 0; i < count; i++) {
            int user = random.nextInt(USERS);
            String name = "u" + user;
            int kind = random.nextInt(100);
            if (i % 64 == 0) {
                mid += random.nextInt(3) - 1;
            }
            boolean buy = random.nextBoolean();
            if (kind >= 55 && kind < 85 && placed[user] > 0) {
                long target = recent[user][random.nextInt(Math.min(16, placed[user]))];
                commands[i] = new ExchangeCommand.CancelOrder(name, "o" + target);
                continue;
            }
            long price;
            TimeInForce tif;
            if (kind < 85) {
                price = buy ? mid - 1 - random.nextInt(10) : mid + 1 + random.nextInt(10);
                tif = TimeInForce.GTC;
            } else {
                price = buy ? mid + 12 : mid - 12;
                tif = kind < 95 ? TimeInForce.IOC : TimeInForce.GTC;
            }
            long id = i;
            recent[user][placed[user]++ % 16] = id;
            commands[i] = new ExchangeCommand.InsertOrder(name, "o" + id, instrument, buy ? Side.BUY : Side.SELL,
                    Offset.OPEN, OrderType.LIMIT, tif, price, 1 + random.nextInt(3), 0);
        }
        return commands;
    }
}
