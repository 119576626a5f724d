package io.tradingcore.core.stream;

import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.tradingcore.core.stream.EntryWriter.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Entries encoded by {@link EntryWriter}, read back from the {@link Outbox} with an {@link EntryReader}. */
class EntryWriterTest
{
    private static final byte[] A = ascii("a");
    private static final byte[] B = ascii("b");

    private final StreamCatalog catalog = new StreamCatalog();
    private final Outbox outbox = new Outbox(catalog, 1 << 20, 100);
    private final EntryWriter out = new EntryWriter(outbox);
    private final EntryReader reader = new EntryReader();

    @Test
    void fieldsRoundTripWithTheHeader()
    {
        assertTrue(out.begin(StreamCatalog.MD_CANDLES_SYMBOL, 7, Timeframe.ofName("4h"))
            .string(Fields.TYPE, Fields.TYPE_CANDLE)
            .string(Fields.SYMBOL, "BTC/USD")
            .integer(Fields.TRADES, -42)
            .bool(Fields.SNAPSHOT, true)
            .timestamp(Fields.TIMESTAMP, 1_764_086_400_000_001L)
            .string(Fields.REASON, Fields.EMPTY)
            .publish());
        final List<Map<String, String>> entries = new ArrayList<>();
        assertEquals(1, outbox.drain((stream, buffer, index, length) ->
        {
            assertEquals(StreamCatalog.MD_CANDLES_SYMBOL, stream);
            entries.add(fields(buffer, index, length));
            assertEquals(7, reader.symbolId());
            assertEquals(Timeframe.ofName("4h"), reader.timeframe());
        }, 10));
        assertEquals(List.of(Map.of("type", "candle", "symbol", "BTC/USD", "trades", "-42", "snapshot", "true",
            "timestamp", "2025-11-25T16:00:00.000001Z", "reason", "")), entries);
        assertEquals(List.of("type", "symbol", "trades", "snapshot", "timestamp", "reason"),
            new ArrayList<>(entries.get(0).keySet()), "fields keep their order");
    }

    @Test
    void textThatIsNotAsciiIsWrittenAsUtf8AndALoneSurrogateAsTheReplacementCharacter()
    {
        out.begin(StreamCatalog.KRAKEN_STATUS, -1, -1)
            .string(A, "é € 😀 ok")
            .string(B, "a\uD800b")
            .publish();
        final Map<String, String> entry = drain(StreamCatalog.KRAKEN_STATUS).get(0);
        assertEquals("é € 😀 ok", entry.get("a"));
        assertEquals("a\uFFFDb", entry.get("b"));
    }

    @Test
    void identifiersAreTextWithTheirPrefix()
    {
        out.begin(StreamCatalog.SIGNALS_PAPER, -1, -1)
            .identifier(A, ascii("sig-20261125T181200-"), 42)
            .identifier(B, ascii("ord-"), Long.MAX_VALUE)
            .publish();
        final Map<String, String> entry = drain(StreamCatalog.SIGNALS_PAPER).get(0);
        assertEquals("sig-20261125T181200-42", entry.get("a"));
        assertEquals("ord-9223372036854775807", entry.get("b"));
    }

    @Test
    void decimalsArePlainWithExactlyTheirScale()
    {
        final long[] scaled = {0, 7, -5, -123_456, 100, 628_070, Long.MIN_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, -1};
        final int[] scales = {2, 0, 3, 2, 8, 1, 0, 8, 19, 19};
        final String[] expected = {
            "0.00", "7", "-0.005", "-1234.56", "0.00000100", "62807.0", "-9223372036854775808",
            "-92233720368.54775808", "0.9223372036854775807", "-0.0000000000000000001"
        };
        for (int i = 0; i < scaled.length; i++)
        {
            out.begin(StreamCatalog.KRAKEN_STATUS, -1, -1).decimal(A, scaled[i], scales[i]).publish();
            assertEquals(expected[i], drain(StreamCatalog.KRAKEN_STATUS).get(0).get("a"), expected[i]);
            assertEquals(expected[i], DecimalText.toString(scaled[i], scales[i]));
        }
    }

    @Test
    void numbersFromDoublesRoundAndNeverWriteNaN()
    {
        out.begin(StreamCatalog.KRAKEN_STATUS, -1, -1)
            .number(ascii("pi"), Math.PI, 4)
            .number(ascii("negative"), -2.5, 3)
            .number(ascii("nan"), Double.NaN, 4)
            .number(ascii("infinite"), Double.NEGATIVE_INFINITY, 2)
            .number(ascii("huge"), 1e30, 2)
            .number(ascii("whole"), 12.0, 0)
            .publish();
        final Map<String, String> entry = drain(StreamCatalog.KRAKEN_STATUS).get(0);
        assertEquals("3.1416", entry.get("pi"));
        assertEquals("-2.500", entry.get("negative"));
        assertEquals("0.0000", entry.get("nan"));
        assertEquals("0.00", entry.get("infinite"));
        assertEquals("0.00", entry.get("huge"));
        assertEquals("12", entry.get("whole"));
    }

