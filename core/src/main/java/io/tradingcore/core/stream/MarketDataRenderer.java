package io.tradingcore.core.stream;

import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.kraken.TickerUpdate;
import org.agrona.DirectBuffer;

import static io.tradingcore.core.stream.EntryWriter.ascii;
import static io.tradingcore.core.stream.MarketRecord.*;

/**
 * Renders a {@link MarketRecord} into the entries of its streams, exactly as STREAMS.md describes them:
 * decimals at the instrument's precision, RFC 3339 timestamps, field names. Runs on the thread that
 * drains the {@link Outbox} (the Redis adapter), once per record for all its sibling streams:
 * {@code md:orderbook} and {@code md:book:{symbol}} share one rendering, so do the trade and candle
 * streams and {@code md:spread} with {@code md:spread:{symbol}}.
 */
final class MarketDataRenderer
{
    private static final byte[] TICKER_SOURCE = ascii("ticker");
    private static final byte[] BOOK_SOURCE = ascii("book");

    private final EntryWriter out;
    private DirectBuffer record;
    private int at;

    MarketDataRenderer(final EntrySink sink)
    {
        this.out = new EntryWriter(sink);
    }

    void render(final int kind, final DirectBuffer buffer, final int index)
    {
        record = buffer;
        at = index;
        switch (kind)
        {
            case BOOK:
                renderBook();
                break;
            case TRADE:
                renderTrade();
                break;
            case TICKER:
                renderTicker();
                break;
            case CANDLE:
                renderCandle();
                break;
            default:
                break;
        }
    }

    private void renderTrade()
    {
        begin(StreamCatalog.MD_TRADES, -1)
            .string(Fields.TYPE, Fields.TYPE_TRADE)
            .string(Fields.EXCHANGE, Fields.KRAKEN);
        symbol()
            .string(Fields.SIDE, Side.tradeName(record.getByte(at + TRADE_SIDE)))
            .decimal(Fields.PRICE, record.getLong(at + TRADE_PRICE), pricePrecision())
            .decimal(Fields.QTY, record.getLong(at + TRADE_QTY), qtyPrecision())
            .string(Fields.ORD_TYPE, record.getByte(at + TRADE_ORD_TYPE) != 0 ? Fields.MARKET : Fields.LIMIT)
            .integer(Fields.TRADE_ID, record.getLong(at + TRADE_ID));
        stamps().publish();
        out.publishAlso(StreamCatalog.MD_TRADES_SYMBOL);
        out.publishAlso(StreamCatalog.KRAKEN_TRADES);
    }

    private void renderTicker()
    {
        final int pp = pricePrecision();
        final int qp = qtyPrecision();
        final int v = at + TICKER_VALUES;
        begin(StreamCatalog.KRAKEN_TICKER, -1).string(Fields.TYPE, Fields.TYPE_TICKER);
        symbol()
            .decimal(Fields.BID, record.getLong(v), pp)
            .decimal(Fields.BID_QTY, record.getLong(v + 8), qp)
            .decimal(Fields.ASK, record.getLong(v + 16), pp)
            .decimal(Fields.ASK_QTY, record.getLong(v + 24), qp)
            .decimal(Fields.LAST, record.getLong(v + 32), pp)
            .decimal(Fields.VOLUME, record.getLong(v + 40), qp)
            .decimal(Fields.VWAP, record.getLong(v + 48), pp)
            .decimal(Fields.LOW, record.getLong(v + 56), pp)
            .decimal(Fields.HIGH, record.getLong(v + 64), pp)
            .decimal(Fields.CHANGE, record.getLong(v + 72), pp)
            .decimal(Fields.CHANGE_PCT, record.getLong(v + 80), TickerUpdate.CHANGE_PCT_SCALE);
        stamps().publish();
        renderSpread(v, TICKER_SOURCE);
    }

    private void renderCandle()
    {
        final int pp = pricePrecision();
        final int v = at + CANDLE_VALUES;
        final int timeframe = record.getByte(at + CANDLE_TIMEFRAME);
        begin(StreamCatalog.MD_CANDLES, timeframe)
            .string(Fields.TYPE, Fields.TYPE_CANDLE)
            .string(Fields.EXCHANGE, Fields.KRAKEN);
        symbol()
            .string(Fields.TIMEFRAME, Timeframe.name(timeframe))
            .decimal(Fields.OPEN, record.getLong(v), pp)
            .decimal(Fields.HIGH, record.getLong(v + 8), pp)
            .decimal(Fields.LOW, record.getLong(v + 16), pp)
            .decimal(Fields.CLOSE, record.getLong(v + 24), pp)
            .decimal(Fields.VWAP, record.getLong(v + 32), pp)
            .decimal(Fields.VOLUME, record.getLong(v + 40), qtyPrecision())
            .integer(Fields.TRADES, record.getLong(v + 48))
            .timestamp(Fields.INTERVAL_BEGIN, record.getLong(v + 56));
        stamps().publish();
        out.publishAlso(StreamCatalog.MD_CANDLES_SYMBOL);
        out.publishAlso(StreamCatalog.KRAKEN_OHLC);
    }

