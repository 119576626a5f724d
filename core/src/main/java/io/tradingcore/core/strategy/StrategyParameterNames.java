package io.tradingcore.core.strategy;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The parameter names each strategy reads from its own section, found by building the strategy and
 * recording what it asks for: the schema of {@code strategies.<name>.params}, which cannot drift from
 * the code that reads it.
 */
public final class StrategyParameterNames
{
    private StrategyParameterNames()
    {
    }

    /** The names {@code strategy} ({@code scalp} ... {@code mean_reversion}) reads, in the order it reads them. */
    public static Set<String> of(final String strategy)
    {
        final int id = StrategyId.of(strategy);
        if (id < 0)
        {
            throw new IllegalArgumentException("no strategy " + strategy);
        }
        final Set<String> names = new LinkedHashSet<>();
        SignalEngine.newStrategy(id, (section, name, defaultValue) ->
        {
            if (section.equals(strategy))
            {
                names.add(name);
            }
            return defaultValue;
        }, 1);
        return Collections.unmodifiableSet(names);
    }
}
