package io.tradingcore.core.stream;

import org.agrona.MutableDirectBuffer;

/**
 * The binary market-data records the normalize stage hands to the {@link Outbox}: scaled longs and
 * flags only, one claim per book message, trade, ticker or candle. {@link MarketDataRenderer} turns
 * each into the entries of all its sibling streams on the adapter thread, so no decimal, timestamp or
 * field name is ever rendered on the decision path.
 * <p>
 * Every record starts with {@code short symbolId, byte pricePrecision, byte qtyPrecision,
 * long timestampMicros, long receivedMicros, byte nameLength, name}; the symbol's name travels in the
 * record so the adapter thread reads nothing the stage owns.
 */
public final class MarketRecord
{
    public static final int BOOK = 1;
    public static final int TRADE = 2;
    public static final int TICKER = 3;
    public static final int CANDLE = 4;

    static final int SYMBOL_ID = 0;
    static final int PRICE_PRECISION = 2;
    static final int QTY_PRECISION = 3;
    static final int TIMESTAMP = 4;
    static final int RECEIVED = 12;
    static final int NAME_LENGTH = 20;
    static final int NAME = 21;
    public static final int HEADER_LENGTH = 56;

    /** Book: the message's flags, the top of book after it, the levels it carried, and the spread if the top moved. */
    public static final int BOOK_SNAPSHOT = 56;
    public static final int BOOK_HAS_SPREAD = 57;
    public static final int BOOK_DEPTH = 58;
    public static final int BOOK_TOP_BIDS = 60;
    public static final int BOOK_TOP_ASKS = 62;
    public static final int BOOK_MESSAGE_LEVELS = 64;
    public static final int BOOK_CHECKSUM = 72;
    public static final int BOOK_SPREAD = 80;
    /** Top bids then top asks as (price, qty) pairs, then the message's (price, qty) pairs, then its sides, a byte each. */
    public static final int BOOK_LEVELS = 112;

    public static final int TRADE_SIDE = 56;
    public static final int TRADE_ORD_TYPE = 57;
    public static final int TRADE_PRICE = 64;
    public static final int TRADE_QTY = 72;
    public static final int TRADE_ID = 80;
    public static final int TRADE_LENGTH = 88;

    /** Ticker: bid, bid qty, ask, ask qty, last, volume, vwap, low, high, change, change % as longs. */
    public static final int TICKER_VALUES = 56;
    public static final int TICKER_LENGTH = TICKER_VALUES + 11 * Long.BYTES;

    public static final int CANDLE_TIMEFRAME = 56;
    /** Candle: open, high, low, close, vwap, volume, trades, interval begin as longs. */
    public static final int CANDLE_VALUES = 64;
    public static final int CANDLE_LENGTH = CANDLE_VALUES + 8 * Long.BYTES;

    private MarketRecord()
    {
    }

    public static int bookLength(final int topBids, final int topAsks, final int messageLevels)
    {
        return BOOK_LEVELS + (topBids + topAsks + messageLevels) * 2 * Long.BYTES + messageLevels;
    }

    /** Writes the common header at {@code index}. */
    public static void header(
        final MutableDirectBuffer buffer, final int index, final int symbolId, final byte[] name,
        final int pricePrecision, final int qtyPrecision, final long timestampMicros, final long receivedMicros)
    {
        buffer.putShort(index + SYMBOL_ID, (short)symbolId);
        buffer.putByte(index + PRICE_PRECISION, (byte)pricePrecision);
        buffer.putByte(index + QTY_PRECISION, (byte)qtyPrecision);
        buffer.putLong(index + TIMESTAMP, timestampMicros);
        buffer.putLong(index + RECEIVED, receivedMicros);
        buffer.putByte(index + NAME_LENGTH, (byte)name.length);
        buffer.putBytes(index + NAME, name);
    }
}
