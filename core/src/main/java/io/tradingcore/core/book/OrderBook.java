package io.tradingcore.core.book;

import io.tradingcore.core.kraken.Side;

import java.util.Arrays;

/**
 * One symbol's L2 book as two sorted arrays per side, best first. A level is found by binary search
 * and inserted or removed with {@link System#arraycopy}: at Kraken depths (10..1000) that beats any
 * tree and never allocates. Bids are kept as negated prices so both sides share one ascending search.
 * Single writer (the normalize stage); not thread safe.
 */
public final class OrderBook implements BookView
{
    public static final int DEFAULT_DEPTH = 10;

    private final int capacity;
    /** Per side: ascending keys (ask price, or minus the bid price) and their quantities. */
    private final long[][] keys;
    private final long[][] qtys;
    private final int[] counts = new int[2];
    /** Per side: the checksum digits of the top {@link BookChecksum#LEVELS} levels, kept as levels change. */
    private final byte[][] digits = new byte[2][BookChecksum.LEVELS * ChecksumDigits.LEVEL_LENGTH];
    private final int[][] digitLengths = new int[2][BookChecksum.LEVELS];
    private int depth;

    /** {@code capacityPerSide}: the subscribed depth plus the levels one message may insert before truncation. */
    public OrderBook(final int capacityPerSide)
    {
        if (capacityPerSide <= 0)
        {
            throw new IllegalArgumentException("capacityPerSide must be > 0: " + capacityPerSide);
        }
        capacity = capacityPerSide;
        keys = new long[][] {new long[capacityPerSide], new long[capacityPerSide]};
        qtys = new long[][] {new long[capacityPerSide], new long[capacityPerSide]};
        depth = Math.min(DEFAULT_DEPTH, capacityPerSide);
    }

    /** The subscribed depth: {@link #truncate()} keeps this many levels per side. */
    public void depth(final int depth)
    {
        if (depth <= 0 || depth > capacity)
        {
            throw new IllegalArgumentException("depth must be in 1.." + capacity + ": " + depth);
        }
        this.depth = depth;
    }

    public int depth()
    {
        return depth;
    }

    public void clear()
    {
        counts[Side.BID] = 0;
        counts[Side.ASK] = 0;
    }

    /**
     * Applies one level: qty 0 deletes (deleting an absent price is a no-op), otherwise inserts or
     * replaces. Returns false if the level needs a slot and the side is full (the book is then invalid).
     */
    public boolean apply(final int side, final long price, final long qty)
    {
        final long[] sideKeys = keys[side];
        final long[] sideQtys = qtys[side];
        final int count = counts[side];
        final long key = side == Side.BID ? -price : price;
        final int index = Arrays.binarySearch(sideKeys, 0, count, key);
        if (index >= 0)
        {
            if (qty == 0)
            {
                final int tail = count - index - 1;
                System.arraycopy(sideKeys, index + 1, sideKeys, index, tail);
                System.arraycopy(sideQtys, index + 1, sideQtys, index, tail);
                counts[side] = count - 1;
                digitsRemoved(side, index, count - 1);
            }
            else
            {
                sideQtys[index] = qty;
                if (index < BookChecksum.LEVELS)
                {
                    renderDigits(side, index);
                }
            }
            return true;
        }
        if (qty == 0)
        {
            return true;
        }
        if (count == capacity)
        {
            return false;
        }
        final int insertAt = -index - 1;
        final int tail = count - insertAt;
        System.arraycopy(sideKeys, insertAt, sideKeys, insertAt + 1, tail);
        System.arraycopy(sideQtys, insertAt, sideQtys, insertAt + 1, tail);
        sideKeys[insertAt] = key;
        sideQtys[insertAt] = qty;
        counts[side] = count + 1;
        digitsInserted(side, insertAt, count);
        return true;
    }

    /** Appends the checksum digits of the side's top levels to {@code out}; returns the end offset. */
    int checksumDigits(final int side, final byte[] out, final int offset)
    {
        final int levels = Math.min(BookChecksum.LEVELS, counts[side]);
        final byte[] sideDigits = digits[side];
        final int[] lengths = digitLengths[side];
        int position = offset;
        for (int i = 0; i < levels; i++)
        {
            System.arraycopy(sideDigits, i * ChecksumDigits.LEVEL_LENGTH, out, position, lengths[i]);
            position += lengths[i];
        }
        return position;
    }

    /** Drops the levels beyond the subscribed depth: Kraken sends no delete for a level pushed out of it. */
    public void truncate()
    {
        counts[Side.BID] = Math.min(counts[Side.BID], depth);
        counts[Side.ASK] = Math.min(counts[Side.ASK], depth);
    }

    /** Highest bid, 0 when there is none. */
    public long bestBid()
    {
        return counts[Side.BID] == 0 ? 0 : -keys[Side.BID][0];
    }

    /** Lowest ask, 0 when there is none. */
    public long bestAsk()
    {
        return counts[Side.ASK] == 0 ? 0 : keys[Side.ASK][0];
    }

    /** Both sides present and the best bid at or through the best ask: a resync trigger even when the checksum passes. */
    public boolean isCrossed()
    {
        return counts[Side.BID] != 0 && counts[Side.ASK] != 0 && -keys[Side.BID][0] >= keys[Side.ASK][0];
    }

    /** The top levels below a new one move down one place in the digit cache. */
    private void digitsInserted(final int side, final int insertAt, final int oldCount)
    {
        if (insertAt >= BookChecksum.LEVELS)
        {
            return;
        }
        final int moved = Math.min(oldCount, BookChecksum.LEVELS - 1) - insertAt;
        if (moved > 0)
        {
            System.arraycopy(digits[side], insertAt * ChecksumDigits.LEVEL_LENGTH,
                digits[side], (insertAt + 1) * ChecksumDigits.LEVEL_LENGTH, moved * ChecksumDigits.LEVEL_LENGTH);
            System.arraycopy(digitLengths[side], insertAt, digitLengths[side], insertAt + 1, moved);
        }
        renderDigits(side, insertAt);
    }

    /** The top levels below a removed one move up; the level entering the top from below is rendered. */
    private void digitsRemoved(final int side, final int index, final int newCount)
    {
        if (index >= BookChecksum.LEVELS)
        {
            return;
        }
        final int moved = Math.min(newCount, BookChecksum.LEVELS - 1) - index;
        if (moved > 0)
        {
            System.arraycopy(digits[side], (index + 1) * ChecksumDigits.LEVEL_LENGTH,
                digits[side], index * ChecksumDigits.LEVEL_LENGTH, moved * ChecksumDigits.LEVEL_LENGTH);
            System.arraycopy(digitLengths[side], index + 1, digitLengths[side], index, moved);
        }
        if (newCount >= BookChecksum.LEVELS)
        {
            renderDigits(side, BookChecksum.LEVELS - 1);
        }
    }

    private void renderDigits(final int side, final int index)
    {
        digitLengths[side][index] = ChecksumDigits.level(
            price(side, index), qtys[side][index], digits[side], index * ChecksumDigits.LEVEL_LENGTH);
    }

    @Override
    public int levels(final int side)
    {
        return counts[side];
    }

    @Override
    public long price(final int side, final int index)
    {
        final long key = keys[side][index];
        return side == Side.BID ? -key : key;
    }

    @Override
    public long qty(final int side, final int index)
    {
        return qtys[side][index];
    }
}
