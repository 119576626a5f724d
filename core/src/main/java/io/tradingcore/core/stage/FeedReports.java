package io.tradingcore.core.stage;

import io.tradingcore.core.kraken.Channel;
import io.tradingcore.core.kraken.ExchangeStatus;
import io.tradingcore.core.kraken.ParseError;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.ring.FrameEvent;
import io.tradingcore.core.stream.EntryWriter;
import io.tradingcore.core.stream.Fields;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.StreamCatalog;
import org.agrona.DirectBuffer;

import static io.tradingcore.core.stream.EntryWriter.ascii;

/**
 * The normalize stage's text entries about the feed rather than the market: {@code kraken:status},
 * {@code kraken:heartbeat}, the {@code kraken:errors} reports, the book events of {@code events:bus}
 * and {@code metrics:md:lag}. Stamped with the receive time of the frame in progress ({@link #frame});
 * a report that quotes the frame quotes its head. Single writer; allocation-free.
 */
final class FeedReports
{
    private static final byte[] TYPE_MD_LAG = ascii("metrics.md_lag");
    private static final byte[] RECEIVE_TO_NORMALIZED_US = ascii("receive_to_normalized_us");

    static final byte[] CHECKSUM_MISMATCH = ascii("checksum_mismatch");
    static final byte[] CROSSED_BOOK = ascii("crossed_book");
    static final byte[] BOOK_OVERFLOW = ascii("book_overflow");
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

    private final EntryWriter out;
    private final SymbolTable symbols;
    private FrameEvent event;

    FeedReports(final Outbox outbox, final SymbolTable symbols)
    {
        this.out = new EntryWriter(outbox);
        this.symbols = symbols;
    }

    /** The slot in progress: its receive time stamps the reports, its frame is quoted. */
    void frame(final FrameEvent event)
    {
        this.event = event;
    }

    void status(final int system)
    {
        out.begin(StreamCatalog.KRAKEN_STATUS, -1, -1)
            .string(Fields.TYPE, Fields.TYPE_STATUS)
            .string(Fields.SOURCE, EXCHANGE_SOURCE)
            .string(Fields.SYSTEM, ExchangeStatus.name(system))
            .timestamp(Fields.TIMESTAMP, event.receiveEpochMicros)
            .publish();
    }

    void heartbeat(final long count)
    {
        out.begin(StreamCatalog.KRAKEN_HEARTBEAT, -1, -1)
            .string(Fields.TYPE, Fields.TYPE_HEARTBEAT)
            .integer(Fields.COUNT, count)
            .timestamp(Fields.TIMESTAMP, event.receiveEpochMicros)
            .publish();
    }

    void requestFailed(
        final DirectBuffer frame, final int methodOffset, final int methodLength, final int channel, final int symbolId,
        final long reqId, final int errorOffset, final int errorLength)
    {
        error(REQUEST_FAILED)
            .string(Fields.METHOD, frame, methodOffset, methodLength)
            .string(Fields.CHANNEL, channel >= 0 ? Channel.name(channel) : "")
            .string(Fields.SYMBOL, symbolId >= 0 ? symbols.nameBytes(symbolId) : Fields.EMPTY)
            .integer(Fields.REQ_ID, reqId)
            .string(Fields.REASON, frame, errorOffset, errorLength)
            .timestamp(Fields.TIMESTAMP, event.receiveEpochMicros)
            .publish();
    }

    void oversized()
    {
        error(OVERSIZED_FRAME)
            .integer(Fields.LENGTH, event.length)
            .integer(Fields.CAPACITY, event.frameCapacity())
            .timestamp(Fields.TIMESTAMP, event.receiveEpochMicros)
            .publish();
    }

    /** {@code kind} is {@link Fields#PARSE_ERROR} or {@link Fields#UNKNOWN_FRAME}; {@code error} a {@link ParseError}. */
    void frameError(final byte[] kind, final int error, final int channel, final int position)
    {
        error(kind)
            .string(Fields.REASON, ParseError.name(error))
            .string(Fields.CHANNEL, Channel.name(channel))
            .integer(Fields.POSITION, position)
            .excerpt(Fields.FRAME, event.frame, 0, event.length)
            .timestamp(Fields.TIMESTAMP, event.receiveEpochMicros)
            .publish();
    }

