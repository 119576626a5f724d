package io.tradingcore.core.kraken;

/** What a Kraken v2 frame is, as the parser classifies it; small ints so counters are arrays. */
public final class Channel
{
    public static final int STATUS = 0;
    public static final int HEARTBEAT = 1;
    public static final int TICKER = 2;
    public static final int TRADE = 3;
    public static final int BOOK = 4;
    public static final int OHLC = 5;
    public static final int INSTRUMENT = 6;
    /** A method response: subscribe/unsubscribe ack (success or error) or another method's result. */
    public static final int METHOD_RESPONSE = 7;
    public static final int PONG = 8;
    /** A frame with a channel or method we do not know: counted and reported, never a crash. */
    public static final int UNKNOWN = 9;
    /** A frame that failed to parse (see {@link ParseError}). */
    public static final int MALFORMED = 10;
    /** Private channel: own executions (issue 5). */
    public static final int EXECUTIONS = 11;
    /** Private channel: balances (issue 5). */
    public static final int BALANCES = 12;

    public static final int COUNT = 13;

    private static final String[] NAMES = {
        "status", "heartbeat", "ticker", "trade", "book", "ohlc", "instrument", "method", "pong", "unknown",
        "malformed", "executions", "balances"
    };

    private Channel()
    {
    }

    public static String name(final int channel)
    {
        return channel >= 0 && channel < COUNT ? NAMES[channel] : "invalid";
    }
}
