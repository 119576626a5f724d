package io.tradingcore.core.stage;

import com.lmax.disruptor.EventHandler;
import io.tradingcore.core.book.BookChecksum;
import io.tradingcore.core.book.BookDepths;
import io.tradingcore.core.book.OrderBook;
import io.tradingcore.core.book.ResyncRequests;
import io.tradingcore.core.kraken.CandleUpdate;
import io.tradingcore.core.kraken.Channel;
import io.tradingcore.core.kraken.ExchangeStatus;
import io.tradingcore.core.kraken.FrameHandler;
import io.tradingcore.core.kraken.KrakenFrameParser;
import io.tradingcore.core.kraken.ParseError;
import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.kraken.TickerUpdate;
import io.tradingcore.core.kraken.TradePrint;
import io.tradingcore.core.kraken.Utf8;
import io.tradingcore.core.market.Instruments;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.ring.FrameEvent;
import io.tradingcore.core.ring.SymbolUpdate;
import io.tradingcore.core.stream.EntryWriter;
import io.tradingcore.core.stream.Fields;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.StreamCatalog;
import io.tradingcore.core.stream.Timeframe;
import io.tradingcore.core.time.EventClock;
import org.agrona.DirectBuffer;

import static io.tradingcore.core.stream.EntryWriter.ascii;

/**
 * Stage 1: parses each frame in place, keeps every symbol's L2 book and verifies Kraken's checksum
 * on each book message, writes the normalized market data streams, and hands the later stages what
 * changed ({@link SymbolUpdate}: a copy of the top of book and the new trades).
 * <p>
 * A checksum mismatch, a crossed book or a book message that failed to parse marks that symbol's
 * book invalid (reported to {@code kraken:errors} and {@code events:bus}) and raises a resync; its
 * updates are skipped until the next snapshot. Other symbols are not affected. Each book is kept at
 * the depth the feed says ({@link BookDepths}). Exchange times pass the {@link EventClock}: an item
 * whose time it rejects is reported and not passed on (a book keeps its levels, stamped with the clock).
 */
public final class NormalizeStage implements EventHandler<FrameEvent>, FrameHandler
{
    private static final int STATE_AWAITING_SNAPSHOT = 0;
    private static final int STATE_VALID = 1;
    private static final int STATE_INVALID = 2;

    private static final int MAX_LEVELS_PER_MESSAGE = 2048;
    private static final int ERROR_FRAME_EXCERPT = 256;
    private static final long HEARTBEAT_ENTRY_INTERVAL_MICROS = 1_000_000;
    private static final long LAG_ENTRY_INTERVAL_MICROS = 1_000_000;
    private static final byte[] TYPE_MD_LAG = ascii("metrics.md_lag");
    private static final byte[] EXCHANGE_TO_RECEIVE_MS = ascii("exchange_to_receive_ms");
    private static final byte[] RECEIVE_TO_NORMALIZED_US = ascii("receive_to_normalized_us");

    private static final byte[] CHECKSUM_MISMATCH = ascii("checksum_mismatch");
    private static final byte[] CROSSED_BOOK = ascii("crossed_book");
    private static final byte[] BOOK_OVERFLOW = ascii("book_overflow");
    private static final byte[] PARSE_ERROR = ascii("parse_error");
    private static final byte[] UNKNOWN_FRAME = ascii("unknown_frame");
    private static final byte[] OVERSIZED_FRAME = ascii("oversized_frame");
    private static final byte[] TIMESTAMP_REJECTED = ascii("timestamp_rejected");
    private static final byte[] AHEAD = ascii("ahead");
    private static final byte[] BEHIND = ascii("behind");
    private static final byte[] EXCHANGE_TIME = ascii("exchange_time");
    private static final byte[] EVENT_CLOCK = ascii("event_clock");
    private static final byte[] REQUEST_FAILED = ascii("request_failed");
    private static final byte[] BOOK_INVALID = ascii("book_invalid");
    private static final byte[] BOOK_RESYNCED = ascii("book_resynced");
    private static final byte[] SESSION_START = ascii("session_start");
    private static final byte[] EXCHANGE_SOURCE = ascii("exchange");

