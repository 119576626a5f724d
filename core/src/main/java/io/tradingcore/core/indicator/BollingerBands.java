package io.tradingcore.core.indicator;

/**
 * Bollinger bands: the mean and population standard deviation of the last {@code period} values
 * held in a ring, bands at {@code mean +/- k * stddev}. Running sums make an update O(1); they are
 * recomputed from the ring once per lap so subtraction error cannot build up over a long run.
 */
public final class BollingerBands
{
    private final double[] ring;
    private final double k;
    private int next;
    private int count;
    private double sum;
    private double sumSquares;

    public BollingerBands(final int period, final double k)
    {
        if (period < 2)
        {
            throw new IllegalArgumentException("Bollinger period must be >= 2: " + period);
        }
        this.ring = new double[period];
        this.k = k;
    }

    public void update(final double x)
    {
        if (count == ring.length)
        {
            final double old = ring[next];
            sum -= old;
            sumSquares -= old * old;
        }
        else
        {
            count++;
        }
        ring[next] = x;
        sum += x;
        sumSquares += x * x;
        next++;
        if (next == ring.length)
        {
            next = 0;
            resum();
        }
    }

    public boolean isReady()
    {
        return count == ring.length;
    }

    public double middle()
    {
        return count == 0 ? 0.0 : sum / count;
    }

    public double stddev()
    {
        if (count == 0)
        {
            return 0.0;
        }
        final double mean = sum / count;
        final double variance = sumSquares / count - mean * mean;
        return variance > 0 ? Math.sqrt(variance) : 0.0;
    }

    public double upper()
    {
        return middle() + k * stddev();
    }

    public double lower()
    {
        return middle() - k * stddev();
    }

    /** How many standard deviations {@code x} is from the mean (0 when the window is flat). */
    public double zScore(final double x)
    {
        final double sd = stddev();
        return sd == 0.0 ? 0.0 : (x - middle()) / sd;
    }

    public void reset()
    {
        next = count = 0;
        sum = sumSquares = 0;
    }

    private void resum()
    {
        double s = 0;
        double sq = 0;
        for (int i = 0; i < count; i++)
        {
            s += ring[i];
            sq += ring[i] * ring[i];
        }
        sum = s;
        sumSquares = sq;
    }
}
