package io.tradingcore.core.time;

import org.agrona.DirectBuffer;

/**
 * {@link Rfc3339#parseMicros} for one thread reading a stream of timestamps: the date changes once a
 * day, so the last date's digits and epoch day are kept and a timestamp of the same day parses only its
 * time. Same results as {@link Rfc3339#parseMicros}; allocation-free.
 */
public final class Rfc3339Reader
{
    /** The first eight and the next two bytes of the last valid date ({@code 2026-11-} and {@code 25}). */
    private long dateHead;
    private short dateTail;
    private long epochDay = Rfc3339.INVALID;

    public long parseMicros(final DirectBuffer b, final int offset, final int length)
    {
        if (!Rfc3339.hasShape(b, offset, length))
        {
            return Rfc3339.INVALID;
        }
        final long head = b.getLong(offset);
        final short tail = b.getShort(offset + 8);
        if (epochDay == Rfc3339.INVALID || head != dateHead || tail != dateTail)
        {
            final long day = Rfc3339.epochDay(b, offset);
            if (day == Rfc3339.INVALID)
            {
                return Rfc3339.INVALID;
            }
            dateHead = head;
            dateTail = tail;
            epochDay = day;
        }
        return Rfc3339.parseTime(b, offset, length, epochDay);
    }
}
