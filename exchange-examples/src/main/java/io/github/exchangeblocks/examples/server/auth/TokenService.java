package io.github.exchangeblocks.examples.server.auth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Issues and checks signed, expiring bearer tokens: {@code base64url(payload) "." base64url(HMAC-SHA256(payload))}
 * with the payload {@code v1:<user>:<role>:<expiresAtSec>}, role {@code user} or {@code admin}. A token is accepted
 * while its signature matches under the server secret (compared in constant time) and the clock is before its
 * expiry. Thread-safe (one {@link Mac} per call).
 */
public final class TokenService {
    private static final String ALGORITHM = "HmacSHA256";
    private static final String VERSION = "v1";
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final long ttlSec;
    private final LongSupplier clockSec;

    /**
     * @param secret   the server secret, at least {@link ServerSecret#SECRET_BYTES} bytes (copied)
     * @param ttlSec   how long a new token lives, seconds, {@code >= 1}
     * @param clockSec the wall clock, seconds since the epoch
     */
    public TokenService(byte[] secret, long ttlSec, LongSupplier clockSec) {
        Objects.requireNonNull(secret, "secret must not be null");
        if (secret.length < ServerSecret.SECRET_BYTES) {
            throw new IllegalArgumentException("secret length=" + secret.length + " must be >= "
                    + ServerSecret.SECRET_BYTES + " bytes");
        }
        if (ttlSec < 1) {
            throw new IllegalArgumentException("ttlSec=" + ttlSec + " must be >= 1");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
        this.ttlSec = ttlSec;
        this.clockSec = Objects.requireNonNull(clockSec, "clockSec must not be null");
    }

    /**
     * Issues a token for a user whose password was checked.
     *
     * @param user  the user name, 1..64 of {@code [A-Za-z0-9_.-]}
     * @param admin whether the user holds the admin role
     * @return the token and what it grants
     */
    public Issued issue(String user, boolean admin) {
        if (user == null || !USER_NAME.matcher(user).matches()) {
            throw new IllegalArgumentException("user=" + user + " must be 1..64 of [A-Za-z0-9_.-]");
        }
        long expiresAtSec = clockSec.getAsLong() + ttlSec;
        String payload = VERSION + ":" + user + ":" + (admin ? "admin" : "user") + ":" + expiresAtSec;
        byte[] payloadBytes = payload.getBytes(StandardCharsets.US_ASCII);
        String token = ENCODER.encodeToString(payloadBytes) + "." + ENCODER.encodeToString(sign(payloadBytes));
        return new Issued(token, new Principal(user, admin, expiresAtSec));
    }

    /**
     * Checks a token.
     *
     * @param token the token as presented, may be {@code null}
     * @return whom it speaks for, or {@code null} if it is malformed, forged or expired
     */
    public Principal verify(String token) {
        if (token == null || token.length() > 512) {
            return null;
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return null;
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        if (!MessageDigest.isEqual(sign(payload), signature)) {
            return null;
        }
        String[] parts = new String(payload, StandardCharsets.US_ASCII).split(":", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            return null;
        }
        long expiresAtSec;
        try {
            expiresAtSec = Long.parseLong(parts[3]);
        } catch (NumberFormatException e) {
            return null;
        }
        if (clockSec.getAsLong() >= expiresAtSec) {
            return null;
        }
        return new Principal(parts[1], "admin".equals(parts[2]), expiresAtSec);
    }

    /** @return how long a new token lives, seconds */
    public long ttlSec() {
        return ttlSec;
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK must provide " + ALGORITHM, e);
        }
    }

    /**
     * A new token.
     *
     * @param token     the bearer token to send as {@code Authorization: Bearer <token>}
     * @param principal what it grants
     */
    public record Issued(String token, Principal principal) {
    }
}
