package io.github.exchangeblocks.engine.risk;

import io.github.exchangeblocks.api.RejectCode;

/**
 * Refuses orders larger than the instrument's {@code maxOrderVolume} or than an account-wide cap, whichever is
 * lower. Immutable.
 */
public final class OrderVolumeCheck implements PreTradeCheck {
    private final long maxVolume;

    /**
     * Creates the check.
     *
     * @param maxVolume account-wide cap in lots, {@code > 0}; {@link Long#MAX_VALUE} for the instrument's limit only
     */
    public OrderVolumeCheck(long maxVolume) {
        if (maxVolume <= 0) {
            throw new IllegalArgumentException("maxVolume=" + maxVolume + " must be > 0");
        }
        this.maxVolume = maxVolume;
    }

    /** @return the account-wide cap in lots */
    public long maxVolume() {
        return maxVolume;
    }

    @Override
    public RejectCode check(OrderCheck order, StringBuilder message) {
        long limit = Math.min(maxVolume, order.instrument().spec().maxOrderVolume());
        if (order.volume() <= limit) {
            return null;
        }
        message.append("volume=").append(order.volume()).append(" must be <= maxOrderVolume=").append(limit);
        return RejectCode.ORDER_VOLUME_LIMIT;
    }
}
