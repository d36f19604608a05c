package io.github.exchangeblocks.examples.server.diff;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link QuoteTime} writes what {@link DateTimeFormatter} writes, in the exchange's zone and in zones with DST. */
class QuoteTimeProperties {
    private static final String PATTERN = "yyyy-MM-dd HH:mm:ss.SSSSSS";
    @Property(tries = 5000)
    void shouldFormatLikeTheJdkInTheExchangeZone(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long epochNanos) {
        assertSame(QuoteStats.EXCHANGE_ZONE, epochNanos);
    }

    @Property(tries = 2000)
    void shouldFollowDaylightSavingTransitions(@ForAll @LongRange(min = 1_600_000_000L * 1_000_000_000L,
            max = 1_700_000_000L * 1_000_000_000L) long epochNanos) {
        assertSame(ZoneId.of("America/New_York"), epochNanos);
    }

    @Test
    void shouldFormatOneFormatterAcrossTransitionsAndLeapDays() {
        QuoteTime time = new QuoteTime(ZoneId.of("Europe/London"));
        DateTimeFormatter jdk = DateTimeFormatter.ofPattern(PATTERN).withZone(ZoneId.of("Europe/London"));
        long[] seconds = {0, 951_782_400L, 951_868_799L, 1_616_893_199L, 1_616_893_200L, 1_635_641_999L,
            1_635_642_000L, 4_107_542_399L, 1_616_893_199L, 86_399L};
        for (long second : seconds) {
            long nanos = second * 1_000_000_000L + 123_456_789L;
            assertThat(time.format(nanos)).as("second %d", second)
                    .isEqualTo(jdk.format(Instant.ofEpochSecond(0, nanos)));
        }
    }

    private static void assertSame(ZoneId zone, long epochNanos) {
        String expected = DateTimeFormatter.ofPattern(PATTERN).withZone(zone)
                .format(Instant.ofEpochSecond(0, epochNanos));
        assertThat(new QuoteTime(zone).format(epochNanos)).isEqualTo(expected);
    }
}
