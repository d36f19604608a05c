package io.github.exchangeblocks.engine.account;

import io.github.exchangeblocks.api.Offset;
import io.github.exchangeblocks.api.instrument.CloseRule;

/**
 * How a closing order's volume splits between today's and history lots under a close rule. Pure functions,
 * shared by order acceptance, fills and liquidation planning so they never disagree.
 */
public final class CloseSplit {
    private CloseSplit() {
    }

    /**
     * Lots a closing order may take in total.
     *
     * @param rule          the instrument's close rule
     * @param offset        CLOSE or CLOSETODAY
     * @param closableToday unfrozen today lots
     * @param closableHis   unfrozen history lots
     * @return lots
     */
    public static long closable(CloseRule rule, Offset offset, long closableToday, long closableHis) {
        if (offset == Offset.CLOSETODAY) {
            return closableToday;
        }
        return rule == CloseRule.TODAY_EXPLICIT ? closableHis : closableToday + closableHis;
    }

    /**
     * Today's share of {@code volume} lots (the rest comes from history); requires
     * {@code volume <= closable(...)}.
     *
     * @param rule          the instrument's close rule
     * @param offset        CLOSE or CLOSETODAY
     * @param closableToday unfrozen (or frozen-for-this-order) today lots
     * @param closableHis   unfrozen (or frozen-for-this-order) history lots
     * @param volume        lots to close
     * @return lots taken from today
     */
    public static long todayPart(CloseRule rule, Offset offset, long closableToday, long closableHis, long volume) {
        if (offset == Offset.CLOSETODAY) {
            return volume;
        }
        return switch (rule) {
            case TODAY_EXPLICIT -> 0;
            case HISTORY_FIRST -> volume - Math.min(volume, closableHis);
            case TODAY_FIRST -> Math.min(volume, closableToday);
        };
    }
}
