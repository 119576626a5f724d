package io.tradingcore.core.indicator;

/**
 * Scaled longs (a price or quantity at its instrument precision) to and from doubles, for the
 * indicator and PnL maths only. Wire values stay scaled longs; a double is never parsed from text.
 */
public final class Scaled
{
    public static final int MAX_PRECISION = 18;

    private static final double[] POW10 = new double[MAX_PRECISION + 1];

    static
    {
        double p = 1.0;
        for (int i = 0; i <= MAX_PRECISION; i++)
        {
            POW10[i] = p;
            p *= 10.0;
        }
    }

    private Scaled()
    {
    }

    /** 10^precision as a double. */
    public static double pow10(final int precision)
    {
        return POW10[precision];
    }

    public static double toDouble(final long scaled, final int precision)
    {
        return scaled / POW10[precision];
    }

    /** The nearest scaled long to {@code value}. */
    public static long fromDouble(final double value, final int precision)
    {
        return Math.round(value * POW10[precision]);
    }
}
