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
        boolean first = !values.symbolCameFirst();
        int next;
        while ((next = json.nextMember(first)) == JsonCursor.VALUE)
        {
            first = false;
            switch (json.key(KrakenWords.TABLE))
            {
                case KrakenWords.SYMBOL:
                    values.skipSymbol();
                    break;
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
                    if (json.readString())
                    {
                        t.ordType = json.string(KrakenWords.TABLE) == KrakenWords.MARKET ?
                            TradePrint.ORD_TYPE_MARKET : TradePrint.ORD_TYPE_LIMIT;
                    }
                    break;
                case KrakenWords.TRADE_ID:
                    t.tradeId = values.integer();
                    break;
                case KrakenWords.TIMESTAMP:
                    t.exchangeMicros = values.timestamp();
                    break;
                default:
                    json.skipValue();
                    break;
            }
        }
        if (next != JsonCursor.END)
        {
            return false;
        }
        handler.onTrade(t);
        return true;
    }

    private void side(final TradePrint t)
    {
        if (!json.readString())
        {
            return;
        }
        switch (json.string(KrakenWords.TABLE))
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
