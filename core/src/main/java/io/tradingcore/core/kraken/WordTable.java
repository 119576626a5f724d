package io.tradingcore.core.kraken;

import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Says which of a fixed set of ASCII words a slice of a frame is, in one probe: a perfect hash of the
 * slice's length and its first, middle and last bytes names the only slot the word can be in, and one
 * compare confirms it. The hash's multiplier is searched once, when the table is built; a lookup
 * allocates nothing and costs the same for the first word of the set as for the last.
 */
public final class WordTable
{
    public static final int NONE = -1;

    /** Slots per word at least: sparse enough that a multiplier without collisions is found in a few hundred tries. */
    private static final int SLOTS_PER_WORD = 4;
    private static final int MAX_BITS = 16;
    private static final int TRIES_PER_SIZE = 1 << 16;
    private static final int GOLDEN = 0x9E37_79B9;

    private final byte[][] words;
    private final int[] codes;
    private final int multiplier;
    private final int shift;
    private final int maxLength;

    /** {@code words[i]} is found as code {@code i}. */
    public WordTable(final String... words)
    {
        final byte[][] bytes = new byte[words.length][];
        int longest = 0;
        for (int i = 0; i < words.length; i++)
        {
            bytes[i] = words[i].getBytes(StandardCharsets.US_ASCII);
            if (bytes[i].length == 0 || bytes[i].length > 0xFF)
            {
                throw new IllegalArgumentException("a word of 1 to 255 bytes: '" + words[i] + "'");
            }
            longest = Math.max(longest, bytes[i].length);
        }
        maxLength = longest;
        int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(words.length * SLOTS_PER_WORD - 1));
        int found = 0;
        while (found == 0 && bits <= MAX_BITS)
        {
            found = multiplierWithoutCollisions(bytes, bits);
            bits += found == 0 ? 1 : 0;
        }
        if (found == 0)
        {
            throw new IllegalArgumentException("words alike in length, first, middle and last byte: " + String.join(",", words));
        }
        multiplier = found;
        shift = 32 - bits;
        this.words = new byte[1 << bits][];
        codes = new int[1 << bits];
        for (int i = 0; i < bytes.length; i++)
        {
            final int slot = slot(signature(bytes[i]), multiplier, shift);
            this.words[slot] = bytes[i];
            codes[slot] = i;
        }
    }

    /** The code of the word at {@code buffer[offset, offset + length)}, or {@link #NONE}. */
    public int find(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length <= 0 || length > maxLength)
        {
            return NONE;
        }
        final int slot = slot(signature(length, buffer.getByte(offset), buffer.getByte(offset + (length >> 1)),
            buffer.getByte(offset + length - 1)), multiplier, shift);
        final byte[] word = words[slot];
        if (word == null || word.length != length)
        {
            return NONE;
        }
        for (int i = 0; i < length; i++)
        {
            if (buffer.getByte(offset + i) != word[i])
            {
                return NONE;
            }
        }
        return codes[slot];
    }

    private static int multiplierWithoutCollisions(final byte[][] words, final int bits)
    {
        final boolean[] taken = new boolean[1 << bits];
        int candidate = GOLDEN;
        for (int attempt = 0; attempt < TRIES_PER_SIZE; attempt++, candidate += 2 * GOLDEN)
        {
            final int multiplier = candidate | 1;
            Arrays.fill(taken, false);
            boolean collided = false;
            for (int i = 0; i < words.length && !collided; i++)
            {
                final int slot = slot(signature(words[i]), multiplier, 32 - bits);
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

    private static int signature(final byte[] word)
    {
        return signature(word.length, word[0], word[word.length >> 1], word[word.length - 1]);
    }

    /** Length and three bytes, packed without overlap: words that differ in any of them differ here. */
    private static int signature(final int length, final byte first, final byte middle, final byte last)
    {
        return length << 24 | (first & 0xFF) << 16 | (middle & 0xFF) << 8 | (last & 0xFF);
    }

    private static int slot(final int signature, final int multiplier, final int shift)
    {
        return (signature * multiplier) >>> shift;
    }
}
