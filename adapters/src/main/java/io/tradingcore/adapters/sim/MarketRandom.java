package io.tradingcore.adapters.sim;

import java.util.SplittableRandom;

/**
 * The synthetic market's only source of randomness, so one seed fixes every frame. Gaussians use
 * the polar method over {@link StrictMath}, whose results are specified bit for bit.
 */
final class MarketRandom
{
    private final SplittableRandom random;
    private double spareGaussian;
    private boolean hasSpare;

    MarketRandom(final long seed)
    {
        random = new SplittableRandom(seed);
    }

    int nextInt(final int bound)
    {
        return random.nextInt(bound);
    }

    long nextLong()
    {
        return random.nextLong();
    }

    double nextDouble()
    {
        return random.nextDouble();
    }

    boolean nextBoolean()
    {
        return random.nextBoolean();
    }

    /** True with probability {@code percent}/100. */
    boolean percent(final int percent)
    {
        return random.nextInt(100) < percent;
    }

    double gaussian()
    {
        if (hasSpare)
        {
            hasSpare = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do
        {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        }
        while (s >= 1 || s == 0);
        final double factor = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        spareGaussian = v * factor;
        hasSpare = true;
        return u * factor;
    }

    /** A positive size multiplier with median 1. */
    double lognormal(final double sigma)
    {
        return StrictMath.exp(sigma * gaussian());
    }

    /** Exponentially distributed with the given mean. */
    double exponential(final double mean)
    {
        return -mean * StrictMath.log(1 - random.nextDouble());
    }
}