    /** md:orderbook + md:book:{symbol} (the top of book), kraken:orderbook:{symbol} (the message), md:spread if the top moved. */
    private void renderBook()
    {
        final int pp = pricePrecision();
        final int qp = qtyPrecision();
        final int topBids = record.getShort(at + BOOK_TOP_BIDS);
        final int topAsks = record.getShort(at + BOOK_TOP_ASKS);
        final int messageLevels = record.getShort(at + BOOK_MESSAGE_LEVELS);
        final long checksum = record.getLong(at + BOOK_CHECKSUM);
        final int bids = at + BOOK_LEVELS;
        final int asks = bids + topBids * 16;
        final int message = asks + topAsks * 16;
        final int sides = message + messageLevels * 16;

        begin(StreamCatalog.MD_ORDERBOOK, -1)
            .string(Fields.TYPE, Fields.TYPE_ORDERBOOK)
            .string(Fields.EXCHANGE, Fields.KRAKEN);
        symbol().integer(Fields.DEPTH, record.getShort(at + BOOK_DEPTH));
        levels(Fields.BIDS, bids, topBids, -1, -1, pp, qp);
        levels(Fields.ASKS, asks, topAsks, -1, -1, pp, qp);
        out.integer(Fields.CHECKSUM, checksum);
        stamps().publish();
        out.publishAlso(StreamCatalog.MD_BOOK_SYMBOL);

        begin(StreamCatalog.KRAKEN_ORDERBOOK, -1).string(Fields.TYPE, Fields.TYPE_BOOK);
        symbol().bool(Fields.SNAPSHOT, record.getByte(at + BOOK_SNAPSHOT) != 0);
        levels(Fields.BIDS, message, messageLevels, sides, Side.BID, pp, qp);
        levels(Fields.ASKS, message, messageLevels, sides, Side.ASK, pp, qp);
        out.integer(Fields.CHECKSUM, checksum);
        stamps().publish();

        if (record.getByte(at + BOOK_HAS_SPREAD) != 0)
        {
            renderSpread(at + BOOK_SPREAD, BOOK_SOURCE);
        }
    }

    /** A JSON array of [price, qty] pairs; with {@code sides} >= 0 only the levels of {@code side}. */
    private void levels(
        final byte[] name, final int pairs, final int count, final int sides, final int side, final int pp, final int qp)
    {
        out.beginJson(name).jsonArrayStart();
        for (int i = 0; i < count; i++)
        {
            if (sides < 0 || record.getByte(sides + i) == side)
            {
                final int level = pairs + i * 16;
                out.jsonArrayStart()
                    .jsonDecimal(record.getLong(level), pp)
                    .jsonDecimal(record.getLong(level + 8), qp)
                    .jsonArrayEnd();
            }
        }
        out.jsonArrayEnd().endJson();
    }

    /** md:spread and md:spread:{symbol} from bid, bid qty, ask, ask qty at {@code values}. */
    private void renderSpread(final int values, final byte[] source)
    {
        final int pp = pricePrecision();
        final int qp = qtyPrecision();
        final long bid = record.getLong(values);
        final long ask = record.getLong(values + 16);
        final long spread = ask - bid;
        begin(StreamCatalog.MD_SPREAD, -1)
            .string(Fields.TYPE, Fields.TYPE_SPREAD)
            .string(Fields.EXCHANGE, Fields.KRAKEN);
        symbol()
            .string(Fields.SOURCE, source)
            .decimal(Fields.BID, bid, pp)
            .decimal(Fields.BID_QTY, record.getLong(values + 8), qp)
            .decimal(Fields.ASK, ask, pp)
            .decimal(Fields.ASK_QTY, record.getLong(values + 24), qp)
            .decimal(Fields.SPREAD, spread, pp)
            .decimal(Fields.SPREAD_BPS, bid + ask > 0 ? spread * 2_000_000 / (bid + ask) : 0, 2);
        stamps().publish();
        out.publishAlso(StreamCatalog.MD_SPREAD_SYMBOL);
    }

    private EntryWriter begin(final int stream, final int timeframe)
    {
        return out.begin(stream, record.getShort(at + SYMBOL_ID), timeframe);
    }

    private EntryWriter symbol()
    {
        return out.string(Fields.SYMBOL, record, at + NAME, record.getByte(at + NAME_LENGTH));
    }

    private EntryWriter stamps()
    {
        return out.timestamp(Fields.TIMESTAMP, record.getLong(at + TIMESTAMP))
            .timestamp(Fields.RECEIVED_AT, record.getLong(at + RECEIVED));
    }

    private int pricePrecision()
    {
        return record.getByte(at + PRICE_PRECISION);
    }

    private int qtyPrecision()
    {
        return record.getByte(at + QTY_PRECISION);
    }
}
