package io.tradingcore.core.book;

import io.tradingcore.core.market.SymbolTable;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Book resync requests raised by the normalize stage (checksum mismatch, crossed book) and taken by
 * the feed (the live client resubscribes that symbol). Lock-free flags per symbol id: raising a
 * request twice before it is taken is one request, which is what keeps a resubscribe storm away.
 */
public final class ResyncRequests
{
    private final AtomicIntegerArray pending = new AtomicIntegerArray(SymbolTable.MAX_SYMBOLS);
    private final AtomicIntegerArray raised = new AtomicIntegerArray(SymbolTable.MAX_SYMBOLS);
    private final AtomicLong raisedTotal = new AtomicLong();

    /** Stage side: asks for {@code symbolId}'s book to be resynced. */
    public void raise(final int symbolId)
    {
        raised.incrementAndGet(symbolId);
        raisedTotal.incrementAndGet();
        pending.lazySet(symbolId, 1);
    }

    /** Feed side: the next symbol id with a pending request at or after {@code fromId}, cleared as it is taken; -1 if none. */
    public int take(final int fromId)
    {
        for (int id = Math.max(0, fromId); id < SymbolTable.MAX_SYMBOLS; id++)
        {
            if (pending.get(id) == 1 && pending.compareAndSet(id, 1, 0))
            {
                return id;
            }
        }
        return -1;
    }

    /** Books invalidated since start, all symbols (checksum mismatches, crossed or broken books). */
    public long raisedCount()
    {
        return raisedTotal.get();
    }

    /** How many times a resync was asked for this symbol since start. */
    public int raisedCount(final int symbolId)
    {
        return raised.get(symbolId);
    }
}
