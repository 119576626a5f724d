package io.tradingcore.core.stage;

import io.tradingcore.core.book.ResyncRequests;
import io.tradingcore.core.time.EventClock;
import io.tradingcore.core.kraken.Channel;
import io.tradingcore.core.kraken.ParseError;
import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.market.Instruments;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.ring.FrameEvent;
import io.tradingcore.core.ring.SymbolUpdate;
import io.tradingcore.core.stage.OutboxEntries.Entry;
import io.tradingcore.core.stream.EntryWriter;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.StreamCatalog;
import io.tradingcore.core.time.Rfc3339;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.tradingcore.core.stage.OutboxEntries.on;
import static io.tradingcore.core.stage.OutboxEntries.one;
import static io.tradingcore.core.stage.OutboxEntries.where;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The normalize stage driven slot by slot with frames built by {@link KrakenFrames}; entries read back from the outbox. */
class NormalizeStageTest
{
    private static final String BTC = "BTC/USD";
    private static final String ETH = "ETH/USD";
    private static final long T0 = 1_764_086_400_000_000L; // 2025-11-25T16:00:00Z
    private static final int DEPTH = 10;
    private static final int FRAME_CAPACITY = 64 * 1024;

    private final SymbolTable symbols = new SymbolTable();
    private final Instruments instruments = new Instruments();
    private final Outbox outbox = new Outbox(new StreamCatalog(), 1 << 22, 100);
    private final OutboxEntries entries = new OutboxEntries(outbox, symbols);
    private final ResyncRequests resync = new ResyncRequests();
    private final KrakenFrames frames = new KrakenFrames(DEPTH).symbol(BTC, 1, 8).symbol(ETH, 2, 8);
    private final FrameEvent event = new FrameEvent(FRAME_CAPACITY);
    private final NormalizeStage stage;
    private final int btc;
    private final int eth;
    private long sequence;
    private long receiveMicros = T0;

    NormalizeStageTest()
    {
        btc = symbols.intern(BTC);
        eth = symbols.intern(ETH);
        instruments.offer(btc, 1, 8, Instruments.SOURCE_CONFIG);
        instruments.offer(eth, 2, 8, Instruments.SOURCE_CONFIG);
        stage = new NormalizeStage(symbols, instruments, resync, outbox, DEPTH, new EventClock(5_000_000, false), 10);
    }

    @Test
    void snapshotAndUpdatesWithCorrectChecksumsWriteTheBookStreams()
    {
        final long[] bids = ladder(628_000, -5, 12);
        final long[] asks = ladder(628_005, 5, 12);
        frame(KrakenFrames.bookAck(BTC, DEPTH)); // the ack's depth, not the snapshot's 12 levels, is the book's
        List<Entry> written = frame(frames.snapshot(BTC, 0, bids, asks));
        final long snapshotChecksum = frames.lastChecksum();

        for (final String key : new String[] {"md:orderbook", "md:book:BTC/USD"})
        {
            final Entry top = one(written, key);
            assertEquals("orderbook", top.get("type"));
            assertEquals("kraken", top.get("exchange"));
            assertEquals(BTC, top.get("symbol"));
            assertEquals("10", top.get("depth"));
            assertEquals(frames.levelsJson(BTC, bids, 10), top.get("bids"));
            assertEquals(frames.levelsJson(BTC, asks, 10), top.get("asks"));
            assertTrue(top.get("bids").startsWith("[[62800.0,0.10000000],[62799.5,0.20000000],"), top.get("bids"));
            assertEquals(Long.toString(snapshotChecksum), top.get("checksum"));
            assertEquals(Rfc3339.formatMicros(receiveMicros), top.get("timestamp"), "a snapshot without time is stamped on receipt");
        }
        final Entry raw = one(written, "kraken:orderbook:BTC/USD");
        assertEquals("book", raw.get("type"));
        assertEquals("true", raw.get("snapshot"));
        assertEquals(frames.levelsJson(BTC, bids, 12), raw.get("bids"), "the message's levels as received");
        assertEquals(Long.toString(snapshotChecksum), raw.get("checksum"));
        final Entry spread = one(written, "md:spread:BTC/USD");
        assertEquals("book", spread.get("source"));
        assertEquals("0.5", spread.get("spread"));
        assertEquals(1, stage.counters().checksumsVerified());
        final SymbolUpdate snapshotUpdate = onlyUpdate(btc);
        assertTrue(snapshotUpdate.bookChanged && snapshotUpdate.bookValid);
        assertEquals(DEPTH, snapshotUpdate.book.levels(Side.BID));
        assertEquals(628_000, snapshotUpdate.book.price(Side.BID, 0));
        assertEquals(628_005, snapshotUpdate.book.price(Side.ASK, 0));

        // a better bid, a deleted ask: top of book moves, the raw entry carries just these levels
        final long[] newBids = {628_002, 30_000_000};
        final long[] newAsks = {628_005, 0};
        written = frame(frames.update(BTC, T0 + 1_000_000, newBids, newAsks));
        final Entry book = one(written, "md:book:BTC/USD");
        assertTrue(book.get("bids").startsWith("[[62800.2,0.30000000],[62800.0,0.10000000],"), book.get("bids"));
        assertTrue(book.get("asks").startsWith("[[62801.0,0.20000000],"), book.get("asks"));
        assertEquals(Long.toString(frames.lastChecksum()), book.get("checksum"));
        assertEquals("2025-11-25T16:00:01.000000Z", book.get("timestamp"));
        one(written, "md:orderbook");
        final Entry rawUpdate = one(written, "kraken:orderbook:BTC/USD");
        assertEquals("false", rawUpdate.get("snapshot"));
        assertEquals("[[62800.2,0.30000000]]", rawUpdate.get("bids"));
        assertEquals("[[62800.5,0.00000000]]", rawUpdate.get("asks"));
        assertEquals("0.8", one(written, "md:spread:BTC/USD").get("spread"));
        assertEquals(2, stage.counters().checksumsVerified());
        assertEquals(2, stage.counters().bookMessages());
        assertEquals(T0 + 1_000_000, onlyUpdate(btc).bookMicros);
        assertEquals(-1, resync.take(0));
    }

