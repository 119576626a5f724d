package io.tradingcore.adapters.config;

/** {@code paper.*}: the fill simulator of the PAPER modes. */
public final class PaperSettings
{
    private final double makerFeeBps;
    private final double takerFeeBps;
    private final double slippageBps;
    private final double startingCash;

    PaperSettings(final ConfigTree tree) throws ConfigException
    {
        makerFeeBps = tree.number("paper.makerFeeBps", 25.0, 0.0, 1_000.0);
        takerFeeBps = tree.number("paper.takerFeeBps", 40.0, 0.0, 1_000.0);
        slippageBps = tree.number("paper.slippageBps", 2.0, 0.0, 1_000.0);
        startingCash = tree.number("paper.startingCash", 10_000.0, 0.0, 1e12);
    }

    public double makerFeeBps()
    {
        return makerFeeBps;
    }

    public double takerFeeBps()
    {
        return takerFeeBps;
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
