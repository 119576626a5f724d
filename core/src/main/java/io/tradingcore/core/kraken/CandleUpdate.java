package io.tradingcore.core.kraken;

/** One ohlc item, reused by the parser. Prices at price precision, volume at qty precision. */
public final class CandleUpdate
{
    public int symbolId;
    public boolean snapshot;
    public long open;
    public long high;
    public long low;
    public long close;
    public long vwap;
    public long trades;
    public long volume;
    /** Interval start in epoch microseconds (Kraken sends ns; the sub-µs part is always zero). */
    public long intervalBeginMicros;
    /** Interval in minutes: 1, 5, 15, 30, 60, 240, 1440, 10080, 21600. */
    public int intervalMinutes;
    public long exchangeMicros;

    public void reset()
    {
        symbolId = -1;
        snapshot = false;
        open = high = low = close = vwap = trades = volume = intervalBeginMicros = exchangeMicros = 0;
        intervalMinutes = 0;
    }
}