    private final SymbolTable symbols;
    private final Instruments instruments;
    private final KrakenFrameParser parser;
    private final BookChecksum checksum = new BookChecksum();
    private final ResyncRequests resync;
    private final EntryWriter out;
    private final MarketRecordWriter records;
    private final FeedCounters counters = new FeedCounters();
    private final BookDepths depths;
    private final EventClock clock;
    private final int publishedLevels;

    private final OrderBook[] books = new OrderBook[SymbolTable.MAX_SYMBOLS];
    private final int[] bookState = new int[SymbolTable.MAX_SYMBOLS];
    private final boolean[] bookOverflowed = new boolean[SymbolTable.MAX_SYMBOLS];
    private final boolean[] bookSnapshot = new boolean[SymbolTable.MAX_SYMBOLS];
    private final long[] lastTradeId = new long[SymbolTable.MAX_SYMBOLS];
    private final long[] topBid = new long[SymbolTable.MAX_SYMBOLS];
    private final long[] topAsk = new long[SymbolTable.MAX_SYMBOLS];
    private final long[] lastLagEntryMicros = new long[SymbolTable.MAX_SYMBOLS];

    /** This message's levels as received, for {@code kraken:orderbook:{symbol}}. */
    private final int[] messageSide = new int[MAX_LEVELS_PER_MESSAGE];
    private final long[] messagePrice = new long[MAX_LEVELS_PER_MESSAGE];
    private final long[] messageQty = new long[MAX_LEVELS_PER_MESSAGE];
    private int messageLevels;

    private FrameEvent event;
    private int exchangeStatus = ExchangeStatus.UNKNOWN;
    private long lastHeartbeatEntryMicros;

    /**
     * @param bookDepth       the configured depth: a book is truncated to it only while the feed has not said its own
     * @param clock           the exchange clock, guarded against timestamps that jump
     * @param publishedLevels levels per side in {@code md:orderbook} / {@code md:book:{symbol}} entries
     */
    public NormalizeStage(
        final SymbolTable symbols, final Instruments instruments, final ResyncRequests resync, final Outbox outbox,
        final int bookDepth, final EventClock clock, final int publishedLevels)
    {
        this.symbols = symbols;
        this.instruments = instruments;
        this.parser = new KrakenFrameParser(symbols, instruments);
        this.resync = resync;
        this.out = new EntryWriter(outbox);
        this.records = new MarketRecordWriter(outbox);
        this.depths = new BookDepths(bookDepth);
        this.clock = clock;
        this.publishedLevels = publishedLevels;
    }

    public FeedCounters counters()
    {
        return counters;
    }

    /** Whether the symbol's book is valid now; a racy read for readiness checks on other threads. */
    public boolean bookValid(final int symbolId)
    {
        return bookState[symbolId] == STATE_VALID;
    }

    @Override
    public void onEvent(final FrameEvent event, final long sequence, final boolean endOfBatch)
    {
        this.event = event;
        event.dequeueNanos = System.nanoTime();
        event.updateCount = 0;
        event.channel = Channel.UNKNOWN;
        switch (event.kind)
        {
            case FrameEvent.KIND_FRAME:
                counters.frameBytes += event.length;
                clock.onFrame();
                final int channel = parser.parse(event.frame, 0, event.length, this);
                event.channel = channel;
                counters.framesByChannel[channel]++;
                // private channels come on the order client's own connection, never through the ring
                if (channel == Channel.UNKNOWN || channel == Channel.EXECUTIONS || channel == Channel.BALANCES)
                {
                    reportFrameError(UNKNOWN_FRAME, ParseError.NONE, channel, 0);
                }
                break;
            case FrameEvent.KIND_SESSION_START:
                startSession();
                break;
            case FrameEvent.KIND_OVERSIZED:
                counters.errorsByKind[ParseError.OVERSIZED]++;
                error(OVERSIZED_FRAME)
                    .integer(Fields.LENGTH, event.length)
                    .integer(Fields.CAPACITY, event.frameCapacity())
                    .timestamp(Fields.TIMESTAMP, event.receiveEpochMicros)
                    .publish();
                break;
            default:
                break;
        }
        event.exchangeStatus = exchangeStatus;
        event.eventMicros = clock.micros();
        event.rejectedFrames = counters.rejectedFrames();
    }

