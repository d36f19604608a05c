package io.github.exchangeblocks.examples.exchange;

import io.github.exchangeblocks.api.instrument.CloseRule;
import io.github.exchangeblocks.api.instrument.CommissionRate;
import io.github.exchangeblocks.api.instrument.InstrumentSpec;
import io.github.exchangeblocks.api.instrument.InstrumentStatus;
import io.github.exchangeblocks.engine.venue.VenueSettings;
import io.github.exchangeblocks.wal.DurabilityMode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded defaults of the example exchange: three sample instruments, two demo users with money, GROUP
 * durability, a 64K-command ring. Money is in cents (scale 2).
 */
public final class Defaults {
    /** Copper on SHFE: tick 10 yuan, 5 t per lot, 10% margin, 3.00 yuan per lot, today's lots closed explicitly. */
    public static final InstrumentSpec COPPER = new InstrumentSpec("SHFE.cu2512", 0, 10, 5, 1, 10_000_000,
            10_000_000, CommissionRate.perLot(300), CommissionRate.perLot(300), CommissionRate.perLot(300), 0, 100,
            CloseRule.TODAY_EXPLICIT);
    /** CSI 300 future on CFFEX: tick 0.2 point, 300 yuan per point, 12% margin, 0.23 per 10,000 of notional. */
    public static final InstrumentSpec INDEX = new InstrumentSpec("CFFEX.IF2512", 1, 2, 300, 1, 12_000_000,
            12_000_000, CommissionRate.ofNotional(2_300), CommissionRate.ofNotional(2_300),
            CommissionRate.ofNotional(2_300), 0, 20, CloseRule.HISTORY_FIRST);
    /** Bitcoin perpetual-style pair: tick 0.1 USDT, 1 lot = 0.001 BTC, 10% margin, 0.04% taker-style fee. */
    public static final InstrumentSpec BITCOIN = new InstrumentSpec("BINANCE.BTCUSDT", 1, 1, 1, 1, 10_000_000,
            10_000_000, CommissionRate.ofNotional(40_000), CommissionRate.ofNotional(40_000),
            CommissionRate.ofNotional(40_000), 0, 10_000, CloseRule.HISTORY_FIRST);
    /** The demo users' names; each gets 1,000,000.00 on a new exchange. */
    public static final List<String> DEMO_USERS = List.of("alice", "bob");
    /** What each demo user deposits on a new exchange, minor units. */
    public static final long DEMO_DEPOSIT = 100_000_000L;

    private Defaults() {
    }

    /**
     * Commands a new exchange starts with: list each instrument and open it for trading, register the demo users
     * and fund them.
     *
     * @param instruments the instruments to list
     * @param users       the users to register
     * @param deposit     what each user deposits, minor units
     * @return the commands, in order
     */
    public static List<ExchangeCommand> bootstrap(List<InstrumentSpec> instruments, List<String> users,
                                                  long deposit) {
        List<ExchangeCommand> commands = new ArrayList<>();
        for (InstrumentSpec spec : instruments) {
            commands.add(new ExchangeCommand.ListInstrument(spec));
            commands.add(new ExchangeCommand.SetInstrumentStatus(spec.instrumentId(), InstrumentStatus.TRADING));
        }
        for (String user : users) {
            commands.add(new ExchangeCommand.RegisterUser(user));
            commands.add(new ExchangeCommand.Deposit(user, deposit));
        }
        return commands;
    }

    /**
     * The embedded default configuration over a data directory.
     *
     * @param dataDirectory where the journal and snapshots live
     * @return the configuration
     */
    public static CoreConfig config(Path dataDirectory) {
        return new CoreConfig(dataDirectory, DurabilityMode.GROUP, 1 << 16, 100_000, 20261207,
                VenueSettings.builder().build(),
                bootstrap(List.of(COPPER, INDEX, BITCOIN), DEMO_USERS, DEMO_DEPOSIT));
    }
}
