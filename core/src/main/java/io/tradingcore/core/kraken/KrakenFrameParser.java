package io.tradingcore.core.kraken;

import io.tradingcore.core.book.BookDepths;
import io.tradingcore.core.market.Instruments;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.time.Rfc3339;
import io.tradingcore.core.time.Rfc3339Reader;
import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Parses Kraken WebSocket v2 text frames in place and hands what it finds to a {@link FrameHandler}
 * in wire order: status, heartbeat, ticker, trade, book, ohlc and instrument channels, method
 * responses and pongs. Prices and quantities go from the number text straight to scaled longs at
 * the symbol's precision ({@link Instruments}); when that is unknown, the scale of the first price
 * and qty text seen for the symbol is learnt (Kraken keeps the full scale in its number text).
 * <p>
 * One pass over the top-level object records the envelope (channel, type, method, success, error,
 * req_id, result, symbol, timestamp). {@code data} is parsed where it stands when the keys it needs
 * came first (as they do on the wire), else skipped and parsed after the envelope. A frame that is
 * cut or wrong in its tail after its data was delivered still ends in {@code onError}.
 * <p>
 * Allocation-free after warm-up (interning a new symbol allocates once); single-threaded, reused.
 */
public final class KrakenFrameParser
{
    private static final byte[] CHANNEL = ascii("channel");
    private static final byte[] TYPE = ascii("type");
    private static final byte[] DATA = ascii("data");
    private static final byte[] METHOD = ascii("method");
    private static final byte[] SUCCESS = ascii("success");
    private static final byte[] ERROR = ascii("error");
    private static final byte[] REQ_ID = ascii("req_id");
    private static final byte[] RESULT = ascii("result");
    private static final byte[] SYMBOL = ascii("symbol");
    private static final byte[] TIMESTAMP = ascii("timestamp");
    private static final byte[] SNAPSHOT = ascii("snapshot");
    private static final byte[] PONG = ascii("pong");
    private static final byte[] DEPTH = ascii("depth");
    private static final byte[] SUBSCRIBE = ascii("subscribe");

    private static final byte[] STATUS_NAME = ascii("status");
    private static final byte[] HEARTBEAT_NAME = ascii("heartbeat");
    private static final byte[] TICKER_NAME = ascii("ticker");
    private static final byte[] TRADE_NAME = ascii("trade");
    private static final byte[] BOOK_NAME = ascii("book");
    private static final byte[] OHLC_NAME = ascii("ohlc");
    private static final byte[] INSTRUMENT_NAME = ascii("instrument");
    private static final byte[] EXECUTIONS_NAME = ascii("executions");
    private static final byte[] BALANCES_NAME = ascii("balances");

    private static final byte[] SYSTEM = ascii("system");
    private static final byte[] ONLINE = ascii("online");
    private static final byte[] MAINTENANCE = ascii("maintenance");
    private static final byte[] CANCEL_ONLY = ascii("cancel_only");
    private static final byte[] POST_ONLY = ascii("post_only");

    private static final byte[] BID = ascii("bid");
    private static final byte[] BID_QTY = ascii("bid_qty");
    private static final byte[] ASK = ascii("ask");
    private static final byte[] ASK_QTY = ascii("ask_qty");
    private static final byte[] LAST = ascii("last");
    private static final byte[] VOLUME = ascii("volume");
    private static final byte[] VWAP = ascii("vwap");
    private static final byte[] LOW = ascii("low");
    private static final byte[] HIGH = ascii("high");
    private static final byte[] CHANGE = ascii("change");
    private static final byte[] CHANGE_PCT = ascii("change_pct");

    private static final byte[] SIDE = ascii("side");
    private static final byte[] PRICE = ascii("price");
    private static final byte[] QTY = ascii("qty");
    private static final byte[] ORD_TYPE = ascii("ord_type");
    private static final byte[] TRADE_ID = ascii("trade_id");
    private static final byte[] BUY = ascii("buy");
    private static final byte[] SELL = ascii("sell");
    private static final byte[] MARKET = ascii("market");

    private static final byte[] BIDS = ascii("bids");
    private static final byte[] ASKS = ascii("asks");
    private static final byte[] CHECKSUM = ascii("checksum");