    @Override
    public void onStatus(final int system)
    {
        exchangeStatus = system;
        out.begin(StreamCatalog.KRAKEN_STATUS, -1, -1)
            .string(Fields.TYPE, Fields.TYPE_STATUS)
            .string(Fields.SOURCE, EXCHANGE_SOURCE)
            .string(Fields.SYSTEM, ExchangeStatus.name(system))
            .timestamp(Fields.TIMESTAMP, event.receiveEpochMicros)
            .publish();
    }

    @Override
    public void onHeartbeat()
    {
        if (event.receiveEpochMicros - lastHeartbeatEntryMicros >= HEARTBEAT_ENTRY_INTERVAL_MICROS)
        {
            lastHeartbeatEntryMicros = event.receiveEpochMicros;
            out.begin(StreamCatalog.KRAKEN_HEARTBEAT, -1, -1)
                .string(Fields.TYPE, Fields.TYPE_HEARTBEAT)
                .integer(Fields.COUNT, counters.framesByChannel[Channel.HEARTBEAT] + 1)
                .timestamp(Fields.TIMESTAMP, event.receiveEpochMicros)
                .publish();
        }
    }

    @Override
    public void onMethodResponse(
        final DirectBuffer frame, final int methodOffset, final int methodLength, final boolean success,
        final int channel, final int symbolId, final long reqId, final int errorOffset, final int errorLength)
    {
        if (success)
        {
            return;
        }
        counters.failedAcks++;
        error(REQUEST_FAILED)
            .string(Fields.METHOD, frame, methodOffset, methodLength)
            .string(Fields.CHANNEL, channel >= 0 ? Channel.name(channel) : "")
            .string(Fields.SYMBOL, symbolId >= 0 ? symbols.nameBytes(symbolId) : Fields.EMPTY)
            .integer(Fields.REQ_ID, reqId)
            .string(Fields.REASON, frame, errorOffset, errorLength)
            .timestamp(Fields.TIMESTAMP, event.receiveEpochMicros)
            .publish();
    }

    @Override
    public void onPong(final long reqId)
    {
    }

    @Override
    public void onBookDepth(final int symbolId, final int depth)
    {
        depths.acknowledged(symbolId, depth);
    }

    @Override
    public void onTicker(final TickerUpdate t)
    {
        if (!advanceClock(t.symbolId, t.exchangeMicros, t.snapshot))
        {
            return;
        }
        records.ticker(t, symbols.nameBytes(t.symbolId), instruments.pricePrecision(t.symbolId),
            instruments.qtyPrecision(t.symbolId), stamp(t.exchangeMicros), event.receiveEpochMicros);
    }

    @Override
    public void onTrade(final TradePrint t)
    {
        if (!advanceClock(t.symbolId, t.exchangeMicros, t.snapshot))
        {
            return;
        }
        final int id = t.symbolId;
        if (t.tradeId != 0 && t.tradeId <= lastTradeId[id])
        {
            return; // a snapshot after a reconnect repeats trades already seen
        }
        lastTradeId[id] = t.tradeId;
        reportLag(id, t.exchangeMicros);
        records.trade(t, symbols.nameBytes(id), instruments.pricePrecision(id), instruments.qtyPrecision(id),
            stamp(t.exchangeMicros), event.receiveEpochMicros);
        final SymbolUpdate update = update(id);
        if (update != null && update.tradeCount < SymbolUpdate.MAX_TRADES)
        {
            final int i = update.tradeCount++;
            update.tradePrice[i] = t.price;
            update.tradeQty[i] = t.qty;
            update.tradeSide[i] = t.side;
            update.tradeMicros[i] = t.exchangeMicros;
        }
    }

