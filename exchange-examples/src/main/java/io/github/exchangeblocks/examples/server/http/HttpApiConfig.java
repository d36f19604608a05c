package io.github.exchangeblocks.examples.server.http;

import java.util.Objects;
import java.util.Set;

/**
 * Settings of the HTTP API, validated at construction with messages naming the offending value.
 *
 * @param tokenTtlSec         how long a login token lives, seconds, {@code >= 1}
 * @param adminUsers          users of the users file who get the admin role at login
 * @param registrationAllowed whether {@code POST /api/auth/register} opens new users
 * @param maxBodyBytes        the largest request body accepted (larger: 413), {@code 256..65536}
 * @param requestsPerSecond   sustained requests per second per user (per address before login), {@code >= 1}
 * @param burst               requests a user may send at once above the sustained rate, {@code >= 1}
 */
public record HttpApiConfig(long tokenTtlSec, Set<String> adminUsers, boolean registrationAllowed, int maxBodyBytes,
                            int requestsPerSecond, int burst) {
    /** Validates every field and copies the admin set. */
    public HttpApiConfig {
        if (tokenTtlSec < 1) {
            throw new IllegalArgumentException("tokenTtlSec=" + tokenTtlSec + " must be >= 1");
        }
        adminUsers = Set.copyOf(Objects.requireNonNull(adminUsers, "adminUsers must not be null"));
        if (maxBodyBytes < 256 || maxBodyBytes > 65536) {
            throw new IllegalArgumentException("maxBodyBytes=" + maxBodyBytes + " must be in 256..65536");
        }
        if (requestsPerSecond < 1) {
            throw new IllegalArgumentException("requestsPerSecond=" + requestsPerSecond + " must be >= 1");
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst=" + burst + " must be >= 1");
        }
    }

    /**
     * The defaults: tokens live 24 hours, {@code admin} is the admin user, registration off, 16 KiB bodies, 200
     * requests per second with bursts of 400 per user.
     *
     * @return the defaults
     */
    public static HttpApiConfig defaults() {
        return new HttpApiConfig(24 * 3600, Set.of("admin"), false, 16 * 1024, 200, 400);
    }

    /**
     * @param allowed whether registration is open
     * @return a copy with that setting
     */
    public HttpApiConfig withRegistration(boolean allowed) {
        return new HttpApiConfig(tokenTtlSec, adminUsers, allowed, maxBodyBytes, requestsPerSecond, burst);
    }

    /**
     * @param perSecond sustained requests per second per user
     * @param maxBurst  requests at once
     * @return a copy with that rate limit
     */
    public HttpApiConfig withRateLimit(int perSecond, int maxBurst) {
        return new HttpApiConfig(tokenTtlSec, adminUsers, registrationAllowed, maxBodyBytes, perSecond, maxBurst);
    }
}
