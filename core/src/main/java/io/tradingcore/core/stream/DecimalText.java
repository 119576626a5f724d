package io.tradingcore.core.stream;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/** Scaled longs as plain decimal ASCII ({@code 62807.0}, {@code 0.00000100}, {@code -3}): never exponent form. */
public final class DecimalText
{
    /** The longest text a long at any scale up to 18 can take: sign, 19 digits, point, leading zero. */
    public static final int MAX_LENGTH = 22;

    private DecimalText()
    {
    }

    /** Writes {@code scaled / 10^scale} with exactly {@code scale} fractional digits; returns the length. */
    public static int write(final MutableDirectBuffer b, final int offset, final long scaled, final int scale)
    {
        if (scaled == Long.MIN_VALUE)
        {
            // no positive counterpart: write the digits of -(MIN+1) and fix the last one
            final int len = write(b, offset, scaled + 1, scale);
            b.putByte(offset + len - 1, (byte)(b.getByte(offset + len - 1) + 1));
            return len;
        }
        int pos = offset;
        long v = scaled;
        if (v < 0)
        {
            b.putByte(pos++, (byte)'-');
            v = -v;
        }
        final int digits = digitCount(v);
        final int intDigits = Math.max(1, digits - scale);
        final int total = scale > 0 ? intDigits + 1 + scale : intDigits;
        int end = pos + total;
        for (int i = 0; i < scale; i++)
        {
            b.putByte(--end, (byte)('0' + v % 10));
            v /= 10;
        }
        if (scale > 0)
        {
            b.putByte(--end, (byte)'.');
        }
        do
        {
            b.putByte(--end, (byte)('0' + v % 10));
            v /= 10;
        }
        while (end > pos);
        return pos + total - offset;
    }

    public static int digitCount(final long nonNegative)
    {
        long v = nonNegative;
        int n = 1;
        while (v >= 10)
        {
            v /= 10;
            n++;
        }
        return n;
    }

    /** For reports off the hot path. */
    public static String toString(final long scaled, final int scale)
    {
        final UnsafeBuffer b = new UnsafeBuffer(new byte[MAX_LENGTH + 2]);
        final int len = write(b, 0, scaled, scale);
        return b.getStringWithoutLengthAscii(0, len);
    }
}
