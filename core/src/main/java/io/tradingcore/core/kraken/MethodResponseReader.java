package io.tradingcore.core.kraken;

import io.tradingcore.core.book.BookDepths;
import io.tradingcore.core.market.SymbolTable;
import org.agrona.DirectBuffer;

/**
 * The members of a method response (an ack of subscribe/unsubscribe, a pong, another method's
 * result) as the envelope meets them, and the one call they make once the frame is read. An ack is
 * only reported: a symbol we do not know is passed as -1, not an error, and nothing is interned.
 */
final class MethodResponseReader
{
    private final JsonCursor json;
    private final FrameValues values;
    private final SymbolTable symbols;

    private int kind;
    private int methodOffset;
    private int methodLength;
    private boolean subscribe;
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

    MethodResponseReader(final JsonCursor json, final FrameValues values, final SymbolTable symbols)
    {
        this.json = json;
        this.values = values;
        this.symbols = symbols;
    }

    void reset(final int frameOffset)
    {
        kind = FrameValues.NOT_SEEN;
        methodLength = FrameValues.NOT_SEEN;
        subscribe = false;
        success = false;
        errorOffset = frameOffset;
        errorLength = 0;
        reqId = -1;
        resultChannel = -1;
        resultSymbolLength = FrameValues.NOT_SEEN;
        resultDepth = FrameValues.NOT_SEEN;
        frameSymbolLength = FrameValues.NOT_SEEN;
    }

    /** {@link Channel#PONG}, {@link Channel#METHOD_RESPONSE}, or -1 when the frame named no method. */
    int kind()
    {
        return kind;
    }

    boolean method()
    {
        if (!json.readString())
        {
            return false;
        }
        methodOffset = json.stringOffset();
        methodLength = json.stringLength();
        final int word = json.string(KrakenWords.TABLE);
        kind = word == KrakenWords.PONG ? Channel.PONG : Channel.METHOD_RESPONSE;
        subscribe = word == KrakenWords.SUBSCRIBE;
        return true;
    }

    boolean success()
    {
        if (!json.readBoolean())
        {
            return false;
        }
        success = json.booleanValue();
        return true;
    }

    boolean reqId()
    {
        reqId = values.integer();
        return !json.failed();
    }

    /** A top-level {@code symbol} (failed acks carry it there): a string is kept, anything else skipped. */
    boolean frameSymbol()
    {
        if (!json.atString())
        {
            return json.skipValue();
        }
        json.readString();
        frameSymbolOffset = json.stringOffset();
        frameSymbolLength = json.stringLength();
        return !json.failed();
    }

    /** The error text of a failed ack: a string's content, or the raw text of any other value. */
    boolean errorText()
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

    /** The {@code result} object of an ack: its channel, symbol and book depth. Other values are skipped. */
    boolean result()
    {
        if (!json.atObject())
        {
            return json.skipValue();
        }
        json.beginObject();
        int key;
        while ((key = json.nextKey(KrakenWords.TABLE)) >= WordTable.NONE)
        {
            switch (key)
            {
                case KrakenWords.CHANNEL:
                    if (json.atString())
                    {
                        json.readString();
                        resultChannel = KrakenWords.channel(json.string(KrakenWords.TABLE));
                    }
                    else
                    {
                        json.skipValue();
                    }
                    break;
                case KrakenWords.SYMBOL:
                    if (json.atString())
                    {
                        json.readString();
                        resultSymbolOffset = json.stringOffset();
                        resultSymbolLength = json.stringLength();
                    }
                    else
                    {
                        json.skipValue();
                    }
                    break;
                case KrakenWords.DEPTH:
                    resultDepth = values.integer();
                    break;
                default:
                    json.skipValue();
                    break;
            }
        }
        return key == JsonCursor.NO_MORE_MEMBERS && !json.failed();
    }

    /** After the whole frame was read: {@code onPong}, or {@code onBookDepth} (a book ack) and {@code onMethodResponse}. */
    boolean deliver(final DirectBuffer frame, final FrameHandler handler)
    {
        if (kind == Channel.PONG)
        {
            handler.onPong(reqId);
            return true;
        }
        if (kind != Channel.METHOD_RESPONSE)
        {
            return true;
        }
        final boolean fromResult = resultSymbolLength != FrameValues.NOT_SEEN;
        final int length = fromResult ? resultSymbolLength : frameSymbolLength;
        final int symbolId = length == FrameValues.NOT_SEEN ?
            SymbolTable.NONE : symbols.find(frame, fromResult ? resultSymbolOffset : frameSymbolOffset, length);
        final boolean bookAck = subscribe && success && resultChannel == Channel.BOOK;
        if (bookAck && symbolId != SymbolTable.NONE && resultDepth != FrameValues.NOT_SEEN)
        {
            if (!BookDepths.valid(resultDepth))
            {
                return json.fail(ParseError.VALUE_OUT_OF_RANGE);
            }
            handler.onBookDepth(symbolId, (int)resultDepth);
        }
        handler.onMethodResponse(
            frame, methodOffset, methodLength, success, resultChannel, symbolId, reqId, errorOffset, errorLength);
        return true;
    }
}
