package io.github.exchangeblocks.engine.instrument;

/**
 * Tells the registry whether an instrument is still in use, so delisting can be refused while positions or open
 * orders exist. Implemented by the account book; called on the single writer thread.
 */
@FunctionalInterface
public interface InstrumentUsage {
    /**
     * Whether any account holds a position or an open order in the instrument.
     *
     * @param instrumentIndex the instrument's dense index
     * @return true if delisting must be refused
     */
    boolean inUse(int instrumentIndex);
}