    private static final byte[] OPEN = ascii("open");
    private static final byte[] CLOSE = ascii("close");
    private static final byte[] TRADES = ascii("trades");
    private static final byte[] INTERVAL_BEGIN = ascii("interval_begin");
    private static final byte[] INTERVAL = ascii("interval");

    private static final byte[] PAIRS = ascii("pairs");
    private static final byte[] PRICE_PRECISION = ascii("price_precision");
    private static final byte[] QTY_PRECISION = ascii("qty_precision");

    /** Kinds of number field: how each is scaled. */
    private static final int AT_PRICE = 0;
    private static final int AT_QTY = 1;
    /** A derived average or difference (vwap, change): rounded half-even to price precision. */
    private static final int ROUNDED_PRICE = 2;
    private static final int PERCENT = 3;

    /** 10^18 still fits a long; a finer precision cannot hold any price. */
    private static final int MAX_PRECISION = 18;
    private static final long MAX_CHECKSUM = 0xFFFF_FFFFL;
    private static final int NOT_SEEN = -1;

    private final SymbolTable symbols;
    private final Instruments instruments;
    private final JsonCursor json = new JsonCursor();
    private final Rfc3339Reader timestamps = new Rfc3339Reader();
    private final TickerUpdate ticker = new TickerUpdate();
    private final TradePrint trade = new TradePrint();
    private final CandleUpdate candle = new CandleUpdate();

    // the frame in progress
    private DirectBuffer frame;
    private FrameHandler handler;
    private int channel;
    private int methodKind;
    private boolean snapshot;
    private boolean typeSeen;
    private boolean frameTimestampSeen;
    private long frameMicros;
    private boolean dataParsed;
    private int dataPosition;
    private int methodOffset;
    private int methodLength;
    private boolean subscribeMethod;
    private boolean success;
    private int errorOffset;
    private int errorLength;
    private long reqId;
    private int resultChannel;
    private int resultSymbolOffset;
    private int resultSymbolLength;
    private long resultDepth;
    private int frameSymbolOffset;
    private int frameSymbolLength;
    /** The symbol of the data item in progress, -1 between items: errors carry it. */
    private int symbolId;

    public KrakenFrameParser(final SymbolTable symbols, final Instruments instruments)
    {
        this.symbols = symbols;
        this.instruments = instruments;
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
        methodKind = NOT_SEEN;
        snapshot = false;
        typeSeen = false;
        frameTimestampSeen = false;
        frameMicros = 0;
        dataParsed = false;
        dataPosition = NOT_SEEN;
        methodLength = NOT_SEEN;
        subscribeMethod = false;
        success = false;
        errorOffset = offset;
        errorLength = 0;
        reqId = -1;
        resultChannel = -1;
        resultSymbolLength = NOT_SEEN;
        resultDepth = NOT_SEEN;
        frameSymbolLength = NOT_SEEN;
        symbolId = SymbolTable.NONE;
        final int valid = Utf8.validPrefix(frame, offset, length, length);
        if (valid != length)
        {
            handler.onError(ParseError.INVALID_UTF8, Channel.UNKNOWN, SymbolTable.NONE, valid);
            return Channel.MALFORMED;
        }
        json.wrap(frame, offset, length);

        if (!envelope() || !dispatch())
        {
            handler.onError(json.error(), classification(), symbolId, json.errorPosition() - offset);
            return Channel.MALFORMED;
        }
        return classification();
    }

    private int classification()
    {
        return channel != NOT_SEEN ? channel : methodKind != NOT_SEEN ? methodKind : Channel.UNKNOWN;
    }

    private boolean envelope()
    {
        if (!json.beginObject())
        {
            return false;
        }
        boolean first = true;
        int next;
        while ((next = json.nextMember(first)) == JsonCursor.VALUE)
        {
            first = false;
            if (!envelopeMember())
            {
                return false;
            }
        }
        return next == JsonCursor.END && json.atEnd();
    }

