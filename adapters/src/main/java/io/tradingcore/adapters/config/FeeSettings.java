package io.tradingcore.adapters.config;

import io.tradingcore.core.market.FeeSchedule;

/**
 * {@code fees.*}: Kraken's fee schedule and the account's 30-day volume, which picks its tier. The one
 * source of the maker and taker fees of paper fills, the risk limits and the arbitrage scorer.
 */
public final class FeeSettings
{
    private final double makerBps;
    private final double takerBps;

    FeeSettings(final ConfigTree tree) throws ConfigException
    {
        final double volumeUsd = tree.number("fees.thirtyDayVolumeUsd", 0.0, 0.0, 1e15);
        final double[][] tiers = tree.numberRows("fees.tiers", FeeSchedule.KRAKEN_SPOT.tiers(), 3, 0.0, 1e15);
        final FeeSchedule schedule;
        try
        {
            schedule = new FeeSchedule(tiers);
        }
        catch (final IllegalArgumentException e)
        {
            throw tree.invalid("fees.tiers", "rows of [from 30-day USD volume, maker bps, taker bps]: " + e.getMessage());
        }
        makerBps = schedule.makerBps(volumeUsd);
        takerBps = schedule.takerBps(volumeUsd);
    }

    /** The maker fee of the account's tier. */
    public double makerBps()
    {
        return makerBps;
    }

    /** The taker fee of the account's tier. */
    public double takerBps()
    {
        return takerBps;
    }
}
