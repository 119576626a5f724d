package io.tradingcore.core.indicator;

/**
 * Donchian channel: the highest high and lowest low of the last {@code period} bars. Each extreme
 * is a monotonic deque over preallocated arrays (values and bar numbers), so an update is amortised
 * O(1) and a read is O(1).
 */
public final class DonchianChannel
{
    private final int period;
    private final double[] maxValues;
    private final long[] maxBars;
    private final double[] minValues;
    private final long[] minBars;
    private int maxHead;
    private int maxSize;
    private int minHead;
    private int minSize;
    private long bar;

    public DonchianChannel(final int period)
    {
        if (period < 1)
        {
            throw new IllegalArgumentException("Donchian period must be >= 1: " + period);
        }
        this.period = period;
        maxValues = new double[period];
        maxBars = new long[period];
        minValues = new double[period];
        minBars = new long[period];
    }

    public void update(final double high, final double low)
    {
        final long expired = bar - period;
        while (maxSize > 0 && maxBars[maxHead] <= expired)
        {
            maxHead = wrap(maxHead + 1);
            maxSize--;
        }
        while (maxSize > 0 && maxValues[wrap(maxHead + maxSize - 1)] <= high)
        {
            maxSize--;
        }
        final int maxTail = wrap(maxHead + maxSize);
        maxValues[maxTail] = high;
        maxBars[maxTail] = bar;
        maxSize++;

        while (minSize > 0 && minBars[minHead] <= expired)
        {
            minHead = wrap(minHead + 1);
            minSize--;
        }
        while (minSize > 0 && minValues[wrap(minHead + minSize - 1)] >= low)
        {
            minSize--;
        }
        final int minTail = wrap(minHead + minSize);
        minValues[minTail] = low;
        minBars[minTail] = bar;
        minSize++;
        bar++;
    }

    public boolean isReady()
    {
        return bar >= period;
    }

    public double upper()
    {
        return maxSize == 0 ? Double.NaN : maxValues[maxHead];
    }

    public double lower()
    {
        return minSize == 0 ? Double.NaN : minValues[minHead];
    }

    public double middle()
    {
        return (upper() + lower()) * 0.5;
    }

    public void reset()
    {
        maxHead = maxSize = minHead = minSize = 0;
        bar = 0;
    }

    private int wrap(final int index)
    {
        return index >= period ? index - period : index;
    }
}