    private boolean envelopeMember()
    {
        if (json.keyIs(CHANNEL))
        {
            if (!json.readString())
            {
                return false;
            }
            channel = channelOfString();
        }
        else if (json.keyIs(TYPE))
        {
            if (!json.readString())
            {
                return false;
            }
            snapshot = json.stringIs(SNAPSHOT);
            typeSeen = true;
        }
        else if (json.keyIs(DATA))
        {
            if (dataReady())
            {
                dataParsed = true;
                return data();
            }
            dataPosition = json.position();
            return json.skipValue();
        }
        else if (json.keyIs(TIMESTAMP))
        {
            frameMicros = timestamp();
            frameTimestampSeen = true;
        }
        else if (json.keyIs(METHOD))
        {
            if (!json.readString())
            {
                return false;
            }
            methodOffset = json.stringOffset();
            methodLength = json.stringLength();
            methodKind = json.stringIs(PONG) ? Channel.PONG : Channel.METHOD_RESPONSE;
            subscribeMethod = json.stringIs(SUBSCRIBE);
        }
        else if (json.keyIs(SUCCESS))
        {
            if (!json.readBoolean())
            {
                return false;
            }
            success = json.booleanValue();
        }
        else if (json.keyIs(ERROR))
        {
            return errorText();
        }
        else if (json.keyIs(REQ_ID))
        {
            reqId = integer();
        }
        else if (json.keyIs(RESULT))
        {
            return json.atObject() ? result() : json.skipValue();
        }
        else if (json.keyIs(SYMBOL) && json.atString())
        {
            json.readString();
            frameSymbolOffset = json.stringOffset();
            frameSymbolLength = json.stringLength();
        }
        else
        {
            return json.skipValue();
        }
        return !json.failed();
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
                break;
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
        if (methodKind == Channel.PONG)
        {
            handler.onPong(reqId);
        }
        else if (methodKind == Channel.METHOD_RESPONSE)
        {
            final boolean fromResult = resultSymbolLength != NOT_SEEN;
            final int length = fromResult ? resultSymbolLength : frameSymbolLength;
            // an ack is only reported: a symbol we do not know is passed as -1, not an error
            final int ackSymbolId = length == NOT_SEEN ?
                SymbolTable.NONE : symbols.find(frame, fromResult ? resultSymbolOffset : frameSymbolOffset, length);
            final boolean bookAck = subscribeMethod && success && resultChannel == Channel.BOOK;
            if (bookAck && ackSymbolId != SymbolTable.NONE && resultDepth != NOT_SEEN)
            {
                if (!BookDepths.valid(resultDepth))
                {
                    return json.fail(ParseError.VALUE_OUT_OF_RANGE);
                }
                handler.onBookDepth(ackSymbolId, (int)resultDepth);
            }
            handler.onMethodResponse(
                frame, methodOffset, methodLength, success, resultChannel, ackSymbolId, reqId, errorOffset, errorLength);
        }
        return true;
    }

    /** The error text of a failed ack: a string's content, or the raw text of any other value. */
    private boolean errorText()
    {
        if (json.atString())
        {
            json.readString();
            errorOffset = json.stringOffset();
            errorLength = json.stringLength();
            return !json.failed();
        }
        final int start = json.position();
        if (!json.skipValue())
        {
            return false;
        }
        errorOffset = start;
        errorLength = json.position() - start;
        return true;
    }

    private boolean result()
    {
        if (!json.beginObject())
        {
            return false;
        }
        boolean first = true;
        int next;
        while ((next = json.nextMember(first)) == JsonCursor.VALUE)
        {
            first = false;
            if (json.keyIs(CHANNEL) && json.atString())
            {
                json.readString();
                resultChannel = channelOfString();
            }
            else if (json.keyIs(SYMBOL) && json.atString())
            {
                json.readString();
                resultSymbolOffset = json.stringOffset();
                resultSymbolLength = json.stringLength();
            }
            else if (json.keyIs(DEPTH))
            {
                resultDepth = integer();
            }
            else
            {
                json.skipValue();
            }
        }
        return next == JsonCursor.END && !json.failed();
    }

