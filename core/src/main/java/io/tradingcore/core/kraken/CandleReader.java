package io.tradingcore.core.kraken;

/** Reads one item of the {@code ohlc} channel into a reused {@link CandleUpdate}. */
final class CandleReader
{
    private final JsonCursor json;
    private final FrameValues values;
    private final CandleUpdate candle = new CandleUpdate();

    CandleReader(final JsonCursor json, final FrameValues values)
    {
        this.json = json;
        this.values = values;
    }

    /** {@code frameMicros}: the frame's timestamp, the candle's time when the item has none. */
    boolean read(final boolean snapshot, final long frameMicros, final FrameHandler handler)
    {
        if (!values.beginItem())
        {
            return false;
        }
        final CandleUpdate c = candle;
        c.reset();
        c.symbolId = values.symbolId();
        c.snapshot = snapshot;
        long itemMicros = 0;
        int key;
        while ((key = values.nextItemKey()) >= WordTable.NONE)
        {
            switch (key)
            {
                case KrakenWords.OPEN:
                    c.open = values.price();
                    break;
                case KrakenWords.HIGH:
                    c.high = values.price();
                    break;
                case KrakenWords.LOW:
                    c.low = values.price();
                    break;
                case KrakenWords.CLOSE:
                    c.close = values.price();
                    break;
                case KrakenWords.VWAP:
                    c.vwap = values.roundedPrice();
                    break;
                case KrakenWords.TRADES:
                    c.trades = values.count();
                    break;
                case KrakenWords.VOLUME:
                    c.volume = values.qty();
                    break;
                case KrakenWords.INTERVAL_BEGIN:
                    c.intervalBeginMicros = values.timestamp();
                    break;
                case KrakenWords.INTERVAL:
                    c.intervalMinutes = (int)values.integerUpTo(Integer.MAX_VALUE);
                    break;
                case KrakenWords.TIMESTAMP:
                    itemMicros = values.timestamp();
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
        c.exchangeMicros = itemMicros != 0 ? itemMicros : frameMicros;
        handler.onCandle(c);
        return true;
    }
}
