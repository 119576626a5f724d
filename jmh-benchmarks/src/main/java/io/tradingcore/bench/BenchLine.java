package io.tradingcore.bench;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The last line every {@code run/bench} command prints, {@code NAME key=value ...}, for a person and a
 * script alike: plain decimals (no grouping, no exponent), whole numbers from 100 up, three
 * significant digits below (a box this noisy resolves no more).
 */
final class BenchLine
{
    private static final MathContext SIGNIFICANT = new MathContext(3);

    private final StringBuilder line;

    BenchLine(final String name)
    {
        line = new StringBuilder(name);
    }

    BenchLine put(final String key, final double value)
    {
        line.append(' ').append(key).append('=').append(format(value));
        return this;
    }

    static String format(final double value)
    {
        if (Double.isNaN(value) || Double.isInfinite(value))
        {
            throw new IllegalArgumentException("not a measurement: " + value);
        }
        if (Math.abs(value) >= 100)
        {
            return Long.toString(Math.round(value));
        }
        return new BigDecimal(value).round(SIGNIFICANT).stripTrailingZeros().toPlainString();
    }

    @Override
    public String toString()
    {
        return line.toString();
    }
}
