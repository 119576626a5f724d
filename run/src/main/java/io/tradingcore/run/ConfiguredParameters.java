package io.tradingcore.run;

import io.tradingcore.adapters.config.ArbitrageSettings;
import io.tradingcore.adapters.config.FeeSettings;
import io.tradingcore.adapters.config.RiskSettings;
import io.tradingcore.adapters.config.StrategySettings;
import io.tradingcore.adapters.config.TradingConfig;
import io.tradingcore.core.strategy.StrategyParameters;

import java.util.Arrays;

/**
 * Backs the core's named parameters with the typed configuration: each strategy's
 * {@code strategies.<name>.params} and {@code enabled}, and the {@code risk}, {@code paper},
 * {@code fees} and {@code arbitrage} sections under the names the risk engine, the fill simulator and
 * the arbitrage scorer read. Read once at start.
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
                return "slippage_bps".equals(name) ? config.paper().slippageBps() : defaultValue;
            case "fees":
                return fees(config.fees(), name, defaultValue);
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
                return Arrays.asList(RATE_TIERS).indexOf(risk.rateCounterTier());
            default:
                return defaultValue;
        }
    }

    private static double arbitrage(final ArbitrageSettings arbitrage, final String name, final double defaultValue)
    {
        switch (name)
        {
            case "threshold_bps":
                return arbitrage.thresholdBps();
            case "depth_levels":
                return arbitrage.depthLevels();
            default:
                return defaultValue;
        }
    }

    private static double fees(final FeeSettings fees, final String name, final double defaultValue)
    {
        switch (name)
        {
            case "maker_bps":
                return fees.makerBps();
            case "taker_bps":
                return fees.takerBps();
            default:
                return defaultValue;
        }
    }
}