    void bookOverflow(final int symbolId, final int levels, final long stampMicros)
    {
        error(BOOK_OVERFLOW)
            .string(Fields.SYMBOL, symbols.nameBytes(symbolId))
            .integer(Fields.LENGTH, levels)
            .timestamp(Fields.TIMESTAMP, stampMicros)
            .publish();
    }

    void checksumMismatch(
        final int symbolId, final long expected, final long computed, final boolean snapshot, final long stampMicros)
    {
        error(CHECKSUM_MISMATCH)
            .string(Fields.SYMBOL, symbols.nameBytes(symbolId))
            .integer(Fields.EXPECTED, expected)
            .integer(Fields.COMPUTED, computed)
            .bool(Fields.SNAPSHOT, snapshot)
            .timestamp(Fields.TIMESTAMP, stampMicros)
            .publish();
    }

    void crossedBook(final int symbolId, final long bestBid, final long bestAsk, final int pricePrecision,
        final long stampMicros)
    {
        error(CROSSED_BOOK)
            .string(Fields.SYMBOL, symbols.nameBytes(symbolId))
            .decimal(Fields.BEST_BID, bestBid, pricePrecision)
            .decimal(Fields.BEST_ASK, bestAsk, pricePrecision)
            .timestamp(Fields.TIMESTAMP, stampMicros)
            .publish();
    }

    void timestampRejected(final int symbolId, final boolean ahead, final long exchangeMicros, final long clockMicros)
    {
        error(TIMESTAMP_REJECTED)
            .string(Fields.SYMBOL, symbols.nameBytes(symbolId))
            .string(Fields.REASON, ahead ? AHEAD : BEHIND)
            .timestamp(EXCHANGE_TIME, exchangeMicros)
            .timestamp(EVENT_CLOCK, clockMicros)
            .excerpt(Fields.FRAME, event.frame, 0, event.length)
            .timestamp(Fields.TIMESTAMP, event.receiveEpochMicros)
            .publish();
    }

    /** {@code reason} is one of the book error kinds above. */
    void bookInvalid(final int symbolId, final byte[] reason)
    {
        busEvent(BOOK_INVALID, symbolId, reason);
    }

    void bookResynced(final int symbolId)
    {
        busEvent(BOOK_RESYNCED, symbolId, Fields.EMPTY);
    }

    void sessionStart()
    {
        busEvent(SESSION_START, -1, Fields.EMPTY);
    }

    /** {@code metrics:md:lag}: exchange→receive and receive→normalized. */
    void lag(final int symbolId, final long exchangeMicros)
    {
        out.begin(StreamCatalog.METRICS_MD_LAG, symbolId, -1)
            .string(Fields.TYPE, TYPE_MD_LAG)
            .string(Fields.SYMBOL, symbols.nameBytes(symbolId))
            .decimal(Fields.EXCHANGE_TO_RECEIVE_MS, (event.receiveEpochMicros - exchangeMicros) / 10, 2)
            .decimal(RECEIVE_TO_NORMALIZED_US, (System.nanoTime() - event.receiveNanos) / 10, 2)
            .timestamp(Fields.TIMESTAMP, event.receiveEpochMicros)
            .publish();
    }

    /** A {@code kraken:errors} entry of {@code kind}, for the caller to add its fields to and publish. */
    private EntryWriter error(final byte[] kind)
    {
        return out.begin(StreamCatalog.KRAKEN_ERRORS, -1, -1)
            .string(Fields.TYPE, Fields.TYPE_ERROR)
            .string(Fields.ERROR, kind);
    }

    private void busEvent(final byte[] name, final int symbolId, final byte[] reason)
    {
        out.begin(StreamCatalog.EVENTS_BUS, -1, -1)
            .string(Fields.TYPE, Fields.TYPE_EVENT)
            .string(Fields.EVENT, name)
            .string(Fields.SYMBOL, symbolId >= 0 ? symbols.nameBytes(symbolId) : Fields.EMPTY)
            .string(Fields.REASON, reason)
            .timestamp(Fields.TIMESTAMP, event.receiveEpochMicros)
            .publish();
    }
}