    @Test
    void aChecksumMismatchInvalidatesThatBookUntilItsNextSnapshot()
    {
        frame(frames.snapshot(BTC, 0, ladder(628_000, -5, 10), ladder(628_005, 5, 10)));
        frame(frames.snapshot(ETH, 0, ladder(300_000, -1, 10), ladder(300_001, 1, 10)));

        List<Entry> written = frame(frames.corruptUpdate(BTC, T0 + 1_000, new long[] {627_999, 7}, new long[0]));
        final Entry error = one(written, "kraken:errors");
        assertEquals("error", error.get("type"));
        assertEquals("checksum_mismatch", error.get("error"));
        assertEquals(BTC, error.get("symbol"));
        assertEquals(Long.toString(frames.lastChecksum()), error.get("computed"));
        assertEquals(Long.toString((frames.lastChecksum() + 1) & 0xFFFF_FFFFL), error.get("expected"));
        final Entry invalid = one(written, "events:bus");
        assertEquals("book_invalid", invalid.get("event"));
        assertEquals(BTC, invalid.get("symbol"));
        assertEquals("checksum_mismatch", invalid.get("reason"));
        assertTrue(on(written, "md:book:BTC/USD").isEmpty());
        assertTrue(on(written, "md:orderbook").isEmpty());
        final SymbolUpdate update = onlyUpdate(btc);
        assertTrue(update.bookChanged);
        assertFalse(update.bookValid);
        assertEquals(btc, resync.take(0));
        assertEquals(-1, resync.take(0), "one resync per invalidation");
        assertEquals(1, stage.counters().checksumsFailed());

        // later updates of BTC are skipped, ETH goes on
        written = frame(frames.update(BTC, T0 + 2_000, new long[] {627_998, 7}, new long[0]));
        written.addAll(frame(frames.update(BTC, T0 + 3_000, new long[0], new long[] {628_006, 9})));
        assertTrue(written.isEmpty(), written.toString());
        assertEquals(2, stage.counters().updatesSkippedWhileInvalid());
        assertEquals(-1, resync.take(0));
        written = frame(frames.update(ETH, T0 + 4_000, new long[] {300_000, 5}, new long[0]));
        assertEquals(ETH, one(written, "md:orderbook").get("symbol"));
        one(written, "md:book:ETH/USD");
        assertTrue(onlyUpdate(eth).bookValid);

        // the snapshot the resync brings makes it valid again
        written = frame(frames.snapshot(BTC, T0 + 5_000, ladder(628_010, -5, 10), ladder(628_015, 5, 10)));
        final Entry resynced = one(written, "events:bus");
        assertEquals("book_resynced", resynced.get("event"));
        assertEquals(BTC, resynced.get("symbol"));
        assertTrue(one(written, "md:book:BTC/USD").get("bids").startsWith("[[62801.0,"));
        assertTrue(onlyUpdate(btc).bookValid);
        assertEquals(1, stage.counters().booksResynced());
        written = frame(frames.update(BTC, T0 + 6_000, new long[] {628_010, 3}, new long[0]));
        one(written, "md:book:BTC/USD");
        assertEquals(5, stage.counters().checksumsVerified(), "BTC snapshot x2, ETH snapshot and update, BTC update");
    }

