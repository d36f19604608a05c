package io.github.exchangeblocks.examples.exchange;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.book.TradingPhase;
import io.github.exchangeblocks.api.instrument.CommissionRate;
import io.github.exchangeblocks.api.instrument.InstrumentStatus;
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
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.UpdateRates;
import io.github.exchangeblocks.examples.exchange.ExchangeCommand.Withdraw;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random command streams over every command kind, bad ones included, for the core's properties. */
final class RandomCommands {
    /** Registered users first (dave thinly funded, so marks and settlements liquidate him), then unknown ones. */
    static final String[] USERS = {"alice", "bob", "carol", "dave", "mallory", null};
    static final String[] INSTRUMENTS = {Defaults.COPPER.instrumentId(), Defaults.INDEX.instrumentId(), "X.none",
        null};

    private RandomCommands() {
    }

    /**
     * Setup: two instruments trading, three well-funded users and dave with about one copper lot's margin; then
     * {@code count} random commands.
     */
    static List<ExchangeCommand> generate(long seed, int count) {
        Random r = new Random(seed);
        List<ExchangeCommand> commands = new ArrayList<>(Defaults.bootstrap(
                List.of(Defaults.COPPER, Defaults.INDEX), List.of("alice", "bob", "carol"), 2_000_000_000L));
        commands.add(new RegisterUser("dave"));
        commands.add(new Deposit("dave", 3_600_000));
        // One crossing pair up front, so that every stream has a trade to replay.
        commands.add(new InsertOrder("alice", "first", Defaults.COPPER.instrumentId(), Side.BUY, Offset.OPEN,
                OrderType.LIMIT, TimeInForce.GTC, 7_000, 2, 0));
        commands.add(new InsertOrder("bob", "first", Defaults.COPPER.instrumentId(), Side.SELL, Offset.OPEN,
                OrderType.LIMIT, TimeInForce.IOC, 7_000, 1, 0));
        int day = 20261207;
        for (int i = 0; i < count; i++) {
            String user = USERS[r.nextInt(10) < 8 ? r.nextInt(4) : 4 + r.nextInt(2)];
            String instrument = INSTRUMENTS[r.nextInt(10) < 9 ? r.nextInt(2) : 2 + r.nextInt(2)];
            if (r.nextInt(25) == 0) {
                commands.add(updateRates(r, instrument));
            }
            int kind = r.nextInt(100);
            if (kind < 55) {
                boolean market = r.nextInt(10) == 0;
                Side side = r.nextInt(30) == 0 ? null : r.nextBoolean() ? Side.BUY : Side.SELL;
                commands.add(new InsertOrder(user, "c" + r.nextInt(60), instrument, side,
                        Offset.values()[r.nextInt(4)], market ? OrderType.MARKET : OrderType.LIMIT,
                        market ? TimeInForce.IOC : TimeInForce.values()[r.nextInt(4)],
                        market && r.nextBoolean() ? 0 : 7_000 + r.nextInt(21) - 10, 1 + r.nextInt(4), 0));
            } else if (kind < 68) {
                commands.add(new CancelOrder(user, "c" + r.nextInt(60)));
            } else if (kind < 75) {
                commands.add(new ExchangeCommand.AmendOrder(user, "c" + r.nextInt(60), 7_000 + r.nextInt(21) - 10,
                        r.nextInt(6)));
            } else if (kind < 83) {
                commands.add(new MarkPrice(instrument, 6_990 + r.nextInt(21)));
            } else if (kind < 87) {
                commands.add(new Deposit(user, r.nextInt(2_000_000) - 1_000));
            } else if (kind < 90) {
                commands.add(new Withdraw(user, r.nextInt(5_000_000)));
            } else if (kind < 92) {
                day = r.nextInt(5) == 0 ? day : day + 1;
                commands.add(new EndTradingDay(day, r.nextBoolean() ? null
                        : Map.of(Defaults.COPPER.instrumentId(), 7_000L + r.nextInt(11))));
            } else if (kind < 93) {
                commands.add(new Liquidate());
            } else if (kind < 95) {
                commands.add(new SetPhase(instrument, r.nextBoolean() ? TradingPhase.PRE_OPEN
                        : TradingPhase.CONTINUOUS));
            } else if (kind < 96) {
                commands.add(new SetInstrumentStatus(instrument, r.nextInt(4) == 0 ? InstrumentStatus.SUSPENDED
                        : InstrumentStatus.TRADING));
            } else if (kind < 97) {
                commands.add(new SetPriceBand(instrument, r.nextBoolean() ? 0 : 6_950, r.nextBoolean() ? 0 : 7_050));
            } else if (kind < 98) {
                commands.add(new RegisterUser(r.nextBoolean() ? "user" + r.nextInt(5) : ""));
            } else {
                commands.add(new ListInstrument(r.nextBoolean() ? null : Defaults.BITCOIN));
            }
        }
        return commands;
    }

    /** A rate update: commissions, scheduled margin rates or both; now and then out of range or empty. */
    private static UpdateRates updateRates(Random r, String instrument) {
        int what = r.nextInt(4);
        long longRate = what == 1 ? UpdateRates.KEEP : 5_000_000 + r.nextInt(20) * 1_000_000L;
        long shortRate = r.nextInt(12) == 0 ? 100_000_001 : what == 1 ? UpdateRates.KEEP
                : 5_000_000 + r.nextInt(20) * 1_000_000L;
        CommissionRate commission = what == 0 ? null : r.nextBoolean() ? CommissionRate.perLot(r.nextInt(700))
                : CommissionRate.ofNotional(r.nextInt(9_000));
        boolean empty = r.nextInt(15) == 0;
        return empty ? new UpdateRates(instrument, UpdateRates.KEEP, UpdateRates.KEEP, null, null, null)
                : new UpdateRates(instrument, longRate, shortRate, commission,
                        what == 3 ? CommissionRate.FREE : null, commission);
    }
}
