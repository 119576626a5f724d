package io.tradingcore.core.stage;

import io.tradingcore.core.kraken.Channel;
import io.tradingcore.core.kraken.ParseError;
import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.ring.SymbolUpdate;
import io.tradingcore.core.stage.OutboxEntries.Entry;
import io.tradingcore.core.time.Rfc3339;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tradingcore.core.stage.NormalizeStageRig.BTC;
import static io.tradingcore.core.stage.NormalizeStageRig.DEPTH;
import static io.tradingcore.core.stage.NormalizeStageRig.ETH;
import static io.tradingcore.core.stage.NormalizeStageRig.T0;
import static io.tradingcore.core.stage.NormalizeStageRig.ladder;
import static io.tradingcore.core.stage.OutboxEntries.on;
import static io.tradingcore.core.stage.OutboxEntries.one;
import static io.tradingcore.core.stage.OutboxEntries.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The normalize stage's books: the book streams, checksums, invalidation and resync, depth. */
class NormalizeStageBookTest
{
    private static final long[] BIDS = ladder(628_000, -5, 12);
    private static final long[] ASKS = ladder(628_005, 5, 12);
    /** A better bid, a deleted ask: the top of book moves. */
    private static final long[] NEW_BIDS = {628_002, 30_000_000};
    private static final long[] NEW_ASKS = {628_005, 0};

    private final NormalizeStageRig rig = new NormalizeStageRig();
    private final KrakenFrames frames = rig.frames;

    /** The ack's depth, not the snapshot's 12 levels, is the book's. */
    private List<Entry> btcSnapshotAfterItsAck()
    {
        rig.frame(KrakenFrames.bookAck(BTC, DEPTH));
        return rig.frame(frames.snapshot(BTC, 0, BIDS, ASKS));
    }

    private List<Entry> btcUpdateAfterItsSnapshot()
    {
        btcSnapshotAfterItsAck();
        return rig.frame(frames.update(BTC, T0 + 1_000_000, NEW_BIDS, NEW_ASKS));
    }

    private List<Entry> btcChecksumMismatch()
    {
        rig.bothBooksValid();
        return rig.frame(frames.corruptUpdate(BTC, T0 + 1_000, new long[] {627_999, 7}, new long[0]));
    }

    private String truncatedBtcUpdate()
    {
        final String whole = frames.update(BTC, T0, new long[] {627_999, 7, 627_998, 8}, new long[0]);
        return whole.substring(0, whole.indexOf("62799.8") + 5);
    }

    @Test
    void aSnapshotWritesItsTopLevelsToBothBookStreams()
    {
        final List<Entry> written = btcSnapshotAfterItsAck();
        for (final String key : new String[] {"md:orderbook", "md:book:BTC/USD"})
        {
            final Entry top = one(written, key);
            assertEquals("orderbook", top.get("type"));
            assertEquals("kraken", top.get("exchange"));
            assertEquals(BTC, top.get("symbol"));
            assertEquals("10", top.get("depth"));
            assertEquals(frames.levelsJson(BTC, BIDS, 10), top.get("bids"));
            assertEquals(frames.levelsJson(BTC, ASKS, 10), top.get("asks"));
            assertTrue(top.get("bids").startsWith("[[62800.0,0.10000000],[62799.5,0.20000000],"), top.get("bids"));
            assertEquals(Long.toString(frames.lastChecksum()), top.get("checksum"));
            assertEquals(Rfc3339.formatMicros(rig.receiveMicros()), top.get("timestamp"),
                "a snapshot without time is stamped on receipt");
        }
    }

    @Test
    void aSnapshotWritesItsLevelsAsReceivedToTheRawStream()
    {
        final Entry raw = one(btcSnapshotAfterItsAck(), "kraken:orderbook:BTC/USD");
        assertEquals("book", raw.get("type"));
        assertEquals("true", raw.get("snapshot"));
        assertEquals(frames.levelsJson(BTC, BIDS, 12), raw.get("bids"), "the message's levels as received");
        assertEquals(Long.toString(frames.lastChecksum()), raw.get("checksum"));
    }

    @Test
    void aSnapshotWritesTheSpread()
    {
        final Entry spread = one(btcSnapshotAfterItsAck(), "md:spread:BTC/USD");
        assertEquals("book", spread.get("source"));
        assertEquals("0.5", spread.get("spread"));
    }

