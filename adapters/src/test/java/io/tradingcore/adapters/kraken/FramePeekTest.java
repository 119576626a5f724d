package io.tradingcore.adapters.kraken;

import io.tradingcore.core.kraken.Channel;
import io.tradingcore.core.time.Rfc3339;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FramePeekTest
{
    private static final String BOOK_UPDATE = "{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\","
        + "\"bids\":[],\"asks\":[{\"price\":62806.6,\"qty\":0.00000000}],\"checksum\":265834348,"
        + "\"timestamp\":\"2026-08-16T23:37:05.376419Z\"}]}";
    private static final String OHLC = "{\"channel\":\"ohlc\",\"type\":\"snapshot\",\"timestamp\":\"2023-10-04T16:26:01.806315597Z\","
        + "\"data\":[{\"symbol\":\"ALGO/USD\",\"open\":0.09875,\"trades\":1,\"interval_begin\":\"2023-10-04T15:25:00.000000000Z\","
        + "\"interval\":15,\"timestamp\":\"2023-10-04T15:30:00.000000Z\"}]}";

    @Test
    void classifiesEveryKindOfFrameByItsPrefix()
    {
        assertEquals(Channel.BOOK, channel(BOOK_UPDATE));
        assertEquals(Channel.OHLC, channel(OHLC));
        assertEquals(Channel.HEARTBEAT, channel("{\"channel\":\"heartbeat\"}"));
        assertEquals(Channel.STATUS, channel("{\"channel\":\"status\",\"type\":\"update\",\"data\":[]}"));
        assertEquals(Channel.TICKER, channel("{\"channel\":\"ticker\",\"type\":\"snapshot\",\"data\":[]}"));
        assertEquals(Channel.TRADE, channel("{\"channel\":\"trade\",\"type\":\"update\",\"data\":[]}"));
        assertEquals(Channel.INSTRUMENT, channel("{\"channel\":\"instrument\",\"type\":\"snapshot\",\"data\":{}}"));
        assertEquals(Channel.PONG, channel("{\"method\":\"pong\",\"req_id\":101}"));
        assertEquals(Channel.METHOD_RESPONSE, channel("{\"method\":\"subscribe\",\"result\":{},\"success\":true}"));
        assertEquals(Channel.METHOD_RESPONSE, channel("{\"error\":\"Currency pair not supported XBT/USD\"}"));
        assertEquals(Channel.UNKNOWN, channel("{\"channel\":\"tickers\",\"data\":[]}"));
        assertEquals(Channel.UNKNOWN, channel("not json"));
        assertEquals(Channel.UNKNOWN, channel(""));
    }

    @Test
    void findsSymbolIntervalTypeAndExchangeTime()
    {
        final UnsafeBuffer book = buffer(BOOK_UPDATE);
        final int at = FramePeek.symbolOffset(book, 0, book.capacity());
        assertEquals("BTC/USD", book.getStringWithoutLengthAscii(at, FramePeek.symbolLength(book, at, book.capacity())));
        assertFalse(FramePeek.isSnapshot(book, 0, book.capacity()));
        assertEquals(Rfc3339.parseMicros(buffer("2026-08-16T23:37:05.376419Z"), 0, 27),
            FramePeek.lastTimestampMicros(book, 0, book.capacity()));

        final UnsafeBuffer ohlc = buffer(OHLC);
        assertEquals(15, FramePeek.interval(ohlc, 0, ohlc.capacity()));
        assertTrue(FramePeek.isSnapshot(ohlc, 0, ohlc.capacity()));

        final UnsafeBuffer truncated = buffer("{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/U");
        final int t = FramePeek.symbolOffset(truncated, 0, truncated.capacity());
        assertEquals(-1, FramePeek.symbolLength(truncated, t, truncated.capacity()));
        assertEquals(Rfc3339.INVALID, FramePeek.lastTimestampMicros(truncated, 0, truncated.capacity()));
    }

    private static int channel(final String frame)
    {
        final UnsafeBuffer buffer = buffer(frame);
        return FramePeek.channel(buffer, 0, buffer.capacity());
    }

    private static UnsafeBuffer buffer(final String text)
    {
        return new UnsafeBuffer(text.getBytes(StandardCharsets.UTF_8));
    }
}
