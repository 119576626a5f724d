package io.tradingcore.run;

import io.tradingcore.adapters.config.ArbitrageSettings;
import io.tradingcore.adapters.config.PaperSettings;
import io.tradingcore.adapters.config.RiskSettings;
import io.tradingcore.adapters.config.StrategySettings;
import io.tradingcore.adapters.config.TradingConfig;
import io.tradingcore.core.strategy.StrategyParameters;

/**
 * Backs the core's named parameters with the typed configuration: each strategy's
 * {@code strategies.<name>.params} and {@code enabled}, and the {@code risk} and {@code paper}
 * sections under the names the risk engine and the fill simulator read. Read once at start.
 */
final class ConfiguredParameters implements StrategyParameters
{
    private static final String[] RATE_TIERS = {"starter", "intermediate", "pro"};

    private final TradingConfig config;

    ConfiguredParameters(final TradingConfig config)
    {
        this.config = config;
    }

    @Override
    public double get(final String section, final String name, final double defaultValue)
    {
        if (StrategySettings.STRATEGIES.contains(section))
        {
            return "enabled".equals(name) ? (config.strategies().enabled(section) ? 1 : 0)
                : config.param(section, name, defaultValue);
        }
        switch (section)
        {
            case "risk":
                return risk(config.risk(), name, defaultValue);
            case "paper":
                return fees(config.paper(), name, defaultValue);
            case "arbitrage":
                return arbitrage(config.arbitrage(), name, defaultValue);
            default:
                return defaultValue;
        }
    }

    private static double risk(final RiskSettings risk, final String name, final double defaultValue)
    {
        switch (name)
        {
            case "max_daily_drawdown_quote":
                return risk.dailyDrawdownLimit();
            case "max_book_age_ms":
                return risk.maxBookAgeMs();
            case "max_spread_bps":
                return risk.maxSpreadBps();
            case "loss_streak":
                return risk.lossStreakCount();
            case "loss_cooldown_s":
                return risk.lossStreakCooldownSeconds();
            case "max_open_orders":
                return risk.maxOpenOrders();
            case "max_order_quote":
                return risk.maxOrderNotional();
            case "max_position_quote":
                return risk.maxPositionNotional();
            case "rate_tier":
                return java.util.Arrays.asList(RATE_TIERS).indexOf(risk.rateCounterTier());
            default:
                return defaultValue;
        }
    }

    private static double arbitrage(final ArbitrageSettings arbitrage, final String name, final double defaultValue)
    {
        switch (name)
        {
            case "taker_fee_bps":
                return arbitrage.takerFeeBps();
            case "threshold_bps":
                return arbitrage.thresholdBps();
            case "depth_levels":
                return arbitrage.depthLevels();
            default:
                return defaultValue;
        }
    }

    private static double fees(final PaperSettings paper, final String name, final double defaultValue)
    {
        switch (name)
        {
            case "maker_fee_bps":
                return paper.makerFeeBps();
            case "taker_fee_bps":
                return paper.takerFeeBps();
            case "slippage_bps":
                return paper.slippageBps();
            default:
                return defaultValue;
        }
    }
}
