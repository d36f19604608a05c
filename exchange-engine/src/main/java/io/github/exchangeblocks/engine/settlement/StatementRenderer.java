package io.github.exchangeblocks.engine.settlement;

import io.github.exchangeblocks.api.settlement.AccountStatement;
import io.github.exchangeblocks.api.settlement.PositionStatement;

/**
 * Renders an {@link AccountStatement} as plain text, money in major units with the currency's decimal places and
 * the risk ratio as a percentage with four decimals (both exact: no floating point). Stateless and thread-safe.
 */
public final class StatementRenderer {
    private final int moneyScale;

    /**
     * Creates a renderer.
     *
     * @param moneyScale decimal places of the currency's minor unit, {@code 0..9}
     */
    public StatementRenderer(int moneyScale) {
        if (moneyScale < 0 || moneyScale > 9) {
            throw new IllegalArgumentException("moneyScale=" + moneyScale + " must be in 0..9");
        }
        this.moneyScale = moneyScale;
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
            out.append(String.format("%-16s %12s %8s %8s %18s %16s %16s%n", "instrument", "settle_ticks", "long",
                    "short", "settled_profit", "margin_long", "margin_short"));
            for (PositionStatement p : s.positions()) {
                out.append(String.format("%-16s %12d %8d %8d %18s %16s %16s%n", p.instrumentId(),
                        p.settlementPriceTicks(), p.volumeLong(), p.volumeShort(), money(p.settledProfit()),
                        money(p.marginLong()), money(p.marginShort())));
            }
        }
        return out.toString();
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
