package io.tradingcore.core.stage;

import io.tradingcore.core.book.BookView;
import io.tradingcore.core.kraken.CandleUpdate;
import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.kraken.TickerUpdate;
import io.tradingcore.core.kraken.TradePrint;
import io.tradingcore.core.stream.MarketRecord;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.StreamCatalog;
import org.agrona.MutableDirectBuffer;

import static io.tradingcore.core.stream.MarketRecord.*;

/**
 * The normalize stage's market data as {@link MarketRecord}s: scaled longs copied straight into a slot
 * claimed in the {@link Outbox}, one claim per book message, trade, ticker or candle. Rendering them as
 * text is the adapter thread's work. Single writer (the normalize stage); allocation-free.
 */
final class MarketRecordWriter
{
    private static final int[] BOOK_WITH_SPREAD = {
        StreamCatalog.MD_ORDERBOOK, StreamCatalog.MD_BOOK_SYMBOL, StreamCatalog.KRAKEN_ORDERBOOK,
        StreamCatalog.MD_SPREAD, StreamCatalog.MD_SPREAD_SYMBOL};
    private static final int[] BOOK_STREAMS = {
        StreamCatalog.MD_ORDERBOOK, StreamCatalog.MD_BOOK_SYMBOL, StreamCatalog.KRAKEN_ORDERBOOK};
    private static final int[] TRADE_STREAMS = {
        StreamCatalog.MD_TRADES, StreamCatalog.MD_TRADES_SYMBOL, StreamCatalog.KRAKEN_TRADES};
    private static final int[] TICKER_STREAMS = {
        StreamCatalog.KRAKEN_TICKER, StreamCatalog.MD_SPREAD, StreamCatalog.MD_SPREAD_SYMBOL};
    private static final int[] CANDLE_STREAMS = {
        StreamCatalog.MD_CANDLES, StreamCatalog.MD_CANDLES_SYMBOL, StreamCatalog.KRAKEN_OHLC};

    private final Outbox outbox;
    private final MutableDirectBuffer ring;

    MarketRecordWriter(final Outbox outbox)
    {
        this.outbox = outbox;
        this.ring = outbox.buffer();
    }

    void trade(
        final TradePrint t, final byte[] name, final int pp, final int qp, final long stampMicros, final long receivedMicros)
    {
        final int at = outbox.claim(TRADE, TRADE_STREAMS, TRADE_LENGTH);
        if (at < 0)
        {
            return;
        }
        MarketRecord.header(ring, at, t.symbolId, name, pp, qp, stampMicros, receivedMicros);
        ring.putByte(at + TRADE_SIDE, (byte)t.side);
        ring.putByte(at + TRADE_ORD_TYPE, (byte)(t.ordType == TradePrint.ORD_TYPE_MARKET ? 1 : 0));
        ring.putLong(at + TRADE_PRICE, t.price);
        ring.putLong(at + TRADE_QTY, t.qty);
        ring.putLong(at + TRADE_ID, t.tradeId);
        outbox.commit(at);
    }

    void ticker(
        final TickerUpdate t, final byte[] name, final int pp, final int qp, final long stampMicros, final long receivedMicros)
    {
        final int at = outbox.claim(TICKER, TICKER_STREAMS, TICKER_LENGTH);
        if (at < 0)
        {
            return;
        }
        MarketRecord.header(ring, at, t.symbolId, name, pp, qp, stampMicros, receivedMicros);
        final int v = at + TICKER_VALUES;
        ring.putLong(v, t.bid);
        ring.putLong(v + 8, t.bidQty);
        ring.putLong(v + 16, t.ask);
        ring.putLong(v + 24, t.askQty);
        ring.putLong(v + 32, t.last);
        ring.putLong(v + 40, t.volume);
        ring.putLong(v + 48, t.vwap);
        ring.putLong(v + 56, t.low);
        ring.putLong(v + 64, t.high);
        ring.putLong(v + 72, t.change);
        ring.putLong(v + 80, t.changePct);
        outbox.commit(at);
    }