    private boolean data()
    {
        if (channel == Channel.INSTRUMENT)
        {
            return instrumentData();
        }
        if (!json.beginArray())
        {
            return false;
        }
        boolean first = true;
        int next;
        while ((next = json.nextElement(first)) == JsonCursor.VALUE)
        {
            first = false;
            if (!item())
            {
                return false;
            }
            symbolId = SymbolTable.NONE;
        }
        return next == JsonCursor.END;
    }

    private boolean item()
    {
        switch (channel)
        {
            case Channel.STATUS:
                return status();
            case Channel.TICKER:
                return ticker();
            case Channel.TRADE:
                return trade();
            case Channel.BOOK:
                return book();
            default:
                return candle();
        }
    }

    private boolean status()
    {
        if (!json.beginObject())
        {
            return false;
        }
        int system = ExchangeStatus.UNKNOWN;
        boolean first = true;
        int next;
        while ((next = json.nextMember(first)) == JsonCursor.VALUE)
        {
            first = false;
            if (json.keyIs(SYSTEM) && json.readString())
            {
                system = json.stringIs(ONLINE) ? ExchangeStatus.ONLINE :
                    json.stringIs(MAINTENANCE) ? ExchangeStatus.MAINTENANCE :
                    json.stringIs(CANCEL_ONLY) ? ExchangeStatus.CANCEL_ONLY :
                    json.stringIs(POST_ONLY) ? ExchangeStatus.POST_ONLY : ExchangeStatus.UNKNOWN;
            }
            else
            {
                json.skipValue(); // connection_id exceeds a long: validated, never converted
            }
        }
        if (next != JsonCursor.END)
        {
            return false;
        }
        handler.onStatus(system);
        return true;
    }

    private boolean ticker()
    {
        if (!json.beginObject() || !itemSymbol())
        {
            return false;
        }
        final TickerUpdate t = ticker;
        t.reset();
        t.symbolId = symbolId;
        t.snapshot = snapshot;
        boolean first = true;
        int next;
        while ((next = json.nextMember(first)) == JsonCursor.VALUE)
        {
            first = false;
            if (json.keyIs(BID))
            {
                t.bid = scaled(AT_PRICE);
            }
            else if (json.keyIs(BID_QTY))
            {
                t.bidQty = scaled(AT_QTY);
            }
            else if (json.keyIs(ASK))
            {
                t.ask = scaled(AT_PRICE);
            }
            else if (json.keyIs(ASK_QTY))
            {
                t.askQty = scaled(AT_QTY);
            }
            else if (json.keyIs(LAST))
            {
                t.last = scaled(AT_PRICE);
            }
            else if (json.keyIs(VOLUME))
            {
                t.volume = scaled(AT_QTY);
            }
            else if (json.keyIs(VWAP))
            {
                t.vwap = scaled(ROUNDED_PRICE);
            }
            else if (json.keyIs(LOW))
            {
                t.low = scaled(AT_PRICE);
            }
            else if (json.keyIs(HIGH))
            {
                t.high = scaled(AT_PRICE);
            }
            else if (json.keyIs(CHANGE))
            {
                t.change = scaled(ROUNDED_PRICE);
            }
            else if (json.keyIs(CHANGE_PCT))
            {
                t.changePct = scaled(PERCENT);
            }
            else if (json.keyIs(TIMESTAMP))
            {
                t.exchangeMicros = timestamp();
            }
            else
            {
                json.skipValue();
            }
        }
        if (next != JsonCursor.END)
        {
            return false;
        }
        handler.onTicker(t);
        return true;
    }

    private boolean trade()
    {
        if (!json.beginObject() || !itemSymbol())
        {
            return false;
        }
        final TradePrint t = trade;
        t.reset();
        t.symbolId = symbolId;
        t.snapshot = snapshot;
        boolean first = true;
        int next;
        while ((next = json.nextMember(first)) == JsonCursor.VALUE)
        {
            first = false;
            if (json.keyIs(PRICE))
            {
                t.price = scaled(AT_PRICE);
            }
            else if (json.keyIs(QTY))
            {
                t.qty = scaled(AT_QTY);
            }
            else if (json.keyIs(SIDE))
            {
                if (json.readString())
                {
                    if (json.stringIs(BUY))
                    {
                        t.side = Side.BUY;
                    }
                    else if (json.stringIs(SELL))
                    {
                        t.side = Side.SELL;
                    }
                    else
                    {
                        json.fail(ParseError.WRONG_TYPE);
                    }
                }
            }
            else if (json.keyIs(ORD_TYPE))
            {
                if (json.readString())
                {
                    t.ordType = json.stringIs(MARKET) ? TradePrint.ORD_TYPE_MARKET : TradePrint.ORD_TYPE_LIMIT;
                }
            }
            else if (json.keyIs(TRADE_ID))
            {
                t.tradeId = integer();
            }
            else if (json.keyIs(TIMESTAMP))
            {
                t.exchangeMicros = timestamp();
            }
            else
            {
                json.skipValue();
            }
        }
        if (next != JsonCursor.END)
        {
            return false;
        }
        handler.onTrade(t);
        return true;
    }

