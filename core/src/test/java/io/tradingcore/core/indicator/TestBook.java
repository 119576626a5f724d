package io.tradingcore.core.indicator;

import io.tradingcore.core.book.BookView;
import io.tradingcore.core.kraken.Side;

/** A test-only book of arrays: levels best first, set whole with {@link #bids} and {@link #asks}. */
public final class TestBook implements BookView
{
    private final long[][] prices = new long[2][];
    private final long[][] qtys = new long[2][];

    public TestBook()
    {
        prices[Side.BID] = new long[0];
        prices[Side.ASK] = new long[0];
        qtys[Side.BID] = new long[0];
        qtys[Side.ASK] = new long[0];
    }

    /** Pairs of (price, qty), best first. */
    public TestBook bids(final long... priceQty)
    {
        return side(Side.BID, priceQty);
    }

    public TestBook asks(final long... priceQty)
    {
        return side(Side.ASK, priceQty);
    }

    @Override
    public int levels(final int side)
    {
        return prices[side].length;
    }

    @Override
    public long price(final int side, final int index)
    {
        return prices[side][index];
    }

    @Override
    public long qty(final int side, final int index)
    {
        return qtys[side][index];
    }

    private TestBook side(final int side, final long[] priceQty)
    {
        final int n = priceQty.length / 2;
        prices[side] = new long[n];
        qtys[side] = new long[n];
        for (int i = 0; i < n; i++)
        {
            prices[side][i] = priceQty[2 * i];
            qtys[side][i] = priceQty[2 * i + 1];
        }
        return this;
    }
}
