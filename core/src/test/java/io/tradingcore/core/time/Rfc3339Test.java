package io.tradingcore.core.time;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** RFC 3339 µs timestamps against java.time, formatted then parsed back. */
class Rfc3339Test
{
    private static final DateTimeFormatter REFERENCE =
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void knownInstantsIncludingLeapDaysAndBefore1970()
    {
        check(0, "1970-01-01T00:00:00.000000Z");
        check(-1, "1969-12-31T23:59:59.999999Z");
        check(1_764_086_400_000_001L, "2025-11-25T16:00:00.000001Z");
        check(micros("2024-02-29T23:59:59.999999Z"), "2024-02-29T23:59:59.999999Z");
        check(micros("2000-02-29T12:00:00Z"), "2000-02-29T12:00:00.000000Z");
        check(micros("1900-02-28T23:59:59Z") + 1_000_000, "1900-03-01T00:00:00.000000Z"); // 1900 is no leap year
        check(micros("1969-07-20T20:17:40Z"), "1969-07-20T20:17:40.000000Z");
        check(micros("1600-02-29T00:00:00.5Z"), "1600-02-29T00:00:00.500000Z");
        check(micros("9999-12-31T23:59:59.999999Z"), "9999-12-31T23:59:59.999999Z");
    }

    @Test
    void randomInstantsMatchJavaTimeBothWays()
    {
        final Random random = new Random(7);
        final long from = micros("1800-01-01T00:00:00Z");
        final long to = micros("2200-01-01T00:00:00Z");
        for (int i = 0; i < 20_000; i++)
        {
            final long value = from + (long)(random.nextDouble() * (to - from));
            check(value, REFERENCE.format(Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L),
                Math.floorMod(value, 1_000_000L) * 1_000L)));
        }
    }

    @Test
    void parsesOffsetsAndNanosecondsAndRefusesWhatIsNotRfc3339()
    {
        final long utc = micros("2026-11-25T15:39:36.123456Z");
        assertEquals(utc, micros("2026-11-25T16:39:36.123456+01:00"));
        assertEquals(utc, micros("2026-11-25T11:09:36.123456-04:30"));
        assertEquals(utc, micros("2026-11-25T15:39:36.123456789Z"), "beyond µs is truncated");
        assertEquals(utc - 123_456, micros("2026-11-25T15:39:36Z"));
        for (final String bad : new String[] {
            "2026-13-01T00:00:00Z", "2026-11-25T24:00:00Z", "2026-11-25T15:39:36", "2026-11-25T15:39:36.Z",
            "2026-11-25T15:39:36+0100", "not a timestamp at all", "2026-11-25"})
        {
            assertEquals(Rfc3339.INVALID, micros(bad), bad);
        }
    }

    private static void check(final long micros, final String text)
    {
        assertEquals(text, Rfc3339.formatMicros(micros));
        assertEquals(micros, micros(text), text);
    }

    private static long micros(final String text)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return Rfc3339.parseMicros(new UnsafeBuffer(bytes), 0, bytes.length);
    }
}
