package io.github.exchangeblocks.examples.server.diff;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of the DIFF gateway, validated at construction with messages naming the offending value.
 *
 * @param usersFile                 the users file (created with the demo users when missing)
 * @param passwordIterations        PBKDF2 iterations for the hashes of a new users file, {@code >= 1000}
 * @param maxFailedLoginsPerConnection failed logins after which a connection is closed, {@code >= 1}
 * @param maxFailedLoginsPerUser    failed logins within {@code failedLoginWindowMs} after which a user is locked,
 *                                  {@code >= 1}
 * @param failedLoginWindowMs       the window in which a user's failures count, {@code > 0}
 * @param lockoutMs                 how long a locked user stays locked after its last failure, {@code > 0}
 * @param authThreads               threads that check passwords (off the I/O and engine threads), {@code >= 1}
 */
public record DiffGatewayConfig(Path usersFile, int passwordIterations, int maxFailedLoginsPerConnection,
                                int maxFailedLoginsPerUser, long failedLoginWindowMs, long lockoutMs,
                                int authThreads) {
    /** Validates every field. */
    public DiffGatewayConfig {
        Objects.requireNonNull(usersFile, "usersFile must not be null");
        if (passwordIterations < 1000) {
            throw new IllegalArgumentException("passwordIterations=" + passwordIterations + " must be >= 1000");
        }
        if (maxFailedLoginsPerConnection < 1) {
            throw new IllegalArgumentException("maxFailedLoginsPerConnection=" + maxFailedLoginsPerConnection
                    + " must be >= 1");
        }
        if (maxFailedLoginsPerUser < 1) {
            throw new IllegalArgumentException("maxFailedLoginsPerUser=" + maxFailedLoginsPerUser + " must be >= 1");
        }
        if (failedLoginWindowMs <= 0 || lockoutMs <= 0) {
            throw new IllegalArgumentException("failedLoginWindowMs=" + failedLoginWindowMs + " and lockoutMs="
                    + lockoutMs + " must be > 0");
        }
        if (authThreads < 1) {
            throw new IllegalArgumentException("authThreads=" + authThreads + " must be >= 1");
        }
    }

    /**
     * The defaults over a data directory: {@code users.txt} in it, {@link UserStore#DEFAULT_ITERATIONS}, 3 failures
     * per connection, 5 per user within 5 minutes, then 60 s of lockout, one auth thread.
     *
     * @param dataDirectory the server's data directory
     * @return the defaults
     */
    public static DiffGatewayConfig defaults(Path dataDirectory) {
        return new DiffGatewayConfig(dataDirectory.resolve("users.txt"), UserStore.DEFAULT_ITERATIONS, 3, 5,
                300_000, 60_000, 1);
    }

    /**
     * @param iterations PBKDF2 iterations for a new users file
     * @return a copy with that count
     */
    public DiffGatewayConfig withPasswordIterations(int iterations) {
        return new DiffGatewayConfig(usersFile, iterations, maxFailedLoginsPerConnection, maxFailedLoginsPerUser,
                failedLoginWindowMs, lockoutMs, authThreads);
    }
}
