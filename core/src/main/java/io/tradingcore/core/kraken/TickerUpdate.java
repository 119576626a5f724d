package io.tradingcore.core.kraken;

/**
 * One ticker item, reused by the parser for every frame (a flyweight of plain fields).
 * Prices are scaled by the symbol's price precision, quantities by its qty precision.
 * {@code changePct} is scaled by 10^2 (Kraken sends it with two decimals).
 */
public final class TickerUpdate
{
    public static final int CHANGE_PCT_SCALE = 2;

    public int symbolId;
    public boolean snapshot;
    public long bid;
    public long bidQty;
    public long ask;
    public long askQty;
    public long last;
    public long volume;
    public long vwap;
    public long low;
    public long high;
    public long change;
    public long changePct;
    /** Exchange time in epoch microseconds, 0 if the item has none. */
    public long exchangeMicros;

    public void reset()
    {
        symbolId = -1;
        snapshot = false;
        bid = bidQty = ask = askQty = last = volume = vwap = low = high = change = changePct = 0;
        exchangeMicros = 0;
    }
}