    @Test
    void aVerifiedSnapshotIsHandedOnAsAValidBookAtItsDepth()
    {
        btcSnapshotAfterItsAck();
        assertEquals(1, rig.counters().checksumsVerified());
        final SymbolUpdate update = rig.onlyUpdate(rig.btc);
        assertTrue(update.bookChanged && update.bookValid);
        assertEquals(DEPTH, update.book.levels(Side.BID));
        assertEquals(628_000, update.book.price(Side.BID, 0));
        assertEquals(628_005, update.book.price(Side.ASK, 0));
    }

    @Test
    void anUpdateMovesTheTopOfBookInTheBookStreams()
    {
        final List<Entry> written = btcUpdateAfterItsSnapshot();
        final Entry book = one(written, "md:book:BTC/USD");
        assertTrue(book.get("bids").startsWith("[[62800.2,0.30000000],[62800.0,0.10000000],"), book.get("bids"));
        assertTrue(book.get("asks").startsWith("[[62801.0,0.20000000],"), book.get("asks"));
        assertEquals(Long.toString(frames.lastChecksum()), book.get("checksum"));
        assertEquals("2025-11-25T16:00:01.000000Z", book.get("timestamp"));
        one(written, "md:orderbook");
    }

    @Test
    void anUpdateWritesJustItsOwnLevelsToTheRawStream()
    {
        final Entry raw = one(btcUpdateAfterItsSnapshot(), "kraken:orderbook:BTC/USD");
        assertEquals("false", raw.get("snapshot"));
        assertEquals("[[62800.2,0.30000000]]", raw.get("bids"));
        assertEquals("[[62800.5,0.00000000]]", raw.get("asks"));
    }

    @Test
    void anUpdateThatMovesTheTopWritesTheSpread()
    {
        assertEquals("0.8", one(btcUpdateAfterItsSnapshot(), "md:spread:BTC/USD").get("spread"));
    }

    @Test
    void verifiedUpdatesAreCountedHandedOnAndAskNoResync()
    {
        btcUpdateAfterItsSnapshot();
        assertEquals(2, rig.counters().checksumsVerified());
        assertEquals(2, rig.counters().bookMessages());
        assertEquals(T0 + 1_000_000, rig.onlyUpdate(rig.btc).bookMicros);
        assertEquals(-1, rig.resync.take(0));
    }

    @Test
    void aChecksumMismatchIsReportedWithBothChecksums()
    {
        final Entry error = one(btcChecksumMismatch(), "kraken:errors");
        assertEquals("error", error.get("type"));
        assertEquals("checksum_mismatch", error.get("error"));
        assertEquals(BTC, error.get("symbol"));
        assertEquals(Long.toString(frames.lastChecksum()), error.get("computed"));
        assertEquals(Long.toString((frames.lastChecksum() + 1) & 0xFFFF_FFFFL), error.get("expected"));
        assertEquals(1, rig.counters().checksumsFailed());
    }

    @Test
    void aChecksumMismatchMarksTheBookInvalidAndWritesNoBook()
    {
        final List<Entry> written = btcChecksumMismatch();
        final Entry invalid = one(written, "events:bus");
        assertEquals("book_invalid", invalid.get("event"));
        assertEquals(BTC, invalid.get("symbol"));
        assertEquals("checksum_mismatch", invalid.get("reason"));
        assertTrue(on(written, "md:book:BTC/USD").isEmpty());
        assertTrue(on(written, "md:orderbook").isEmpty());
    }

    @Test
    void aChecksumMismatchHandsOnAnInvalidBookAndAsksOneResync()
    {
        btcChecksumMismatch();
        final SymbolUpdate update = rig.onlyUpdate(rig.btc);
        assertTrue(update.bookChanged);
        assertFalse(update.bookValid);
        assertEquals(rig.btc, rig.resync.take(0));
        assertEquals(-1, rig.resync.take(0), "one resync per invalidation");
    }

    @Test
    void updatesOfAnInvalidBookAreSkippedWithoutAskingAgain()
    {
        btcChecksumMismatch();
        rig.resync.take(0);
        final List<Entry> written = rig.frame(frames.update(BTC, T0 + 2_000, new long[] {627_998, 7}, new long[0]));
        written.addAll(rig.frame(frames.update(BTC, T0 + 3_000, new long[0], new long[] {628_006, 9})));
        assertTrue(written.isEmpty(), written.toString());
        assertEquals(2, rig.counters().updatesSkippedWhileInvalid());
        assertEquals(-1, rig.resync.take(0));
    }

