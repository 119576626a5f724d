package io.tradingcore.core.kraken;

import io.tradingcore.core.market.Instruments;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.time.Rfc3339;
import io.tradingcore.core.time.Rfc3339Reader;
import org.agrona.DirectBuffer;

/**
 * The values of the frame in progress as the hot path wants them, read at the cursor: prices and
 * quantities as scaled longs at the data item's precision, integers, precisions, epoch micros. It
 * also keeps the item in progress: its symbol (looked up, never interned: only symbols configured
 * or listed by the instrument channel are accepted) and its precision. A precision still unknown is
 * taken from the scale of the item's first price or qty text (Kraken keeps the full scale in its
 * number text) and reported to the handler, which decides whether to keep it: the parser reads
 * {@link SymbolTable} and {@link Instruments}, it never writes them.
 */
final class FrameValues
{
    private static final int AT_PRICE = 0;
    private static final int AT_QTY = 1;
    /** A derived average or difference (vwap, change): rounded half-even to price precision. */
    private static final int ROUNDED_PRICE = 2;
    private static final int PERCENT = 3;

    /** 10^18 still fits a long; a finer precision cannot hold any price. */
    static final int MAX_PRECISION = 18;
    static final int NOT_SEEN = -1;

    private final JsonCursor json;
    private final SymbolTable symbols;
    private final Instruments instruments;
    private final Rfc3339Reader timestamps = new Rfc3339Reader();

    private DirectBuffer frame;
    private FrameHandler handler;
    /** The symbol of the data item in progress, -1 between items: errors carry it. */
    private int symbolId;
    private int pricePrecision;
    private int qtyPrecision;
    private int symbolValueStart;
    private int symbolValueEnd;

    FrameValues(final JsonCursor json, final SymbolTable symbols, final Instruments instruments)
    {
        this.json = json;
        this.symbols = symbols;
        this.instruments = instruments;
    }

    void frame(final DirectBuffer frame, final FrameHandler handler)
    {
        this.frame = frame;
        this.handler = handler;
        symbolId = SymbolTable.NONE;
    }

    int symbolId()
    {
        return symbolId;
    }

    void endItem()
    {
        symbolId = SymbolTable.NONE;
    }

    /**
     * Enters a data item and finds its {@code symbol} wherever it sits among the item's keys. It comes
     * first on the wire, so this usually reads one member and {@link #nextItemKey()} goes on from there;
     * otherwise the cursor goes back to the item's first member, and {@link #nextItemKey()} steps over
     * the symbol without scanning it again.
     */
    boolean beginItem()
    {
        if (!json.beginObject())
        {
            return false;
        }
        final int start = json.position();
        boolean first = true;
        int key;
        while ((key = json.nextKey(KrakenWords.TABLE)) >= WordTable.NONE)
        {
            if (key == KrakenWords.SYMBOL)
            {
                symbolValueStart = json.position();
                if (!json.readString())
                {
                    return false;
                }
                symbolValueEnd = json.position();
                symbolId = symbols.find(frame, json.stringOffset(), json.stringLength());
                if (symbolId == SymbolTable.NONE)
                {
                    return json.fail(ParseError.SYMBOL_REJECTED);
                }
                pricePrecision = instruments.pricePrecision(symbolId);
                qtyPrecision = instruments.qtyPrecision(symbolId);
                if (!first)
                {
                    json.restart(start);
                }
                return true;
            }
            first = false;
            json.skipValue();
        }
        return key == JsonCursor.NO_MORE_MEMBERS && json.fail(ParseError.MISSING_FIELD);
    }

    /**
     * The item's next key as {@link JsonCursor#nextKey} says it, over the symbol {@link #beginItem()} read
     * (another {@code symbol} member is a key like any other the reader skips).
     */
    int nextItemKey()
    {
        int key = json.nextKey(KrakenWords.TABLE);
        if (key == KrakenWords.SYMBOL && json.position() == symbolValueStart)
        {
            json.position(symbolValueEnd);
            key = json.nextKey(KrakenWords.TABLE);
        }
        return key;
    }

    /** A string value as a {@link KrakenWords} code; {@link WordTable#NONE} for another word or a failure. */
    int word()
    {
        return json.readString() ? json.string(KrakenWords.TABLE) : WordTable.NONE;
    }

    /** Reads a price at the item's price precision; 0 after a failure (which sticks in the cursor). */
    long price()
    {
        return scaled(AT_PRICE);
    }

    long qty()
    {
        return scaled(AT_QTY);
    }

    /** A vwap or change: rounded half-even to the price precision instead of failing on extra digits. */
    long roundedPrice()
    {
        return scaled(ROUNDED_PRICE);
    }

    /** A percentage at {@link TickerUpdate#CHANGE_PCT_SCALE}. */
    long percent()
    {
        return scaled(PERCENT);
    }

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

    /** The item's price precision, learnt from this number's text if still unknown (whichever price field comes first). */
    private int pricePrecision(final JsonNumber number)
    {
        if (pricePrecision == Instruments.UNKNOWN)
        {
            final int learnt = learntScale(number);
            if (learnt < 0)
            {
                return -1;
            }
            pricePrecision = learnt;
            handler.onWirePrecision(symbolId, pricePrecision, qtyPrecision);
        }
        return pricePrecision;
    }

    private int qtyPrecision(final JsonNumber number)
    {
        if (qtyPrecision == Instruments.UNKNOWN)
        {
            final int learnt = learntScale(number);
            if (learnt < 0)
            {
                return -1;
            }
            qtyPrecision = learnt;
            handler.onWirePrecision(symbolId, pricePrecision, qtyPrecision);
        }
        return qtyPrecision;
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

    long integer()
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

    /** A count or an id (an ohlc's trades, a trade id): an integer, never negative; 0 after a failure. */
    long count()
    {
        final long value = integer();
        if (value < 0 && json.atDelimiter())
        {
            json.fail(ParseError.VALUE_OUT_OF_RANGE);
            return 0;
        }
        return value;
    }

    /** An integer from 0 to {@code max}; {@link #NOT_SEEN} after a failure (NUMBER_OVERFLOW beyond the range). */
    long integerUpTo(final long max)
    {
        final long value = integer();
        if (value < 0 || value > max)
        {
            json.fail(ParseError.NUMBER_OVERFLOW);
            return NOT_SEEN;
        }
        return json.failed() ? NOT_SEEN : value;
    }

    /** An RFC 3339 timestamp in epoch micros; 0 after a failure. */
    long timestamp()
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
}