    @Test
    void aCrossedBookWithAValidChecksumIsInvalidated()
    {
        final List<Entry> written = frame(frames.snapshot(BTC, T0, new long[] {628_010, 100}, new long[] {628_005, 100}));
        final Entry error = one(written, "kraken:errors");
        assertEquals("crossed_book", error.get("error"));
        assertEquals(BTC, error.get("symbol"));
        assertEquals("62801.0", error.get("best_bid"));
        assertEquals("62800.5", error.get("best_ask"));
        assertEquals("crossed_book", where(written, "events:bus", "event", "book_invalid").get(0).get("reason"));
        assertTrue(on(written, "md:book:BTC/USD").isEmpty());
        assertEquals(1, stage.counters().checksumsVerified());
        assertEquals(1, stage.counters().crossedBooks());
        assertFalse(onlyUpdate(btc).bookValid);
        assertEquals(btc, resync.take(0));
    }

    @Test
    void aTruncatedBookFrameIsAParseErrorThatInvalidatesTheSymbol()
    {
        frame(frames.snapshot(BTC, 0, ladder(628_000, -5, 10), ladder(628_005, 5, 10)));
        frame(frames.snapshot(ETH, 0, ladder(300_000, -1, 10), ladder(300_001, 1, 10)));
        final String whole = frames.update(BTC, T0, new long[] {627_999, 7, 627_998, 8}, new long[0]);
        final String cut = whole.substring(0, whole.indexOf("62799.8") + 5);

        List<Entry> written = frame(cut);
        final Entry error = one(written, "kraken:errors");
        assertEquals("parse_error", error.get("error"));
        assertEquals(ParseError.name(ParseError.TRUNCATED), error.get("reason"));
        assertEquals("book", error.get("channel"));
        assertEquals(cut, error.get("frame"));
        assertEquals("parse_error", where(written, "events:bus", "event", "book_invalid").get(0).get("reason"));
        assertEquals(btc, resync.take(0));
        assertEquals(1, stage.counters().errors(ParseError.TRUNCATED));
        assertEquals(1, stage.counters().frames(Channel.MALFORMED));
        assertEquals(1, event.rejectedFrames);

        written = frame(frames.update(BTC, T0 + 1, new long[] {627_997, 1}, new long[0]));
        assertTrue(written.isEmpty(), written.toString());
        written = frame(frames.update(ETH, T0 + 2, new long[] {299_999, 1}, new long[0]));
        one(written, "md:book:ETH/USD");
    }

    @Test
    void aSessionStartMakesEveryBookAwaitItsSnapshot()
    {
        frame(frames.snapshot(BTC, 0, ladder(628_000, -5, 10), ladder(628_005, 5, 10)));
        frame(frames.snapshot(ETH, 0, ladder(300_000, -1, 10), ladder(300_001, 1, 10)));

        List<Entry> written = sessionStart();
        final Entry session = one(written, "events:bus");
        assertEquals("session_start", session.get("event"));
        assertEquals("", session.get("symbol"));
        assertEquals(0, event.updateCount, "the later stages discard every book on the event kind itself");
        assertEquals(1, stage.counters().sessions());
        assertEquals(-1, resync.take(0), "the new session's subscriptions bring the snapshots");

        written = frame(frames.update(BTC, T0 + 1, new long[] {627_999, 1}, new long[0]));
        written.addAll(frame(frames.update(ETH, T0 + 2, new long[] {299_999, 1}, new long[0])));
        assertTrue(written.isEmpty(), written.toString());
        assertEquals(2, stage.counters().updatesSkippedWhileInvalid());

        written = frame(frames.snapshot(BTC, T0 + 3, ladder(628_000, -5, 10), ladder(628_005, 5, 10)));
        one(written, "md:book:BTC/USD");
        written = frame(frames.update(ETH, T0 + 4, new long[] {299_998, 1}, new long[0]));
        assertTrue(written.isEmpty(), "ETH still waits for its snapshot: " + written);
    }

