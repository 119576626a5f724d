package io.tradingcore.adapters.config;

/** {@code risk.*}: the limits every order intent passes before it may leave. Amounts are in the quote currency. */
public final class RiskSettings
{
    private final double maxOrderNotional;
    private final double maxPositionNotional;
    private final int maxOpenOrders;
    private final double dailyDrawdownLimit;
    private final int lossStreakCount;
    private final int lossStreakCooldownSeconds;
    private final int maxBookAgeMs;
    private final double maxSpreadBps;
    private final String rateCounterTier;

    RiskSettings(final ConfigTree tree) throws ConfigException
    {
        maxOrderNotional = tree.number("risk.maxOrderNotional", 500.0, 0.01, 1e12);
        maxPositionNotional = tree.number("risk.maxPositionNotional", 2_000.0, 0.01, 1e12);
        maxOpenOrders = tree.integer("risk.maxOpenOrders", 10, 1, 10_000);
        dailyDrawdownLimit = tree.number("risk.dailyDrawdownLimit", 250.0, 0.01, 1e12);
        lossStreakCount = tree.integer("risk.lossStreak.count", 5, 1, 1000);
        lossStreakCooldownSeconds = tree.integer("risk.lossStreak.cooldownSeconds", 900, 0, 86_400);
        maxBookAgeMs = tree.integer("risk.maxBookAgeMs", 2_000, 1, 3_600_000);
        maxSpreadBps = tree.number("risk.maxSpreadBps", 50.0, 0.0, 10_000.0);
        rateCounterTier = tree.choice("risk.rateCounterTier", "starter", "starter", "intermediate", "pro");
    }

    /** The largest notional of one order. */
    public double maxOrderNotional()
    {
        return maxOrderNotional;
    }

    /** The largest absolute position per symbol, as notional. */
    public double maxPositionNotional()
    {
        return maxPositionNotional;
    }

    public int maxOpenOrders()
    {
        return maxOpenOrders;
    }

    /** Realized plus unrealized loss since the UTC day began that trips the kill switch. */
    public double dailyDrawdownLimit()
    {
        return dailyDrawdownLimit;
    }

    /** Consecutive losing trades that start a cool-down. */
    public int lossStreakCount()
    {
        return lossStreakCount;
    }

    public int lossStreakCooldownSeconds()
    {
        return lossStreakCooldownSeconds;
    }

    /** A book older than this is not traded on. */
    public int maxBookAgeMs()
    {
        return maxBookAgeMs;
    }

    /** A spread wider than this is not traded on. */
    public double maxSpreadBps()
    {
        return maxSpreadBps;
    }

    /** Kraken's trading-rate counter tier of the account: starter, intermediate or pro. */
    public String rateCounterTier()
    {
        return rateCounterTier;
    }
}
