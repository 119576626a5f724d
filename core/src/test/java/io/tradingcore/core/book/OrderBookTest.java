package io.tradingcore.core.book;

import io.tradingcore.core.kraken.Side;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderBookTest
{
    @Test
    void keepsBidsDescendingAndAsksAscendingWhateverTheArrivalOrder()
    {
        final OrderBook book = new OrderBook(32);
        final long[] arrival = {105, 101, 109, 103, 107};
        for (final long price : arrival)
        {
            book.apply(Side.BID, price, price * 10);
            book.apply(Side.ASK, price + 100, price);
        }
        assertArrayEquals(new long[] {109, 107, 105, 103, 101}, prices(book, Side.BID));
        assertArrayEquals(new long[] {201, 203, 205, 207, 209}, prices(book, Side.ASK));
        assertEquals(1090, book.qty(Side.BID, 0));
        assertEquals(101, book.qty(Side.ASK, 0));
        assertEquals(109, book.bestBid());
        assertEquals(201, book.bestAsk());
    }

    @Test
    void replacesAndDeletesAndIgnoresADeleteOfAnAbsentPrice()
    {
        final OrderBook book = new OrderBook(32);
        book.apply(Side.ASK, 10, 1);
        book.apply(Side.ASK, 11, 2);
        book.apply(Side.ASK, 12, 3);
        assertTrue(book.apply(Side.ASK, 11, 20));
        assertTrue(book.apply(Side.ASK, 10, 0));
        assertTrue(book.apply(Side.ASK, 99, 0));
        assertTrue(book.apply(Side.BID, 5, 0));
        assertArrayEquals(new long[] {11, 12}, prices(book, Side.ASK));
        assertEquals(20, book.qty(Side.ASK, 0));
        assertEquals(0, book.levels(Side.BID));
    }

    @Test
    void appliesTheSamePriceTwiceInOneMessageInSequence()
    {
        final OrderBook book = new OrderBook(32);
        book.apply(Side.BID, 50, 4);
        book.apply(Side.BID, 50, 0);
        book.apply(Side.BID, 50, 9);
        book.apply(Side.ASK, 60, 9);
        book.apply(Side.ASK, 60, 3);
        book.apply(Side.ASK, 61, 1);
        book.apply(Side.ASK, 61, 0);
        assertEquals(1, book.levels(Side.BID));
        assertEquals(9, book.qty(Side.BID, 0));
        assertArrayEquals(new long[] {60}, prices(book, Side.ASK));
        assertEquals(3, book.qty(Side.ASK, 0));
    }

    @Test
    void truncateDropsTheLevelPushedOutOfDepthWithoutADelete()
    {
        final OrderBook book = new OrderBook(16);
        book.depth(3);
        book.apply(Side.BID, 100, 1);
        book.apply(Side.BID, 99, 1);
        book.apply(Side.BID, 98, 1);
        book.truncate();
        book.apply(Side.BID, 101, 1);
        assertEquals(4, book.levels(Side.BID), "held until the message is done");
        book.truncate();
        assertArrayEquals(new long[] {101, 100, 99}, prices(book, Side.BID));

        // a delete inside depth later must not resurrect the level truncated away
        book.apply(Side.BID, 100, 0);
        book.truncate();
        assertArrayEquals(new long[] {101, 99}, prices(book, Side.BID));
    }

    @Test
    void detectsACrossedBookAndEmptySides()
    {
        final OrderBook book = new OrderBook(16);
        assertEquals(0, book.bestBid());
        assertEquals(0, book.bestAsk());
        book.apply(Side.BID, 100, 1);
        assertFalse(book.isCrossed(), "one side only");
        book.apply(Side.ASK, 101, 1);
        assertFalse(book.isCrossed());
        book.apply(Side.ASK, 100, 1);
        assertTrue(book.isCrossed(), "locked counts as crossed");
        book.apply(Side.ASK, 100, 0);
        book.apply(Side.BID, 102, 1);
        assertTrue(book.isCrossed());
    }

    @Test
    void reportsAFullSideAndStaysUsable()
    {
        final OrderBook book = new OrderBook(3);
        assertTrue(book.apply(Side.ASK, 1, 1));
        assertTrue(book.apply(Side.ASK, 2, 1));
        assertTrue(book.apply(Side.ASK, 3, 1));
        assertFalse(book.apply(Side.ASK, 4, 1));
        assertTrue(book.apply(Side.ASK, 2, 5), "a replace needs no slot");
        assertTrue(book.apply(Side.ASK, 9, 0), "nor does a delete");
        assertTrue(book.apply(Side.BID, 1, 1), "the other side is independent");
        assertArrayEquals(new long[] {1, 2, 3}, prices(book, Side.ASK));
        book.clear();
        assertEquals(0, book.levels(Side.ASK));
        assertEquals(0, book.levels(Side.BID));
        assertTrue(book.apply(Side.ASK, 4, 1));
    }

    @Test
    void rejectsADepthBeyondCapacity()
    {
        final OrderBook book = new OrderBook(20);
        assertEquals(10, book.depth());
        assertThrows(IllegalArgumentException.class, () -> book.depth(25));
        book.depth(20);
        assertEquals(20, book.depth());
    }

    private static long[] prices(final OrderBook book, final int side)
    {
        final long[] prices = new long[book.levels(side)];
        for (int i = 0; i < prices.length; i++)
        {
            prices[i] = book.price(side, i);
        }
        return prices;
    }
}
