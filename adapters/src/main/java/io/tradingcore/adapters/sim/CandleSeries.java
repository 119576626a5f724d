package io.tradingcore.adapters.sim;

/**
 * One pair's OHLC candles at one interval: the candle in progress and the last closed ones (for the
 * snapshot). Trades drive it, as on Kraken; an interval without trades has no candle.
 */
final class CandleSeries
{
    static final int HISTORY = 60;
    private static final long NONE = Long.MIN_VALUE;

    private final int intervalMinutes;
    private final long intervalMicros;
    /** Slots 0..HISTORY-1 hold closed candles in a ring; the candle in progress is kept apart. */
    private final long[] begins = new long[HISTORY];
    private final long[] opens = new long[HISTORY];
    private final long[] highs = new long[HISTORY];
    private final long[] lows = new long[HISTORY];
    private final long[] closes = new long[HISTORY];
    private final long[] trades = new long[HISTORY];
    private final long[] volumes = new long[HISTORY];
    private final long[] vwaps = new long[HISTORY];
    private long closed;

    private long begin = NONE;
    private long open;
    private long high;
    private long low;
    private long close;
    private long tradeCount;
    private long volume;
    private double notional;

    CandleSeries(final int intervalMinutes)
    {
        this.intervalMinutes = intervalMinutes;
        intervalMicros = intervalMinutes * 60_000_000L;
    }

    int intervalMinutes()
    {
        return intervalMinutes;
    }

    long intervalMicros()
    {
        return intervalMicros;
    }

    void onTrade(final long epochMicros, final long price, final long qty)
    {
        final long tradeBegin = Math.floorDiv(epochMicros, intervalMicros) * intervalMicros;
        if (tradeBegin != begin)
        {
            if (begin != NONE)
            {
                closeCurrent();
            }
            begin = tradeBegin;
            open = high = low = price;
            tradeCount = 0;
            volume = 0;
            notional = 0;
        }
        high = Math.max(high, price);
        low = Math.min(low, price);
        close = price;
        tradeCount++;
        volume += qty;
        notional += (double)price * qty;
    }

    /** Closed candles held plus the one in progress, if any. */
    int size()
    {
        return (int)Math.min(closed, HISTORY) + (begin == NONE ? 0 : 1);
    }

    /** Index 0 is the oldest; the last index is the candle in progress. */
    long begin(final int index)
    {
        return isCurrent(index) ? begin : begins[slot(index)];
    }

    long open(final int index)
    {
        return isCurrent(index) ? open : opens[slot(index)];
    }

    long high(final int index)
    {
        return isCurrent(index) ? high : highs[slot(index)];
    }

    long low(final int index)
    {
        return isCurrent(index) ? low : lows[slot(index)];
    }

    long close(final int index)
    {
        return isCurrent(index) ? close : closes[slot(index)];
    }

    long trades(final int index)
    {
        return isCurrent(index) ? tradeCount : trades[slot(index)];
    }

    long volume(final int index)
    {
        return isCurrent(index) ? volume : volumes[slot(index)];
    }

    long vwap(final int index)
    {
        return isCurrent(index) ? Math.round(notional / volume) : vwaps[slot(index)];
    }

    private boolean isCurrent(final int index)
    {
        return begin != NONE && index == size() - 1;
    }

    private int slot(final int index)
    {
        return (int)((closed - Math.min(closed, HISTORY) + index) % HISTORY);
    }

    private void closeCurrent()
    {
        final int slot = (int)(closed % HISTORY);
        begins[slot] = begin;
        opens[slot] = open;
        highs[slot] = high;
        lows[slot] = low;
        closes[slot] = close;
        trades[slot] = tradeCount;
        volumes[slot] = volume;
        vwaps[slot] = Math.round(notional / volume);
        closed++;
    }
}