    @Test
    void otherSymbolsGoOnWhileABookIsInvalid()
    {
        btcChecksumMismatch();
        final List<Entry> written = rig.frame(frames.update(ETH, T0 + 4_000, new long[] {300_000, 5}, new long[0]));
        assertEquals(ETH, one(written, "md:orderbook").get("symbol"));
        one(written, "md:book:ETH/USD");
        assertTrue(rig.onlyUpdate(rig.eth).bookValid);
    }

    @Test
    void theSnapshotTheResyncBringsMakesTheBookValidAgain()
    {
        btcChecksumMismatch();
        final List<Entry> written = rig.frame(
            frames.snapshot(BTC, T0 + 5_000, ladder(628_010, -5, 10), ladder(628_015, 5, 10)));
        final Entry resynced = one(written, "events:bus");
        assertEquals("book_resynced", resynced.get("event"));
        assertEquals(BTC, resynced.get("symbol"));
        assertTrue(one(written, "md:book:BTC/USD").get("bids").startsWith("[[62801.0,"));
        assertTrue(rig.onlyUpdate(rig.btc).bookValid);
        assertEquals(1, rig.counters().booksResynced());
    }

    @Test
    void updatesApplyAgainAfterTheResync()
    {
        btcChecksumMismatch();
        rig.frame(frames.update(ETH, T0 + 4_000, new long[] {300_000, 5}, new long[0]));
        rig.frame(frames.snapshot(BTC, T0 + 5_000, ladder(628_010, -5, 10), ladder(628_015, 5, 10)));
        final List<Entry> written = rig.frame(frames.update(BTC, T0 + 6_000, new long[] {628_010, 3}, new long[0]));
        one(written, "md:book:BTC/USD");
        assertEquals(5, rig.counters().checksumsVerified(), "BTC snapshot x2, ETH snapshot and update, BTC update");
    }

    @Test
    void aCrossedBookWithAValidChecksumIsReported()
    {
        final List<Entry> written = rig.frame(frames.snapshot(BTC, T0, new long[] {628_010, 100}, new long[] {628_005, 100}));
        final Entry error = one(written, "kraken:errors");
        assertEquals("crossed_book", error.get("error"));
        assertEquals(BTC, error.get("symbol"));
        assertEquals("62801.0", error.get("best_bid"));
        assertEquals("62800.5", error.get("best_ask"));
        assertEquals(1, rig.counters().checksumsVerified());
        assertEquals(1, rig.counters().crossedBooks());
    }

    @Test
    void aCrossedBookIsInvalidated()
    {
        final List<Entry> written = rig.frame(frames.snapshot(BTC, T0, new long[] {628_010, 100}, new long[] {628_005, 100}));
        assertEquals("crossed_book", where(written, "events:bus", "event", "book_invalid").get(0).get("reason"));
        assertTrue(on(written, "md:book:BTC/USD").isEmpty());
        assertFalse(rig.onlyUpdate(rig.btc).bookValid);
        assertEquals(rig.btc, rig.resync.take(0));
    }

    @Test
    void aTruncatedBookFrameIsReportedAsAParseError()
    {
        rig.bothBooksValid();
        final String cut = truncatedBtcUpdate();
        final Entry error = one(rig.frame(cut), "kraken:errors");
        assertEquals("parse_error", error.get("error"));
        assertEquals(ParseError.name(ParseError.TRUNCATED), error.get("reason"));
        assertEquals("book", error.get("channel"));
        assertEquals(cut, error.get("frame"));
        assertEquals(1, rig.counters().errors(ParseError.TRUNCATED));
        assertEquals(1, rig.counters().frames(Channel.MALFORMED));
        assertEquals(1, rig.event.rejectedFrames);
    }

    @Test
    void aTruncatedBookFrameInvalidatesThatSymbol()
    {
        rig.bothBooksValid();
        final List<Entry> written = rig.frame(truncatedBtcUpdate());
        assertEquals("parse_error", where(written, "events:bus", "event", "book_invalid").get(0).get("reason"));
        assertEquals(rig.btc, rig.resync.take(0));
    }

