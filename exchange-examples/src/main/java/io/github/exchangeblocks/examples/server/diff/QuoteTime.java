package io.github.exchangeblocks.examples.server.diff;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Writes a quote's {@code datetime} ({@code yyyy-MM-dd HH:mm:ss.SSSSSS} in the exchange's zone, as TqSdk shows
 * exchange times) from epoch nanoseconds with one allocation, the string itself: the zone's offset is looked up once
 * per stretch between two of its transitions, the calendar fields are integer arithmetic. Equal to
 * {@code DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(zone)} for every time from the epoch on
 * (epoch nanoseconds in a {@code long} end in 2262).
 * One instance per thread (it keeps the offset it looked up last).
 */
final class QuoteTime {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int SECONDS_PER_DAY = 86_400;

    private final ZoneRules rules;
    private final char[] text = "0000-00-00 00:00:00.000000".toCharArray();
    /** The offset in seconds valid for epoch seconds in {@code [validFrom, validUntil)}. */
    private int offsetSeconds;
    private long validFrom = 1;
    private long validUntil;

    QuoteTime(ZoneId zone) {
        this.rules = zone.getRules();
    }

    /**
     * @param epochNanos nanoseconds since the epoch, {@code >= 0}
     * @return the time in the zone, to the microsecond (truncated)
     */
    String format(long epochNanos) {
        long epochSecond = Math.floorDiv(epochNanos, NANOS_PER_SECOND);
        int micros = (int) (Math.floorMod(epochNanos, NANOS_PER_SECOND) / 1_000);
        if (epochSecond < validFrom || epochSecond >= validUntil) {
            lookUpOffset(epochSecond);
        }
        long local = epochSecond + offsetSeconds;
        long day = Math.floorDiv(local, SECONDS_PER_DAY);
        int secondOfDay = Math.floorMod(local, SECONDS_PER_DAY);
        writeDate(day);
        put(11, 2, secondOfDay / 3600);
        put(14, 2, secondOfDay / 60 % 60);
        put(17, 2, secondOfDay % 60);
        put(20, 6, micros);
        return new String(text);
    }

    private void lookUpOffset(long epochSecond) {
        Instant instant = Instant.ofEpochSecond(epochSecond);
        offsetSeconds = rules.getOffset(instant).getTotalSeconds();
        ZoneOffsetTransition previous = rules.previousTransition(instant.plusSeconds(1));
        ZoneOffsetTransition next = rules.nextTransition(instant);
        validFrom = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
        validUntil = next == null ? Long.MAX_VALUE : next.toEpochSecond();
    }

    /** Year, month and day of an epoch day (the proleptic Gregorian calendar, days counted from 1970-01-01). */
    private void writeDate(long epochDay) {
        // Days from 0000-03-01, in 400-year eras: March-based years put the leap day last.
        long days = epochDay + 719_468;
        long era = Math.floorDiv(days, 146_097);
        long dayOfEra = days - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthIndex = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * monthIndex + 2) / 5 + 1);
        int month = (int) (monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        put(0, 4, year);
        put(5, 2, month);
        put(8, 2, day);
    }

    private void put(int at, int digits, int value) {
        for (int i = at + digits - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
