package io.tradingcore.core.kraken;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WordTableTest
{
    /** The slice sits between bytes that would change the answer if they were read as part of it, far from the end. */
    private static int find(final WordTable table, final String text)
    {
        final byte[] bytes = ("\"" + text + "\":{\"padding\":\"beyond sixteen bytes\"}").getBytes(StandardCharsets.UTF_8);
        return table.find(new UnsafeBuffer(bytes), 1, text.getBytes(StandardCharsets.UTF_8).length, bytes.length);
    }

    /** The slice ends the frame: nothing past it may be read (Agrona's bounds checks throw if it is). */
    private static int findAtTheEnd(final WordTable table, final String text)
    {
        final byte[] bytes = ("x" + text).getBytes(StandardCharsets.UTF_8);
        return table.find(new UnsafeBuffer(bytes), 1, bytes.length - 1, bytes.length);
    }

    @Test
    void eachWordIsFoundAsItsIndex()
    {
        final WordTable table = new WordTable("bid", "bids", "bid_qty", "ask");
        assertEquals(0, find(table, "bid"));
        assertEquals(1, find(table, "bids"));
        assertEquals(2, find(table, "bid_qty"));
        assertEquals(3, find(table, "ask"));
    }

    @Test
    void prefixesSuffixesAndLookAlikesAreNone()
    {
        final WordTable table = new WordTable("interval", "interval_begin", "price");
        for (final String other : new String[] {"", "i", "interva", "intervals", "nterval", "iNterval", "prise", "pric",
            "interval_begi", "interval_begin_", "price\u00e9", "\u00e9rice", "a much longer key than any word"})
        {
            assertEquals(WordTable.NONE, find(table, other), other);
        }
    }

    @Test
    void everyKrakenWordIsFoundAsItsCode()
    {
        final String[] words = {
            "channel", "type", "data", "method", "success", "error", "req_id", "result", "symbol", "timestamp", "depth",
            "system", "bid", "bid_qty", "ask", "ask_qty", "last", "volume", "vwap", "low", "high", "change", "change_pct",
            "side", "price", "qty", "ord_type", "trade_id", "bids", "asks", "checksum", "open", "close", "trades",
            "interval_begin", "interval", "pairs", "price_precision", "qty_precision", "snapshot", "pong", "subscribe",
            "status", "heartbeat", "ticker", "trade", "book", "ohlc", "instrument", "executions", "balances", "online",
            "maintenance", "cancel_only", "post_only", "buy", "sell", "market"
        };
        final int[] codes = {
            KrakenWords.CHANNEL, KrakenWords.TYPE, KrakenWords.DATA, KrakenWords.METHOD, KrakenWords.SUCCESS,
            KrakenWords.ERROR, KrakenWords.REQ_ID, KrakenWords.RESULT, KrakenWords.SYMBOL, KrakenWords.TIMESTAMP,
            KrakenWords.DEPTH, KrakenWords.SYSTEM, KrakenWords.BID, KrakenWords.BID_QTY, KrakenWords.ASK,
            KrakenWords.ASK_QTY, KrakenWords.LAST, KrakenWords.VOLUME, KrakenWords.VWAP, KrakenWords.LOW, KrakenWords.HIGH,
            KrakenWords.CHANGE, KrakenWords.CHANGE_PCT, KrakenWords.SIDE, KrakenWords.PRICE, KrakenWords.QTY,
            KrakenWords.ORD_TYPE, KrakenWords.TRADE_ID, KrakenWords.BIDS, KrakenWords.ASKS, KrakenWords.CHECKSUM,
            KrakenWords.OPEN, KrakenWords.CLOSE, KrakenWords.TRADES, KrakenWords.INTERVAL_BEGIN, KrakenWords.INTERVAL,
            KrakenWords.PAIRS, KrakenWords.PRICE_PRECISION, KrakenWords.QTY_PRECISION, KrakenWords.SNAPSHOT,
            KrakenWords.PONG, KrakenWords.SUBSCRIBE, KrakenWords.STATUS, KrakenWords.HEARTBEAT, KrakenWords.TICKER,
            KrakenWords.TRADE, KrakenWords.BOOK, KrakenWords.OHLC, KrakenWords.INSTRUMENT, KrakenWords.EXECUTIONS,
            KrakenWords.BALANCES, KrakenWords.ONLINE, KrakenWords.MAINTENANCE, KrakenWords.CANCEL_ONLY,
            KrakenWords.POST_ONLY, KrakenWords.BUY, KrakenWords.SELL, KrakenWords.MARKET
        };
        assertEquals(words.length, codes.length);
        for (int i = 0; i < words.length; i++)
        {
            assertEquals(codes[i], find(KrakenWords.TABLE, words[i]), words[i]);
        }
    }

    @Test
    void wordsAreFoundWhereTheFrameEndsRightAfterThem()
    {
        final WordTable table = new WordTable("bid", "price_precision", "interval", "exactly_16_bytes");
        assertEquals(0, findAtTheEnd(table, "bid"));
        assertEquals(1, findAtTheEnd(table, "price_precision"));
        assertEquals(2, findAtTheEnd(table, "interval"));
        assertEquals(3, findAtTheEnd(table, "exactly_16_bytes"));
        assertEquals(WordTable.NONE, findAtTheEnd(table, "bi"));
        assertEquals(WordTable.NONE, findAtTheEnd(table, "exactly_16_bytez"));
    }

    @Test
    void wordsOfEveryLengthUpTo16AreTold()
    {
        final String[] words = new String[WordTable.MAX_WORD_LENGTH];
        for (int i = 0; i < words.length; i++)
        {
            words[i] = "abcdefghijklmnop".substring(0, i + 1);
        }
        final WordTable table = new WordTable(words);
        for (int i = 0; i < words.length; i++)
        {
            assertEquals(i, find(table, words[i]), words[i]);
            assertEquals(i, findAtTheEnd(table, words[i]), words[i]);
            assertEquals(WordTable.NONE, find(table, words[i].toUpperCase()), words[i]);
        }
    }

    @Test
    void aWordLongerThan16BytesIsRefused()
    {
        assertThrows(IllegalArgumentException.class, () -> new WordTable("bid", "seventeen_bytes__"));
    }

    @Test
    void anEmptyWordIsRefused()
    {
        assertThrows(IllegalArgumentException.class, () -> new WordTable("bid", ""));
    }
}