    @Test
    void afterATruncatedBookFrameThatSymbolSkipsUpdatesAndOthersGoOn()
    {
        rig.bothBooksValid();
        rig.frame(truncatedBtcUpdate());
        final List<Entry> written = rig.frame(frames.update(BTC, T0 + 1, new long[] {627_997, 1}, new long[0]));
        assertTrue(written.isEmpty(), written.toString());
        one(rig.frame(frames.update(ETH, T0 + 2, new long[] {299_999, 1}, new long[0])), "md:book:ETH/USD");
    }

    @Test
    void aSessionStartIsAnnouncedAndAsksNoResync()
    {
        rig.bothBooksValid();
        final Entry session = one(rig.sessionStart(), "events:bus");
        assertEquals("session_start", session.get("event"));
        assertEquals("", session.get("symbol"));
        assertEquals(0, rig.event.updateCount, "the later stages discard every book on the event kind itself");
        assertEquals(1, rig.counters().sessions());
        assertEquals(-1, rig.resync.take(0), "the new session's subscriptions bring the snapshots");
    }

    @Test
    void afterASessionStartEveryBookSkipsUpdates()
    {
        rig.bothBooksValid();
        rig.sessionStart();
        final List<Entry> written = rig.frame(frames.update(BTC, T0 + 1, new long[] {627_999, 1}, new long[0]));
        written.addAll(rig.frame(frames.update(ETH, T0 + 2, new long[] {299_999, 1}, new long[0])));
        assertTrue(written.isEmpty(), written.toString());
        assertEquals(2, rig.counters().updatesSkippedWhileInvalid());
    }

    @Test
    void afterASessionStartEachBookWaitsForItsOwnSnapshot()
    {
        rig.bothBooksValid();
        rig.sessionStart();
        one(rig.frame(frames.snapshot(BTC, T0 + 3, ladder(628_000, -5, 10), ladder(628_005, 5, 10))), "md:book:BTC/USD");
        final List<Entry> written = rig.frame(frames.update(ETH, T0 + 4, new long[] {299_998, 1}, new long[0]));
        assertTrue(written.isEmpty(), "ETH still waits for its snapshot: " + written);
    }

    @Test
    void theBookKeepsTheDepthOfTheSubscribeAckNotTheConfiguredOne()
    {
        final KrakenFrames deep = new KrakenFrames(25).symbol(BTC, 1, 8);
        rig.frame(KrakenFrames.bookAck(BTC, 25));
        rig.frame(deep.snapshot(BTC, 0, ladder(628_000, -5, 25), ladder(628_005, 5, 25)));
        // the best bid leaves; the 26th comes into range: level 11 of the depth-25 book moves into the checksum's top 10
        final List<Entry> written = rig.frame(
            deep.update(BTC, T0 + 1_000_000, new long[] {628_000, 0, 627_875, 1}, new long[0]));
        assertEquals(Long.toString(deep.lastChecksum()), one(written, "md:book:BTC/USD").get("checksum"));
        assertEquals(0, rig.counters().checksumsFailed());
        assertEquals(2, rig.counters().checksumsVerified());
        assertEquals(25, rig.onlyUpdate(rig.btc).book.levels(Side.BID), "kept at the ack's depth");
    }

    @Test
    void withoutAnAckTheSnapshotsLevelCountRoundedUpIsTheDepthOfEachSymbol()
    {
        final KrakenFrames deep = new KrakenFrames(25).symbol(BTC, 1, 8);
        rig.frame(deep.snapshot(BTC, 0, ladder(628_000, -5, 25), ladder(628_005, 5, 23)));
        rig.frame(deep.update(BTC, T0 + 1_000_000, new long[] {628_000, 0, 627_875, 1}, new long[0]));
        // another symbol of the same feed at the configured depth: a thin 7-level snapshot rounds up to 10
        rig.frame(frames.snapshot(ETH, 0, ladder(300_000, -1, 7), ladder(300_001, 1, 7)));
        rig.frame(frames.update(ETH, T0 + 2_000_000, new long[] {299_990, 5}, new long[0]));
        assertEquals(0, rig.counters().checksumsFailed());
        assertEquals(4, rig.counters().checksumsVerified());
    }
}
