package io.github.exchangeblocks.api.account;

/**
 * Told which accounts and positions a command changed, so a host can push exactly those (for example as DIFF
 * {@code trade.<user>.accounts} and {@code trade.<user>.positions} patches) by reading the live views afterwards.
 *
 * <p>Called synchronously on the state machine's thread, after the change is applied, with primitive arguments
 * and no allocation. Implementations must not call back into the state machine and should be quick.
 */
public interface AccountChangeListener {
    /** A listener that ignores every notification. */
    AccountChangeListener NONE = new AccountChangeListener() {
        @Override
        public void onAccountChanged(int accountId) {
        }

        @Override
        public void onPositionChanged(int accountId, int instrumentIndex) {
        }
    };

    /**
     * An account's money fields changed.
     *
     * @param accountId the account
     */
    void onAccountChanged(int accountId);

    /**
     * A position's volumes, costs, margins or profits changed.
     *
     * @param accountId       the holder
     * @param instrumentIndex the instrument's dense index in the registry
     */
    void onPositionChanged(int accountId, int instrumentIndex);
}
