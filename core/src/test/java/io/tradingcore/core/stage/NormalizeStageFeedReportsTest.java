package io.tradingcore.core.stage;

import io.tradingcore.core.kraken.Channel;
import io.tradingcore.core.kraken.ParseError;
import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.stage.OutboxEntries.Entry;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.tradingcore.core.stage.NormalizeStageRig.BTC;
import static io.tradingcore.core.stage.NormalizeStageRig.FRAME_CAPACITY;
import static io.tradingcore.core.stage.NormalizeStageRig.T0;
import static io.tradingcore.core.stage.OutboxEntries.on;
import static io.tradingcore.core.stage.OutboxEntries.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the normalize stage reports about the feed on {@code kraken:errors}: frames it cannot use, refused requests. */
class NormalizeStageFeedReportsTest
{
    private static final String EXECUTIONS =
        "{\"channel\":\"executions\",\"type\":\"update\",\"data\":[{\"order_id\":\"junk\"}]}";

    private final NormalizeStageRig rig = new NormalizeStageRig();
    private final KrakenFrames frames = rig.frames;

    @Test
    void anOversizedFrameIsReportedWithItsLength()
    {
        final Entry error = one(rig.oversized(200_000), "kraken:errors");
        assertEquals("oversized_frame", error.get("error"));
        assertEquals("200000", error.get("length"));
        assertEquals(Integer.toString(FRAME_CAPACITY), error.get("capacity"));
        assertEquals(1, rig.counters().errors(ParseError.OVERSIZED));
        assertEquals(1, rig.event.rejectedFrames);
    }

    @Test
    void anUnknownChannelIsReportedWithTheFrame()
    {
        final String unknown = "{\"channel\":\"level3\",\"type\":\"update\",\"data\":[]}";
        final Entry error = one(rig.frame(unknown), "kraken:errors");
        assertEquals("unknown_frame", error.get("error"));
        assertEquals(unknown, error.get("frame"));
        assertEquals(1, rig.counters().frames(Channel.UNKNOWN));
        assertEquals(1, rig.event.rejectedFrames);
    }

    @Test
    void aPrivateChannelOnThePublicFeedIsAnUnknownFrame()
    {
        final Entry error = one(rig.frame(EXECUTIONS), "kraken:errors");
        assertEquals("unknown_frame", error.get("error"));
        assertEquals("executions", error.get("channel"));
        assertEquals(EXECUTIONS, error.get("frame"));
        assertEquals(1, rig.event.rejectedFrames, "a private channel on the public feed is garbage");
    }

    @Test
    void aFailedRequestIsReportedButIsNoRejectedFrame()
    {
        rig.frame(EXECUTIONS);
        rig.symbols.intern("XBT/USD"); // configured, but Kraken names it BTC/USD
        final Entry error = one(rig.frame("{\"error\":\"Currency pair not supported XBT/USD\",\"method\":\"subscribe\"," +
            "\"success\":false,\"symbol\":\"XBT/USD\",\"time_in\":\"2026-09-25T17:48:54.701041Z\"," +
            "\"time_out\":\"2026-09-25T17:48:54.701062Z\"}"), "kraken:errors");
        assertEquals("request_failed", error.get("error"));
        assertEquals("subscribe", error.get("method"));
        assertEquals("XBT/USD", error.get("symbol"));
        assertEquals("Currency pair not supported XBT/USD", error.get("reason"));
        assertEquals(1, rig.counters().failedAcks());
        assertEquals(1, rig.event.rejectedFrames, "a refused request is not a rejected frame");
    }

    @Test
    void aSuccessfulAckWritesNothing()
    {
        assertTrue(rig.frame("{\"method\":\"subscribe\",\"result\":{\"channel\":\"book\",\"depth\":10,\"snapshot\":true," +
            "\"symbol\":\"BTC/USD\"},\"success\":true}").isEmpty(), "a successful ack writes nothing");
    }

    @Test
    void symbolsNeitherConfiguredNorListedAreRejectedAndCreateNoStreams()
    {
        final int known = rig.symbols.size();
        for (final String symbol : new String[] {"FOO/BAR", "btc/usd", "BTC/USD "})
        {
            final List<Entry> written = rig.frame("{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"" +
                symbol + "\",\"side\":\"buy\",\"price\":5.0,\"qty\":1.0,\"trade_id\":9}]}");
            final Entry error = one(written, "kraken:errors");
            assertEquals("symbol_rejected", error.get("reason"));
            assertEquals(1, written.size(), "only the report: " + written);
        }
        assertEquals(known, rig.symbols.size(), "no junk symbol is interned");
        assertEquals(3, rig.counters().errors(ParseError.SYMBOL_REJECTED));
    }

    @Test
    void aNegativeQtyIsRejectedAndReachesNoStream()
    {
        final List<Entry> negative = rig.frame(KrakenFrames.trades(false,
            frames.tradeItem(BTC, Side.BUY, 628_000, -1_000_000, 1, T0 + 1_000)));
        assertEquals("value_out_of_range", one(negative, "kraken:errors").get("reason"));
        assertTrue(on(negative, "md:trades").isEmpty());
        assertEquals(0, rig.event.updateCount);
        assertEquals(1, rig.counters().errors(ParseError.VALUE_OUT_OF_RANGE));
    }

    @Test
    void aTickerOrCandleWithANegativeQtyOrNoPriceIsReportedAndReachesNoStream()
    {
        final List<List<Entry>> rejected = List.of(
            rig.frame(frames.ticker(BTC, 628_000, -150_000_000, 628_004, 250_000_000, 628_002, T0)),
            rig.frame(frames.ticker(BTC, 628_000, 150_000_000, 628_004, 250_000_000, 0, T0)),
            rig.frame(frames.ohlc(BTC, 5, 628_000, 628_100, 627_900, 628_050, -123_400_000, T0, T0 + 60_000_000)),
            rig.frame(frames.ohlc(BTC, 5, 628_000, 628_100, -627_900, 628_050, 123_400_000, T0, T0 + 60_000_000)));
        for (final List<Entry> written : rejected)
        {
            final Entry error = one(written, "kraken:errors");
            assertEquals("value_out_of_range", error.get("reason"), error.toString());
            assertTrue(error.get("frame").startsWith("{\"channel\":\"" + error.get("channel") + "\""), "an excerpt: " + error);
            assertEquals(1, written.size(), "only the report: " + written);
        }
        assertEquals(List.of("ticker", "ticker", "ohlc", "ohlc"),
            rejected.stream().map(written -> one(written, "kraken:errors").get("channel")).toList());
        assertEquals(4, rig.counters().errors(ParseError.VALUE_OUT_OF_RANGE));
        assertEquals(4, rig.event.rejectedFrames);
    }

    @Test
    void aFrameThatIsNotUtf8IsReportedWithItsValidHead()
    {
        final byte[] notUtf8 = KrakenFrames.trades(false, frames.tradeItem(BTC, Side.BUY, 628_000, 1_000_000, 2, T0 + 2_000))
            .replace("limit", "lim\u00e9t").getBytes(StandardCharsets.ISO_8859_1); // é as one Latin-1 byte
        final Entry error = one(rig.frame(notUtf8), "kraken:errors");
        assertEquals("invalid_utf8", error.get("reason"));
        final String excerpt = error.get("frame");
        assertTrue(excerpt.endsWith("\"ord_type\":\"lim"), excerpt);
        assertEquals(1, rig.counters().errors(ParseError.INVALID_UTF8));
    }
}