    @Override
    public void onBookBegin(final int symbolId, final boolean snapshot)
    {
        counters.bookMessages++;
        OrderBook book = books[symbolId];
        if (book == null)
        {
            book = new OrderBook(BookDepths.MAX_DEPTH + MAX_LEVELS_PER_MESSAGE); // the feed may name any depth
            books[symbolId] = book;
        }
        book.depth(depths.depth(symbolId));
        bookSnapshot[symbolId] = snapshot;
        bookOverflowed[symbolId] = false;
        messageLevels = 0;
        if (snapshot)
        {
            book.clear();
        }
    }

    @Override
    public void onBookLevel(final int symbolId, final int side, final long price, final long qty)
    {
        if (messageLevels < MAX_LEVELS_PER_MESSAGE)
        {
            messageSide[messageLevels] = side;
            messagePrice[messageLevels] = price;
            messageQty[messageLevels] = qty;
            messageLevels++;
        }
        if (bookSnapshot[symbolId] || bookState[symbolId] == STATE_VALID)
        {
            if (!books[symbolId].apply(side, price, qty))
            {
                bookOverflowed[symbolId] = true;
            }
        }
    }

    @Override
    public void onBookEnd(final int symbolId, final long expected, final long wireMicros)
    {
        final long exchangeMicros = advanceClock(symbolId, wireMicros, bookSnapshot[symbolId]) ? wireMicros : clock.micros();
        if (!bookSnapshot[symbolId] && bookState[symbolId] != STATE_VALID)
        {
            counters.updatesSkippedWhileInvalid++;
            return;
        }
        final OrderBook book = books[symbolId];
        if (bookSnapshot[symbolId])
        {
            book.depth(depths.snapshot(symbolId, Math.max(book.levels(Side.BID), book.levels(Side.ASK))));
        }
        book.truncate();
        if (bookOverflowed[symbolId])
        {
            counters.bookOverflows++;
            error(BOOK_OVERFLOW)
                .string(Fields.SYMBOL, symbols.nameBytes(symbolId))
                .integer(Fields.LENGTH, messageLevels)
                .timestamp(Fields.TIMESTAMP, stamp(exchangeMicros))
                .publish();
            invalidate(symbolId, BOOK_OVERFLOW);
            return;
        }
        final long computed = checksum.compute(book);
        if (computed != expected)
        {
            counters.checksumFailed(symbolId);
            error(CHECKSUM_MISMATCH)
                .string(Fields.SYMBOL, symbols.nameBytes(symbolId))
                .integer(Fields.EXPECTED, expected)
                .integer(Fields.COMPUTED, computed)
                .bool(Fields.SNAPSHOT, bookSnapshot[symbolId])
                .timestamp(Fields.TIMESTAMP, stamp(exchangeMicros))
                .publish();
            invalidate(symbolId, CHECKSUM_MISMATCH);
            return;
        }
        counters.checksumsVerified++;
        if (book.isCrossed())
        {
            counters.crossedBooks++;
            final int pp = instruments.pricePrecision(symbolId);
            error(CROSSED_BOOK)
                .string(Fields.SYMBOL, symbols.nameBytes(symbolId))
                .decimal(Fields.BEST_BID, book.bestBid(), pp)
                .decimal(Fields.BEST_ASK, book.bestAsk(), pp)
                .timestamp(Fields.TIMESTAMP, stamp(exchangeMicros))
                .publish();
            invalidate(symbolId, CROSSED_BOOK);
            return;
        }
        if (bookState[symbolId] == STATE_INVALID)
        {
            counters.booksResynced++;
            writeEvent(BOOK_RESYNCED, symbolId, Fields.EMPTY);
        }
        bookState[symbolId] = STATE_VALID;
        writeBook(symbolId, book, expected, stamp(exchangeMicros));
        reportLag(symbolId, exchangeMicros);
        final SymbolUpdate update = update(symbolId);
        if (update != null)
        {
            update.bookChanged = true;
            update.bookValid = true;
            update.bookMicros = stamp(exchangeMicros);
            update.book.copyFrom(book);
        }
    }

