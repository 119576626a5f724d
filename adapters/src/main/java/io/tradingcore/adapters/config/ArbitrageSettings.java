package io.tradingcore.adapters.config;

/** {@code arbitrage.*}: the triangular scorer over the books the core holds. */
public final class ArbitrageSettings
{
    private final double takerFeeBps;
    private final double thresholdBps;
    private final int depthLevels;

    ArbitrageSettings(final ConfigTree tree) throws ConfigException
    {
        takerFeeBps = tree.number("arbitrage.takerFeeBps", 10.0, 0.0, 1_000.0);
        thresholdBps = tree.number("arbitrage.thresholdBps", 5.0, -10_000.0, 10_000.0);
        depthLevels = tree.integer("arbitrage.depthLevels", 1, 1, 25);
    }

    /** The taker fee paid on each of the three legs (an arbitrage desk's volume tier, not the paper default). */
    public double takerFeeBps()
    {
        return takerFeeBps;
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
