package io.tradingcore.core.book;

/**
 * A fixed-size copy of the top of one book. The normalize stage owns the live {@link OrderBook};
 * later stages run on other threads in the pinned topology, so they never read it: they get this
 * copy in the ring event and keep their own latest copy per symbol.
 */
public final class BookLevels implements BookView
{
    private final long[][] prices;
    private final long[][] qtys;
    private final int[] levels = new int[2];

    public BookLevels(final int capacity)
    {
        prices = new long[2][capacity];
        qtys = new long[2][capacity];
    }

    public void copyFrom(final BookView book)
    {
        for (int side = 0; side < 2; side++)
        {
            final int n = Math.min(book.levels(side), prices[side].length);
            for (int i = 0; i < n; i++)
            {
                prices[side][i] = book.price(side, i);
                qtys[side][i] = book.qty(side, i);
            }
            levels[side] = n;
        }
    }

    public void clear()
    {
        levels[0] = 0;
        levels[1] = 0;
    }

    public int capacity()
    {
        return prices[0].length;
    }

    @Override
    public int levels(final int side)
    {
        return levels[side];
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
}
