package io.tradingcore.adapters.sim;

/**
 * A pair's recent trades (the trade snapshot's last 50) and its rolling 24 h statistics (the
 * ticker's last, volume, vwap, low, high and change). Prices and quantities are scaled longs.
 */
final class TradeTape
{
    static final int RECENT = 50;

    private final int[] sides = new int[RECENT];
    private final long[] prices = new long[RECENT];
    private final long[] qtys = new long[RECENT];
    private final int[] ordTypes = new int[RECENT];
    private final long[] tradeIds = new long[RECENT];
    private final long[] micros = new long[RECENT];
    private long recorded;
    private long nextTradeId;

    private final long open;
    private long last;
    private long low;
    private long high;
    private long volume;
    /** Sum of price x qty in scaled units, for the vwap. */
    private double notional;

    /** Starts with a day's history: the open 24 h ago, a range around it and a day's volume at {@code last}. */
    TradeTape(final long firstTradeId, final long open, final long last, final long low, final long high, final long volume)
    {
        nextTradeId = firstTradeId;
        this.open = open;
        this.last = last;
        this.low = low;
        this.high = high;
        this.volume = volume;
        notional = (double)volume * (open + last) / 2;
    }

    void record(final int side, final long price, final long qty, final int ordType, final long epochMicros)
    {
        final int slot = (int)(recorded % RECENT);
        sides[slot] = side;
        prices[slot] = price;
        qtys[slot] = qty;
        ordTypes[slot] = ordType;
        tradeIds[slot] = nextTradeId++;
        micros[slot] = epochMicros;
        recorded++;
        last = price;
        low = Math.min(low, price);
        high = Math.max(high, price);
        volume += qty;
        notional += (double)price * qty;
    }

    /** Trades held, at most {@link #RECENT}. */
    int size()
    {
        return (int)Math.min(recorded, RECENT);
    }

    /** Index 0 is the oldest held trade, {@code size() - 1} the newest. */
    private int slot(final int index)
    {
        return (int)((recorded - size() + index) % RECENT);
    }

    int side(final int index)
    {
        return sides[slot(index)];
    }

    long price(final int index)
    {
        return prices[slot(index)];
    }

    long qty(final int index)
    {
        return qtys[slot(index)];
    }

    int ordType(final int index)
    {
        return ordTypes[slot(index)];
    }

    long tradeId(final int index)
    {
        return tradeIds[slot(index)];
    }

    long micros(final int index)
    {
        return micros[slot(index)];
    }

    long last()
    {
        return last;
    }

    long low()
    {
        return low;
    }

    long high()
    {
        return high;
    }

    long volume()
    {
        return volume;
    }

    long vwap()
    {
        return volume == 0 ? last : Math.round(notional / volume);
    }

    long change()
    {
        return last - open;
    }

    /** Change in percent scaled by 100 (two decimals, as Kraken's change_pct). */
    long changePercentHundredths()
    {
        return Math.round((last - open) * 10_000.0 / open);
    }
}
