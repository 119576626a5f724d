package io.tradingcore.core.kraken;

/** Reads one item of the {@code status} channel: the exchange's {@code system} state. */
final class StatusReader
{
    private final JsonCursor json;

    StatusReader(final JsonCursor json)
    {
        this.json = json;
    }

    boolean read(final FrameHandler handler)
    {
        if (!json.beginObject())
        {
            return false;
        }
        int system = ExchangeStatus.UNKNOWN;
        int key;
        while ((key = json.nextKey(KrakenWords.TABLE)) >= WordTable.NONE)
        {
            if (key == KrakenWords.SYSTEM)
            {
                if (json.readString())
                {
                    system = systemOf(json.string(KrakenWords.TABLE));
                }
            }
            else
            {
                json.skipValue(); // connection_id exceeds a long: validated, never converted
            }
        }
        if (key != JsonCursor.NO_MORE_MEMBERS)
        {
            return false;
        }
        handler.onStatus(system);
        return true;
    }

    private static int systemOf(final int word)
    {
        switch (word)
        {
            case KrakenWords.ONLINE:
                return ExchangeStatus.ONLINE;
            case KrakenWords.MAINTENANCE:
                return ExchangeStatus.MAINTENANCE;
            case KrakenWords.CANCEL_ONLY:
                return ExchangeStatus.CANCEL_ONLY;
            case KrakenWords.POST_ONLY:
                return ExchangeStatus.POST_ONLY;
            default:
                return ExchangeStatus.UNKNOWN;
        }
    }
}
