package io.tradingcore.core.kraken;

/** One trade item of a trade frame, reused by the parser (a flyweight of plain fields). */
public final class TradePrint
{
    public static final int ORD_TYPE_LIMIT = 0;
    public static final int ORD_TYPE_MARKET = 1;

    public int symbolId;
    public boolean snapshot;
    /** {@link Side#BUY} or {@link Side#SELL}: the taker's side. */
    public int side;
    public long price;
    public long qty;
    public int ordType;
    public long tradeId;
    public long exchangeMicros;

    public void reset()
    {
        symbolId = -1;
        snapshot = false;
        side = Side.BUY;
        price = qty = tradeId = exchangeMicros = 0;
        ordType = ORD_TYPE_LIMIT;
    }
}
