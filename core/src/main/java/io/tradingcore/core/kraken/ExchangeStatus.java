package io.tradingcore.core.kraken;

/** Kraken's {@code status.system} values, which gate order entry. */
public final class ExchangeStatus
{
    public static final int UNKNOWN = 0;
    public static final int ONLINE = 1;
    public static final int MAINTENANCE = 2;
    public static final int CANCEL_ONLY = 3;
    public static final int POST_ONLY = 4;

    private static final String[] NAMES = {"unknown", "online", "maintenance", "cancel_only", "post_only"};

    private ExchangeStatus()
    {
    }

    public static String name(final int status)
    {
        return status >= 0 && status < NAMES.length ? NAMES[status] : "unknown";
    }
}
