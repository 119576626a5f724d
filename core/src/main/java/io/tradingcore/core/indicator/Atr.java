package io.tradingcore.core.indicator;

/**
 * Average true range with Wilder's smoothing. The true range of the first bar is high - low; after
 * that {@code max(high - low, |high - prevClose|, |low - prevClose|)}. The first ATR is the mean of
 * the first {@code period} true ranges. Before it is ready, {@link #value()} is the running mean.
 */
public final class Atr
{
    private final int period;
    private double previousClose;
    private double value;
    private double seedSum;
    private int count;

    public Atr(final int period)
    {
        if (period < 1)
        {
            throw new IllegalArgumentException("ATR period must be >= 1: " + period);
        }
        this.period = period;
    }

    public void update(final double high, final double low, final double close)
    {
        double trueRange = high - low;
        if (count > 0)
        {
            trueRange = Math.max(trueRange, Math.max(Math.abs(high - previousClose), Math.abs(low - previousClose)));
        }
        previousClose = close;
        if (count < period)
        {
            seedSum += trueRange;
            count++;
            value = seedSum / count;
        }
        else
        {
            value = (value * (period - 1) + trueRange) / period;
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

    public void reset()
    {
        previousClose = value = seedSum = 0;
        count = 0;
    }
}
