package io.tradingcore.core.stage;

import com.lmax.disruptor.EventHandler;
import io.tradingcore.core.book.BookChecksum;
import io.tradingcore.core.book.BookDepths;
import io.tradingcore.core.book.BookValidity;
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
import io.tradingcore.core.market.Instruments;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.ring.FrameEvent;
import io.tradingcore.core.ring.SymbolUpdate;
import io.tradingcore.core.stream.Fields;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.Timeframe;
import io.tradingcore.core.time.EventClock;
import org.agrona.DirectBuffer;

/**
 * Stage 1: parses each frame in place, keeps every symbol's L2 book and verifies Kraken's checksum
 * on each book message, writes the normalized market data streams, and hands the later stages what
 * changed ({@link SymbolUpdate}: a copy of the top of book and the new trades). It decides what the
 * parser reports: the instrument channel's pairs are interned while the table has room, precisions
 * are kept at their source's rank ({@link Instruments}).
 * <p>
 * A checksum mismatch, a crossed book or a book message that failed to parse marks that symbol's
 * book invalid ({@link BookValidity}, reported to {@code kraken:errors} and {@code events:bus}) and
 * raises a resync; its updates are skipped until the next snapshot. Other symbols are not affected.
 * Each book is kept at the depth the feed says ({@link BookDepths}). Exchange times pass the
 * {@link EventClock}: an item whose time it rejects is reported and not passed on (a book keeps its
 * levels, stamped with the clock).
 */
public final class NormalizeStage implements EventHandler<FrameEvent>, FrameHandler
{
    private static final long HEARTBEAT_ENTRY_INTERVAL_MICROS = 1_000_000;
    private static final long LAG_ENTRY_INTERVAL_MICROS = 1_000_000;

    private final SymbolTable symbols;
    private final Instruments instruments;
    private final KrakenFrameParser parser;
    private final BookChecksum checksum = new BookChecksum();
    private final BookValidity validity;
    private final MarketRecordWriter records;
    private final FeedReports reports;
    private final FeedCounters counters = new FeedCounters();
    private final BookDepths depths;
    private final EventClock clock;
    private final int publishedLevels;