    private boolean book()
    {
        if (!json.beginObject() || !itemSymbol())
        {
            return false;
        }
        handler.onBookBegin(symbolId, snapshot);
        long checksum = NOT_SEEN;
        long micros = 0;
        boolean first = true;
        int next;
        while ((next = json.nextMember(first)) == JsonCursor.VALUE)
        {
            first = false;
            if (json.keyIs(BIDS))
            {
                levels(Side.BID);
            }
            else if (json.keyIs(ASKS))
            {
                levels(Side.ASK);
            }
            else if (json.keyIs(CHECKSUM))
            {
                checksum = integer();
                if (checksum < 0 || checksum > MAX_CHECKSUM)
                {
                    json.fail(ParseError.NUMBER_OVERFLOW);
                }
            }
            else if (json.keyIs(TIMESTAMP))
            {
                micros = timestamp();
            }
            else
            {
                json.skipValue();
            }
        }
        if (next != JsonCursor.END)
        {
            return false;
        }
        if (checksum == NOT_SEEN)
        {
            return json.fail(ParseError.MISSING_FIELD);
        }
        handler.onBookEnd(symbolId, checksum, micros);
        return true;
    }

    private boolean levels(final int side)
    {
        if (!json.beginArray())
        {
            return false;
        }
        boolean first = true;
        int next;
        while ((next = json.nextElement(first)) == JsonCursor.VALUE)
        {
            first = false;
            if (!level(side))
            {
                return false;
            }
        }
        return next == JsonCursor.END;
    }

    private boolean level(final int side)
    {
        if (!json.beginObject())
        {
            return false;
        }
        long price = 0;
        long qty = 0;
        boolean hasPrice = false;
        boolean hasQty = false;
        boolean first = true;
        int next;
        while ((next = json.nextMember(first)) == JsonCursor.VALUE)
        {
            first = false;
            if (json.keyIs(PRICE))
            {
                price = scaled(AT_PRICE);
                hasPrice = true;
            }
            else if (json.keyIs(QTY))
            {
                qty = scaled(AT_QTY);
                hasQty = true;
            }
            else
            {
                json.skipValue();
            }
        }
        if (next != JsonCursor.END)
        {
            return false;
        }
        if (!hasPrice || !hasQty)
        {
            return json.fail(ParseError.MISSING_FIELD);
        }
        handler.onBookLevel(symbolId, side, price, qty);
        return true;
    }

    private boolean candle()
    {
        if (!json.beginObject() || !itemSymbol())
        {
            return false;
        }
        final CandleUpdate c = candle;
        c.reset();
        c.symbolId = symbolId;
        c.snapshot = snapshot;
        long itemMicros = 0;
        boolean first = true;
        int next;
        while ((next = json.nextMember(first)) == JsonCursor.VALUE)
        {
            first = false;
            if (json.keyIs(OPEN))
            {
                c.open = scaled(AT_PRICE);
            }
            else if (json.keyIs(HIGH))
            {
                c.high = scaled(AT_PRICE);
            }
            else if (json.keyIs(LOW))
            {
                c.low = scaled(AT_PRICE);
            }
            else if (json.keyIs(CLOSE))
            {
                c.close = scaled(AT_PRICE);
            }
            else if (json.keyIs(VWAP))
            {
                c.vwap = scaled(ROUNDED_PRICE);
            }
            else if (json.keyIs(TRADES))
            {
                c.trades = integer();
            }
            else if (json.keyIs(VOLUME))
            {
                c.volume = scaled(AT_QTY);
            }
            else if (json.keyIs(INTERVAL_BEGIN))
            {
                c.intervalBeginMicros = timestamp();
            }
            else if (json.keyIs(INTERVAL))
            {
                final long minutes = integer();
                if (minutes < 0 || minutes > Integer.MAX_VALUE)
                {
                    json.fail(ParseError.NUMBER_OVERFLOW);
                }
                c.intervalMinutes = (int)minutes;
            }
            else if (json.keyIs(TIMESTAMP))
            {
                itemMicros = timestamp();
            }
            else
            {
                json.skipValue();
            }
        }
        if (next != JsonCursor.END)
        {
            return false;
        }
        c.exchangeMicros = itemMicros != 0 ? itemMicros : frameMicros;
        handler.onCandle(c);
        return true;
    }