    @Test
    void anOversizedFrameIsReportedWithItsLength()
    {
        event.kind = FrameEvent.KIND_OVERSIZED;
        event.length = 200_000;
        event.receiveEpochMicros = receiveMicros;
        stage.onEvent(event, sequence++, true);
        final Entry error = one(entries.drain(), "kraken:errors");
        assertEquals("oversized_frame", error.get("error"));
        assertEquals("200000", error.get("length"));
        assertEquals(Integer.toString(FRAME_CAPACITY), error.get("capacity"));
        assertEquals(1, stage.counters().errors(ParseError.OVERSIZED));
        assertEquals(1, event.rejectedFrames);
    }

    @Test
    void unknownFramesAndFailedRequestsAreReported()
    {
        final String unknown = "{\"channel\":\"level3\",\"type\":\"update\",\"data\":[]}";
        Entry error = one(frame(unknown), "kraken:errors");
        assertEquals("unknown_frame", error.get("error"));
        assertEquals(unknown, error.get("frame"));
        assertEquals(1, stage.counters().frames(Channel.UNKNOWN));
        assertEquals(1, event.rejectedFrames);

        final String executions = "{\"channel\":\"executions\",\"type\":\"update\",\"data\":[{\"order_id\":\"junk\"}]}";
        error = one(frame(executions), "kraken:errors");
        assertEquals("unknown_frame", error.get("error"));
        assertEquals("executions", error.get("channel"));
        assertEquals(executions, error.get("frame"));
        assertEquals(2, event.rejectedFrames, "a private channel on the public feed is garbage");

        symbols.intern("XBT/USD"); // configured, but Kraken names it BTC/USD
        error = one(frame("{\"error\":\"Currency pair not supported XBT/USD\",\"method\":\"subscribe\",\"success\":false," +
            "\"symbol\":\"XBT/USD\",\"time_in\":\"2026-09-25T17:48:54.701041Z\",\"time_out\":\"2026-09-25T17:48:54.701062Z\"}"),
            "kraken:errors");
        assertEquals("request_failed", error.get("error"));
        assertEquals("subscribe", error.get("method"));
        assertEquals("XBT/USD", error.get("symbol"));
        assertEquals("Currency pair not supported XBT/USD", error.get("reason"));
        assertEquals(1, stage.counters().failedAcks());
        assertEquals(2, event.rejectedFrames, "a refused request is not a rejected frame");

        assertTrue(frame("{\"method\":\"subscribe\",\"result\":{\"channel\":\"book\",\"depth\":10,\"snapshot\":true," +
            "\"symbol\":\"BTC/USD\"},\"success\":true}").isEmpty(), "a successful ack writes nothing");
    }

    @Test
    void tradesAreWrittenOnceEvenWhenASnapshotRepeatsThem()
    {
        List<Entry> written = frame(KrakenFrames.trades(false,
            frames.tradeItem(BTC, Side.BUY, 628_000, 1_000_000, 100, T0),
            frames.tradeItem(BTC, Side.SELL, 627_995, 2_000_000, 101, T0 + 10)));
        for (final String key : new String[] {"md:trades", "md:trades:BTC/USD", "kraken:trades:BTC/USD"})
        {
            final List<Entry> trades = on(written, key);
            assertEquals(2, trades.size(), key);
            final Entry first = trades.get(0);
            assertEquals("trade", first.get("type"));
            assertEquals("kraken", first.get("exchange"));
            assertEquals(BTC, first.get("symbol"));
            assertEquals("buy", first.get("side"));
            assertEquals("62800.0", first.get("price"));
            assertEquals("0.01000000", first.get("qty"));
            assertEquals("limit", first.get("ord_type"));
            assertEquals("100", first.get("trade_id"));
            assertEquals(Rfc3339.formatMicros(T0), first.get("timestamp"));
            assertEquals("sell", trades.get(1).get("side"));
            assertEquals("101", trades.get(1).get("trade_id"));
        }
        SymbolUpdate update = onlyUpdate(btc);
        assertFalse(update.bookChanged);
        assertEquals(2, update.tradeCount);
        assertEquals(627_995, update.tradePrice[1]);
        assertEquals(2_000_000, update.tradeQty[1]);
        assertEquals(Side.SELL, update.tradeSide[1]);
        assertEquals(T0 + 10, update.tradeMicros[1]);

        sessionStart();
        written = frame(KrakenFrames.trades(true,
            frames.tradeItem(BTC, Side.BUY, 628_000, 1_000_000, 100, T0),
            frames.tradeItem(BTC, Side.SELL, 627_995, 2_000_000, 101, T0 + 10),
            frames.tradeItem(BTC, Side.BUY, 628_001, 3_000_000, 102, T0 + 20)));
        assertEquals("102", one(written, "md:trades").get("trade_id"));
        one(written, "md:trades:BTC/USD");
        one(written, "kraken:trades:BTC/USD");
        update = onlyUpdate(btc);
        assertEquals(1, update.tradeCount);
        assertEquals(628_001, update.tradePrice[0]);
    }

