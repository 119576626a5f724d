package io.tradingcore.core.indicator;

/**
 * Relative strength index with Wilder's smoothing: the first average gain and loss are the simple
 * means of the first {@code period} changes, then {@code avg = (avg * (period - 1) + x) / period}.
 * Ready after {@code period + 1} closes. A flat series reads 50, one with no losses 100.
 */
public final class Rsi
{
    private final int period;
    private double previous;
    private boolean hasPrevious;
    private double avgGain;
    private double avgLoss;
    private int changes;

    public Rsi(final int period)
    {
        if (period < 1)
        {
            throw new IllegalArgumentException("RSI period must be >= 1: " + period);
        }
        this.period = period;
    }

    public void update(final double close)
    {
        if (!hasPrevious)
        {
            previous = close;
            hasPrevious = true;
            return;
        }
        final double change = close - previous;
        previous = close;
        final double gain = change > 0 ? change : 0.0;
        final double loss = change < 0 ? -change : 0.0;
        if (changes < period)
        {
            avgGain += gain / period;
            avgLoss += loss / period;
            changes++;
        }
        else
        {
            avgGain = (avgGain * (period - 1) + gain) / period;
            avgLoss = (avgLoss * (period - 1) + loss) / period;
        }
    }

    public boolean isReady()
    {
        return changes >= period;
    }

    public double value()
    {
        if (avgLoss == 0.0)
        {
            return avgGain == 0.0 ? 50.0 : 100.0;
        }
        return 100.0 - 100.0 / (1.0 + avgGain / avgLoss);
    }

    public void reset()
    {
        previous = avgGain = avgLoss = 0;
        hasPrevious = false;
        changes = 0;
    }
}
