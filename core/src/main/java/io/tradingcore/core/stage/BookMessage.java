package io.tradingcore.core.stage;

/**
 * The book message in progress: whether it is a snapshot, its levels as received (what
 * {@code kraken:orderbook:{symbol}} carries), and whether applying them overflowed the book.
 */
final class BookMessage
{
    static final int MAX_LEVELS = 2048;

    final int[] side = new int[MAX_LEVELS];
    final long[] price = new long[MAX_LEVELS];
    final long[] qty = new long[MAX_LEVELS];
    int levels;
    boolean snapshot;
    boolean overflowed;

    void begin(final boolean snapshot)
    {
        this.snapshot = snapshot;
        overflowed = false;
        levels = 0;
    }

    /** Kept as received, up to {@link #MAX_LEVELS} (more overflow the book anyway). */
    void level(final int side, final long price, final long qty)
    {
        if (levels < MAX_LEVELS)
        {
            this.side[levels] = side;
            this.price[levels] = price;
            this.qty[levels] = qty;
            levels++;
        }
    }
}
