package io.github.exchangeblocks.examples.server.http;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The token bucket's two promises over random request times: never more than allowed, never refusing a rested key. */
class RateLimiterProperties {

    @Property(tries = 300)
    void shouldNeverAllowMoreThanTheBurstPlusTheRateInAnyInterval(
            @ForAll @IntRange(min = 1, max = 50) int perSecond, @ForAll @IntRange(min = 1, max = 20) int burst,
            @ForAll @Size(min = 1, max = 200) List<@IntRange(min = 0, max = 300_000_000) Integer> gapsNs) {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        RateLimiter limiter = new RateLimiter(perSecond, burst, now::get);
        List<Long> allowed = new ArrayList<>();
        for (int gap : gapsNs) {
            now.addAndGet(gap);
            if (limiter.tryAcquire("k")) {
                allowed.add(now.get());
            }
        }
        long nanosPerToken = 1_000_000_000L / perSecond;
        for (int i = 0; i < allowed.size(); i++) {
            for (int j = i; j < allowed.size(); j++) {
                long span = allowed.get(j) - allowed.get(i);
                assertThat(j - i + 1L).isLessThanOrEqualTo(burst + span / nanosPerToken);
            }
        }
    }

    @Property(tries = 300)
    void shouldAllowARequestAfterTheKeyRestedLongEnoughToRefillTheBurst(
            @ForAll @IntRange(min = 1, max = 50) int perSecond, @ForAll @IntRange(min = 1, max = 20) int burst,
            @ForAll @Size(min = 1, max = 100) List<@IntRange(min = 0, max = 2_000_000_000) Integer> gapsNs) {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        RateLimiter limiter = new RateLimiter(perSecond, burst, now::get);
        long refillNs = 1_000_000_000L / perSecond * burst;
        for (int gap : gapsNs) {
            now.addAndGet(gap);
            boolean rested = gap >= refillNs;
            boolean allowed = limiter.tryAcquire("k");
            if (rested) {
                assertThat(allowed).as("after " + gap + " ns of rest").isTrue();
            }
        }
    }
}
