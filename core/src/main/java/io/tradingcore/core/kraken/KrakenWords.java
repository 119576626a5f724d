package io.tradingcore.core.kraken;

/**
 * The field names and enumerated values of Kraken v2 frames that the parser acts on, each a small
 * int for a {@code switch}, found in a frame by {@link #TABLE}. Any other word is {@link WordTable#NONE}.
 */
final class KrakenWords
{
    // the envelope
    static final int CHANNEL = 0;
    static final int TYPE = 1;
    static final int DATA = 2;
    static final int METHOD = 3;
    static final int SUCCESS = 4;
    static final int ERROR = 5;
    static final int REQ_ID = 6;
    static final int RESULT = 7;
    static final int SYMBOL = 8;
    static final int TIMESTAMP = 9;
    static final int DEPTH = 10;
    // status
    static final int SYSTEM = 11;
    // ticker
    static final int BID = 12;
    static final int BID_QTY = 13;
    static final int ASK = 14;
    static final int ASK_QTY = 15;
    static final int LAST = 16;
    static final int VOLUME = 17;
    static final int VWAP = 18;
    static final int LOW = 19;
    static final int HIGH = 20;
    static final int CHANGE = 21;
    static final int CHANGE_PCT = 22;
    // trade
    static final int SIDE = 23;
    static final int PRICE = 24;
    static final int QTY = 25;
    static final int ORD_TYPE = 26;
    static final int TRADE_ID = 27;
    // book
    static final int BIDS = 28;
    static final int ASKS = 29;
    static final int CHECKSUM = 30;
    // ohlc
    static final int OPEN = 31;
    static final int CLOSE = 32;
    static final int TRADES = 33;
    static final int INTERVAL_BEGIN = 34;
    static final int INTERVAL = 35;
    // instrument
    static final int PAIRS = 36;
    static final int PRICE_PRECISION = 37;
    static final int QTY_PRECISION = 38;
    // values
    static final int SNAPSHOT = 39;
    static final int PONG = 40;
    static final int SUBSCRIBE = 41;
    static final int STATUS = 42;
    static final int HEARTBEAT = 43;
    static final int TICKER = 44;
    static final int TRADE = 45;
    static final int BOOK = 46;
    static final int OHLC = 47;
    static final int INSTRUMENT = 48;
    static final int EXECUTIONS = 49;
    static final int BALANCES = 50;
    static final int ONLINE = 51;
    static final int MAINTENANCE = 52;
    static final int CANCEL_ONLY = 53;
    static final int POST_ONLY = 54;
    static final int BUY = 55;
    static final int SELL = 56;
    static final int MARKET = 57;

    /** Indexed by the codes above. */
    private static final String[] WORDS = {
        "channel", "type", "data", "method", "success", "error", "req_id", "result", "symbol", "timestamp", "depth",
        "system",
        "bid", "bid_qty", "ask", "ask_qty", "last", "volume", "vwap", "low", "high", "change", "change_pct",
        "side", "price", "qty", "ord_type", "trade_id",
        "bids", "asks", "checksum",
        "open", "close", "trades", "interval_begin", "interval",
        "pairs", "price_precision", "qty_precision",
        "snapshot", "pong", "subscribe",
        "status", "heartbeat", "ticker", "trade", "book", "ohlc", "instrument", "executions", "balances",
        "online", "maintenance", "cancel_only", "post_only",
        "buy", "sell", "market"
    };

    static final WordTable TABLE = new WordTable(WORDS);

    private KrakenWords()
    {
    }

    /** The {@link Channel} a channel name is. */
    static int channel(final int word)
    {
        switch (word)
        {
            case BOOK:
                return Channel.BOOK;
            case TICKER:
                return Channel.TICKER;
            case TRADE:
                return Channel.TRADE;
            case OHLC:
                return Channel.OHLC;
            case HEARTBEAT:
                return Channel.HEARTBEAT;
            case STATUS:
                return Channel.STATUS;
            case INSTRUMENT:
                return Channel.INSTRUMENT;
            case EXECUTIONS:
                return Channel.EXECUTIONS;
            case BALANCES:
                return Channel.BALANCES;
            default:
                return Channel.UNKNOWN;
        }
    }
}
