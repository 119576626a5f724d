package io.tradingcore.core.ring;

import io.tradingcore.core.book.BookLevels;
import io.tradingcore.core.market.Instruments;

/**
 * What one frame changed for one symbol, as the normalize stage hands it to the later stages:
 * the new top of book (a copy, see {@link BookLevels}) and the new trade prints, with the
 * precision they are scaled at.
 */
public final class SymbolUpdate
{
    public static final int MAX_TRADES = 128;

    public int symbolId;
    public int pricePrecision;
    public int qtyPrecision;
    public boolean bookChanged;
    public boolean bookValid;
    /** Exchange time of the book's last message, epoch µs. */
    public long bookMicros;
    public final BookLevels book;
    public int tradeCount;
    public final long[] tradePrice = new long[MAX_TRADES];
    public final long[] tradeQty = new long[MAX_TRADES];
    public final int[] tradeSide = new int[MAX_TRADES];
    public final long[] tradeMicros = new long[MAX_TRADES];

    public SymbolUpdate(final int bookLevels)
    {
        book = new BookLevels(bookLevels);
    }

    void reset(final int symbolId)
    {
        this.symbolId = symbolId;
        bookChanged = false;
        bookValid = false;
        bookMicros = 0;
        tradeCount = 0;
    }

    /**
     * The later stages read precision from their own table, set from the slot they are processing: the
     * normalize stage's table may already be ahead (pinned topology), and a shared one would be a race.
     */
    public void keepPrecisionIn(final Instruments view)
    {
        if (pricePrecision >= 0 && qtyPrecision >= 0)
        {
            view.offer(symbolId, pricePrecision, qtyPrecision, Instruments.SOURCE_INSTRUMENT);
        }
    }
}
