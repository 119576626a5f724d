package io.tradingcore.core.strategy;

/**
 * Named numeric parameters, read once at construction (never on the hot path). The config loader
 * backs it with YAML; {@code section} is a strategy name ({@code scalp} ... {@code mean_reversion})
 * or one of {@code market}, {@code risk}, {@code paper}, {@code arbitrage}.
 */
@FunctionalInterface
public interface StrategyParameters
{
    /** Every parameter at its default. */
    StrategyParameters DEFAULTS = (section, name, defaultValue) -> defaultValue;

    double get(String section, String name, double defaultValue);

    /** A parameter that must be a whole number (periods, counts). */
    default int getInt(final String section, final String name, final int defaultValue)
    {
        final double value = get(section, name, defaultValue);
        if (value != Math.rint(value))
        {
            throw new IllegalArgumentException(section + "." + name + " must be a whole number: " + value);
        }
        return (int)value;
    }
}
