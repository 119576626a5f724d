package io.tradingcore.core.kraken;

import io.tradingcore.core.market.Instruments;
import io.tradingcore.core.market.SymbolTable;
import org.agrona.DirectBuffer;

/**
 * Parses Kraken WebSocket v2 text frames in place and hands what it finds to a {@link FrameHandler}
 * in wire order: status, heartbeat, ticker, trade, book, ohlc and instrument channels, method
 * responses and pongs. Prices and quantities go from the number text straight to scaled longs at
 * the symbol's precision ({@link Instruments}); when that is unknown, the scale of the first price
 * and qty text of the item is used and reported ({@link FrameHandler#onWirePrecision}).
 * <p>
 * The parser only parses: it looks symbols and precisions up and never writes them; what the
 * instrument channel lists and what the wire taught is reported, and the handler decides.
 * <p>
 * One pass over the top-level object records the envelope (channel, type, method, success, error,
 * req_id, result, symbol, timestamp). {@code data} is parsed where it stands when the keys it needs
 * came first (as they do on the wire), else skipped and parsed after the envelope, item by item by
 * the reader of its channel. Keys and enumerated values are told apart by one perfect-hash lookup
 * ({@link KrakenWords}). A frame that is cut or wrong in its tail after its data was delivered still
 * ends in {@code onError}. Allocation-free; single-threaded, reused.
 */
public final class KrakenFrameParser
{
    private static final int NOT_SEEN = FrameValues.NOT_SEEN;

    private final JsonCursor json = new JsonCursor();
    private final FrameValues values;
    private final MethodResponseReader response;
    private final StatusReader status;
    private final TickerReader ticker;
    private final TradeReader trade;
    private final BookReader book;
    private final CandleReader candle;
    private final InstrumentReader instrument;

    // the frame in progress
    private DirectBuffer frame;
    private FrameHandler handler;
    private int channel;
    private boolean snapshot;
    private boolean typeSeen;
    private boolean frameTimestampSeen;
    private long frameMicros;
    private boolean dataParsed;
    private int dataPosition;

    /** Both are only read: the handler that receives the reports writes them, if it decides to. */
    public KrakenFrameParser(final SymbolTable symbols, final Instruments instruments)
    {
        values = new FrameValues(json, symbols, instruments);
        response = new MethodResponseReader(json, values, symbols);
        status = new StatusReader(json);
        ticker = new TickerReader(json, values);
        trade = new TradeReader(json, values);
        book = new BookReader(json, values);
        candle = new CandleReader(json, values);
        instrument = new InstrumentReader(json, values);
    }

    /**
     * Parses one text frame and calls handler in wire order. Returns the {@link Channel} classification;
     * {@link Channel#MALFORMED} after calling {@code handler.onError(...)}; {@link Channel#UNKNOWN} for a
     * well-formed frame with a channel/method we do not handle (no handler call). Never throws, never
     * reads outside {@code [offset, offset + length)}. Slices passed to the handler are absolute
     * indices into {@code frame}.
     */
    public int parse(final DirectBuffer frame, final int offset, final int length, final FrameHandler handler)
    {
        this.frame = frame;
        this.handler = handler;
        channel = NOT_SEEN;
        snapshot = false;
        typeSeen = false;
        frameTimestampSeen = false;
        frameMicros = 0;
        dataParsed = false;
        dataPosition = NOT_SEEN;
        values.frame(frame, handler);
        response.reset(offset);
        final int valid = Utf8.validPrefix(frame, offset, length, length);
        if (valid != length)
        {
            handler.onError(ParseError.INVALID_UTF8, Channel.UNKNOWN, SymbolTable.NONE, valid);
            return Channel.MALFORMED;
        }
        json.wrap(frame, offset, length);

        if (!envelope() || !dispatch())
        {
            handler.onError(json.error(), classification(), values.symbolId(), json.errorPosition() - offset);
            return Channel.MALFORMED;
        }
        return classification();
    }

    private int classification()
    {
        return channel != NOT_SEEN ? channel : response.kind() != NOT_SEEN ? response.kind() : Channel.UNKNOWN;
    }

    private boolean envelope()
    {
        if (!json.beginObject())
        {
            return false;
        }
        int key;
        while ((key = json.nextKey(KrakenWords.TABLE)) >= WordTable.NONE)
        {
            if (!envelopeMember(key))
            {
                return false;
            }
        }
        return key == JsonCursor.NO_MORE_MEMBERS && json.atEnd();
    }

    private boolean envelopeMember(final int key)
    {
        switch (key)
        {
            case KrakenWords.CHANNEL:
                if (!json.readString())
                {
                    return false;
                }
                channel = KrakenWords.channel(json.string(KrakenWords.TABLE));
                return true;
            case KrakenWords.TYPE:
                if (!json.readString())
                {
                    return false;
                }
                snapshot = json.string(KrakenWords.TABLE) == KrakenWords.SNAPSHOT;
                typeSeen = true;
                return true;
            case KrakenWords.DATA:
                if (dataReady())
                {
                    dataParsed = true;
                    return data();
                }
                dataPosition = json.position();
                return json.skipValue();
            case KrakenWords.TIMESTAMP:
                frameMicros = values.timestamp();
                frameTimestampSeen = true;
                return !json.failed();
            case KrakenWords.METHOD:
                return response.method();
            case KrakenWords.SUCCESS:
                return response.success();
            case KrakenWords.ERROR:
                return response.errorText();
            case KrakenWords.REQ_ID:
                return response.reqId();
            case KrakenWords.RESULT:
                return response.result();
            case KrakenWords.SYMBOL:
                return response.frameSymbol();
            default:
                return json.skipValue();
        }
    }

    /** True when everything the data items need came before {@code data}, so it can be parsed in place. */
    private boolean dataReady()
    {
        switch (channel)
        {
            case Channel.STATUS:
            case Channel.INSTRUMENT:
                return true;
            case Channel.TICKER:
            case Channel.TRADE:
            case Channel.BOOK:
                return typeSeen;
            case Channel.OHLC:
                return typeSeen && frameTimestampSeen;
            default:
                return false;
        }
    }

    private boolean dispatch()
    {
        switch (channel)
        {
            case NOT_SEEN:
                return response.deliver(frame, handler);
            case Channel.HEARTBEAT:
                handler.onHeartbeat();
                return true;
            case Channel.STATUS:
            case Channel.TICKER:
            case Channel.TRADE:
            case Channel.BOOK:
            case Channel.OHLC:
            case Channel.INSTRUMENT:
                if (dataParsed)
                {
                    return true;
                }
                if (dataPosition == NOT_SEEN)
                {
                    return json.fail(ParseError.MISSING_FIELD);
                }
                json.position(dataPosition);
                return data();
            default:
                return true; // unknown, or a private channel parsed elsewhere
        }
    }

    private boolean data()
    {
        if (channel == Channel.INSTRUMENT)
        {
            return instrument.read(frame, handler);
        }
        if (!json.beginArray())
        {
            return false;
        }
        int next;
        while ((next = json.nextElement()) == JsonCursor.VALUE)
        {
            if (!item())
            {
                return false;
            }
            values.endItem();
        }
        return next == JsonCursor.END;
    }

    private boolean item()
    {
        switch (channel)
        {
            case Channel.STATUS:
                return status.read(handler);
            case Channel.TICKER:
                return ticker.read(snapshot, handler);
            case Channel.TRADE:
                return trade.read(snapshot, handler);
            case Channel.BOOK:
                return book.read(snapshot, handler);
            default:
                return candle.read(snapshot, frameMicros, handler);
        }
    }
}