    private final OrderBook[] books = new OrderBook[SymbolTable.MAX_SYMBOLS];
    private final BookMessage message = new BookMessage();
    private final long[] lastTradeId = new long[SymbolTable.MAX_SYMBOLS];
    private final long[] topBid = new long[SymbolTable.MAX_SYMBOLS];
    private final long[] topAsk = new long[SymbolTable.MAX_SYMBOLS];
    private final long[] lastLagEntryMicros = new long[SymbolTable.MAX_SYMBOLS];

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
        this.validity = new BookValidity(resync);
        this.records = new MarketRecordWriter(outbox);
        this.reports = new FeedReports(outbox, symbols);
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
        return validity.valid(symbolId);
    }

    @Override
    public void onEvent(final FrameEvent event, final long sequence, final boolean endOfBatch)
    {
        this.event = event;
        reports.frame(event);
        event.dequeueNanos = System.nanoTime();
        event.updateCount = 0;
        event.history.clear();
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
                    reports.frameError(Fields.UNKNOWN_FRAME, ParseError.NONE, channel, 0);
                }
                break;
            case FrameEvent.KIND_SESSION_START:
                startSession();
                break;
            case FrameEvent.KIND_OVERSIZED:
                counters.errorsByKind[ParseError.OVERSIZED]++;
                reports.oversized();
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
        reports.status(system);
    }

    @Override
    public void onHeartbeat()
    {
        if (event.receiveEpochMicros - lastHeartbeatEntryMicros >= HEARTBEAT_ENTRY_INTERVAL_MICROS)
        {
            lastHeartbeatEntryMicros = event.receiveEpochMicros;
            reports.heartbeat(counters.framesByChannel[Channel.HEARTBEAT] + 1);
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
        reports.requestFailed(frame, methodOffset, methodLength, channel, symbolId, reqId, errorOffset, errorLength);
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
            book = new OrderBook(BookDepths.MAX_DEPTH + BookMessage.MAX_LEVELS); // the feed may name any depth
            books[symbolId] = book;
        }
        book.depth(depths.depth(symbolId));
        message.begin(snapshot);
        if (snapshot)
        {
            book.clear();
        }
    }

    @Override
    public void onBookLevel(final int symbolId, final int side, final long price, final long qty)
    {
        message.level(side, price, qty);
        if (validity.accepts(symbolId, message.snapshot) && !books[symbolId].apply(side, price, qty))
        {
            message.overflowed = true;
        }
    }

    @Override
    public void onBookEnd(final int symbolId, final long expected, final long wireMicros)
    {
        final long exchangeMicros = advanceClock(symbolId, wireMicros, message.snapshot) ? wireMicros : clock.micros();
        if (!validity.accepts(symbolId, message.snapshot))
        {
            counters.updatesSkippedWhileInvalid++;
            return;
        }
        final OrderBook book = books[symbolId];
        if (message.snapshot)
        {
            book.depth(depths.snapshot(symbolId, Math.max(book.levels(Side.BID), book.levels(Side.ASK))));
        }
        book.truncate();
        if (message.overflowed)
        {
            counters.bookOverflows++;
            reports.bookOverflow(symbolId, message.levels, stamp(exchangeMicros));
            invalidate(symbolId, FeedReports.BOOK_OVERFLOW);
            return;
        }
        final long computed = checksum.compute(book);
        if (computed != expected)
        {
            counters.checksumFailed(symbolId);
            reports.checksumMismatch(symbolId, expected, computed, message.snapshot, stamp(exchangeMicros));
            invalidate(symbolId, FeedReports.CHECKSUM_MISMATCH);
            return;
        }
        counters.checksumsVerified++;
        if (book.isCrossed())
        {
            counters.crossedBooks++;
            reports.crossedBook(symbolId, book.bestBid(), book.bestAsk(), instruments.pricePrecision(symbolId),
                stamp(exchangeMicros));
            invalidate(symbolId, FeedReports.CROSSED_BOOK);
            return;
        }
        if (validity.verified(symbolId))
        {
            counters.booksResynced++;
            reports.bookResynced(symbolId);
        }
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
            reports.frameError(Fields.PARSE_ERROR, ParseError.WRONG_TYPE, Channel.OHLC, 0);
            return;
        }
        records.candle(c, timeframe, symbols.nameBytes(c.symbolId), instruments.pricePrecision(c.symbolId),
            instruments.qtyPrecision(c.symbolId), stamp(c.exchangeMicros), event.receiveEpochMicros);
        if (c.snapshot)
        {
            event.history.add(c, timeframe); // an update's candle is in progress: the trades build it
        }
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
        reports.frameError(Fields.PARSE_ERROR, error, channel, position);
        if (channel == Channel.BOOK && symbolId >= 0)
        {
            invalidate(symbolId, Fields.PARSE_ERROR);
        }
    }

    /** Later stages discard their books on this event kind itself: a slot has too few updates to list every symbol. */
    private void startSession()
    {
        counters.sessions++;
        validity.newSession();
        for (final OrderBook book : books)
        {
            if (book != null)
            {
                book.clear();
            }
        }
        reports.sessionStart();
    }

    private void invalidate(final int symbolId, final byte[] reason)
    {
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
        if (validity.invalidate(symbolId))
        {
            reports.bookInvalid(symbolId, reason);
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

    /** {@code metrics:md:lag}, at most once a second per symbol. */
    private void reportLag(final int symbolId, final long exchangeMicros)
    {
        if (exchangeMicros == 0 || event.receiveEpochMicros - lastLagEntryMicros[symbolId] < LAG_ENTRY_INTERVAL_MICROS)
        {
            return;
        }
        lastLagEntryMicros[symbolId] = event.receiveEpochMicros;
        reports.lag(symbolId, exchangeMicros);
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
        reports.timestampRejected(symbolId, verdict == EventClock.AHEAD, exchangeMicros, clock.micros());
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
            message.snapshot, checksumValue, message.levels, message.side, message.price, message.qty, topMoved);
    }
}
