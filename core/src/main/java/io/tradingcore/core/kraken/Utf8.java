package io.tradingcore.core.kraken;

import org.agrona.DirectBuffer;

/**
 * UTF-8 checks over frame bytes, without decoding: frames with invalid UTF-8 are rejected before
 * anything of theirs reaches Redis (a reader decoding values as text would fail on them), and a
 * report's excerpt is cut on a character boundary.
 */
public final class Utf8
{
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;

    private Utf8()
    {
    }

    /**
     * The length of the longest prefix of {@code buffer[offset, offset + length)} that is well-formed
     * UTF-8 and at most {@code max} bytes long, ending on a character boundary. Equal to {@code length}
     * (when {@code max >= length}) exactly when the whole range is valid.
     */
    public static int validPrefix(final DirectBuffer buffer, final int offset, final int length, final int max)
    {
        final int end = offset + Math.min(length, max);
        int i = offset;
        while (i < end)
        {
            if (i + Long.BYTES <= end && (buffer.getLong(i) & HIGH_BITS) == 0)
            {
                i += Long.BYTES; // ASCII, eight at a time: nearly every byte of a Kraken frame
                continue;
            }
            final int b = buffer.getByte(i) & 0xFF;
            final int size;
            final int min;
            if (b < 0x80)
            {
                i++;
                continue;
            }
            else if (b >= 0xC2 && b <= 0xDF)
            {
                size = 2;
                min = 0x80;
            }
            else if (b >= 0xE0 && b <= 0xEF)
            {
                size = 3;
                min = 0x800;
            }
            else if (b >= 0xF0 && b <= 0xF4)
            {
                size = 4;
                min = 0x10000;
            }
            else
            {
                break;
            }
            if (i + size > end)
            {
                break;
            }
            int codePoint = b & (0xFF >> (size + 1));
            int k = 1;
            for (; k < size; k++)
            {
                final int c = buffer.getByte(i + k) & 0xFF;
                if ((c & 0xC0) != 0x80)
                {
                    break;
                }
                codePoint = (codePoint << 6) | (c & 0x3F);
            }
            if (k < size || codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
            {
                break;
            }
            i += size;
        }
        return i - offset;
    }
}