    @Test
    void tickerAndOhlcAreWrittenToTheirStreams()
    {
        List<Entry> written = frame(frames.ticker(BTC, 628_000, 150_000_000, 628_004, 250_000_000, 628_002, T0));
        final Entry ticker = one(written, "kraken:ticker:BTC/USD");
        assertEquals("ticker", ticker.get("type"));
        assertEquals("62800.0", ticker.get("bid"));
        assertEquals("1.50000000", ticker.get("bid_qty"));
        assertEquals("62800.4", ticker.get("ask"));
        assertEquals("62800.2", ticker.get("last"));
        assertEquals("-0.1", ticker.get("change"));
        assertEquals("-0.17", ticker.get("change_pct"));
        for (final String key : new String[] {"md:spread", "md:spread:BTC/USD"})
        {
            final Entry spread = one(written, key);
            assertEquals("ticker", spread.get("source"));
            assertEquals("0.4", spread.get("spread"));
            assertEquals("0.06", spread.get("spread_bps"));
        }

        written = frame(frames.ohlc(BTC, 5, 628_000, 628_100, 627_900, 628_050, 123_400_000, T0, T0 + 60_000_000));
        for (final String key : new String[] {"md:candles", "md:candles:BTC/USD:5m", "kraken:ohlc:5m:BTC/USD"})
        {
            final Entry candle = one(written, key);
            assertEquals("candle", candle.get("type"));
            assertEquals(BTC, candle.get("symbol"));
            assertEquals("5m", candle.get("timeframe"));
            assertEquals("62800.0", candle.get("open"));
            assertEquals("62810.0", candle.get("high"));
            assertEquals("62790.0", candle.get("low"));
            assertEquals("62805.0", candle.get("close"));
            assertEquals("1.23400000", candle.get("volume"));
            assertEquals("7", candle.get("trades"));
            assertEquals(Rfc3339.formatMicros(T0), candle.get("interval_begin"));
        }
    }

    @Test
    void eventTimeFollowsTradesBooksAndTickersAndNeverGoesBack()
    {
        frame("{\"channel\":\"heartbeat\"}");
        assertEquals(0, event.eventMicros, "no exchange time yet");
        frame(KrakenFrames.trades(false, frames.tradeItem(BTC, Side.BUY, 628_000, 1_000_000, 1, T0 + 1_000)));
        assertEquals(T0 + 1_000, event.eventMicros);
        frame(frames.snapshot(BTC, 0, ladder(628_000, -5, 10), ladder(628_005, 5, 10)));
        assertEquals(T0 + 1_000, event.eventMicros, "a snapshot without time leaves the clock");
        frame(frames.update(BTC, T0 + 2_000, new long[] {627_999, 1}, new long[0]));
        assertEquals(T0 + 2_000, event.eventMicros);
        frame(frames.ticker(BTC, 628_000, 1, 628_004, 1, 628_002, T0 + 3_000));
        assertEquals(T0 + 3_000, event.eventMicros);
        frame(KrakenFrames.trades(false, frames.tradeItem(BTC, Side.BUY, 628_000, 1_000_000, 2, T0 + 500)));
        assertEquals(T0 + 3_000, event.eventMicros, "a late trade does not move the clock back");
        frame(frames.ohlc(BTC, 1, 628_000, 628_000, 628_000, 628_000, 1, T0, T0 + 3_000));
        assertEquals(T0 + 3_000, event.eventMicros, "an ohlc item's time is its interval's end, ahead of the market");
        sessionStart();
        assertEquals(T0 + 3_000, event.eventMicros);
    }

