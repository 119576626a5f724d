package io.tradingcore.core.stage;

import io.tradingcore.core.book.BookChecksum;
import io.tradingcore.core.book.OrderBook;
import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.time.Rfc3339;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds Kraken v2 frames for tests from scaled longs. Book frames carry the checksum of a mirror
 * book kept here (core's {@link OrderBook} and {@link BookChecksum}, truncated to the subscribed
 * depth as Kraken does), so a stage fed these frames verifies them. Numbers are written with
 * {@link BigDecimal}, independently of the core's own decimal writer.
 */
public final class KrakenFrames
{
    private final int depth;
    private final Map<String, OrderBook> books = new HashMap<>();
    private final Map<String, int[]> precisions = new HashMap<>();
    private final BookChecksum checksum = new BookChecksum();
    private long lastChecksum;

    public KrakenFrames(final int depth)
    {
        this.depth = depth;
    }

    public KrakenFrames symbol(final String symbol, final int pricePrecision, final int qtyPrecision)
    {
        precisions.put(symbol, new int[] {pricePrecision, qtyPrecision});
        final OrderBook book = new OrderBook(depth + 1024);
        book.depth(depth);
        books.put(symbol, book);
        return this;
    }

    /** A snapshot (replacing the mirror book); {@code bids}/{@code asks} are (price, qty) pairs; no timestamp when micros is 0. */
    public String snapshot(final String symbol, final long micros, final long[] bids, final long[] asks)
    {
        return book(true, symbol, micros, bids, asks, false);
    }

    public String update(final String symbol, final long micros, final long[] bids, final long[] asks)
    {
        return book(false, symbol, micros, bids, asks, false);
    }

    /** An update whose checksum is off by one: the mirror still applies it. */
    public String corruptUpdate(final String symbol, final long micros, final long[] bids, final long[] asks)
    {
        return book(false, symbol, micros, bids, asks, true);
    }

    /** The correct checksum of the mirror book after the last book frame built. */
    public long lastChecksum()
    {
        return lastChecksum;
    }

    /** Kraken's successful book subscribe ack for {@code symbol} at {@code depth}. */
    public static String bookAck(final String symbol, final int depth)
    {
        return "{\"method\":\"subscribe\",\"result\":{\"channel\":\"book\",\"depth\":" + depth +
            ",\"snapshot\":true,\"symbol\":\"" + symbol + "\"},\"success\":true}";
    }

    /** A trade frame of {@code items} made with {@link #tradeItem}. */
    public static String trades(final boolean snapshot, final String... items)
    {
        return "{\"channel\":\"trade\",\"type\":\"" + type(snapshot) + "\",\"data\":[" + String.join(",", items) + "]}";
    }

    public String tradeItem(
        final String symbol, final int side, final long price, final long qty, final long tradeId, final long micros)
    {
        return "{\"symbol\":\"" + symbol + "\",\"side\":\"" + (side == Side.BUY ? "buy" : "sell") + "\",\"price\":" +
            price(symbol, price) + ",\"qty\":" + qty(symbol, qty) + ",\"ord_type\":\"limit\",\"trade_id\":" + tradeId +
            ",\"timestamp\":\"" + Rfc3339.formatMicros(micros) + "\"}";
    }

    public String ticker(
        final String symbol, final long bid, final long bidQty, final long ask, final long askQty, final long last,
        final long micros)
    {
        return "{\"channel\":\"ticker\",\"type\":\"update\",\"data\":[{\"symbol\":\"" + symbol + "\",\"bid\":" +
            price(symbol, bid) + ",\"bid_qty\":" + qty(symbol, bidQty) + ",\"ask\":" + price(symbol, ask) +
            ",\"ask_qty\":" + qty(symbol, askQty) + ",\"last\":" + price(symbol, last) + ",\"volume\":" +
            qty(symbol, 100 * bidQty) + ",\"vwap\":" + price(symbol, last) + ",\"low\":" + price(symbol, bid) +
            ",\"high\":" + price(symbol, ask) + ",\"change\":" + price(symbol, -1) +
            ",\"change_pct\":-0.17,\"timestamp\":\"" + Rfc3339.formatMicros(micros) + "\"}]}";
    }

    /** One ohlc item; the frame timestamp is {@code frameMicros}, the item's the interval's end. */
    public String ohlc(
        final String symbol, final int intervalMinutes, final long open, final long high, final long low,
        final long close, final long volume, final long intervalBeginMicros, final long frameMicros)
    {
        return ohlcFrame("update", frameMicros, ohlcItem(symbol, intervalMinutes, open, high, low, close, volume,
            intervalBeginMicros));
    }

