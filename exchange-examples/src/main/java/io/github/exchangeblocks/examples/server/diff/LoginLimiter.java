package io.github.exchangeblocks.examples.server.diff;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Limits password guessing per user: after {@code maxFailures} failed logins for a user within
 * {@code windowNs}, every login for that user is refused unchecked until {@code lockoutNs} after the last failure.
 * Only names of known users are tracked, so the table is bounded by the users file. (Per connection, the
 * {@link DiffConnection} counts its own failures and closes after its limit.) Thread-safe; the clock is the host's
 * monotonic clock, injected for tests.
 */
final class LoginLimiter {
    private final int maxFailures;
    private final long windowNs;
    private final long lockoutNs;
    private final LongSupplier nanoClock;
    private final Map<String, Failures> byUser = new HashMap<>();

    LoginLimiter(int maxFailures, long windowNs, long lockoutNs, LongSupplier nanoClock) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures=" + maxFailures + " must be >= 1");
        }
        this.maxFailures = maxFailures;
        this.windowNs = windowNs;
        this.lockoutNs = lockoutNs;
        this.nanoClock = nanoClock;
    }

    /**
     * @param user a user name
     * @return whether a login for the user may be checked now
     */
    synchronized boolean allowed(String user) {
        Failures failures = byUser.get(user);
        if (failures == null) {
            return true;
        }
        long now = nanoClock.getAsLong();
        if (failures.count >= maxFailures) {
            if (now - failures.lastNs < lockoutNs) {
                return false;
            }
            byUser.remove(user);
        }
        return true;
    }

    /** @param user a known user whose password was wrong */
    synchronized void failed(String user) {
        long now = nanoClock.getAsLong();
        Failures failures = byUser.computeIfAbsent(user, k -> new Failures(now));
        if (now - failures.firstNs > windowNs) {
            failures.firstNs = now;
            failures.count = 0;
        }
        failures.count++;
        failures.lastNs = now;
    }

    /** @param user a user who logged in: its failures are forgotten */
    synchronized void succeeded(String user) {
        byUser.remove(user);
    }

    private static final class Failures {
        long firstNs;
        long lastNs;
        int count;

        Failures(long now) {
            firstNs = now;
            lastNs = now;
        }
    }
}