    @Test
    void theBookKeepsTheDepthOfTheSubscribeAckNotTheConfiguredOne()
    {
        final KrakenFrames deep = new KrakenFrames(25).symbol(BTC, 1, 8);
        frame(KrakenFrames.bookAck(BTC, 25));
        frame(deep.snapshot(BTC, 0, ladder(628_000, -5, 25), ladder(628_005, 5, 25)));
        // the best bid leaves; the 26th comes into range: level 11 of the depth-25 book moves into the checksum's top 10
        final List<Entry> written = frame(deep.update(BTC, T0 + 1_000_000, new long[] {628_000, 0, 627_875, 1}, new long[0]));
        assertEquals(Long.toString(deep.lastChecksum()), one(written, "md:book:BTC/USD").get("checksum"));
        assertEquals(0, stage.counters().checksumsFailed());
        assertEquals(2, stage.counters().checksumsVerified());
        assertEquals(25, onlyUpdate(btc).book.levels(Side.BID), "kept at the ack's depth");
    }

    @Test
    void withoutAnAckTheSnapshotsLevelCountRoundedUpIsTheDepthOfEachSymbol()
    {
        final KrakenFrames deep = new KrakenFrames(25).symbol(BTC, 1, 8);
        frame(deep.snapshot(BTC, 0, ladder(628_000, -5, 25), ladder(628_005, 5, 23)));
        frame(deep.update(BTC, T0 + 1_000_000, new long[] {628_000, 0, 627_875, 1}, new long[0]));
        // another symbol of the same feed at the configured depth: a thin 7-level snapshot rounds up to 10
        frame(frames.snapshot(ETH, 0, ladder(300_000, -1, 7), ladder(300_001, 1, 7)));
        frame(frames.update(ETH, T0 + 2_000_000, new long[] {299_990, 5}, new long[0]));
        assertEquals(0, stage.counters().checksumsFailed());
        assertEquals(4, stage.counters().checksumsVerified());
    }

    @Test
    void aTimestampFarAheadOfTheMarketIsRejectedReportedAndMovesNothing()
    {
        frame(KrakenFrames.trades(false, frames.tradeItem(BTC, Side.BUY, 628_000, 1_000_000, 1, T0 + 1_000_000)));
        final long fourDays = 4 * 86_400_000_000L;
        List<Entry> written = frame(KrakenFrames.trades(false,
            frames.tradeItem(BTC, Side.BUY, 628_100, 1_000_000, 2, T0 + fourDays)));
        assertEquals(T0 + 1_000_000, event.eventMicros, "the clock stays");
        assertEquals(0, event.updateCount, "no trade reaches the candles");
        assertTrue(on(written, "md:trades").isEmpty());
        final Entry error = one(written, "kraken:errors");
        assertEquals("timestamp_rejected", error.get("error"));
        assertEquals("ahead", error.get("reason"));
        assertEquals(BTC, error.get("symbol"));
        assertEquals(Rfc3339.formatMicros(T0 + fourDays), error.get("exchange_time"));
        assertEquals(Rfc3339.formatMicros(T0 + 1_000_000), error.get("event_clock"));
        assertEquals(1, stage.counters().timestampsRejected());

        written = frame(KrakenFrames.trades(false, frames.tradeItem(BTC, Side.SELL, 628_000, 1_000_000, 3, T0 + 2_000_000)));
        assertEquals(T0 + 2_000_000, event.eventMicros, "the next frame refutes the jump");
        one(written, "md:trades");

        frame(KrakenFrames.trades(false, frames.tradeItem(BTC, Side.SELL, 628_000, 1_000_000, 4, T0 - 3_600_000_000L)));
        assertEquals(T0 + 2_000_000, event.eventMicros);
        assertEquals(2, stage.counters().timestampsRejected(), "an update an hour behind the clock is rejected too");
    }

