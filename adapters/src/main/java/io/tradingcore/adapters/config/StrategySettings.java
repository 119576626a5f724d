package io.tradingcore.adapters.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code strategies.<name>.*}: per strategy an {@code enabled} switch and a free map of numeric
 * parameters ({@code params}) that each strategy reads by name, with its own default.
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
            for (final String name : tree.children(at + ".params"))
            {
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
