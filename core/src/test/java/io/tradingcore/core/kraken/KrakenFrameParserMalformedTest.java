package io.tradingcore.core.kraken;

import io.tradingcore.core.market.Instruments;
import io.tradingcore.core.market.SymbolTable;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class KrakenFrameParserMalformedTest
{
    private static final String DAMAGE = "{}[]\",:.-+eE0159 \\xnt\u0000\u00ff";
    private static final String BOOK_HEAD = "{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"MATIC/USD\",";

    private final SymbolTable symbols = new SymbolTable();
    private final Instruments instruments = new Instruments();
    private final KrakenFrameParser parser = new KrakenFrameParser(symbols, instruments);
    private final RecordingHandler handler = new RecordingHandler(symbols);

    @BeforeEach
    void subscribe()
    {
        final int matic = symbols.intern("MATIC/USD");
        instruments.offer(matic, 4, 8, Instruments.SOURCE_INSTRUMENT);
        instruments.offer(symbols.intern("ALGO/USD"), 5, 8, Instruments.SOURCE_INSTRUMENT);
        symbols.intern("BTC/USD"); // configured, precision learnt from the wire
    }

    /** Parses a frame expected to be malformed: MALFORMED, and exactly one onError, as the last call. */
    private String malformed(final String frame)
    {
        handler.calls.clear();
        final int channel = parser.parse(Fixtures.exact(frame), 0, frame.length(), handler);
        assertEquals(Channel.MALFORMED, channel, () -> frame + " → " + handler.calls);
        assertEquals(1, handler.calls.stream().filter(c -> c.startsWith("error ")).count(), () -> frame + " → " + handler.calls);
        assertTrue(handler.last().startsWith("error "), () -> frame + " → " + handler.calls);
        return handler.last();
    }

    @Test
    void everyPrefixOfEveryFixtureIsTruncated()
    {
        final String[] frames = new String[Fixtures.FRAMES.length + 1];
        for (int i = 0; i < Fixtures.FRAMES.length; i++)
        {
            frames[i] = Fixtures.frame(Fixtures.FRAMES[i]);
        }
        frames[Fixtures.FRAMES.length] = Fixtures.instrumentFrame();
        for (final String frame : frames)
        {
            for (int length = 0; length < frame.length(); length++)
            {
                final String error = malformed(frame.substring(0, length));
                assertTrue(error.startsWith("error truncated "), frame.substring(0, length) + " → " + error);
            }
        }
    }

    @Test
    void aBookCutInsideItsItemReportsTheSymbolAndWhereItStopped()
    {
        final String frame = Fixtures.frame("book-snapshot-matic");
        final int levels = frame.indexOf("\"bids\"");
        for (int length = levels; length < frame.length(); length++)
        {
            final String error = malformed(frame.substring(0, length));
            if (length < frame.length() - 2)
            {
                assertEquals("error truncated channel=book symbol=MATIC/USD at=" + length, error);
            }
        }
    }

    @Test
    void aBookCutAfterItsLevelsHasDeliveredThemAlready()
    {
        final String frame = Fixtures.frame("book-update-matic");
        malformed(frame.substring(0, frame.indexOf("\"checksum\"") + 5));
        assertEquals("book MATIC/USD snapshot=false", handler.calls.get(0));
        assertEquals("bid 109839475580@5657", handler.calls.get(1));
        assertEquals(3, handler.calls.size());
    }

    @Test
    void aNumberCutByTheEndOfTheFrameTeachesNoPrecision()
    {
        final String frame = Fixtures.frame("book-update-btc-real");
        assertEquals("error truncated channel=book symbol=BTC/USD at=94",
            malformed(frame.substring(0, frame.indexOf("62806.6") + 5)));
        assertEquals(List.of("book BTC/USD snapshot=false", "error truncated channel=book symbol=BTC/USD at=94"), handler.calls,
            "no precision reported");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // not JSON, empty, wrong top level
        "''| error truncated channel=unknown symbol=- at=0",
        "'  \n '| error truncated channel=unknown symbol=- at=4",
        "hello| error syntax channel=unknown symbol=- at=0",
        "[1,2]| error wrong_type channel=unknown symbol=- at=0",
        "'{\"channel\":\"heartbeat\"} x'| error syntax channel=heartbeat symbol=- at=24",
        "'{\"channel\":\"heartbeat\"}}'| error syntax channel=heartbeat symbol=- at=23",
        "'{\"channel\":\"heartbeat\",}'| error syntax channel=heartbeat symbol=- at=23",
        "'{\"channel\" \"heartbeat\"}'| error syntax channel=unknown symbol=- at=11",
        "'{\"channel\":heartbeat}'| error syntax channel=unknown symbol=- at=11",
        "'{,\"channel\":\"heartbeat\"}'| error syntax channel=unknown symbol=- at=1",
        "'{\"channel\":\"heartbeat\",\"x\":tru}'| error syntax channel=heartbeat symbol=- at=30",
        "'{\"channel\":\"heartbeat\",\"x\":[1 2]}'| error syntax channel=heartbeat symbol=- at=30",
        "'{\"channel\":\"heartbeat\",\"x\":[1,]}'| error syntax channel=heartbeat symbol=- at=30",
        "'{\"channel\":\"heartbeat\",\"x\":[}'| error syntax channel=heartbeat symbol=- at=28",
        "'{\"channel\":\"heartbeat\",\"x\":{\"a\"}}'| error syntax channel=heartbeat symbol=- at=31",
        "'{\"channel\":\"heartbeat\",\"x\":012}'| error syntax channel=heartbeat symbol=- at=28",
        "'{\"channel\":\"heartbeat\",\"x\":-}'| error syntax channel=heartbeat symbol=- at=28",
        "'{\"channel\":\"heartbeat\",\"x\":1.e5}'| error syntax channel=heartbeat symbol=- at=29",
        "'{\"channel\":\"heartbeat\",\"x\":1e}'| error syntax channel=heartbeat symbol=- at=29",
        "'{\"channel\":\"heartbeat\",\"x\":+1}'| error syntax channel=heartbeat symbol=- at=27",
        "'{\"channel\":\"heartbeat\",\"x\":\"a\\qb\"}'| error syntax channel=heartbeat symbol=- at=29",
        "'{\"channel\":\"heartbeat\",\"x\":\"\\u12G4\"}'| error syntax channel=heartbeat symbol=- at=32",
        "'{\"channel\":\"heartbeat\",\"x\":\"tab\there\"}'| error syntax channel=heartbeat symbol=- at=31",
        // wrong types
        "'{\"channel\":5}'| error wrong_type channel=unknown symbol=- at=11",
        "'{\"channel\":\"book\",\"type\":\"update\",\"data\":{}}'| error wrong_type channel=book symbol=- at=41",
        "'{\"channel\":\"book\",\"type\":\"update\",\"data\":[[]]}'| error wrong_type channel=book symbol=- at=42",
        "'{\"method\":\"subscribe\",\"success\":\"yes\"}'| error wrong_type channel=method symbol=- at=32",
        "'{\"method\":\"pong\",\"req_id\":\"101\"}'| error wrong_type channel=pong symbol=- at=26",
        "'{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":7}]}'| error wrong_type channel=book symbol=- at=52",
        // missing fields
        "'{\"channel\":\"ticker\",\"type\":\"update\"}'| error missing_field channel=ticker symbol=- at=36",
        "'{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"bids\":[],\"checksum\":1}]}'" +
            "| error missing_field channel=book symbol=- at=66",
        // symbols
        "'{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"ABCDEFGHIJKLMNOPQRSTUVWXYZ/ABCDEFGHIJKL\"}]}'" +
            "| error symbol_rejected channel=trade symbol=- at=94",
        "'{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"\"}]}'| error symbol_rejected channel=trade symbol=- at=55",
    })
    void rejects(final String frame, final String error)
    {
        assertEquals(error.strip(), malformed(frame));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"bids\":[{\"price\":\"abc\",\"qty\":1}],\"checksum\":1}]}| error wrong_type channel=book symbol=MATIC/USD at=81",
        "\"bids\":[{\"price\":null,\"qty\":1}],\"checksum\":1}]}| error wrong_type channel=book symbol=MATIC/USD at=81",
        "\"bids\":{},\"checksum\":1}]}| error wrong_type channel=book symbol=MATIC/USD at=71",
        "\"bids\":[[0.5666,1]],\"checksum\":1}]}| error wrong_type channel=book symbol=MATIC/USD at=72",
        "\"bids\":[0.5666],\"checksum\":1}]}| error wrong_type channel=book symbol=MATIC/USD at=72",
        "\"bids\":[{\"price\":0.5666}],\"checksum\":1}]}| error missing_field channel=book symbol=MATIC/USD at=88",
        "\"bids\":[],\"asks\":[]}]}| error missing_field channel=book symbol=MATIC/USD at=84",
        "\"bids\":[{\"price\":99999999999999999999999,\"qty\":1}],\"checksum\":1}]}" +
            "| error number_overflow channel=book symbol=MATIC/USD at=104",
        "\"bids\":[{\"price\":1e400,\"qty\":1}],\"checksum\":1}]}| error number_overflow channel=book symbol=MATIC/USD at=86",
        "\"bids\":[{\"price\":0.5,\"qty\":92233720369}],\"checksum\":1}]}| error number_overflow channel=book symbol=MATIC/USD at=102",
        "\"bids\":[],\"checksum\":4294967296}]}| error number_overflow channel=book symbol=MATIC/USD at=95",
        "\"bids\":[],\"checksum\":-1}]}| error number_overflow channel=book symbol=MATIC/USD at=87",
        "\"bids\":[{\"price\":0.56661,\"qty\":1}],\"checksum\":1}]}| error precision_exceeded channel=book symbol=MATIC/USD at=88",
        "\"bids\":[{\"price\":1e-08,\"qty\":1}],\"checksum\":1}]}| error precision_exceeded channel=book symbol=MATIC/USD at=86",
        "\"bids\":[{\"price\":0.5,\"qty\":0.000000001}],\"checksum\":1}]}| error precision_exceeded channel=book symbol=MATIC/USD at=102",
        "\"bids\":[],\"checksum\":1,\"timestamp\":\"yesterday\"}]}| error wrong_type channel=book symbol=MATIC/USD at=110",
    })
    void rejectsBookItems(final String item, final String error)
    {
        assertEquals(error.strip(), malformed(BOOK_HEAD + item));
    }

    @Test
    void trailingZerosBeyondThePrecisionAreFine()
    {
        final String frame = BOOK_HEAD + "\"bids\":[{\"price\":0.56660000,\"qty\":1.000000000000}],\"checksum\":1}]}";
        assertEquals(Channel.BOOK, parser.parse(Fixtures.exact(frame), 0, frame.length(), handler));
        assertEquals("bid 100000000@5666", handler.calls.get(1));
    }

    @Test
    void tradeFieldsOfTheWrongKind()
    {
        final String head = "{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"MATIC/USD\",";
        assertEquals("error wrong_type channel=trade symbol=MATIC/USD at=78", malformed(head + "\"side\":\"long\"}]}"));
        assertEquals("error number_overflow channel=trade symbol=MATIC/USD at=96",
            malformed(head + "\"trade_id\":99999999999999999999}]}"));
        assertEquals("error precision_exceeded channel=trade symbol=MATIC/USD at=79", malformed(head + "\"trade_id\":1.5}]}"));
        assertEquals("error wrong_type channel=trade symbol=MATIC/USD at=73", malformed(head + "\"price\":\"0.5\"}]}"));
    }

    @Test
    void anErrorAfterDeliveredItemsIsStillReported()
    {
        final String frame = "{\"channel\":\"ticker\",\"type\":\"update\",\"data\":[{\"symbol\":\"ALGO/USD\",\"last\":0.1}," +
            "{\"symbol\":\"ALGO/USD\",\"last\":\"x\"}]}";
        assertEquals("error wrong_type channel=ticker symbol=ALGO/USD at=105", malformed(frame));
        assertTrue(handler.calls.get(0).startsWith("ticker ALGO/USD"));
    }

    @Test
    void deepNestingIsASyntaxErrorNotAStackOverflow()
    {
        final String ok = "{\"channel\":\"heartbeat\",\"x\":" + "[".repeat(64) + "]".repeat(64) + "}";
        assertEquals(Channel.HEARTBEAT, parser.parse(Fixtures.exact(ok), 0, ok.length(), handler));
        final String deep = "{\"channel\":\"heartbeat\",\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertEquals("error syntax channel=heartbeat symbol=- at=91", malformed(deep));
    }

    @Test
    void symbolsNeitherConfiguredNorListedAreRejectedWithoutFillingTheTable()
    {
        final int before = symbols.size();
        for (final String junk : new String[] {"FOO/BAR", "btc/usd", "BTC/USD ", "BTC\\u002fUSD"})
        {
            final String frame = "{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"" + junk +
                "\",\"side\":\"buy\",\"price\":1.0,\"qty\":1.0}]}";
            assertTrue(malformed(frame).startsWith("error symbol_rejected channel=trade symbol=-"), junk);
        }
        assertEquals(before, symbols.size());
    }

    @Test
    void wellFormedValuesNoMarketHasAreRejected()
    {
        assertTrue(malformed(maticTrade("0.5147", "-1.0")).startsWith("error value_out_of_range channel=trade symbol=MATIC/USD "));
        assertTrue(malformed(maticTrade("0.0", "1.0")).startsWith("error value_out_of_range channel=trade symbol=MATIC/USD "));
        assertTrue(malformed(maticTrade("0.51471", "1.0")).startsWith("error precision_exceeded channel=trade symbol=MATIC/USD "));
        assertTrue(malformed("{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"MATIC/USD\",\"trade_id\":-3}]}")
            .startsWith("error value_out_of_range channel=trade symbol=MATIC/USD "));
        assertTrue(malformed("{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"MATIC/USD\"," +
            "\"bids\":[{\"price\":-0.5,\"qty\":1.0}],\"asks\":[],\"checksum\":1}]}")
            .startsWith("error value_out_of_range channel=book symbol=MATIC/USD "));
    }

    /** A ticker or candle item with one field replaced by a well-formed value no market has: rejected, nothing delivered. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ticker|bid|0", "ticker|bid|-0.1", "ticker|bid_qty|-1.5", "ticker|ask|0.00000", "ticker|ask_qty|-0.00000001",
        "ticker|last|-0.10001", "ticker|volume|-100", "ticker|low|0", "ticker|high|-0.11",
        "ohlc|open|0", "ohlc|high|-1", "ohlc|low|0.0", "ohlc|close|-0.105", "ohlc|volume|-5.0", "ohlc|trades|-7",
    })
    void tickerAndCandleValuesNoMarketHasAreRejected(final String channel, final String field, final String value)
    {
        final String good = "ticker".equals(channel) ? algoTicker(Map.of()) : algoCandle(Map.of());
        assertEquals("ticker".equals(channel) ? Channel.TICKER : Channel.OHLC,
            parser.parse(Fixtures.exact(good), 0, good.length(), handler), () -> good + " → " + handler.calls);
        final String bad = "ticker".equals(channel) ? algoTicker(Map.of(field, value)) : algoCandle(Map.of(field, value));
        final String error = malformed(bad);
        assertTrue(error.startsWith("error value_out_of_range channel=" + channel + " symbol=ALGO/USD "), bad + " → " + error);
        assertEquals(1, handler.calls.size(), () -> "nothing delivered: " + handler.calls);
    }

    @Test
    void aZeroQtyIsAQuietMarketNotAnError()
    {
        final String ticker = algoTicker(Map.of("bid_qty", "0", "ask_qty", "0.0", "volume", "0"));
        assertEquals(Channel.TICKER, parser.parse(Fixtures.exact(ticker), 0, ticker.length(), handler), () -> ticker + " → " + handler.calls);
        final String candle = algoCandle(Map.of("volume", "0.0", "trades", "0"));
        assertEquals(Channel.OHLC, parser.parse(Fixtures.exact(candle), 0, candle.length(), handler), () -> candle + " → " + handler.calls);
    }

    private static String algoTicker(final Map<String, String> replaced)
    {
        return "{\"channel\":\"ticker\",\"type\":\"update\",\"data\":[{" + members(replaced, "symbol", "\"ALGO/USD\"",
            "bid", "0.1", "bid_qty", "1.5", "ask", "0.10002", "ask_qty", "2.0", "last", "0.10001", "volume", "100.0",
            "vwap", "0.1", "low", "0.09", "high", "0.11", "change", "-0.001", "change_pct", "-1.0") + "}]}";
    }

    private static String algoCandle(final Map<String, String> replaced)
    {
        return "{\"channel\":\"ohlc\",\"type\":\"update\",\"timestamp\":\"2026-09-25T17:48:00.000000Z\",\"data\":[{" +
            members(replaced, "symbol", "\"ALGO/USD\"", "open", "0.1", "high", "0.11", "low", "0.09", "close", "0.105",
                "trades", "7", "volume", "100.0", "vwap", "0.1", "interval_begin", "\"2026-09-25T17:47:00.000000Z\"",
                "interval", "1", "timestamp", "\"2026-09-25T17:48:00.000000Z\"") + "}]}";
    }

    /** {@code "key":value} members of the pairs, a key in {@code replaced} taking its value from there. */
    private static String members(final Map<String, String> replaced, final String... pairs)
    {
        final StringBuilder json = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2)
        {
            json.append(i > 0 ? "," : "").append('"').append(pairs[i]).append("\":")
                .append(replaced.getOrDefault(pairs[i], pairs[i + 1]));
        }
        return json.toString();
    }

    private static String maticTrade(final String price, final String qty)
    {
        return "{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"MATIC/USD\",\"price\":" + price +
            ",\"qty\":" + qty + "}]}";
    }

    @Test
    void aFrameThatIsNotUtf8IsRejectedBeforeAnyOfItsTextIsUsed()
    {
        final byte[] frame = "{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"MATIC/USD\",\"side\":\"buy\",\"x\":\"??\"}]}"
            .getBytes(StandardCharsets.US_ASCII);
        final int bad = new String(frame, StandardCharsets.US_ASCII).indexOf("??");
        frame[bad] = (byte)0xC3; // a lead byte followed by ASCII: not UTF-8
        handler.calls.clear();
        assertEquals(Channel.MALFORMED, parser.parse(new UnsafeBuffer(frame), 0, frame.length, handler));
        assertEquals(List.of("error invalid_utf8 channel=unknown symbol=- at=" + bad), handler.calls);
    }

    @Test
    void symbolTableFullRejectsNewSymbols()
    {
        for (int i = symbols.size(); i < SymbolTable.MAX_SYMBOLS; i++)
        {
            symbols.intern("S" + i);
        }
        final String frame = "{\"channel\":\"ticker\",\"type\":\"update\",\"data\":[{\"symbol\":\"NEW/USD\",\"last\":1}]}";
        assertEquals("error symbol_rejected channel=ticker symbol=- at=63", malformed(frame));
    }

    @Test
    void randomlyDamagedFramesNeverThrowAndReportOnce()
    {
        final Random random = new Random(42);
        final int[] outcomes = new int[Channel.COUNT];
        for (int round = 0; round < 3_000; round++)
        {
            final byte[] bytes = Fixtures.frame(Fixtures.FRAMES[round % Fixtures.FRAMES.length])
                .getBytes(StandardCharsets.US_ASCII);
            for (int hits = 1 + random.nextInt(3); hits > 0; hits--)
            {
                bytes[random.nextInt(bytes.length)] = (byte)DAMAGE.charAt(random.nextInt(DAMAGE.length()));
            }
            handler.calls.clear();
            final int channel;
            try
            {
                channel = parser.parse(new UnsafeBuffer(bytes), 0, bytes.length, handler);
            }
            catch (final RuntimeException ex)
            {
                fail(new String(bytes, StandardCharsets.ISO_8859_1), ex);
                return;
            }
            outcomes[channel]++;
            final long errors = handler.calls.stream().filter(c -> c.startsWith("error ")).count();
            assertEquals(channel == Channel.MALFORMED ? 1 : 0, errors, new String(bytes, StandardCharsets.ISO_8859_1));
        }
        assertTrue(outcomes[Channel.MALFORMED] > 1_000, () -> Arrays.toString(outcomes));
    }
}
