package io.github.exchangeblocks.examples.simulator;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.OrderType;
import io.github.exchangeblocks.api.Side;
import io.github.exchangeblocks.api.TimeInForce;
import io.github.exchangeblocks.api.instrument.InstrumentStatus;
import io.github.exchangeblocks.engine.venue.Venue;
import io.github.exchangeblocks.engine.venue.VenueListener;
import io.github.exchangeblocks.engine.venue.VenueSettings;
import io.github.exchangeblocks.examples.exchange.Defaults;

import java.io.PrintStream;
import java.util.SplittableRandom;

/**
 * A two-instrument, three-account simulation driven straight on a {@link Venue}: a market maker quotes both sides
 * around a random walk, a taker and a swing trader cross the spread with AUTO offsets, marks move every 50 steps
 * and two trading days are settled. Same seed, same output. Prints each account's result and checks that money is
 * conserved: the accounts' profit and loss adds up to minus the fees they paid.
 */
public final class TradingSimulator {
    private static final String[] NAMES = {"maker", "taker", "swing"};

    private TradingSimulator() {
    }

    /**
     * @param args optional seed (default 7)
     */
    public static void main(String[] args) {
        run(args.length > 0 ? Long.parseLong(args[0]) : 7, 1_000, System.out);
    }

    /**
     * Runs the simulation.
     *
     * @param seed  the random seed
     * @param steps simulated steps (one second each)
     * @param out   where the summary goes
     * @return the sum over accounts of profit and loss plus fees (0 when money is conserved)
     */
    public static long run(long seed, int steps, PrintStream out) {
        SplittableRandom random = new SplittableRandom(seed);
        Venue venue = Venue.create(VenueSettings.builder().build(), 20261207, VenueListener.NO_OP);
        int[] instruments = {venue.listInstrument(0, Defaults.COPPER), venue.listInstrument(0, Defaults.INDEX)};
        long[] mid = {70_000, 20_000};
        long[][] quotes = new long[2][2];
        for (int i : instruments) {
            venue.setInstrumentStatus(0, i, InstrumentStatus.TRADING);
        }
        for (String name : NAMES) {
            venue.deposit(0, venue.openAccount(name), 10_000_000_000L);
        }
        for (int step = 1; step <= steps; step++) {
            long now = step * 1_000_000_000L;
            int i = step % 2;
            mid[i] += random.nextInt(3) - 1;
            for (int side = 0; side < 2; side++) {
                venue.cancelOrder(now, 0, quotes[i][side]);
                quotes[i][side] = venue.placeOrder(venue.orderRequest().clear().timestampNs(now).accountId(0)
                        .instrumentIndex(i).side(side == 0 ? Side.BUY : Side.SELL).offset(Offset.AUTO)
                        .priceTicks(mid[i] + (side == 0 ? -1 : 1)).volume(1 + random.nextInt(5)));
            }
            int trader = 1 + random.nextInt(2);
            venue.placeOrder(venue.orderRequest().clear().timestampNs(now).accountId(trader).instrumentIndex(i)
                    .side(random.nextBoolean() ? Side.BUY : Side.SELL).offset(Offset.AUTO).type(OrderType.MARKET)
                    .timeInForce(TimeInForce.IOC).volume(1 + random.nextInt(3)));
            if (step % 50 == 0) {
                venue.markPrice(now, i, mid[i]);
            }
            if (step == steps / 2 || step == steps) {
                venue.endTradingDay(now, venue.tradingDay() + 1, new long[] {mid[0], mid[1]});
            }
        }
        long conserved = 0;
        for (int account = 0; account < NAMES.length; account++) {
            long pnl = venue.account(account).balance() - venue.lifetimeNetDeposits(account);
            conserved += pnl + venue.lifetimeFees(account);
            out.printf("%-5s fills=%4d fees=%9d pnl=%11d%n", NAMES[account], venue.lifetimeFills(account),
                    venue.lifetimeFees(account), pnl);
        }
        out.printf("pnl + fees over all accounts = %d (money conserved: %b)%n", conserved, conserved == 0);
        return conserved;
    }
}
