package io.tradingcore.core.ring;

import io.tradingcore.core.book.BookLevels;

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
}
