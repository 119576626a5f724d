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
    // signals, arbitrage, order intents, risk alerts, portfolio updates and executions
    public static final byte[] ID = ascii("id");
    public static final byte[] CORRELATION_ID = ascii("correlation_id");
    public static final byte[] STRATEGY = ascii("strategy");
    public static final byte[] CONFIDENCE = ascii("confidence");
    public static final byte[] FEATURES = ascii("features");
    public static final byte[] RISK = ascii("risk");
    public static final byte[] STOP = ascii("stop");
    public static final byte[] TAKE_PROFIT = ascii("take_profit");
    public static final byte[] SIZE_QUOTE_USD = ascii("size_quote_usd");
    public static final byte[] TRIANGLE = ascii("triangle");
    public static final byte[] DIRECTION = ascii("direction");
    public static final byte[] NET_EDGE_BPS = ascii("net_edge_bps");
    public static final byte[] GROSS_EDGE_BPS = ascii("gross_edge_bps");
    public static final byte[] NOTIONAL_QUOTE = ascii("notional_quote");
    public static final byte[] SCORE = ascii("score");
    public static final byte[] SIGNAL_ID = ascii("signal_id");
    public static final byte[] EXCHANGE_TS = ascii("exchange_ts");
    public static final byte[] SIGNAL_AT = ascii("signal_at");
    public static final byte[] EXCHANGE_TO_RECEIVE_MS = ascii("exchange_to_receive_ms");
    public static final byte[] RECEIVE_TO_SIGNAL_US = ascii("receive_to_signal_us");
    public static final byte[] RECEIVE_TO_PUBLISH_US = ascii("receive_to_publish_us");
    public static final byte[] ORDER_TYPE = ascii("order_type");
    public static final byte[] LIMIT_PRICE = ascii("limit_price");
    public static final byte[] RULE = ascii("rule");
    public static final byte[] VALUE = ascii("value");
    public static final byte[] TRIP = ascii("trip");
    public static final byte[] AVERAGE_PRICE = ascii("average_price");
    public static final byte[] MARK_PRICE = ascii("mark_price");
    public static final byte[] REALIZED_PNL = ascii("realized_pnl");
    public static final byte[] UNREALIZED_PNL = ascii("unrealized_pnl");
    public static final byte[] FEES = ascii("fees");
    public static final byte[] EXPOSURE = ascii("exposure");
    public static final byte[] TOTAL_EXPOSURE = ascii("total_exposure");
    public static final byte[] EQUITY = ascii("equity");
    public static final byte[] DRAWDOWN_DAILY = ascii("drawdown_daily");
    public static final byte[] STATUS = ascii("status");
    public static final byte[] ORDER_ID = ascii("order_id");
    public static final byte[] FILL_ID = ascii("fill_id");
    public static final byte[] FEE = ascii("fee");
    public static final byte[] LIQUIDITY = ascii("liquidity");
    public static final byte[] SLIPPAGE_BPS = ascii("slippage_bps");
    public static final byte[] CUM_QTY = ascii("cum_qty");
    public static final byte[] REMAINING_QTY = ascii("remaining_qty");
    public static final byte[] MODE = ascii("mode");
    // metrics:ticks
    public static final byte[] PNL = ascii("pnl");
    public static final byte[] SLIPPAGE_P50 = ascii("slippage_bps_p50");
    public static final byte[] LATENCY_P95 = ascii("latency_ms_p95");
    public static final byte[] WIN_RATE_1H = ascii("win_rate_1h");
    public static final byte[] ERRORS_RATE = ascii("errors_rate");
    // the process on events:bus (start, stop, state restored)
    public static final byte[] ENVIRONMENT = ascii("environment");
    public static final byte[] FEED = ascii("feed");
    public static final byte[] ORDER_ENTRY = ascii("order_entry");
    public static final byte[] FILLS = ascii("fills");
    public static final byte[] KILL_SWITCH_TRIPPED = ascii("kill_switch_tripped");
    public static final byte[] STATE_AS_OF = ascii("state_as_of");
    public static final byte[] VERSION = ascii("version");
    public static final byte[] COMMIT = ascii("commit");
    public static final byte[] EMPTY = new byte[0];

    public static final byte[] KRAKEN = ascii("kraken");
    /** The {@code source} of what this process decides (signals, intents). */
    public static final byte[] SOURCE_CORE = ascii("trading-core");
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
    /** kraken:errors kinds of a frame that could not be used, from the public feed and the order connection alike. */
    public static final byte[] PARSE_ERROR = ascii("parse_error");
    public static final byte[] UNKNOWN_FRAME = ascii("unknown_frame");
    /** orders:confirmations, from the paper simulator and from Kraken's execution reports alike. */
    public static final byte[] TYPE_CONFIRMATION = ascii("execution.confirmation");
    public static final byte[] TYPE_FILL = ascii("execution.fill");
    public static final byte[] PAPER = ascii("PAPER");
    public static final byte[] LIVE = ascii("LIVE");
    public static final byte[] LIMIT = ascii("limit");
    public static final byte[] MARKET = ascii("market");

    private Fields()
    {
    }
}