    @Override
    public void onCandle(final CandleUpdate c)
    {
        // no clock advance: an ohlc item's (deprecated) timestamp is its interval's end, ahead of the market
        final int timeframe = Timeframe.ofMinutes(c.intervalMinutes);
        if (timeframe == Timeframe.NONE)
        {
            reportFrameError(PARSE_ERROR, ParseError.WRONG_TYPE, Channel.OHLC, 0);
            return;
        }
        records.candle(c, timeframe, symbols.nameBytes(c.symbolId), instruments.pricePrecision(c.symbolId),
            instruments.qtyPrecision(c.symbolId), stamp(c.exchangeMicros), event.receiveEpochMicros);
    }

    /** Interned while the table has room (the snapshot lists every pair Kraken has), else only known symbols updated. */
    @Override
    public void onInstrument(
        final DirectBuffer frame, final int symbolOffset, final int symbolLength, final int pricePrecision,
        final int qtyPrecision)
    {
        final int id = symbols.intern(frame, symbolOffset, symbolLength);
        if (id != SymbolTable.NONE)
        {
            instruments.offer(id, pricePrecision, qtyPrecision, Instruments.SOURCE_INSTRUMENT);
        }
    }

    /** Kept at the lowest rank: configuration or the instrument channel, when they come, win. */
    @Override
    public void onWirePrecision(final int symbolId, final int pricePrecision, final int qtyPrecision)
    {
        instruments.offer(symbolId, pricePrecision, qtyPrecision, Instruments.SOURCE_WIRE);
    }

    @Override
    public void onError(final int error, final int channel, final int symbolId, final int position)
    {
        counters.errorsByKind[error]++;
        reportFrameError(PARSE_ERROR, error, channel, position);
        if (channel == Channel.BOOK && symbolId >= 0)
        {
            invalidate(symbolId, PARSE_ERROR);
        }
    }

    /** Later stages discard their books on this event kind itself: a slot has too few updates to list every symbol. */
    private void startSession()
    {
        counters.sessions++;
        for (int id = 0; id < SymbolTable.MAX_SYMBOLS; id++)
        {
            bookState[id] = STATE_AWAITING_SNAPSHOT;
            if (books[id] != null)
            {
                books[id].clear();
            }
        }
        writeEvent(SESSION_START, -1, Fields.EMPTY);
    }

    private void invalidate(final int symbolId, final byte[] reason)
    {
        final boolean wasValid = bookState[symbolId] != STATE_INVALID;
        bookState[symbolId] = STATE_INVALID;
        topBid[symbolId] = 0; // the resynced book's top is news even if it is the same price
        topAsk[symbolId] = 0;
        if (books[symbolId] != null)
        {
            books[symbolId].clear();
        }
        final SymbolUpdate update = update(symbolId);
        if (update != null)
        {
            update.bookChanged = true;
            update.bookValid = false;
        }
        if (wasValid)
        {
            resync.raise(symbolId);
            writeEvent(BOOK_INVALID, symbolId, reason);
        }
    }

    private SymbolUpdate update(final int symbolId)
    {
        final SymbolUpdate update = event.update(symbolId);
        if (update != null)
        {
            update.pricePrecision = instruments.pricePrecision(symbolId);
            update.qtyPrecision = instruments.qtyPrecision(symbolId);
        }
        else
        {
            counters.updatesNotCarried++; // a frame naming more symbols than a slot carries (Kraken sends one)
        }
        return update;
    }

