package io.tradingcore.core.strategy;

import io.tradingcore.core.stream.EntryWriter;

/**
 * The six strategies as ints, in the order of their streams in {@code StreamCatalog}
 * ({@code StreamCatalog.strategyStream(id)} is the strategy's own signals stream).
 */
public final class StrategyId
{
    public static final int SCALP = 0;
    public static final int TREND = 1;
    public static final int SIDEWAYS = 2;
    public static final int MOMENTUM = 3;
    public static final int BREAKOUT = 4;
    public static final int MEAN_REVERSION = 5;
    public static final int COUNT = 6;

    private static final String[] NAMES = {"scalp", "trend", "sideways", "momentum", "breakout", "mean_reversion"};
    private static final byte[][] NAME_BYTES = new byte[COUNT][];

    static
    {
        for (int i = 0; i < COUNT; i++)
        {
            NAME_BYTES[i] = EntryWriter.ascii(NAMES[i]);
        }
    }

    private StrategyId()
    {
    }

    /** The name used in configuration and in the signal's {@code strategy} field. */
    public static String name(final int strategy)
    {
        return NAMES[strategy];
    }

    public static byte[] nameBytes(final int strategy)
    {
        return NAME_BYTES[strategy];
    }

    /** The id of {@code name}, or -1. */
    public static int of(final String name)
    {
        for (int i = 0; i < COUNT; i++)
        {
            if (NAMES[i].equals(name))
            {
                return i;
            }
        }
        return -1;
    }
}
