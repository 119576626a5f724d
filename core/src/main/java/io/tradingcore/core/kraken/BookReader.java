package io.tradingcore.core.kraken;

/**
 * Reads one item of the {@code book} channel: {@code onBookBegin}, each level in wire order, then
 * {@code onBookEnd} with the checksum Kraken computed (required).
 */
final class BookReader
{
    private static final long MAX_CHECKSUM = 0xFFFF_FFFFL;

    private final JsonCursor json;
    private final FrameValues values;

    BookReader(final JsonCursor json, final FrameValues values)
    {
        this.json = json;
        this.values = values;
    }

    boolean read(final boolean snapshot, final FrameHandler handler)
    {
        if (!values.beginItem())
        {
            return false;
        }
        final int symbolId = values.symbolId();
        handler.onBookBegin(symbolId, snapshot);
        long checksum = FrameValues.NOT_SEEN;
        long micros = 0;
        int key;
        while ((key = values.nextItemKey()) >= WordTable.NONE)
        {
            switch (key)
            {
                case KrakenWords.BIDS:
                    levels(Side.BID, symbolId, handler);
                    break;
                case KrakenWords.ASKS:
                    levels(Side.ASK, symbolId, handler);
                    break;
                case KrakenWords.CHECKSUM:
                    checksum = values.integerUpTo(MAX_CHECKSUM);
                    break;
                case KrakenWords.TIMESTAMP:
                    micros = values.timestamp();
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
        if (checksum == FrameValues.NOT_SEEN)
        {
            return json.fail(ParseError.MISSING_FIELD);
        }
        handler.onBookEnd(symbolId, checksum, micros);
        return true;
    }

    private boolean levels(final int side, final int symbolId, final FrameHandler handler)
    {
        if (!json.beginArray())
        {
            return false;
        }
        int next;
        while ((next = json.nextElement()) == JsonCursor.VALUE)
        {
            if (!level(side, symbolId, handler))
            {
                return false;
            }
        }
        return next == JsonCursor.END;
    }

    private boolean level(final int side, final int symbolId, final FrameHandler handler)
    {
        if (!json.beginObject())
        {
            return false;
        }
        long price = 0;
        long qty = 0;
        boolean hasPrice = false;
        boolean hasQty = false;
        int key;
        while ((key = json.nextKey(KrakenWords.TABLE)) >= WordTable.NONE)
        {
            switch (key)
            {
                case KrakenWords.PRICE:
                    price = values.price();
                    hasPrice = true;
                    break;
                case KrakenWords.QTY:
                    qty = values.qty();
                    hasQty = true;
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
        if (!hasPrice || !hasQty)
        {
            return json.fail(ParseError.MISSING_FIELD);
        }
        handler.onBookLevel(symbolId, side, price, qty);
        return true;
    }
}
