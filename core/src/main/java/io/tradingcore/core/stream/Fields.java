package io.tradingcore.core.stream;

import static io.tradingcore.core.stream.EntryWriter.ascii;

/** Field names and fixed values of stream entries (STREAMS.md), as bytes so writing them never allocates. */
public final class Fields
{
    public static final byte[] TYPE = ascii("type");
    public static final byte[] TIMESTAMP = ascii("timestamp");
    public static final byte[] RECEIVED_AT = ascii("received_at");
    public static final byte[] EXCHANGE = ascii("exchange");
    public static final byte[] SOURCE = ascii("source");
    public static final byte[] SYMBOL = ascii("symbol");
    public static final byte[] SIDE = ascii("side");
    public static final byte[] PRICE = ascii("price");
    public static final byte[] QTY = ascii("qty");
    public static final byte[] ORD_TYPE = ascii("ord_type");
    public static final byte[] TRADE_ID = ascii("trade_id");
    public static final byte[] SNAPSHOT = ascii("snapshot");
    public static final byte[] BID = ascii("bid");
    public static final byte[] BID_QTY = ascii("bid_qty");
    public static final byte[] ASK = ascii("ask");
    public static final byte[] ASK_QTY = ascii("ask_qty");
    public static final byte[] SPREAD = ascii("spread");
    public static final byte[] SPREAD_BPS = ascii("spread_bps");
    public static final byte[] LAST = ascii("last");
    public static final byte[] VOLUME = ascii("volume");
    public static final byte[] VWAP = ascii("vwap");
    public static final byte[] LOW = ascii("low");
    public static final byte[] HIGH = ascii("high");
    public static final byte[] OPEN = ascii("open");
    public static final byte[] CLOSE = ascii("close");
    public static final byte[] TRADES = ascii("trades");
    public static final byte[] CHANGE = ascii("change");
    public static final byte[] CHANGE_PCT = ascii("change_pct");
    public static final byte[] TIMEFRAME = ascii("timeframe");
    public static final byte[] INTERVAL_BEGIN = ascii("interval_begin");
    public static final byte[] BIDS = ascii("bids");
    public static final byte[] ASKS = ascii("asks");
    public static final byte[] CHECKSUM = ascii("checksum");
    public static final byte[] DEPTH = ascii("depth");
    public static final byte[] SYSTEM = ascii("system");
    public static final byte[] ERROR = ascii("error");
    public static final byte[] REASON = ascii("reason");
    public static final byte[] CHANNEL = ascii("channel");
    public static final byte[] METHOD = ascii("method");
    public static final byte[] REQ_ID = ascii("req_id");
    public static final byte[] POSITION = ascii("position");
    public static final byte[] LENGTH = ascii("length");
    public static final byte[] FRAME = ascii("frame");
    public static final byte[] EXPECTED = ascii("expected");
    public static final byte[] COMPUTED = ascii("computed");
    public static final byte[] BEST_BID = ascii("best_bid");
    public static final byte[] BEST_ASK = ascii("best_ask");
    public static final byte[] EVENT = ascii("event");
    public static final byte[] COUNT = ascii("count");
    public static final byte[] CAPACITY = ascii("capacity");
    public static final byte[] EMPTY = new byte[0];

    public static final byte[] KRAKEN = ascii("kraken");
    public static final byte[] TYPE_TRADE = ascii("trade");
    public static final byte[] TYPE_SPREAD = ascii("spread");
    public static final byte[] TYPE_ORDERBOOK = ascii("orderbook");
    public static final byte[] TYPE_BOOK = ascii("book");
    public static final byte[] TYPE_CANDLE = ascii("candle");
    public static final byte[] TYPE_TICKER = ascii("ticker");
    public static final byte[] TYPE_STATUS = ascii("status");
    public static final byte[] TYPE_HEARTBEAT = ascii("heartbeat");
    public static final byte[] TYPE_ERROR = ascii("error");
    public static final byte[] TYPE_EVENT = ascii("event");
    public static final byte[] LIMIT = ascii("limit");
    public static final byte[] MARKET = ascii("market");

    private Fields()
    {
    }
}
