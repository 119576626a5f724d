package io.tradingcore.adapters.kraken;

/**
 * Builds the outbound Kraken v2 requests (subscribe, unsubscribe, ping) as JSON text. Control plane:
 * a few messages per connection, so building Strings is fine. Every request carries a {@code req_id}
 * so its per-symbol acks can be matched back to what was asked.
 */
public final class ControlRequests
{
    private final KrakenFeedSettings settings;
    private final SubscriptionBook book;
    private final StringBuilder text = new StringBuilder(256);

    public ControlRequests(final KrakenFeedSettings settings, final SubscriptionBook book)
    {
        this.settings = settings;
        this.book = book;
    }

    public String subscribe(final int kind, final int[] symbolIds, final int count, final long reqId)
    {
        return request("subscribe", kind, symbolIds, count, reqId);
    }

    public String unsubscribe(final int kind, final int[] symbolIds, final int count, final long reqId)
    {
        return request("unsubscribe", kind, symbolIds, count, reqId);
    }

    public String ping(final long reqId)
    {
        text.setLength(0);
        return text.append("{\"method\":\"ping\",\"req_id\":").append(reqId).append('}').toString();
    }

    private String request(final String method, final int kind, final int[] symbolIds, final int count,
        final long reqId)
    {
        final boolean subscribe = "subscribe".equals(method);
        text.setLength(0);
        text.append("{\"method\":\"").append(method).append("\",\"params\":{\"channel\":\"")
            .append(book.channelName(kind)).append('"');
        if (kind != SubscriptionBook.INSTRUMENT)
        {
            text.append(",\"symbol\":[");
            for (int i = 0; i < count; i++)
            {
                if (i > 0)
                {
                    text.append(',');
                }
                quoted(book.nameOf(symbolIds[i]));
            }
            text.append(']');
        }
        switch (kind)
        {
            case SubscriptionBook.TICKER:
                text.append(",\"event_trigger\":");
                quoted(settings.tickerEventTrigger());
                break;
            case SubscriptionBook.TRADE:
                if (subscribe)
                {
                    // the docs disagree on the default, so it is always sent
                    text.append(",\"snapshot\":").append(settings.tradeSnapshot());
                }
                break;
            case SubscriptionBook.BOOK:
                text.append(",\"depth\":").append(settings.bookDepth());
                break;
            case SubscriptionBook.INSTRUMENT:
                break;
            default:
                text.append(",\"interval\":").append(book.interval(kind));
        }
        return text.append("},\"req_id\":").append(reqId).append('}').toString();
    }

    private void quoted(final String value)
    {
        text.append('"');
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            if (c == '"' || c == '\\')
            {
                text.append('\\');
            }
            text.append(c);
        }
        text.append('"');
    }
}
