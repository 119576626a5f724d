package io.tradingcore.adapters.config;

/** {@code paper.*}: the fill simulator of the PAPER modes (its fees are {@code fees.*}). */
public final class PaperSettings
{
    private final double slippageBps;
    private final double startingCash;

    PaperSettings(final ConfigTree tree) throws ConfigException
    {
        slippageBps = tree.number("paper.slippageBps", 2.0, 0.0, 1_000.0);
        startingCash = tree.number("paper.startingCash", 10_000.0, 0.0, 1e12);
    }

    public double slippageBps()
    {
        return slippageBps;
    }

    /** Quote currency the paper portfolio starts with. */
    public double startingCash()
    {
        return startingCash;
    }
}
