package io.github.exchangeblocks.examples.server.http;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {
    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final RateLimiter limiter = new RateLimiter(10, 3, now::get);

    @Test
    void shouldAllowTheBurstThenRefillAtTheRate() {
        assertThat(limiter.tryAcquire("alice")).isTrue();
        assertThat(limiter.tryAcquire("alice")).isTrue();
        assertThat(limiter.tryAcquire("alice")).isTrue();
        assertThat(limiter.tryAcquire("alice")).isFalse();
        now.addAndGet(99_000_000L);
        assertThat(limiter.tryAcquire("alice")).isFalse();
        now.addAndGet(1_000_000L);
        assertThat(limiter.tryAcquire("alice")).isTrue();
        assertThat(limiter.tryAcquire("alice")).isFalse();
    }

    @Test
    void shouldKeepOneBucketPerKeyAndCapTheRefill() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("alice")).isTrue();
        }
        assertThat(limiter.tryAcquire("bob")).isTrue();
        now.addAndGet(60_000_000_000L);
        int allowed = 0;
        while (limiter.tryAcquire("alice")) {
            allowed++;
        }
        assertThat(allowed).isEqualTo(3);
    }
}