    void candle(
        final CandleUpdate c, final int timeframe, final byte[] name, final int pp, final int qp, final long stampMicros,
        final long receivedMicros)
    {
        final int at = outbox.claim(CANDLE, CANDLE_STREAMS, CANDLE_LENGTH);
        if (at < 0)
        {
            return;
        }
        MarketRecord.header(ring, at, c.symbolId, name, pp, qp, stampMicros, receivedMicros);
        ring.putByte(at + CANDLE_TIMEFRAME, (byte)timeframe);
        final int v = at + CANDLE_VALUES;
        ring.putLong(v, c.open);
        ring.putLong(v + 8, c.high);
        ring.putLong(v + 16, c.low);
        ring.putLong(v + 24, c.close);
        ring.putLong(v + 32, c.vwap);
        ring.putLong(v + 40, c.volume);
        ring.putLong(v + 48, c.trades);
        ring.putLong(v + 56, c.intervalBeginMicros);
        outbox.commit(at);
    }

    /**
     * One book message: the top {@code publishedLevels} of the book after it, the levels it carried
     * (in order, with their sides), and the new top of book when {@code topMoved}.
     */
    void book(
        final int symbolId, final byte[] name, final int pp, final int qp, final long stampMicros,
        final long receivedMicros, final BookView book, final int publishedLevels, final boolean snapshot,
        final long checksum, final int messageLevels, final int[] messageSide, final long[] messagePrice,
        final long[] messageQty, final boolean topMoved)
    {
        final int topBids = Math.min(publishedLevels, book.levels(Side.BID));
        final int topAsks = Math.min(publishedLevels, book.levels(Side.ASK));
        final int at = outbox.claim(
            BOOK, topMoved ? BOOK_WITH_SPREAD : BOOK_STREAMS, MarketRecord.bookLength(topBids, topAsks, messageLevels));
        if (at < 0)
        {
            return;
        }
        MarketRecord.header(ring, at, symbolId, name, pp, qp, stampMicros, receivedMicros);
        ring.putByte(at + BOOK_SNAPSHOT, (byte)(snapshot ? 1 : 0));
        ring.putByte(at + BOOK_HAS_SPREAD, (byte)(topMoved ? 1 : 0));
        ring.putShort(at + BOOK_DEPTH, (short)publishedLevels);
        ring.putShort(at + BOOK_TOP_BIDS, (short)topBids);
        ring.putShort(at + BOOK_TOP_ASKS, (short)topAsks);
        ring.putShort(at + BOOK_MESSAGE_LEVELS, (short)messageLevels);
        ring.putLong(at + BOOK_CHECKSUM, checksum);
        if (topMoved)
        {
            final boolean bids = book.levels(Side.BID) > 0;
            final boolean asks = book.levels(Side.ASK) > 0;
            ring.putLong(at + BOOK_SPREAD, bids ? book.price(Side.BID, 0) : 0);
            ring.putLong(at + BOOK_SPREAD + 8, bids ? book.qty(Side.BID, 0) : 0);
            ring.putLong(at + BOOK_SPREAD + 16, asks ? book.price(Side.ASK, 0) : 0);
            ring.putLong(at + BOOK_SPREAD + 24, asks ? book.qty(Side.ASK, 0) : 0);
        }
        int level = at + BOOK_LEVELS;
        level = putLevels(book, Side.BID, topBids, level);
        level = putLevels(book, Side.ASK, topAsks, level);
        for (int i = 0; i < messageLevels; i++, level += 16)
        {
            ring.putLong(level, messagePrice[i]);
            ring.putLong(level + 8, messageQty[i]);
        }
        for (int i = 0; i < messageLevels; i++)
        {
            ring.putByte(level + i, (byte)messageSide[i]);
        }
        outbox.commit(at);
    }

    private int putLevels(final BookView book, final int side, final int count, final int offset)
    {
        int level = offset;
        for (int i = 0; i < count; i++, level += 16)
        {
            ring.putLong(level, book.price(side, i));
            ring.putLong(level + 8, book.qty(side, i));
        }
        return level;
    }
}
