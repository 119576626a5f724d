package io.tradingcore.core.market;

import io.tradingcore.core.strategy.StrategyParameters;

/**
 * Kraken's spot fee schedule: maker and taker fees by the account's 30-day trading volume in USD.
 * The one place every fee comes from: the paper fill simulator, the risk limits and the arbitrage
 * scorer read the account's tier as {@code fees.maker_bps} and {@code fees.taker_bps}
 * ({@link #makerBps(StrategyParameters)}, {@link #takerBps(StrategyParameters)}), which the
 * configuration sets from one schedule and one volume.
 */
public final class FeeSchedule
{
    /** Kraken Pro spot, lowest tier first: {from 30-day USD volume, maker bps, taker bps}. */
    public static final FeeSchedule KRAKEN_SPOT = new FeeSchedule(new double[][] {
        {0, 25, 40},
        {10_000, 20, 35},
        {50_000, 14, 24},
        {100_000, 12, 22},
        {250_000, 10, 20},
        {500_000, 8, 18},
        {1_000_000, 6, 16},
        {2_500_000, 4, 14},
        {5_000_000, 2, 12},
        {10_000_000, 0, 10}});

    private static final String SECTION = "fees";

    private final double[][] tiers;

    /**
     * {@code tiers}: rows of {from 30-day USD volume, maker bps, taker bps}, the first from 0, volumes
     * rising, fees not.
     *
     * @throws IllegalArgumentException naming the first row that breaks that.
     */
    public FeeSchedule(final double[][] tiers)
    {
        if (tiers.length == 0 || tiers[0].length != 3 || tiers[0][0] != 0)
        {
            throw new IllegalArgumentException("the first tier must start at 0 USD and have 3 numbers: from volume, maker bps, taker bps");
        }
        for (int i = 0; i < tiers.length; i++)
        {
            final double[] t = tiers[i];
            if (t.length != 3 || t[1] < 0 || t[2] < 0 ||
                i > 0 && (t[0] <= tiers[i - 1][0] || t[1] > tiers[i - 1][1] || t[2] > tiers[i - 1][2]))
            {
                throw new IllegalArgumentException("tier " + (i + 1) + " must be [from volume, maker bps, taker bps] with a higher " +
                    "volume than the tier before and fees no higher");
            }
        }
        this.tiers = copy(tiers);
    }

    /** The rows of {from 30-day USD volume, maker bps, taker bps}, lowest tier first. */
    public double[][] tiers()
    {
        return copy(tiers);
    }

    /** The maker fee at {@code volumeUsd} of 30-day trading volume. */
    public double makerBps(final double volumeUsd)
    {
        return tier(volumeUsd)[1];
    }

    /** The taker fee at {@code volumeUsd} of 30-day trading volume. */
    public double takerBps(final double volumeUsd)
    {
        return tier(volumeUsd)[2];
    }

    /** The account's maker fee: {@code fees.maker_bps}, Kraken's first tier unless configured. */
    public static double makerBps(final StrategyParameters parameters)
    {
        return parameters.get(SECTION, "maker_bps", KRAKEN_SPOT.makerBps(0));
    }

    /** The account's taker fee: {@code fees.taker_bps}, Kraken's first tier unless configured. */
    public static double takerBps(final StrategyParameters parameters)
    {
        return parameters.get(SECTION, "taker_bps", KRAKEN_SPOT.takerBps(0));
    }

    private static double[][] copy(final double[][] rows)
    {
        final double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++)
        {
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    private double[] tier(final double volumeUsd)
    {
        int i = 0;
        while (i + 1 < tiers.length && tiers[i + 1][0] <= volumeUsd)
        {
            i++;
        }
        return tiers[i];
    }
}
