package io.tradingcore.core.kraken;

import org.agrona.DirectBuffer;

/**
 * The layout of one JSON number token as {@link JsonCursor} scanned it (sign, integer digits,
 * fraction digits, exponent), converted to a scaled long straight from its digits: never through
 * double or BigDecimal, so {@code 0.00000100} at scale 8 is exactly 100 and {@code 1e-08} is 1.
 */
public final class JsonNumber
{
    /** Exponents are clamped here: anything beyond overflows or vanishes at every scale a long can hold. */
    static final int EXPONENT_LIMIT = 100_000;
    /** {@code result * 10 + digit} fits a long while result is below this, or equal and digit at most 7. */
    private static final long LIMIT_TENTH = Long.MAX_VALUE / 10;
    private static final int LIMIT_LAST_DIGIT = (int)(Long.MAX_VALUE % 10);

    private DirectBuffer buffer;
    private boolean negative;
    private int intStart;
    private int intDigits;
    private int fractionStart;
    private int fractionDigits;
    private int exponent;
    private long value;

    void set(
        final DirectBuffer buffer,
        final boolean negative,
        final int intStart,
        final int intDigits,
        final int fractionStart,
        final int fractionDigits,
        final int exponent)
    {
        this.buffer = buffer;
        this.negative = negative;
        this.intStart = intStart;
        this.intDigits = intDigits;
        this.fractionStart = fractionStart;
        this.fractionDigits = fractionDigits;
        this.exponent = exponent;
    }

    /** Fractional digits the text carries, trailing zeros included: {@code 62807.0} → 1, {@code 1e-08} → 8, {@code 6.28e4} → 0. */
    public int textScale()
    {
        return Math.max(0, fractionDigits - exponent);
    }

    /** The result of the last successful {@link #scale}. */
    public long value()
    {
        return value;
    }

    /**
     * Converts the number to {@code number * 10^scale}. Digits below that scale must be zero unless
     * {@code halfEven}, which rounds them away instead. Returns a {@link ParseError} value: NONE,
     * NUMBER_OVERFLOW or PRECISION_EXCEEDED; the result is in {@link #value()}.
     */
    public int scale(final int scale, final boolean halfEven)
    {
        final int digits = intDigits + fractionDigits;
        // power of ten, in units of 10^-scale, carried by the first digit
        final int firstPower = intDigits - 1 + exponent + scale;
        long result = 0;
        int i = 0;
        for (; i < digits && firstPower - i >= 0; i++)
        {
            final int d = digit(i);
            if (result > LIMIT_TENTH || (result == LIMIT_TENTH && d > LIMIT_LAST_DIGIT))
            {
                return ParseError.NUMBER_OVERFLOW;
            }
            result = result * 10 + d;
        }
        if (i == digits && result != 0)
        {
            for (int p = firstPower - digits + 1; p > 0; p--)
            {
                if (result > LIMIT_TENTH)
                {
                    return ParseError.NUMBER_OVERFLOW;
                }
                result *= 10;
            }
        }
        if (i < digits)
        {
            // digits below the scale: the first one only counts for rounding if it sits right below it
            final int roundDigit = firstPower - i == -1 ? digit(i) : 0;
            boolean sticky = false;
            for (int j = firstPower - i == -1 ? i + 1 : i; j < digits && !sticky; j++)
            {
                sticky = digit(j) != 0;
            }
            if (roundDigit != 0 || sticky)
            {
                if (!halfEven)
                {
                    return ParseError.PRECISION_EXCEEDED;
                }
                if (roundDigit > 5 || (roundDigit == 5 && (sticky || (result & 1) == 1)))
                {
                    if (result == Long.MAX_VALUE)
                    {
                        return ParseError.NUMBER_OVERFLOW;
                    }
                    result++;
                }
            }
        }
        value = negative ? -result : result;
        return ParseError.NONE;
    }

    private int digit(final int index)
    {
        final int at = index < intDigits ? intStart + index : fractionStart + index - intDigits;
        return buffer.getByte(at) - '0';
    }
}