    /** {@code metrics:md:lag}, at most once a second per symbol: exchange→receive and receive→normalized. */
    private void reportLag(final int symbolId, final long exchangeMicros)
    {
        if (exchangeMicros == 0 || event.receiveEpochMicros - lastLagEntryMicros[symbolId] < LAG_ENTRY_INTERVAL_MICROS)
        {
            return;
        }
        lastLagEntryMicros[symbolId] = event.receiveEpochMicros;
        out.begin(StreamCatalog.METRICS_MD_LAG, symbolId, -1)
            .string(Fields.TYPE, TYPE_MD_LAG)
            .string(Fields.SYMBOL, symbols.nameBytes(symbolId))
            .decimal(EXCHANGE_TO_RECEIVE_MS, (event.receiveEpochMicros - exchangeMicros) / 10, 2)
            .decimal(RECEIVE_TO_NORMALIZED_US, (System.nanoTime() - event.receiveNanos) / 10, 2)
            .timestamp(Fields.TIMESTAMP, event.receiveEpochMicros)
            .publish();
    }

    /** Offers an item's exchange time to the clock; a rejected one is counted, reported, and false is returned. */
    private boolean advanceClock(final int symbolId, final long exchangeMicros, final boolean snapshot)
    {
        final int verdict = clock.offer(exchangeMicros, event.receiveEpochMicros, snapshot);
        if (verdict == EventClock.ACCEPTED)
        {
            return true;
        }
        counters.timestampsRejected++;
        error(TIMESTAMP_REJECTED)
            .string(Fields.SYMBOL, symbols.nameBytes(symbolId))
            .string(Fields.REASON, verdict == EventClock.AHEAD ? AHEAD : BEHIND)
            .timestamp(EXCHANGE_TIME, exchangeMicros)
            .timestamp(EVENT_CLOCK, clock.micros())
            .string(Fields.FRAME, event.frame, 0, excerptLength())
            .timestamp(Fields.TIMESTAMP, event.receiveEpochMicros)
            .publish();
        return false;
    }

    private long stamp(final long exchangeMicros)
    {
        return exchangeMicros != 0 ? exchangeMicros : event.receiveEpochMicros;
    }

    /** One record: the top of book, the message's levels and, when the top moved, the spread. */
    private void writeBook(final int symbolId, final OrderBook book, final long checksumValue, final long stampMicros)
    {
        final boolean topMoved = book.bestBid() != topBid[symbolId] || book.bestAsk() != topAsk[symbolId];
        topBid[symbolId] = book.bestBid();
        topAsk[symbolId] = book.bestAsk();
        records.book(symbolId, symbols.nameBytes(symbolId), instruments.pricePrecision(symbolId),
            instruments.qtyPrecision(symbolId), stampMicros, event.receiveEpochMicros, book, publishedLevels,
            bookSnapshot[symbolId], checksumValue, messageLevels, messageSide, messagePrice, messageQty, topMoved);
    }

    /** A {@code kraken:errors} entry of {@code kind}, for the caller to add its fields to and publish. */
    private EntryWriter error(final byte[] kind)
    {
        return out.begin(StreamCatalog.KRAKEN_ERRORS, -1, -1)
            .string(Fields.TYPE, Fields.TYPE_ERROR)
            .string(Fields.ERROR, kind);
    }

    private void writeEvent(final byte[] name, final int symbolId, final byte[] reason)
    {
        out.begin(StreamCatalog.EVENTS_BUS, -1, -1)
            .string(Fields.TYPE, Fields.TYPE_EVENT)
            .string(Fields.EVENT, name)
            .string(Fields.SYMBOL, symbolId >= 0 ? symbols.nameBytes(symbolId) : Fields.EMPTY)
            .string(Fields.REASON, reason)
            .timestamp(Fields.TIMESTAMP, event.receiveEpochMicros)
            .publish();
    }

    private void reportFrameError(final byte[] kind, final int error, final int channel, final int position)
    {
        error(kind)
            .string(Fields.REASON, ParseError.name(error))
            .string(Fields.CHANNEL, Channel.name(channel))
            .integer(Fields.POSITION, position)
            .string(Fields.FRAME, event.frame, 0, excerptLength())
            .timestamp(Fields.TIMESTAMP, event.receiveEpochMicros)
            .publish();
    }

    /** The frame's head for a report, cut where its UTF-8 stops being valid or at a character boundary. */
    private int excerptLength()
    {
        return Utf8.validPrefix(event.frame, 0, event.length, ERROR_FRAME_EXCERPT);
    }
}