    @Test
    void aJumpThatTheNextFrameConfirmsIsTheMarketMovingOn()
    {
        frame(KrakenFrames.trades(false, frames.tradeItem(BTC, Side.BUY, 628_000, 1_000_000, 1, T0 + 1_000_000)));
        final long outage = 600_000_000L; // a recording across a 10-minute reconnect
        frame(frames.ticker(BTC, 628_000, 1, 628_004, 1, 628_002, T0 + outage));
        assertEquals(T0 + 1_000_000, event.eventMicros);
        frame(KrakenFrames.trades(false, frames.tradeItem(BTC, Side.BUY, 628_000, 1_000_000, 2, T0 + outage + 300_000)));
        assertEquals(T0 + outage + 300_000, event.eventMicros);
        assertEquals(1, stage.counters().timestampsRejected());
    }

    @Test
    void hostileValuesAreRejectedCountedAndReportedAndCreateNoStreams()
    {
        final int known = symbols.size();
        for (final String symbol : new String[] {"FOO/BAR", "btc/usd", "BTC/USD "})
        {
            final List<Entry> written = frame("{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"" + symbol +
                "\",\"side\":\"buy\",\"price\":5.0,\"qty\":1.0,\"trade_id\":9}]}");
            final Entry error = one(written, "kraken:errors");
            assertEquals("symbol_rejected", error.get("reason"));
            assertEquals(1, written.size(), "only the report: " + written);
        }
        assertEquals(known, symbols.size(), "no junk symbol is interned");
        final List<Entry> negative = frame(KrakenFrames.trades(false,
            frames.tradeItem(BTC, Side.BUY, 628_000, -1_000_000, 1, T0 + 1_000)));
        assertEquals("value_out_of_range", one(negative, "kraken:errors").get("reason"));
        assertTrue(on(negative, "md:trades").isEmpty());
        assertEquals(0, event.updateCount);

        final byte[] notUtf8 = KrakenFrames.trades(false, frames.tradeItem(BTC, Side.BUY, 628_000, 1_000_000, 2, T0 + 2_000))
            .replace("limit", "lim\u00e9t").getBytes(StandardCharsets.ISO_8859_1); // é as one Latin-1 byte
        final Entry error = one(frame(notUtf8), "kraken:errors");
        assertEquals("invalid_utf8", error.get("reason"));
        final String excerpt = error.get("frame");
        assertTrue(excerpt.endsWith("\"ord_type\":\"lim"), excerpt);
        assertEquals(3 + 1 + 1, stage.counters().errors(ParseError.SYMBOL_REJECTED) + stage.counters().errors(ParseError.VALUE_OUT_OF_RANGE)
            + stage.counters().errors(ParseError.INVALID_UTF8));
    }

    @Test
    void decimalsAreWrittenInPlainNotationAtTheInstrumentPrecision()
    {
        final List<Entry> written = frame("{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\"," +
            "\"side\":\"buy\",\"price\":62807,\"qty\":1e-06,\"ord_type\":\"market\",\"trade_id\":7," +
            "\"timestamp\":\"2025-11-25T16:00:00.000001Z\"}]}");
        final Entry trade = one(written, "md:trades");
        assertEquals("62807.0", trade.get("price"));
        assertEquals("0.00000100", trade.get("qty"));
        assertEquals("market", trade.get("ord_type"));
        assertEquals("2025-11-25T16:00:00.000001Z", trade.get("timestamp"));
        final List<Entry> book = frame(frames.snapshot(ETH, 0, new long[] {10, 1}, new long[] {1_000_000_000_000L, 100_000_000_000L}));
        assertEquals("[[0.10,0.00000001]]", one(book, "md:book:ETH/USD").get("bids"));
        assertEquals("[[10000000000.00,1000.00000000]]", one(book, "md:book:ETH/USD").get("asks"));
    }

    @Test
    void aPrecisionTheWireTaughtIsKeptAtTheLowestRank()
    {
        final int algo = symbols.intern("ALGO/USD");
        // bid_qty 740.0 teaches qty precision 1; ask_qty 1361.44813783 then has more digits than that
        frame(resource("ticker-snapshot"));
        assertEquals(5, instruments.pricePrecision(algo));
        assertEquals(1, instruments.qtyPrecision(algo));
        assertEquals(Instruments.SOURCE_WIRE, instruments.source(algo));
        assertEquals(1, stage.counters().errors(ParseError.PRECISION_EXCEEDED));
    }

    @Test
    void aRealBookUpdateTeachesBothPrecisions()
    {
        final int sol = symbols.intern("SOL/USD");
        frame(resource("book-update-btc-real").replace("BTC/USD", "SOL/USD"));
        assertEquals(1, instruments.pricePrecision(sol));
        assertEquals(8, instruments.qtyPrecision(sol));
        assertEquals(Instruments.SOURCE_WIRE, instruments.source(sol));
    }

