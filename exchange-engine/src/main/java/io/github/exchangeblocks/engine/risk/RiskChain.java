package io.github.exchangeblocks.engine.risk;

import io.github.exchangeblocks.api.RejectCode;
import java.util.List;

/**
 * An ordered, immutable list of pre-trade checks; the first refusal wins. Allocation-free when the order passes.
 */
public final class RiskChain {
    private final PreTradeCheck[] checks;

    /**
     * Creates a chain running the checks in the given order.
     *
     * @param checks the checks, none {@code null}
     */
    public RiskChain(List<? extends PreTradeCheck> checks) {
        this.checks = checks.toArray(new PreTradeCheck[0]);
        for (int i = 0; i < this.checks.length; i++) {
            if (this.checks[i] == null) {
                throw new IllegalArgumentException("checks[" + i + "]=null must not be null");
            }
        }
    }

    /**
     * The standard chain: tradable status, order volume, price band, closable position, max position, max open
     * orders, funds.
     *
     * @param maxOrderVolume account-wide order volume cap (lots), {@code > 0}
     * @param maxPosition    most lots per side per instrument, {@code > 0}
     * @param maxOpenOrders  most open orders per account, {@code > 0}
     * @return the chain
     */
    public static RiskChain standard(long maxOrderVolume, long maxPosition, int maxOpenOrders) {
        return new RiskChain(List.of(new InstrumentTradableCheck(), new OrderVolumeCheck(maxOrderVolume),
                new PriceBandCheck(), new ClosablePositionCheck(), new MaxPositionCheck(maxPosition),
                new MaxOpenOrdersCheck(maxOpenOrders), new FundsCheck()));
    }

    /**
     * A chain with no checks: only the account book's structural rules apply.
     *
     * @return the empty chain
     */
    public static RiskChain none() {
        return new RiskChain(List.of());
    }

    /**
     * Runs the checks in order.
     *
     * @param order   the order under check
     * @param message receives the first refusal's reason
     * @return {@code null} if every check passes, else the first refusal's code
     */
    public RejectCode check(OrderCheck order, StringBuilder message) {
        for (PreTradeCheck check : checks) {
            RejectCode code = check.check(order, message);
            if (code != null) {
                return code;
            }
        }
        return null;
    }

    /**
     * Number of checks.
     *
     * @return the count
     */
    public int size() {
        return checks.length;
    }
}
