package io.tradingcore.adapters.sim;

import io.tradingcore.core.book.BookChecksum;
import io.tradingcore.core.book.BookView;
import io.tradingcore.core.book.OrderBook;
import io.tradingcore.core.kraken.Side;

/**
 * One pair's book as the venue holds it (deeper than the subscription) and as a subscriber sees it.
 * {@link #publish} turns what changed in the venue's top {@code depth} into the levels of one Kraken
 * update, in random order, sometimes with a price repeated, and never with a delete for a level
 * that merely fell below the depth; then applies them to the subscriber's book exactly as a correct
 * client does (apply, truncate, checksum), so every published checksum is the one a client computes.
 */
final class SyntheticBook
{
    /** Levels the venue keeps beyond the subscribed depth, so deletions near the top pull levels into view. */
    static final int HIDDEN_LEVELS = 30;

    private final int depth;
    private final OrderBook venue;
    private final OrderBook subscriber;
    private final BookChecksum checksums = new BookChecksum();
    private final long[][] updatePrices;
    private final long[][] updateQtys;
    private final int[] updateCounts = new int[2];
    /** Per side, the worst price a venue change reached since the last publish; beyond it both books still agree. */
    private final long[] touchedWorst = new long[2];
    private final boolean[] touched = new boolean[2];
    private long checksum;

    SyntheticBook(final int depth)
    {
        this.depth = depth;
        venue = new OrderBook(depth + 2 * HIDDEN_LEVELS + 16);
        venue.depth(depth + 2 * HIDDEN_LEVELS);
        subscriber = new OrderBook(2 * depth + 16);
        subscriber.depth(depth);
        updatePrices = new long[][] {new long[2 * depth + 8], new long[2 * depth + 8]};
        updateQtys = new long[][] {new long[2 * depth + 8], new long[2 * depth + 8]};
    }

    int depth()
    {
        return depth;
    }

    /** The venue's full book, read by the market's events; they change it through {@link #apply} and {@link #append}. */
    BookView venue()
    {
        return venue;
    }

    long bestBid()
    {
        return venue.bestBid();
    }

    long bestAsk()
    {
        return venue.bestAsk();
    }

    /** A venue change near the top: remembered so {@link #publish} knows how deep to look. */
    void apply(final int side, final long price, final long qty)
    {
        venue.apply(side, price, qty);
        if (!touched[side] || isPast(side, price, touchedWorst[side]))
        {
            touchedWorst[side] = price;
            touched[side] = true;
        }
    }

    /** A level added past the venue's worst one: only a change for publishing while the side is shallower than the depth. */
    void append(final int side, final long price, final long qty)
    {
        if (venue.levels(side) < depth)
        {
            apply(side, price, qty);
        }
        else
        {
            venue.apply(side, price, qty);
        }
    }

    /** What a subscriber holds after the last published message: the venue's top {@code depth}. */
    BookView subscriber()
    {
        return subscriber;
    }

    long checksum()
    {
        return checksum;
    }

    /** Levels the venue keeps per side before the market refills its far end. */
    int venueTarget()
    {
        return depth + HIDDEN_LEVELS;
    }

    /**
     * Diffs the venue's top against the subscriber's book into this update's levels, shuffles each
     * side, applies them to the subscriber's book, truncates and checksums. Returns the level count
     * (0: nothing visible changed, nothing to send).
     */
    int publish(final MarketRandom random, final int repeatPercent)
    {
        venue.truncate();
        final int levels = diff(Side.BID) + diff(Side.ASK);
        if (levels == 0)
        {
            return 0;
        }
        int repeated = 0;
        for (int side = Side.BID; side <= Side.ASK; side++)
        {
            shuffle(random, side);
            if (repeated == 0 && updateCounts[side] > 0 && random.percent(repeatPercent))
            {
                repeatEarlier(random, side);
                repeated = 1;
            }
            for (int i = 0, n = updateCounts[side]; i < n; i++)
            {
                subscriber.apply(side, updatePrices[side][i], updateQtys[side][i]);
            }
        }
        subscriber.truncate();
        checksum = checksums.compute(subscriber);
        return levels + repeated;
    }

