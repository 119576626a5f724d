package io.tradingcore.core.kraken;

/** Book side or taker side, as an int so the hot path never touches an enum's object. */
public final class Side
{
    public static final int BID = 0;
    public static final int ASK = 1;
    /** A buy (taker bought: lifted the ask). */
    public static final int BUY = BID;
    /** A sell (taker sold: hit the bid). */
    public static final int SELL = ASK;

    private Side()
    {
    }

    public static String tradeName(final int side)
    {
        return side == BUY ? "buy" : "sell";
    }
}
