package io.tradingcore.adapters.config;

import io.tradingcore.core.strategy.StrategyParameterNames;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code strategies.<name>.*}: per strategy an {@code enabled} switch and numeric parameters
 * ({@code params}) that the strategy reads by name, with its own default; a name it does not read is refused.
 */
public final class StrategySettings
{
    public static final List<String> STRATEGIES = List.of("scalp", "trend", "sideways", "momentum", "breakout", "mean_reversion");

    private final Map<String, Boolean> enabled = new HashMap<>();
    private final Map<String, Map<String, Double>> params = new HashMap<>();

    StrategySettings(final ConfigTree tree) throws ConfigException
    {
        for (final String strategy : STRATEGIES)
        {
            final String at = "strategies." + strategy;
            enabled.put(strategy, tree.flag(at + ".enabled", true));
            final Map<String, Double> values = new HashMap<>();
            final Set<String> known = StrategyParameterNames.of(strategy);
            for (final String name : tree.children(at + ".params"))
            {
                if (!known.contains(name))
                {
                    throw tree.unknownKey(at + ".params." + name, strategy + " reads " + String.join(", ", known));
                }
                values.put(name, tree.number(at + ".params." + name, 0.0, -1e15, 1e15));
            }
            params.put(strategy, values);
        }
    }

    public boolean enabled(final String strategy)
    {
        return enabled.get(known(strategy));
    }

    /** The configured {@code strategies.<strategy>.params.<name>}, or {@code fallback} when not configured. */
    public double param(final String strategy, final String name, final double fallback)
    {
        final Double value = params.get(known(strategy)).get(name);
        return value == null ? fallback : value;
    }

    private static String known(final String strategy)
    {
        if (!STRATEGIES.contains(strategy))
        {
            throw new IllegalArgumentException("no strategy " + strategy + "; known: " + STRATEGIES);
        }
        return strategy;
    }
}