    @Test
    void jsonValuesAreCompactAndEscaped()
    {
        out.begin(StreamCatalog.SIGNALS_PAPER, -1, -1)
            .beginJson(A).jsonObjectStart()
            .jsonKey(ascii("levels")).jsonArrayStart()
            .jsonArrayStart().jsonDecimal(628_070, 1).jsonDecimal(100, 8).jsonArrayEnd()
            .jsonArrayStart().jsonInteger(-3).jsonNull().jsonArrayEnd()
            .jsonArrayEnd()
            .jsonKey(ascii("rsi")).jsonNumber(55.123456789, 6)
            .jsonKey(ascii("nan")).jsonNumber(Double.NaN, 6)
            .jsonKey(ascii("on")).jsonBool(true)
            .jsonKey(ascii("symbol")).jsonString(ascii("BTC/USD"))
            .jsonKey(ascii("text")).jsonString("say \"hi\"\\ \n\t\u0001 caf\u00e9")
            .jsonKey(ascii("empty")).jsonObjectStart().jsonObjectEnd()
            .jsonObjectEnd().endJson()
            .string(B, "after")
            .publish();
        final Map<String, String> entry = drain(StreamCatalog.SIGNALS_PAPER).get(0);
        assertEquals("{\"levels\":[[62807.0,0.00000100],[-3,null]],\"rsi\":55.123457,\"nan\":null,\"on\":true," +
            "\"symbol\":\"BTC/USD\",\"text\":\"say \\\"hi\\\"\\\\ \\u000a\\u0009\\u0001 caf\\u00e9\",\"empty\":{}}",
            entry.get("a"));
        assertEquals("after", entry.get("b"));
    }

    @Test
    void anEntryOver64KibIsNotPublishedAndTheNextOneIs()
    {
        final byte[] half = new byte[40_000];
        Arrays.fill(half, (byte)'x');
        assertFalse(out.begin(StreamCatalog.KRAKEN_ERRORS, -1, -1).string(A, half).string(B, half).publish());
        assertFalse(out.begin(StreamCatalog.KRAKEN_ERRORS, -1, -1).string(A, new byte[EntryWriter.MAX_ENTRY_LENGTH]).publish());
        final EntryWriter json = out.begin(StreamCatalog.KRAKEN_ERRORS, -1, -1).beginJson(A).jsonArrayStart();
        for (int i = 0; i < 10_000; i++)
        {
            json.jsonDecimal(Long.MAX_VALUE, 0);
        }
        assertFalse(json.jsonArrayEnd().endJson().publish());
        assertTrue(outbox.isEmpty());
        assertEquals(0, outbox.offered(StreamCatalog.KRAKEN_ERRORS));

        assertTrue(out.begin(StreamCatalog.KRAKEN_ERRORS, -1, -1).string(A, half).publish());
        assertEquals(40_000, drain(StreamCatalog.KRAKEN_ERRORS).get(0).get("a").length());
    }

    @Test
    void aDisabledStreamIsNotPublished()
    {
        catalog.enabled(StreamCatalog.MD_SPREAD, false);
        assertFalse(out.begin(StreamCatalog.MD_SPREAD, -1, -1).string(A, "x").publish());
        assertFalse(out.begin(StreamCatalog.SIGNALS_MIRROR, -1, -1).string(A, "x").publish(), "the mirror is off until named");
        assertTrue(outbox.isEmpty());
        assertFalse(out.publish(), "publishing twice publishes nothing");
    }

    private List<Map<String, String>> drain(final int expectedStream)
    {
        final List<Map<String, String>> entries = new ArrayList<>();
        outbox.drain((stream, buffer, index, length) ->
        {
            assertEquals(expectedStream, stream);
            entries.add(fields(buffer, index, length));
        }, Integer.MAX_VALUE);
        return entries;
    }

    private Map<String, String> fields(final DirectBuffer buffer, final int index, final int length)
    {
        reader.wrap(buffer, index, length);
        final Map<String, String> fields = new LinkedHashMap<>();
        while (reader.next())
        {
            fields.put(reader.name(), reader.value());
        }
        assertEquals(reader.fieldCount(), fields.size());
        return fields;
    }
}
