package io.tradingcore.adapters.config;

/** {@code arbitrage.*}: the triangular scorer over the books the core holds (each leg pays the taker fee of {@code fees.*}). */
public final class ArbitrageSettings
{
    private final double thresholdBps;
    private final int depthLevels;

    ArbitrageSettings(final ConfigTree tree) throws ConfigException
    {
        thresholdBps = tree.number("arbitrage.thresholdBps", 5.0, -10_000.0, 10_000.0);
        depthLevels = tree.integer("arbitrage.depthLevels", 1, 1, 25);
    }

    /** Net edge, after fees, from which an opportunity is written to arb:scored. */
    public double thresholdBps()
    {
        return thresholdBps;
    }

    /** Book levels per leg that bound the executable size. */
    public int depthLevels()
    {
        return depthLevels;
    }
}
