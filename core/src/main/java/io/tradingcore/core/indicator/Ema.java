package io.tradingcore.core.indicator;

/**
 * Exponential moving average, {@code alpha = 2 / (period + 1)}, seeded with the simple mean of the
 * first {@code period} values (the classic definition, so values match hand computation). Before it
 * is ready, {@link #value()} is the running mean of what it has seen.
 */
public final class Ema
{
    private final int period;
    private final double alpha;
    private double value;
    private double seedSum;
    private int count;

    public Ema(final int period)
    {
        if (period < 1)
        {
            throw new IllegalArgumentException("EMA period must be >= 1: " + period);
        }
        this.period = period;
        this.alpha = 2.0 / (period + 1);
    }

    public void update(final double x)
    {
        if (count < period)
        {
            seedSum += x;
            count++;
            value = seedSum / count;
        }
        else
        {
            value += alpha * (x - value);
        }
    }

    public boolean isReady()
    {
        return count >= period;
    }

    public double value()
    {
        return value;
    }

    public int period()
    {
        return period;
    }

    public void reset()
    {
        value = seedSum = 0;
        count = 0;
    }
}
