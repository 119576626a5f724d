package io.tradingcore.core.book;

/**
 * The checksum digits of one book level, the price's then the qty's: the decimal digits of a long
 * scaled at the instrument precision are exactly Kraken's "remove the dot, strip the leading zeros"
 * of the full-precision text, so no decimal text is ever built.
 */
final class ChecksumDigits
{
    /** A price and a qty of at most 19 digits each. */
    static final int LEVEL_LENGTH = 2 * 19;

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

    private ChecksumDigits()
    {
    }

    /** Writes the level's digits at {@code offset}; returns their count. */
    static int level(final long price, final long qty, final byte[] out, final int offset)
    {
        final int afterPrice = digits(price, out, offset);
        return digits(qty, out, afterPrice) - offset;
    }

    /** Decimal digits of a positive value, two at a time; none for zero (all its digits are leading zeros). */
    private static int digits(final long value, final byte[] out, final int offset)
    {
        if (value <= 0)
        {
            return offset;
        }
        final int end = offset + digitCount(value);
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
