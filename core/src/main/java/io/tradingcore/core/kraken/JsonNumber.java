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
    private int scanError;

    /**
     * Scans {@code -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?} at {@code from} (a '-' or a digit) and
     * takes its layout. Returns the index just past it, or {@code -1 - position} of the failure, whose
     * {@link ParseError} is then {@link #scanError()}.
     */
    int scan(final DirectBuffer buffer, final int from, final int end)
    {
        int i = from;
        final boolean negative = buffer.getByte(i) == '-';
        if (negative)
        {
            i++;
        }
        final int intStart = i;
        if (i == end)
        {
            return failed(ParseError.TRUNCATED, i);
        }
        final byte lead = buffer.getByte(i);
        if (lead == '0')
        {
            i++;
        }
        else if (lead >= '1' && lead <= '9')
        {
            i = digits(buffer, i, end);
        }
        else
        {
            return failed(ParseError.SYNTAX, i);
        }
        final int intDigits = i - intStart;
        int fractionStart = i;
        int fractionDigits = 0;
        if (i < end && buffer.getByte(i) == '.')
        {
            fractionStart = i + 1;
            i = digits(buffer, fractionStart, end);
            fractionDigits = i - fractionStart;
            if (fractionDigits == 0)
            {
                return failed(i == end ? ParseError.TRUNCATED : ParseError.SYNTAX, i);
            }
        }
        int exponent = 0;
        if (i < end && (buffer.getByte(i) == 'e' || buffer.getByte(i) == 'E'))
        {
            i++;
            boolean negativeExponent = false;
            if (i < end && (buffer.getByte(i) == '+' || buffer.getByte(i) == '-'))
            {
                negativeExponent = buffer.getByte(i) == '-';
                i++;
            }
            final int exponentStart = i;
            while (i < end && isDigit(buffer.getByte(i)))
            {
                exponent = Math.min(EXPONENT_LIMIT, exponent * 10 + buffer.getByte(i) - '0');
                i++;
            }
            if (i == exponentStart)
            {
                return failed(i == end ? ParseError.TRUNCATED : ParseError.SYNTAX, i);
            }
            if (negativeExponent)
            {
                exponent = -exponent;
            }
        }
        set(buffer, negative, intStart, intDigits, fractionStart, fractionDigits, exponent);
        return i;
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

    private static int digits(final DirectBuffer buffer, final int from, final int end)
    {
        int i = from;
        while (i < end && isDigit(buffer.getByte(i)))
        {
            i++;
        }
        return i;
    }

    private void set(
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

    private static boolean isDigit(final byte c)
    {
        return c >= '0' && c <= '9';
    }

    private int digit(final int index)
    {
        final int at = index < intDigits ? intStart + index : fractionStart + index - intDigits;
        return buffer.getByte(at) - '0';
    }
}
