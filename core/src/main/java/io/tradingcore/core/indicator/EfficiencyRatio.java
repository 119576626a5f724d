package io.tradingcore.core.indicator;

/**
 * Kaufman's efficiency ratio over {@code period} changes: {@code |x - x[period]| / sum |x[i] - x[i-1]|},
 * near 1 in a clean trend and near 0 in a choppy range. Also exposes the net change
 * {@code x - x[period]} (the momentum). A ring of {@code period + 1} values and a running path sum.
 */
public final class EfficiencyRatio
{
    private final double[] ring;
    private final int period;
    private int next;
    private int count;
    private double path;

    public EfficiencyRatio(final int period)
    {
        if (period < 1)
        {
            throw new IllegalArgumentException("efficiency period must be >= 1: " + period);
        }
        this.period = period;
        this.ring = new double[period + 1];
    }

    public void update(final double x)
    {
        if (count > 0)
        {
            path += Math.abs(x - ring[previous(next)]);
        }
        if (count == ring.length)
        {
            // the oldest value leaves: its step to the second oldest leaves the path
            final double oldest = ring[next];
            final double secondOldest = ring[next + 1 == ring.length ? 0 : next + 1];
            path -= Math.abs(secondOldest - oldest);
        }
        else
        {
            count++;
        }
        ring[next] = x;
        next = next + 1 == ring.length ? 0 : next + 1;
        if (next == 0)
        {
            resum();
        }
    }

    public boolean isReady()
    {
        return count == ring.length;
    }

    /** x - x[period] (0 until ready). */
    public double change()
    {
        return isReady() ? ring[previous(next)] - ring[next] : 0.0;
    }

    /** In [0, 1]; 0 until ready or when the path is flat. */
    public double value()
    {
        return isReady() && path > 0 ? Math.abs(change()) / path : 0.0;
    }

    public int period()
    {
        return period;
    }

    public void reset()
    {
        next = count = 0;
        path = 0;
    }

    private int previous(final int index)
    {
        return index == 0 ? ring.length - 1 : index - 1;
    }

    private void resum()
    {
        // oldest is at next (0) once full; before that the ring is filled from 0 in order
        double p = 0;
        for (int i = 1; i < count; i++)
        {
            p += Math.abs(ring[i] - ring[i - 1]);
        }
        path = p;
    }
}
