package io.tradingcore.core.book;

import io.tradingcore.core.kraken.Side;

import java.util.zip.CRC32;

/**
 * Kraken v2 book checksum: CRC-32 over the top 10 asks (low to high) then the top 10 bids (high to
 * low), each level written as the digits of its price then of its qty. The digits of a long scaled
 * at the instrument precision are exactly Kraken's "remove the dot, strip the leading zeros" of the
 * full-precision text, so no decimal text is ever built. One instance per thread; allocation-free.
 */
public final class BookChecksum
{
    public static final int LEVELS = 10;

    /** 2 sides x 10 levels x (price + qty) x at most 19 digits. */
    private static final byte[] DIGIT_PAIRS = new byte[200];
    private static final long[] POWERS_OF_TEN = new long[19];

    static
    {
        for (int i = 0; i < 100; i++)
        {
            DIGIT_PAIRS[2 * i] = (byte)('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte)('0' + i % 10);
        }
        long power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++)
        {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private final byte[] scratch = new byte[2 * LEVELS * 2 * 19];
    private final CRC32 crc = new CRC32();

    /** The unsigned 32-bit checksum of {@code book} as a long, comparable to the frame's {@code checksum}. */
    public long compute(final BookView book)
    {
        int length = appendSide(book, Side.ASK, 0);
        length = appendSide(book, Side.BID, length);
        crc.reset();
        crc.update(scratch, 0, length);
        return crc.getValue();
    }

    private int appendSide(final BookView book, final int side, final int offset)
    {
        final int levels = Math.min(LEVELS, book.levels(side));
        int position = offset;
        for (int i = 0; i < levels; i++)
        {
            position = appendDigits(book.price(side, i), position);
            position = appendDigits(book.qty(side, i), position);
        }
        return position;
    }

    /** Decimal digits of a positive value, two at a time; none for zero (all its digits are leading zeros). */
    private int appendDigits(final long value, final int offset)
    {
        if (value <= 0)
        {
            return offset;
        }
        final int end = offset + digitCount(value);
        final byte[] out = scratch;
        long v = value;
        int i = end;
        while (v >= 100)
        {
            final int pair = (int)(v % 100) << 1;
            v /= 100;
            out[--i] = DIGIT_PAIRS[pair + 1];
            out[--i] = DIGIT_PAIRS[pair];
        }
        if (v >= 10)
        {
            final int pair = (int)v << 1;
            out[--i] = DIGIT_PAIRS[pair + 1];
            out[--i] = DIGIT_PAIRS[pair];
        }
        else
        {
            out[--i] = (byte)('0' + v);
        }
        return end;
    }

    private static int digitCount(final long positive)
    {
        // log10 estimate from the bit length, corrected by one table compare
        final int estimate = ((64 - Long.numberOfLeadingZeros(positive)) * 1233) >>> 12;
        return positive < POWERS_OF_TEN[estimate] ? estimate : estimate + 1;
    }
}
