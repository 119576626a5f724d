package io.tradingcore.core.kraken;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * Scans a JSON string for {@link JsonCursor}: finds its closing quote, validating escapes and rejecting
 * control characters. The bytes that need a look (a quote, a backslash, a control character) are found
 * eight bytes a step (SWAR), so a key or a symbol costs one or two loads instead of a call and three
 * compares per byte; only the lowest flagged byte of a word is exact, and only it is used.
 */
final class JsonStringScanner
{
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
    private static final long SPACES = 0x2020202020202020L;

    private int scanError;

    /**
     * Scans from just past an opening quote; returns the index just past the closing one, or
     * {@code -1 - position} of the failure, whose {@link ParseError} is then {@link #scanError()}.
     */
    int scan(final DirectBuffer buffer, final int from, final int end)
    {
        int i = from;
        while (i < end)
        {
            i = next(buffer, i, end);
            if (i == end)
            {
                break;
            }
            final byte c = buffer.getByte(i);
            if (c == '"')
            {
                return i + 1;
            }
            if (c == '\\')
            {
                if (i + 1 == end)
                {
                    return failed(ParseError.TRUNCATED, end);
                }
                final byte e = buffer.getByte(i + 1);
                if (e == 'u')
                {
                    for (int h = i + 2; h < i + 6; h++)
                    {
                        if (h == end)
                        {
                            return failed(ParseError.TRUNCATED, end);
                        }
                        if (!isHex(buffer.getByte(h)))
                        {
                            return failed(ParseError.SYNTAX, h);
                        }
                    }
                    i += 6;
                }
                else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't')
                {
                    i += 2;
                }
                else
                {
                    return failed(ParseError.SYNTAX, i);
                }
            }
            else
            {
                return failed(ParseError.SYNTAX, i); // a control character: the only other byte next() stops at
            }
        }
        return failed(ParseError.TRUNCATED, end);
    }

    /** The {@link ParseError} of the last {@link #scan} that failed. */
    int scanError()
    {
        return scanError;
    }

    private int failed(final int error, final int position)
    {
        scanError = error;
        return -1 - position;
    }

    /** The first index in [from, end) holding a quote, a backslash or a control character, else {@code end}. */
    private static int next(final DirectBuffer buffer, final int from, final int end)
    {
        int i = from;
        while (i + Long.BYTES <= end)
        {
            final long word = buffer.getLong(i, ByteOrder.LITTLE_ENDIAN);
            final long special = zeroBytes(word ^ QUOTES) | zeroBytes(word ^ BACKSLASHES)
                | ((word - SPACES) & ~word & HIGH_BITS);
            if (special != 0)
            {
                return i + (Long.numberOfTrailingZeros(special) >>> 3);
            }
            i += Long.BYTES;
        }
        while (i < end)
        {
            final byte c = buffer.getByte(i);
            if (c == '"' || c == '\\' || (c >= 0 && c < 0x20))
            {
                return i;
            }
            i++;
        }
        return end;
    }

    private static boolean isHex(final byte c)
    {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** The high bit of each byte of {@code word} that is zero (exact for the lowest such byte). */
    private static long zeroBytes(final long word)
    {
        return (word - LOW_BITS) & ~word & HIGH_BITS;
    }
}
