package io.tradingcore.core.kraken;

import org.agrona.DirectBuffer;

/**
 * Reads the {@code instrument} channel's data object: each pair of {@code pairs} with its symbol and
 * both precisions is reported as it stands; the handler decides what to keep (the snapshot lists
 * every pair Kraken has).
 */
final class InstrumentReader
{
    private final JsonCursor json;
    private final FrameValues values;

    InstrumentReader(final JsonCursor json, final FrameValues values)
    {
        this.json = json;
        this.values = values;
    }

    boolean read(final DirectBuffer frame, final FrameHandler handler)
    {
        if (!json.beginObject())
        {
            return false;
        }
        int key;
        while ((key = json.nextKey(KrakenWords.TABLE)) >= WordTable.NONE)
        {
            if (key == KrakenWords.PAIRS)
            {
                pairs(frame, handler);
            }
            else
            {
                json.skipValue();
            }
        }
        return key == JsonCursor.NO_MORE_MEMBERS;
    }

    private boolean pairs(final DirectBuffer frame, final FrameHandler handler)
    {
        if (!json.beginArray())
        {
            return false;
        }
        int next;
        while ((next = json.nextElement()) == JsonCursor.VALUE)
        {
            if (!pair(frame, handler))
            {
                return false;
            }
        }
        return next == JsonCursor.END;
    }

    private boolean pair(final DirectBuffer frame, final FrameHandler handler)
    {
        if (!json.beginObject())
        {
            return false;
        }
        int nameOffset = 0;
        int nameLength = FrameValues.NOT_SEEN;
        int pricePrecision = FrameValues.NOT_SEEN;
        int qtyPrecision = FrameValues.NOT_SEEN;
        int key;
        while ((key = json.nextKey(KrakenWords.TABLE)) >= WordTable.NONE)
        {
            switch (key)
            {
                case KrakenWords.SYMBOL:
                    if (json.readString())
                    {
                        nameOffset = json.stringOffset();
                        nameLength = json.stringLength();
                    }
                    break;
                case KrakenWords.PRICE_PRECISION:
                    pricePrecision = (int)values.integerUpTo(FrameValues.MAX_PRECISION);
                    break;
                case KrakenWords.QTY_PRECISION:
                    qtyPrecision = (int)values.integerUpTo(FrameValues.MAX_PRECISION);
                    break;
                default:
                    json.skipValue();
                    break;
            }
        }
        if (key != JsonCursor.NO_MORE_MEMBERS)
        {
            return false;
        }
        if (nameLength != FrameValues.NOT_SEEN && pricePrecision != FrameValues.NOT_SEEN && qtyPrecision != FrameValues.NOT_SEEN)
        {
            handler.onInstrument(frame, nameOffset, nameLength, pricePrecision, qtyPrecision);
        }
        return true;
    }
}
