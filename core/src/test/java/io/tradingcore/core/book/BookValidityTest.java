package io.tradingcore.core.book;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BookValidityTest
{
    private static final int BTC = 3;
    private static final int ETH = 4;

    private final ResyncRequests resync = new ResyncRequests();
    private final BookValidity validity = new BookValidity(resync);

    @Test
    void aBookAwaitsItsSnapshotAtFirst()
    {
        assertFalse(validity.valid(BTC));
        assertFalse(validity.accepts(BTC, false), "no update applies before the snapshot");
        assertTrue(validity.accepts(BTC, true));
    }

    @Test
    void aVerifiedSnapshotMakesTheBookValidWithoutAResync()
    {
        assertFalse(validity.verified(BTC), "the first snapshot is no resync");
        assertTrue(validity.valid(BTC));
        assertTrue(validity.accepts(BTC, false));
        assertEquals(-1, resync.take(0));
    }

    @Test
    void invalidatingAValidBookRaisesOneResync()
    {
        validity.verified(BTC);
        assertTrue(validity.invalidate(BTC));
        assertFalse(validity.valid(BTC));
        assertEquals(BTC, resync.take(0));
        assertEquals(-1, resync.take(0));
    }

    @Test
    void anInvalidBookSkipsUpdatesButTakesASnapshot()
    {
        validity.verified(BTC);
        validity.invalidate(BTC);
        assertFalse(validity.accepts(BTC, false));
        assertTrue(validity.accepts(BTC, true));
    }

    @Test
    void invalidatingAnInvalidBookAgainIsNotReportedAndAsksNoMoreResyncs()
    {
        validity.verified(BTC);
        validity.invalidate(BTC);
        resync.take(0);
        assertFalse(validity.invalidate(BTC));
        assertEquals(-1, resync.take(0));
    }

    @Test
    void aBookThatFailsBeforeItsFirstSnapshotAsksForOne()
    {
        assertTrue(validity.invalidate(BTC));
        assertEquals(BTC, resync.take(0));
    }

    @Test
    void theSnapshotAfterAnInvalidSpellIsAResync()
    {
        validity.verified(BTC);
        validity.invalidate(BTC);
        assertTrue(validity.verified(BTC));
        assertTrue(validity.valid(BTC));
        assertFalse(validity.verified(BTC), "once");
    }

    @Test
    void otherSymbolsAreNotAffected()
    {
        validity.verified(BTC);
        validity.verified(ETH);
        validity.invalidate(BTC);
        assertTrue(validity.valid(ETH));
        assertTrue(validity.accepts(ETH, false));
    }

    @Test
    void aNewSessionMakesEveryBookAwaitItsSnapshotWithoutAResync()
    {
        validity.verified(BTC);
        validity.verified(ETH);
        validity.invalidate(ETH);
        resync.take(0);
        validity.newSession();
        assertFalse(validity.valid(BTC));
        assertFalse(validity.accepts(BTC, false));
        assertFalse(validity.accepts(ETH, false));
        assertEquals(-1, resync.take(0), "the new session's subscriptions bring the snapshots");
        assertFalse(validity.verified(ETH), "a snapshot after a new session ends no invalid spell");
    }
}