    private boolean instrumentData()
    {
        if (!json.beginObject())
        {
            return false;
        }
        boolean first = true;
        int next;
        while ((next = json.nextMember(first)) == JsonCursor.VALUE)
        {
            first = false;
            if (json.keyIs(PAIRS))
            {
                pairs();
            }
            else
            {
                json.skipValue();
            }
        }
        return next == JsonCursor.END;
    }

    private boolean pairs()
    {
        if (!json.beginArray())
        {
            return false;
        }
        boolean first = true;
        int next;
        while ((next = json.nextElement(first)) == JsonCursor.VALUE)
        {
            first = false;
            if (!pair())
            {
                return false;
            }
        }
        return next == JsonCursor.END;
    }

    private boolean pair()
    {
        if (!json.beginObject())
        {
            return false;
        }
        int nameOffset = 0;
        int nameLength = NOT_SEEN;
        int pricePrecision = NOT_SEEN;
        int qtyPrecision = NOT_SEEN;
        boolean first = true;
        int next;
        while ((next = json.nextMember(first)) == JsonCursor.VALUE)
        {
            first = false;
            if (json.keyIs(SYMBOL))
            {
                if (json.readString())
                {
                    nameOffset = json.stringOffset();
                    nameLength = json.stringLength();
                }
            }
            else if (json.keyIs(PRICE_PRECISION))
            {
                pricePrecision = precision();
            }
            else if (json.keyIs(QTY_PRECISION))
            {
                qtyPrecision = precision();
            }
            else
            {
                json.skipValue();
            }
        }
        if (next != JsonCursor.END)
        {
            return false;
        }
        if (nameLength != NOT_SEEN && pricePrecision != NOT_SEEN && qtyPrecision != NOT_SEEN)
        {
            // the snapshot lists every pair Kraken has: intern while there is room, else only update known ones
            final int id = symbols.intern(frame, nameOffset, nameLength);
            if (id != SymbolTable.NONE)
            {
                instruments.offer(id, pricePrecision, qtyPrecision, Instruments.SOURCE_INSTRUMENT);
                handler.onInstrument(id, pricePrecision, qtyPrecision);
            }
        }
        return true;
    }

    /**
     * Finds the item's {@code symbol} wherever it sits among the item's keys (it comes first on the
     * wire, so this usually reads one member), looks it up and rewinds to the item's start. Only
     * symbols interned beforehand (configured, or listed by the instrument channel) are accepted: a
     * feed naming anything else cannot create streams or fill the table.
     */
    private boolean itemSymbol()
    {
        final int start = json.position();
        boolean first = true;
        int next;
        while ((next = json.nextMember(first)) == JsonCursor.VALUE)
        {
            first = false;
            if (json.keyIs(SYMBOL))
            {
                if (!json.readString())
                {
                    return false;
                }
                symbolId = symbols.find(frame, json.stringOffset(), json.stringLength());
                if (symbolId == SymbolTable.NONE)
                {
                    return json.fail(ParseError.SYMBOL_REJECTED);
                }
                json.position(start);
                return true;
            }
            json.skipValue();
        }
        return next == JsonCursor.END && json.fail(ParseError.MISSING_FIELD);
    }

