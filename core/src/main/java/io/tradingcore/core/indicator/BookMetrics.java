package io.tradingcore.core.indicator;

import io.tradingcore.core.book.BookView;
import io.tradingcore.core.kraken.Side;

/** Spread and depth imbalance read straight off a {@link BookView}; ratios, so the scale cancels. */
public final class BookMetrics
{
    private BookMetrics()
    {
    }

    /** (ask - bid) / mid in basis points; NaN when a side is empty. */
    public static double spreadBps(final BookView book)
    {
        if (book.levels(Side.BID) == 0 || book.levels(Side.ASK) == 0)
        {
            return Double.NaN;
        }
        final double bid = book.price(Side.BID, 0);
        final double ask = book.price(Side.ASK, 0);
        return (ask - bid) / ((ask + bid) * 0.5) * 10_000.0;
    }

    /** Mid price in scaled units (a double, so half ticks survive); NaN when a side is empty. */
    public static double scaledMid(final BookView book)
    {
        if (book.levels(Side.BID) == 0 || book.levels(Side.ASK) == 0)
        {
            return Double.NaN;
        }
        return (book.price(Side.BID, 0) + (double)book.price(Side.ASK, 0)) * 0.5;
    }

    /**
     * (bidQty - askQty) / (bidQty + askQty) over the top {@code levels} of each side, in [-1, 1]:
     * positive when resting buyers outweigh sellers. 0 for an empty book.
     */
    public static double imbalance(final BookView book, final int levels)
    {
        final double bids = depth(book, Side.BID, levels);
        final double asks = depth(book, Side.ASK, levels);
        final double total = bids + asks;
        return total > 0 ? (bids - asks) / total : 0.0;
    }

    /** Sum of the scaled quantities of the top {@code levels} on {@code side}. */
    public static double depth(final BookView book, final int side, final int levels)
    {
        final int n = Math.min(levels, book.levels(side));
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += book.qty(side, i);
        }
        return sum;
    }
}
