package io.github.exchangeblocks.engine.settlement;

import io.github.exchangeblocks.api.settlement.AccountStatement;
import io.github.exchangeblocks.api.settlement.PositionStatement;
import io.github.exchangeblocks.engine.instrument.Decimals;
import io.github.exchangeblocks.engine.instrument.InstrumentRegistry;

/**
 * Renders an {@link AccountStatement} as plain text, money in major units with the currency's decimal places,
 * settlement prices as decimals in the instrument's quote units (with a registry) and the risk ratio as a percentage
 * with four decimals (all exact: no floating point). An unbounded risk ratio (margin with a balance of zero or
 * less) prints as {@code inf}. Thread-safe if the registry is not mutated meanwhile.
 */
public final class StatementRenderer {
    private final int moneyScale;
    private final InstrumentRegistry registry;

    /**
     * Creates a renderer that prints settlement prices in ticks (it knows no instrument).
     *
     * @param moneyScale decimal places of the currency's minor unit, {@code 0..9}
     * @throws IllegalArgumentException if the scale is out of range
     */
    public StatementRenderer(int moneyScale) {
        if (moneyScale < 0 || moneyScale > 9) {
            throw new IllegalArgumentException("moneyScale=" + moneyScale + " must be in 0..9");
        }
        this.moneyScale = moneyScale;
        this.registry = null;
    }

    /**
     * Creates a renderer that prints money at the registry's money scale and settlement prices as decimals of each
     * instrument ({@code priceTicks x tickSize / 10^priceScale}).
     *
     * @param registry the instruments the statements name, not {@code null}
     * @throws IllegalArgumentException if the registry is {@code null}
     */
    public StatementRenderer(InstrumentRegistry registry) {
        if (registry == null) {
            throw new IllegalArgumentException("registry=null must not be null");
        }
        this.moneyScale = registry.moneyScale();
        this.registry = registry;
    }

    /**
     * Renders one statement.
     *
     * @param s the statement, not {@code null}
     * @return multi-line text ending with a newline
     */
    public String render(AccountStatement s) {
        StringBuilder out = new StringBuilder(512);
        out.append("Settlement statement ").append(s.tradingDay()).append(" account ").append(s.accountId())
                .append(" (").append(s.userName()).append(")\n");
        line(out, "pre_balance", s.preBalance());
        line(out, "deposit", s.deposit());
        line(out, "withdraw", s.withdraw());
        line(out, "close_profit", s.closeProfit());
        line(out, "commission", s.commission());
        line(out, "position_profit", s.positionProfit());
        line(out, "balance", s.balance());
        line(out, "margin", s.margin());
        line(out, "available", s.available());
        out.append(String.format("%-16s %20s%n", "risk_ratio", ratio(s.riskRatioE8())));
        if (!s.positions().isEmpty()) {
            out.append(String.format("%-16s %12s %8s %8s %18s %16s %16s%n", "instrument",
                    registry == null ? "settle_ticks" : "settle_price", "long", "short", "settled_profit",
                    "margin_long", "margin_short"));
            for (PositionStatement p : s.positions()) {
                out.append(String.format("%-16s %12s %8d %8d %18s %16s %16s%n", p.instrumentId(),
                        price(p.instrumentId(), p.settlementPriceTicks()), p.volumeLong(), p.volumeShort(),
                        money(p.settledProfit()), money(p.marginLong()), money(p.marginShort())));
            }
        }
        return out.toString();
    }

    private String price(String instrumentId, long priceTicks) {
        int index = registry == null ? -1 : registry.indexOf(instrumentId);
        if (index < 0) {
            return Long.toString(priceTicks);
        }
        return Decimals.appendPrice(new StringBuilder(24), priceTicks, registry.get(index)).toString();
    }

    private void line(StringBuilder out, String name, long minor) {
        out.append(String.format("%-16s %20s%n", name, money(minor)));
    }

    /**
     * Formats minor units as a decimal amount.
     *
     * @param minor minor units
     * @return e.g. {@code -1234.50} at scale 2
     */
    public String money(long minor) {
        return decimal(minor, moneyScale);
    }

    private static String ratio(long ratioE8) {
        if (ratioE8 == Long.MAX_VALUE) {
            return "inf";
        }
        return decimal(ratioE8 / 100, 4) + "%";
    }

    private static String decimal(long value, int scale) {
        if (scale == 0) {
            return Long.toString(value);
        }
        String digits = Long.toString(Math.abs(value));
        if (digits.length() <= scale) {
            digits = "0".repeat(scale - digits.length() + 1) + digits;
        }
        int point = digits.length() - scale;
        return (value < 0 ? "-" : "") + digits.substring(0, point) + "." + digits.substring(point);
    }
}