    /**
     * An ohlc snapshot of {@code count} consecutive candles of {@code intervalMinutes} from
     * {@code firstBeginMicros}, candle {@code i} opening at {@code open + i}, each one tick wide.
     */
    public String ohlcSnapshot(
        final String symbol, final int intervalMinutes, final long open, final long firstBeginMicros, final int count,
        final long frameMicros)
    {
        final String[] items = new String[count];
        for (int i = 0; i < count; i++)
        {
            items[i] = ohlcItem(symbol, intervalMinutes, open + i, open + i + 1, open + i, open + i + 1, 100_000_000,
                firstBeginMicros + i * intervalMinutes * 60_000_000L);
        }
        return ohlcFrame("snapshot", frameMicros, items);
    }

    private static String ohlcFrame(final String type, final long frameMicros, final String... items)
    {
        return "{\"channel\":\"ohlc\",\"type\":\"" + type + "\",\"timestamp\":\"" + Rfc3339.formatMicros(frameMicros) +
            "\",\"data\":[" + String.join(",", items) + "]}";
    }

    private String ohlcItem(
        final String symbol, final int intervalMinutes, final long open, final long high, final long low,
        final long close, final long volume, final long intervalBeginMicros)
    {
        final long end = intervalBeginMicros + intervalMinutes * 60_000_000L;
        return "{\"symbol\":\"" + symbol + "\",\"open\":" + price(symbol, open) + ",\"high\":" +
            price(symbol, high) + ",\"low\":" + price(symbol, low) + ",\"close\":" + price(symbol, close) +
            ",\"trades\":7,\"volume\":" + qty(symbol, volume) + ",\"vwap\":" + price(symbol, close) +
            ",\"interval_begin\":\"" + Rfc3339.formatMicros(intervalBeginMicros) + "\",\"interval\":" +
            intervalMinutes + ",\"timestamp\":\"" + Rfc3339.formatMicros(end) + "\"}";
    }

    /** {@code [[price,qty],...]} of the first {@code n} pairs, as the stage writes book JSON. */
    public String levelsJson(final String symbol, final long[] pairs, final int n)
    {
        final StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < n; i++)
        {
            json.append(i > 0 ? "," : "").append('[').append(price(symbol, pairs[2 * i])).append(',')
                .append(qty(symbol, pairs[2 * i + 1])).append(']');
        }
        return json.append(']').toString();
    }

    public String price(final String symbol, final long scaled)
    {
        return BigDecimal.valueOf(scaled, precisions.get(symbol)[0]).toPlainString();
    }

    public String qty(final String symbol, final long scaled)
    {
        return BigDecimal.valueOf(scaled, precisions.get(symbol)[1]).toPlainString();
    }

    private String book(
        final boolean snapshot, final String symbol, final long micros, final long[] bids, final long[] asks,
        final boolean corrupt)
    {
        final OrderBook book = books.get(symbol);
        if (snapshot)
        {
            book.clear();
        }
        apply(book, Side.BID, bids);
        apply(book, Side.ASK, asks);
        book.truncate();
        lastChecksum = checksum.compute(book);
        return "{\"channel\":\"book\",\"type\":\"" + type(snapshot) + "\",\"data\":[{\"symbol\":\"" + symbol +
            "\",\"bids\":" + levels(symbol, bids) + ",\"asks\":" + levels(symbol, asks) + ",\"checksum\":" +
            (corrupt ? (lastChecksum + 1) & 0xFFFF_FFFFL : lastChecksum) +
            (micros != 0 ? ",\"timestamp\":\"" + Rfc3339.formatMicros(micros) + "\"" : "") + "}]}";
    }

    private static void apply(final OrderBook book, final int side, final long[] pairs)
    {
        for (int i = 0; i < pairs.length; i += 2)
        {
            book.apply(side, pairs[i], pairs[i + 1]);
        }
    }

    private String levels(final String symbol, final long[] pairs)
    {
        final StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < pairs.length; i += 2)
        {
            json.append(i > 0 ? "," : "").append("{\"price\":").append(price(symbol, pairs[i])).append(",\"qty\":")
                .append(qty(symbol, pairs[i + 1])).append('}');
        }
        return json.append(']').toString();
    }

    private static String type(final boolean snapshot)
    {
        return snapshot ? "snapshot" : "update";
    }
}