    /** Reads a number field of the current item as a scaled long; 0 after a failure (which sticks in the cursor). */
    private long scaled(final int kind)
    {
        if (!json.readNumber())
        {
            return 0;
        }
        final JsonNumber number = json.number();
        final int scale = kind == PERCENT ? TickerUpdate.CHANGE_PCT_SCALE : kind == AT_QTY ?
            qtyPrecision(number) : pricePrecision(number);
        if (scale < 0)
        {
            return 0;
        }
        final int error = number.scale(scale, kind == ROUNDED_PRICE || kind == PERCENT);
        if (error != ParseError.NONE)
        {
            json.fail(error);
            return 0;
        }
        final long value = number.value();
        // a number cut by the frame's end is reported as truncated by the next read, not judged
        if ((kind == AT_PRICE ? value <= 0 : kind == AT_QTY && value < 0) && json.atDelimiter())
        {
            json.fail(ParseError.VALUE_OUT_OF_RANGE);
            return 0;
        }
        return value;
    }

    /** The symbol's price precision, learnt from this number's text if still unknown (whichever price field comes first). */
    private int pricePrecision(final JsonNumber number)
    {
        final int known = instruments.pricePrecision(symbolId);
        if (known != Instruments.UNKNOWN)
        {
            return known;
        }
        final int learnt = learntScale(number);
        if (learnt < 0)
        {
            return -1;
        }
        instruments.offer(symbolId, learnt, instruments.qtyPrecision(symbolId), Instruments.SOURCE_WIRE);
        return learnt;
    }

    private int qtyPrecision(final JsonNumber number)
    {
        final int known = instruments.qtyPrecision(symbolId);
        if (known != Instruments.UNKNOWN)
        {
            return known;
        }
        final int learnt = learntScale(number);
        if (learnt < 0)
        {
            return -1;
        }
        instruments.offer(symbolId, instruments.pricePrecision(symbolId), learnt, Instruments.SOURCE_WIRE);
        return learnt;
    }

    /** The scale of a number's text, if that text is complete and a long can hold it; else fails and returns -1. */
    private int learntScale(final JsonNumber number)
    {
        if (!json.atDelimiter())
        {
            json.fail(json.position() == json.end() ? ParseError.TRUNCATED : ParseError.SYNTAX);
            return -1;
        }
        final int scale = number.textScale();
        if (scale > MAX_PRECISION)
        {
            json.fail(ParseError.PRECISION_EXCEEDED);
            return -1;
        }
        return scale;
    }

    private long integer()
    {
        if (!json.readNumber())
        {
            return 0;
        }
        final int error = json.number().scale(0, false);
        if (error != ParseError.NONE)
        {
            json.fail(error);
            return 0;
        }
        return json.number().value();
    }

    private int precision()
    {
        final long value = integer();
        if (value < 0 || value > MAX_PRECISION)
        {
            json.fail(ParseError.NUMBER_OVERFLOW);
            return NOT_SEEN;
        }
        return (int)value;
    }

    private long timestamp()
    {
        if (!json.readString())
        {
            return 0;
        }
        final long micros = timestamps.parseMicros(frame, json.stringOffset(), json.stringLength());
        if (micros == Rfc3339.INVALID)
        {
            json.fail(ParseError.WRONG_TYPE);
            return 0;
        }
        return micros;
    }

    /** The {@link Channel} named by the string just read. */
    private int channelOfString()
    {
        return json.stringIs(BOOK_NAME) ? Channel.BOOK :
            json.stringIs(TICKER_NAME) ? Channel.TICKER :
            json.stringIs(TRADE_NAME) ? Channel.TRADE :
            json.stringIs(OHLC_NAME) ? Channel.OHLC :
            json.stringIs(HEARTBEAT_NAME) ? Channel.HEARTBEAT :
            json.stringIs(STATUS_NAME) ? Channel.STATUS :
            json.stringIs(INSTRUMENT_NAME) ? Channel.INSTRUMENT :
            json.stringIs(EXECUTIONS_NAME) ? Channel.EXECUTIONS :
            json.stringIs(BALANCES_NAME) ? Channel.BALANCES : Channel.UNKNOWN;
    }

    private static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
