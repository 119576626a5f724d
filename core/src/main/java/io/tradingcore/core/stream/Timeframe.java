package io.tradingcore.core.stream;

/** Kraken's OHLC intervals and their stream names (1m ... 15d), as small ints. */
public final class Timeframe
{
    public static final int NONE = -1;
    public static final int COUNT = 9;

    private static final int[] MINUTES = {1, 5, 15, 30, 60, 240, 1440, 10080, 21600};
    private static final String[] NAMES = {"1m", "5m", "15m", "30m", "1h", "4h", "1d", "1w", "15d"};

    private Timeframe()
    {
    }

    /** The timeframe id of a Kraken interval in minutes, or NONE if Kraken has no such interval. */
    public static int ofMinutes(final int minutes)
    {
        for (int i = 0; i < COUNT; i++)
        {
            if (MINUTES[i] == minutes)
            {
                return i;
            }
        }
        return NONE;
    }

    public static int minutes(final int timeframe)
    {
        return MINUTES[timeframe];
    }

    public static String name(final int timeframe)
    {
        return NAMES[timeframe];
    }

    /** The timeframe id named {@code 1m}, {@code 4h}...; NONE if unknown. */
    public static int ofName(final String name)
    {
        for (int i = 0; i < COUNT; i++)
        {
            if (NAMES[i].equals(name))
            {
                return i;
            }
        }
        return NONE;
    }
}
