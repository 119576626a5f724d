package io.tradingcore.core.time;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * RFC 3339 UTC timestamps to and from epoch microseconds without allocation
 * (Howard Hinnant's days-from-civil algorithm). Kraken sends µs, ohlc {@code interval_begin} ns.
 */
public final class Rfc3339
{
    /** Length of {@code 2026-11-25T16:39:36.123456Z}. */
    public static final int MICROS_LENGTH = 27;
    public static final long INVALID = Long.MIN_VALUE;

    private Rfc3339()
    {
    }

    /**
     * Parses {@code YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)}; a fraction beyond 6 digits is
     * truncated to µs. Returns {@link #INVALID} for anything else.
     */
    public static long parseMicros(final DirectBuffer b, final int offset, final int length)
    {
        if (!hasShape(b, offset, length))
        {
            return INVALID;
        }
        final long days = epochDay(b, offset);
        return days == INVALID ? INVALID : parseTime(b, offset, length, days);
    }

    /** The separators at their places: the date and time digits are checked by the parts that read them. */
    static boolean hasShape(final DirectBuffer b, final int offset, final int length)
    {
        return length >= 20 && b.getByte(offset + 4) == '-' && b.getByte(offset + 7) == '-'
            && (b.getByte(offset + 10) == 'T' || b.getByte(offset + 10) == 't' || b.getByte(offset + 10) == ' ')
            && b.getByte(offset + 13) == ':' && b.getByte(offset + 16) == ':';
    }

    /** Days since 1970-01-01 of the {@code YYYY-MM-DD} at {@code offset}, or {@link #INVALID}. */
    static long epochDay(final DirectBuffer b, final int offset)
    {
        final int year = digits(b, offset, 4);
        final int month = digits(b, offset + 5, 2);
        final int day = digits(b, offset + 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31)
        {
            return INVALID;
        }
        return daysFromCivil(year, month, day);
    }

    /** The rest of a timestamp whose date is {@code epochDay}: time of day, fraction, zone. */
    static long parseTime(final DirectBuffer b, final int offset, final int length, final long epochDay)
    {
        final int hour = digits(b, offset + 11, 2);
        final int minute = digits(b, offset + 14, 2);
        final int second = digits(b, offset + 17, 2);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60)
        {
            return INVALID;
        }
        int i = offset + 19;
        final int end = offset + length;
        long micros = 0;
        if (b.getByte(i) == '.')
        {
            i++;
            int n = 0;
            while (i < end && isDigit(b.getByte(i)))
            {
                if (n < 6)
                {
                    micros = micros * 10 + (b.getByte(i) - '0');
                }
                n++;
                i++;
            }
            if (n == 0)
            {
                return INVALID;
            }
            for (; n < 6; n++)
            {
                micros *= 10;
            }
        }
        if (i >= end)
        {
            return INVALID;
        }
        long offsetSeconds = 0;
        final byte zone = b.getByte(i);
        if (zone == 'Z' || zone == 'z')
        {
            i++;
        }
        else if ((zone == '+' || zone == '-') && end - i == 6 && b.getByte(i + 3) == ':')
        {
            final int oh = digits(b, i + 1, 2);
            final int om = digits(b, i + 4, 2);
            if (oh < 0 || om < 0)
            {
                return INVALID;
            }
            offsetSeconds = (zone == '+' ? 1 : -1) * (oh * 3600L + om * 60L);
            i += 6;
        }
        else
        {
            return INVALID;
        }
        if (i != end)
        {
            return INVALID;
        }
        final long seconds = epochDay * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        return seconds * 1_000_000L + micros;
    }

    /** Writes {@code 2026-11-25T16:39:36.123456Z} at offset; returns {@link #MICROS_LENGTH}. */
    public static int formatMicros(final long epochMicros, final MutableDirectBuffer b, final int offset)
    {
        final long seconds = Math.floorDiv(epochMicros, 1_000_000L);
        final int micros = (int)Math.floorMod(epochMicros, 1_000_000L);
        final long days = Math.floorDiv(seconds, 86_400L);
        final int secOfDay = (int)Math.floorMod(seconds, 86_400L);

        // civil from days (Hinnant)
        final long z = days + 719_468;
        final long era = Math.floorDiv(z, 146_097);
        final long doe = z - era * 146_097;
        final long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        final long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        final long mp = (5 * doy + 2) / 153;
        final int day = (int)(doy - (153 * mp + 2) / 5 + 1);
        final int month = (int)(mp < 10 ? mp + 3 : mp - 9);
        final int year = (int)(yoe + era * 400 + (month <= 2 ? 1 : 0));

        put(b, offset, year, 4);
        b.putByte(offset + 4, (byte)'-');
        put(b, offset + 5, month, 2);
        b.putByte(offset + 7, (byte)'-');
        put(b, offset + 8, day, 2);
        b.putByte(offset + 10, (byte)'T');
        put(b, offset + 11, secOfDay / 3600, 2);
        b.putByte(offset + 13, (byte)':');
        put(b, offset + 14, (secOfDay / 60) % 60, 2);
        b.putByte(offset + 16, (byte)':');
        put(b, offset + 17, secOfDay % 60, 2);
        b.putByte(offset + 19, (byte)'.');
        put(b, offset + 20, micros, 6);
        b.putByte(offset + 26, (byte)'Z');
        return MICROS_LENGTH;
    }

    /** For reports off the hot path. */
    public static String formatMicros(final long epochMicros)
    {
        final UnsafeBuffer b = new UnsafeBuffer(new byte[MICROS_LENGTH]);
        formatMicros(epochMicros, b, 0);
        return b.getStringWithoutLengthAscii(0, MICROS_LENGTH);
    }

    static long daysFromCivil(final int year, final int month, final int day)
    {
        final int y = month <= 2 ? year - 1 : year;
        final int era = Math.floorDiv(y, 400);
        final int yoe = y - era * 400;
        final int mp = month > 2 ? month - 3 : month + 9;
        final int doy = (153 * mp + 2) / 5 + day - 1;
        final int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097L + doe - 719_468;
    }

    private static void put(final MutableDirectBuffer b, final int offset, final int value, final int width)
    {
        int v = value;
        for (int i = width - 1; i >= 0; i--)
        {
            b.putByte(offset + i, (byte)('0' + v % 10));
            v /= 10;
        }
    }

    private static int digits(final DirectBuffer b, final int offset, final int count)
    {
        int v = 0;
        for (int i = 0; i < count; i++)
        {
            final byte c = b.getByte(offset + i);
            if (!isDigit(c))
            {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigit(final byte c)
    {
        return c >= '0' && c <= '9';
    }
}
