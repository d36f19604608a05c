package io.github.exchangeblocks.examples.server.diff;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class LoginLimiterTest {
    private final AtomicLong clock = new AtomicLong(1_000);
    private final LoginLimiter limiter = new LoginLimiter(3, 100, 50, clock::get);

    @Test
    void shouldLockAUserAfterTheLimitAndUnlockAfterTheLockoutWhenFailuresAreWithinTheWindow() {
        limiter.failed("alice");
        limiter.failed("alice");
        assertThat(limiter.allowed("alice")).isTrue();
        limiter.failed("alice");
        assertThat(limiter.allowed("alice")).isFalse();
        assertThat(limiter.allowed("bob")).isTrue();
        clock.addAndGet(49);
        assertThat(limiter.allowed("alice")).isFalse();
        clock.addAndGet(1);
        assertThat(limiter.allowed("alice")).isTrue();
        limiter.failed("alice");
        assertThat(limiter.allowed("alice")).isTrue();
    }

    @Test
    void shouldForgetOldFailuresWhenTheWindowHasPassed() {
        limiter.failed("alice");
        limiter.failed("alice");
        clock.addAndGet(101);
        limiter.failed("alice");
        assertThat(limiter.allowed("alice")).isTrue();
    }

    @Test
    void shouldForgetFailuresWhenTheUserLogsIn() {
        limiter.failed("alice");
        limiter.failed("alice");
        limiter.succeeded("alice");
        limiter.failed("alice");
        limiter.failed("alice");
        assertThat(limiter.allowed("alice")).isTrue();
    }
}
