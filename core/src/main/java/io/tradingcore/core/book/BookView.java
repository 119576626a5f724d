package io.tradingcore.core.book;

/**
 * Read access to one symbol's L2 book: levels best first, prices and quantities as scaled longs
 * at the symbol's precision. Index 0 of {@code BID} is the highest bid, of {@code ASK} the lowest ask.
 */
public interface BookView
{
    /** Number of levels held on {@code side} ({@code io.tradingcore.core.kraken.Side}). */
    int levels(int side);

    long price(int side, int index);

    long qty(int side, int index);
}
