package io.tradingcore.core.kraken;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Says which of a fixed set of ASCII words (up to 16 bytes) a slice of a frame is, in one probe: the
 * slice is read as two little-endian longs (two loads where the frame has room, SWAR), a perfect hash
 * of them names the only slot the word can be in, and two long compares confirm it. The hash's
 * multiplier is searched once, when the table is built; a lookup allocates nothing, does not loop
 * and costs the same for the first word of the set as for the last.
 */
public final class WordTable
{
    public static final int NONE = -1;
    public static final int MAX_WORD_LENGTH = 2 * Long.BYTES;

    /** Slots per word at least: sparse enough that a multiplier without collisions is found in a few tries. */
    private static final int SLOTS_PER_WORD = 4;
    private static final int MAX_BITS = 16;
    private static final int TRIES_PER_SIZE = 1 << 16;
    private static final long MIX = 0x9E37_79B9_7F4A_7C15L;

    private final long[] lows;
    private final long[] highs;
    /** 0 marks an empty slot: no slice of length 0 is looked up. */
    private final int[] lengths;
    private final int[] codes;
    private final long multiplier;
    private final int shift;

    /** {@code words[i]} is found as code {@code i}. */
    public WordTable(final String... words)
    {
        final long[] low = new long[words.length];
        final long[] high = new long[words.length];
        for (int i = 0; i < words.length; i++)
        {
            final byte[] bytes = words[i].getBytes(StandardCharsets.US_ASCII);
            if (bytes.length == 0 || bytes.length > MAX_WORD_LENGTH)
            {
                throw new IllegalArgumentException("a word of 1 to " + MAX_WORD_LENGTH + " bytes: '" + words[i] + "'");
            }
            low[i] = packed(bytes, 0, Math.min(bytes.length, Long.BYTES));
            high[i] = bytes.length > Long.BYTES ? packed(bytes, Long.BYTES, bytes.length - Long.BYTES) : 0;
        }
        int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(words.length * SLOTS_PER_WORD - 1));
        long found = 0;
        while (found == 0 && bits <= MAX_BITS)
        {
            found = multiplierWithoutCollisions(words, low, high, bits);
            bits += found == 0 ? 1 : 0;
        }
        if (found == 0)
        {
            throw new IllegalArgumentException("no perfect hash for " + String.join(",", words));
        }
        multiplier = found;
        shift = Long.SIZE - bits;
        lows = new long[1 << bits];
        highs = new long[1 << bits];
        lengths = new int[1 << bits];
        codes = new int[1 << bits];
        for (int i = 0; i < words.length; i++)
        {
            final int slot = slot(low[i], high[i], words[i].length(), multiplier, shift);
            lows[slot] = low[i];
            highs[slot] = high[i];
            lengths[slot] = words[i].length();
            codes[slot] = i;
        }
    }

    /**
     * The code of the word at {@code buffer[offset, offset + length)}, or {@link #NONE}. Bytes up to
     * {@code limit} (exclusive) may be read past the slice: where they reach 16 bytes, the slice is two loads.
     */
    public int find(final DirectBuffer buffer, final int offset, final int length, final int limit)
    {
        if (length <= 0 || length > MAX_WORD_LENGTH)
        {
            return NONE;
        }
        long low;
        long high;
        if (offset + MAX_WORD_LENGTH <= limit)
        {
            low = buffer.getLong(offset, ByteOrder.LITTLE_ENDIAN);
            high = buffer.getLong(offset + Long.BYTES, ByteOrder.LITTLE_ENDIAN);
        }
        else
        {
            low = packed(buffer, offset, Math.min(length, Long.BYTES));
            high = length > Long.BYTES ? packed(buffer, offset + Long.BYTES, length - Long.BYTES) : 0;
        }
        if (length < Long.BYTES)
        {
            low &= -1L >>> (Long.SIZE - Byte.SIZE * length);
            high = 0;
        }
        else
        {
            high &= length == Long.BYTES ? 0 : -1L >>> (2 * Long.SIZE - Byte.SIZE * length);
        }
        final int slot = slot(low, high, length, multiplier, shift);
        return lows[slot] == low && highs[slot] == high && lengths[slot] == length ? codes[slot] : NONE;
    }

    private static long multiplierWithoutCollisions(
        final String[] words, final long[] low, final long[] high, final int bits)
    {
        final boolean[] taken = new boolean[1 << bits];
        long candidate = MIX;
        for (int attempt = 0; attempt < TRIES_PER_SIZE; attempt++, candidate += 2 * MIX)
        {
            final long multiplier = candidate | 1;
            Arrays.fill(taken, false);
            boolean collided = false;
            for (int i = 0; i < words.length && !collided; i++)
            {
                final int slot = slot(low[i], high[i], words[i].length(), multiplier, Long.SIZE - bits);
                collided = taken[slot];
                taken[slot] = true;
            }
            if (!collided)
            {
                return multiplier;
            }
        }
        return 0;
    }

    private static int slot(final long low, final long high, final int length, final long multiplier, final int shift)
    {
        return (int)(((low ^ high * MIX ^ length) * multiplier) >>> shift);
    }

    /** Up to 8 bytes, the first in the lowest bits (little-endian), as {@link DirectBuffer#getLong} reads them. */
    private static long packed(final byte[] bytes, final int from, final int count)
    {
        long value = 0;
        for (int i = count - 1; i >= 0; i--)
        {
            value = value << Byte.SIZE | (bytes[from + i] & 0xFF);
        }
        return value;
    }

    private static long packed(final DirectBuffer buffer, final int from, final int count)
    {
        long value = 0;
        for (int i = count - 1; i >= 0; i--)
        {
            value = value << Byte.SIZE | (buffer.getByte(from + i) & 0xFF);
        }
        return value;
    }
}
