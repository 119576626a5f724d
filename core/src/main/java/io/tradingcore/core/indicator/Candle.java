package io.tradingcore.core.indicator;

/** One OHLCV bar: prices and volume as scaled longs at the symbol's precision, start in epoch µs. */
public final class Candle
{
    public long startMicros;
    public long open;
    public long high;
    public long low;
    public long close;
    public long volume;
    public int trades;

    public void copyFrom(final Candle other)
    {
        startMicros = other.startMicros;
        open = other.open;
        high = other.high;
        low = other.low;
        close = other.close;
        volume = other.volume;
        trades = other.trades;
    }
}