    int updateLevels(final int side)
    {
        return updateCounts[side];
    }

    long updatePrice(final int side, final int index)
    {
        return updatePrices[side][index];
    }

    long updateQty(final int side, final int index)
    {
        return updateQtys[side][index];
    }

    /**
     * Merge walk of the venue (best first) against the subscriber's book (best first). Past the
     * deepest venue change the two hold the same levels in the same order, so the walk jumps over
     * that stretch: a deep book costs the levels that changed, not its depth.
     */
    private int diff(final int side)
    {
        updateCounts[side] = 0;
        if (!touched[side])
        {
            return 0;
        }
        touched[side] = false;
        final long deepest = touchedWorst[side];
        final int venueLevels = venue.levels(side);
        final int visible = Math.min(depth, venueLevels);
        final int subscriberLevels = subscriber.levels(side);
        int v = 0;
        int s = 0;
        while (s < subscriberLevels || v < visible)
        {
            if (s == subscriberLevels)
            {
                emit(side, venue.price(side, v), venue.qty(side, v));
                v++;
                continue;
            }
            final long held = subscriber.price(side, s);
            if (v < visible && isPast(side, held, deepest) && isPast(side, venue.price(side, v), deepest))
            {
                // both past every change: venue[v + i] == subscriber[s + i] until one of them ends
                final int same = Math.min(subscriberLevels - s, visible - v);
                v += same;
                s += same;
                continue;
            }
            if (v == venueLevels)
            {
                emit(side, held, 0);
                s++;
                continue;
            }
            final long price = venue.price(side, v);
            if (price == held)
            {
                if (v < visible && venue.qty(side, v) != subscriber.qty(side, s))
                {
                    emit(side, price, venue.qty(side, v));
                }
                // at or beyond the depth: fell out of view, the subscriber truncates it, no delete is sent
                v++;
                s++;
            }
            else if (side == Side.BID ? price > held : price < held)
            {
                if (v < visible)
                {
                    emit(side, price, venue.qty(side, v));
                }
                v++;
            }
            else
            {
                emit(side, held, 0);
                s++;
            }
        }
        return updateCounts[side];
    }

    private static boolean isPast(final int side, final long price, final long deepest)
    {
        return side == Side.BID ? price < deepest : price > deepest;
    }

    private void emit(final int side, final long price, final long qty)
    {
        final int n = updateCounts[side];
        updatePrices[side][n] = price;
        updateQtys[side][n] = qty;
        updateCounts[side] = n + 1;
    }

    /** Kraken lists an update's levels in no particular order. */
    private void shuffle(final MarketRandom random, final int side)
    {
        final long[] prices = updatePrices[side];
        final long[] qtys = updateQtys[side];
        for (int i = updateCounts[side] - 1; i > 0; i--)
        {
            final int j = random.nextInt(i + 1);
            final long price = prices[i];
            final long qty = qtys[i];
            prices[i] = prices[j];
            qtys[i] = qtys[j];
            prices[j] = price;
            qtys[j] = qty;
        }
    }

    /** Puts an earlier, superseded entry for one of the update's prices before it: the same price twice in one message. */
    private void repeatEarlier(final MarketRandom random, final int side)
    {
        final int n = updateCounts[side];
        final int target = random.nextInt(n);
        final int at = random.nextInt(target + 1);
        final long[] prices = updatePrices[side];
        final long[] qtys = updateQtys[side];
        System.arraycopy(prices, at, prices, at + 1, n - at);
        System.arraycopy(qtys, at, qtys, at + 1, n - at);
        prices[at] = prices[target + 1];
        final long finalQty = qtys[target + 1];
        qtys[at] = finalQty == 0 ? 1 + random.nextInt(1_000_000) : (random.nextBoolean() ? 0 : finalQty / 2 + 1);
        updateCounts[side] = n + 1;
    }
}
