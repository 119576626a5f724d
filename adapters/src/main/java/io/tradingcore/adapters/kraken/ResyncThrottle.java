package io.tradingcore.adapters.kraken;

import io.tradingcore.core.market.SymbolTable;

import java.util.Arrays;

/**
 * Decides when a book resync request is served. A symbol whose requests keep coming, each within
 * the window of the previous one, is resynced at once for the first {@code maxAttempts}; from then
 * on it is reported once and resynced at most every slow-retry period until its requests stop for a
 * window. A pathological symbol (ccxt #24461: precision edge cases) thus never becomes a resubscribe
 * storm, and never takes the other symbols down with it. Time is passed in; feed thread only.
 */
public final class ResyncThrottle
{
    public static final int RESYNC_NOW = 0;
    public static final int DEFERRED = 1;
    /** The request that crossed {@code maxAttempts}: report it, it is deferred like {@link #DEFERRED}. */
    public static final int GAVE_UP = 2;

    private final int maxAttempts;
    private final long windowNanos;
    private final long slowRetryNanos;
    private final long[] lastRequest = new long[SymbolTable.MAX_SYMBOLS];
    private final long[] lastResync = new long[SymbolTable.MAX_SYMBOLS];
    private final int[] run = new int[SymbolTable.MAX_SYMBOLS];
    private final boolean[] slow = new boolean[SymbolTable.MAX_SYMBOLS];
    private final boolean[] deferred = new boolean[SymbolTable.MAX_SYMBOLS];

    public ResyncThrottle(final int maxAttempts, final long windowNanos, final long slowRetryNanos)
    {
        this.maxAttempts = maxAttempts;
        this.windowNanos = windowNanos;
        this.slowRetryNanos = slowRetryNanos;
        Arrays.fill(lastRequest, Long.MIN_VALUE / 2);
    }

    /** A resync was requested for {@code symbolId}: {@link #RESYNC_NOW}, {@link #DEFERRED} or {@link #GAVE_UP}. */
    public int onRequest(final int symbolId, final long nowNanos)
    {
        if (nowNanos - lastRequest[symbolId] > windowNanos)
        {
            run[symbolId] = 0;
            slow[symbolId] = false;
        }
        lastRequest[symbolId] = nowNanos;
        run[symbolId]++;
        if (!slow[symbolId] && run[symbolId] <= maxAttempts)
        {
            return RESYNC_NOW;
        }
        final boolean gaveUp = !slow[symbolId];
        slow[symbolId] = true;
        if (!gaveUp && nowNanos - lastResync[symbolId] >= slowRetryNanos)
        {
            return RESYNC_NOW;
        }
        deferred[symbolId] = true;
        return gaveUp ? GAVE_UP : DEFERRED;
    }

    public void onResynced(final int symbolId, final long nowNanos)
    {
        lastResync[symbolId] = nowNanos;
        deferred[symbolId] = false;
    }

    /** Deferred symbols whose slow retry is due, into {@code out}; returns the count. */
    public int collectDue(final long nowNanos, final int[] out)
    {
        int n = 0;
        for (int id = 0; id < SymbolTable.MAX_SYMBOLS; id++)
        {
            if (deferred[id] && nowNanos - lastResync[id] >= slowRetryNanos)
            {
                out[n++] = id;
            }
        }
        return n;
    }

    /** Consecutive requests in the current run for {@code symbolId}. */
    public int run(final int symbolId)
    {
        return run[symbolId];
    }

    /** A new session resubscribes every book: nothing deferred is owed any more. */
    public void onSessionStart()
    {
        Arrays.fill(deferred, false);
    }
}
