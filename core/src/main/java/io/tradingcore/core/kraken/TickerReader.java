package io.tradingcore.core.kraken;

/** Reads one item of the {@code ticker} channel into a reused {@link TickerUpdate}. */
final class TickerReader
{
    private final JsonCursor json;
    private final FrameValues values;
    private final TickerUpdate ticker = new TickerUpdate();

    TickerReader(final JsonCursor json, final FrameValues values)
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
        final TickerUpdate t = ticker;
        t.reset();
        t.symbolId = values.symbolId();
        t.snapshot = snapshot;
        int key;
        while ((key = values.nextItemKey()) >= WordTable.NONE)
        {
            switch (key)
            {
                case KrakenWords.BID:
                    t.bid = values.price();
                    break;
                case KrakenWords.BID_QTY:
                    t.bidQty = values.qty();
                    break;
                case KrakenWords.ASK:
                    t.ask = values.price();
                    break;
                case KrakenWords.ASK_QTY:
                    t.askQty = values.qty();
                    break;
                case KrakenWords.LAST:
                    t.last = values.price();
                    break;
                case KrakenWords.VOLUME:
                    t.volume = values.qty();
                    break;
                case KrakenWords.VWAP:
                    t.vwap = values.roundedPrice();
                    break;
                case KrakenWords.LOW:
                    t.low = values.price();
                    break;
                case KrakenWords.HIGH:
                    t.high = values.price();
                    break;
                case KrakenWords.CHANGE:
                    t.change = values.roundedPrice();
                    break;
                case KrakenWords.CHANGE_PCT:
                    t.changePct = values.percent();
                    break;
                case KrakenWords.TIMESTAMP:
                    t.exchangeMicros = values.timestamp();
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
        handler.onTicker(t);
        return true;
    }
}
