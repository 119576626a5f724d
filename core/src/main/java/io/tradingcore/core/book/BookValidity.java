package io.tradingcore.core.book;

import io.tradingcore.core.market.SymbolTable;

import java.util.Arrays;

/**
 * Whether each symbol's book can be trusted: awaiting its snapshot from the start of a session
 * until its first snapshot verifies, valid while every message verifies, invalid
 * from a failed one (checksum, crossed, overflowed or unparsable) until the snapshot its resync
 * brings. Going invalid raises that resync, once per spell: a storm of bad messages asks once.
 * Written by the normalize stage only; other threads may read {@link #valid} racily for readiness.
 */
public final class BookValidity
{
    private static final int AWAITING_SNAPSHOT = 0;
    private static final int VALID = 1;
    private static final int INVALID = 2;

    private final int[] state = new int[SymbolTable.MAX_SYMBOLS];
    private final ResyncRequests resync;

    public BookValidity(final ResyncRequests resync)
    {
        this.resync = resync;
    }

    public boolean valid(final int symbolId)
    {
        return state[symbolId] == VALID;
    }

    /** Whether a book message applies now: a snapshot always does, an update only to a valid book. */
    public boolean accepts(final int symbolId, final boolean snapshot)
    {
        return snapshot || state[symbolId] == VALID;
    }

    /** The book's message verified: it is valid. True if that ends an invalid spell (the resync came). */
    public boolean verified(final int symbolId)
    {
        final boolean resynced = state[symbolId] == INVALID;
        state[symbolId] = VALID;
        return resynced;
    }

    /** The book failed: invalid until a snapshot. True, with a resync raised, if it was not invalid already. */
    public boolean invalidate(final int symbolId)
    {
        if (state[symbolId] == INVALID)
        {
            return false;
        }
        state[symbolId] = INVALID;
        resync.raise(symbolId);
        return true;
    }

    /** A new feed session: every book awaits its snapshot, which the session's subscriptions bring (no resync). */
    public void newSession()
    {
        Arrays.fill(state, AWAITING_SNAPSHOT);
    }
}