    @Test
    void qtyPrecisionIsLearntWhenFirstSeenIfOnlyPriceIsKnown()
    {
        final int sol = symbols.intern("SOL/USD");
        frame("{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"SOL/USD\",\"bids\":[],\"asks\":[]," +
            "\"checksum\":1}]}");
        frame("{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"SOL/USD\",\"price\":2500.25}]}");
        assertEquals(2, instruments.pricePrecision(sol));
        assertEquals(Instruments.UNKNOWN, instruments.qtyPrecision(sol));
        final List<Entry> written = frame("{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"SOL/USD\"," +
            "\"price\":2500.3,\"qty\":0.5000}]}");
        assertEquals("2500.30", one(written, "md:trades").get("price"));
        assertEquals("0.5000", one(written, "md:trades").get("qty"));
        assertEquals(4, instruments.qtyPrecision(sol));
    }

    @Test
    void theInstrumentChannelOutranksConfiguration()
    {
        frame("{\"channel\":\"instrument\",\"type\":\"snapshot\",\"data\":{\"pairs\":[" + resource("instrument-pair-btc") +
            "]}}");
        assertEquals(1, instruments.pricePrecision(btc));
        assertEquals(8, instruments.qtyPrecision(btc));
        assertEquals(Instruments.SOURCE_INSTRUMENT, instruments.source(btc));
    }

    @Test
    void instrumentPairsAreInternedWhileTheTableHasRoomThenOnlyKnownOnesUpdated()
    {
        final StringBuilder frame = new StringBuilder("{\"channel\":\"instrument\",\"type\":\"snapshot\",\"data\":{\"pairs\":[");
        for (int i = 0; i < SymbolTable.MAX_SYMBOLS + 10; i++)
        {
            frame.append(i == 0 ? "" : ",").append("{\"symbol\":\"P").append(i)
                .append("/USD\",\"qty_min\":5e-05,\"marginable\":false,\"price_precision\":3,\"qty_precision\":6}");
        }
        frame.append(",{\"symbol\":\"ETH/USD\",\"price_precision\":4,\"qty_precision\":8}]}}");
        frame(frame.toString());
        assertEquals(SymbolTable.MAX_SYMBOLS, symbols.size());
        final int p1 = symbols.intern("P1/USD");
        assertEquals(3, instruments.pricePrecision(p1));
        assertEquals(6, instruments.qtyPrecision(p1));
        assertEquals(SymbolTable.NONE, symbols.intern("P" + (SymbolTable.MAX_SYMBOLS + 5) + "/USD"));
        assertEquals(4, instruments.pricePrecision(eth));
        assertEquals(Instruments.SOURCE_INSTRUMENT, instruments.source(eth));
    }

    private static String resource(final String name)
    {
        try (InputStream in = NormalizeStageTest.class.getResourceAsStream("/kraken/" + name + ".json"))
        {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** (price, qty) pairs from {@code top} by {@code step}, qty 0.1, 0.2, ... at qty precision 8. */
    private static long[] ladder(final long top, final long step, final int levels)
    {
        final long[] pairs = new long[2 * levels];
        for (int i = 0; i < levels; i++)
        {
            pairs[2 * i] = top + step * i;
            pairs[2 * i + 1] = (i + 1) * 10_000_000L;
        }
        return pairs;
    }

    private List<Entry> frame(final String text)
    {
        return frame(text.getBytes(StandardCharsets.US_ASCII));
    }

    private List<Entry> frame(final byte[] bytes)
    {
        event.kind = FrameEvent.KIND_FRAME;
        event.frame.putBytes(0, bytes);
        event.length = bytes.length;
        event.receiveEpochMicros = receiveMicros += 1_000;
        stage.onEvent(event, sequence++, true);
        return entries.drain();
    }

    private List<Entry> sessionStart()
    {
        event.kind = FrameEvent.KIND_SESSION_START;
        event.length = 0;
        event.receiveEpochMicros = receiveMicros += 1_000;
        stage.onEvent(event, sequence++, true);
        return entries.drain();
    }

    private SymbolUpdate onlyUpdate(final int symbolId)
    {
        assertEquals(1, event.updateCount);
        assertEquals(symbolId, event.updates[0].symbolId);
        return event.updates[0];
    }
}
