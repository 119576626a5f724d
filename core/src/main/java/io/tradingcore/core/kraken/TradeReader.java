package io.tradingcore.core.kraken;

/** Reads one item of the {@code trade} channel into a reused {@link TradePrint}. */
final class TradeReader
{
    private final JsonCursor json;
    private final FrameValues values;
    private final TradePrint trade = new TradePrint();

    TradeReader(final JsonCursor json, final FrameValues values)
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
        final TradePrint t = trade;
        t.reset();
        t.symbolId = values.symbolId();
        t.snapshot = snapshot;
        int key;
        while ((key = values.nextItemKey()) >= WordTable.NONE)
        {
            switch (key)
            {
                case KrakenWords.PRICE:
                    t.price = values.price();
                    break;
                case KrakenWords.QTY:
                    t.qty = values.qty();
                    break;
                case KrakenWords.SIDE:
                    side(t);
                    break;
                case KrakenWords.ORD_TYPE:
                    t.ordType = values.word() == KrakenWords.MARKET ? TradePrint.ORD_TYPE_MARKET : TradePrint.ORD_TYPE_LIMIT;
                    break;
                case KrakenWords.TRADE_ID:
                    t.tradeId = values.count();
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
        handler.onTrade(t);
        return true;
    }

    /** Anything but buy or sell fails the item (a failure to read it already has). */
    private void side(final TradePrint t)
    {
        switch (values.word())
        {
            case KrakenWords.BUY:
                t.side = Side.BUY;
                break;
            case KrakenWords.SELL:
                t.side = Side.SELL;
                break;
            default:
                json.fail(ParseError.WRONG_TYPE);
                break;
        }
    }
}
