package io.tradingcore.core.indicator;

/**
 * Volume-weighted average price. With {@code window == 0} it is a session VWAP (everything since
 * the last {@link #reset()}, e.g. at the UTC day change); otherwise it is rolling over the last
 * {@code window} updates (per trade or per candle, as the caller feeds it), held in a ring.
 */
public final class Vwap
{
    private final double[] priceVolume;
    private final double[] volume;
    private int next;
    private int count;
    private double sumPriceVolume;
    private double sumVolume;

    public Vwap(final int window)
    {
        if (window < 0)
        {
            throw new IllegalArgumentException("VWAP window must be >= 0: " + window);
        }
        priceVolume = new double[window];
        volume = new double[window];
    }

    public void update(final double price, final double qty)
    {
        final double pv = price * qty;
        if (priceVolume.length > 0)
        {
            if (count == priceVolume.length)
            {
                sumPriceVolume -= priceVolume[next];
                sumVolume -= volume[next];
            }
            else
            {
                count++;
            }
            priceVolume[next] = pv;
            volume[next] = qty;
            next = next + 1 == priceVolume.length ? 0 : next + 1;
        }
        else
        {
            count++;
        }
        sumPriceVolume += pv;
        sumVolume += qty;
    }

    /** NaN until some volume was seen. */
    public double value()
    {
        return sumVolume > 0 ? sumPriceVolume / sumVolume : Double.NaN;
    }

    public double volume()
    {
        return sumVolume;
    }

    public void reset()
    {
        next = count = 0;
        sumPriceVolume = sumVolume = 0;
    }
}
