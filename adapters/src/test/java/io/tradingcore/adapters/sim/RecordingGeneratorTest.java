package io.tradingcore.adapters.sim;

import io.tradingcore.adapters.kraken.ControlJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static io.tradingcore.adapters.kraken.ControlJson.asArray;
import static io.tradingcore.adapters.kraken.ControlJson.asObject;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordingGeneratorTest
{
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void writesAKrakenSessionInOrder(@TempDir final Path dir) throws IOException
    {
        final Path file = dir.resolve("s.jsonl");
        assertEquals(400, RecordingGenerator.generate(file, 5, 400, 10, List.of("BTC/USD", "ETH/USD")));
        final List<String> lines = Files.readAllLines(file);
        assertEquals(400, lines.size());

        final List<String> kinds = new ArrayList<>();
        for (final String line : lines.subList(0, 23))
        {
            final Map<String, Object> frame = asObject(ControlJson.parse(line));
            kinds.add(frame.containsKey("method")
                ? "ack " + asObject(frame.get("result")).get("channel") + " " + frame.get("req_id")
                : frame.get("channel") + " " + frame.get("type"));
        }
        assertEquals(List.of(
            "status update", "ack instrument 1", "instrument snapshot",
            "ack ticker 2", "ack ticker 2", "ticker snapshot", "ticker snapshot",
            "ack trade 3", "ack trade 3", "trade snapshot", "trade snapshot",
            "ack book 4", "ack book 4", "book snapshot", "book snapshot",
            "ack ohlc 5", "ack ohlc 5", "ohlc snapshot", "ohlc snapshot",
            "ack ohlc 6", "ack ohlc 6", "ohlc snapshot", "ohlc snapshot"), kinds);
        assertEquals("ETH/USD", asObject(asArray(asObject(ControlJson.parse(lines.get(14))).get("data")).get(0)).get("symbol"));
        for (final String line : lines.subList(23, lines.size()))
        {
            final Object type = asObject(ControlJson.parse(line)).get("type");
            assertTrue(type == null || "update".equals(type), line);
        }
    }

    @Test
    void gzipNameWritesTheSameFramesCompressed(@TempDir final Path dir) throws IOException
    {
        RecordingGenerator.generate(dir.resolve("r.jsonl"), 11, 2_000, 10, SyntheticMarket.defaultSymbols());
        RecordingGenerator.generate(dir.resolve("r.jsonl.gz"), 11, 2_000, 10, SyntheticMarket.defaultSymbols());
        try (InputStream gz = new GZIPInputStream(Files.newInputStream(dir.resolve("r.jsonl.gz"))))
        {
            assertArrayEquals(Files.readAllBytes(dir.resolve("r.jsonl")), gz.readAllBytes());
        }
        assertTrue(Files.size(dir.resolve("r.jsonl.gz")) * 3 < Files.size(dir.resolve("r.jsonl")));
    }

    @Test
    void commandLineWritesWhatItIsTold(@TempDir final Path dir) throws IOException
    {
        final Path file = dir.resolve("cli.jsonl");
        assertEquals(0, run("--out", file.toString(), "--frames", "1500", "--seed", "9", "--depth", "25", "--symbols",
            "SOL/USD,DOGE/USD"));
        assertEquals(1500, Files.readAllLines(file).size());
        assertTrue(text(out).contains("wrote 1500 frames"));
        final String instrument = Files.readAllLines(file).get(2);
        assertTrue(instrument.contains("\"symbol\":\"DOGE/USD\"") && instrument.contains("\"price_precision\":7"));
        assertTrue(Files.readString(file).contains("\"depth\":25"));
    }

    @Test
    void badArgumentsExitWithTwoAndSayWhy(@TempDir final Path dir)
    {
        final String path = dir.resolve("x.jsonl").toString();
        assertEquals(2, run("--frames", "10"));
        assertTrue(text(err).contains("--out PATH is required"));
        assertEquals(2, run("--out", path, "--depth", "27"));
        assertTrue(text(err).contains("10, 25, 100, 500, 1000"));
        assertEquals(2, run("--out", path, "--symbols", "XBT/USD"));
        assertTrue(text(err).contains("unknown symbol XBT/USD"));
        assertEquals(2, run("--out", path, "--frames", "many"));
        assertEquals(2, run("--out", path, "--frames", "0"));
        assertEquals(2, run("--out", path, "--speed", "3"));
        assertEquals(2, run("--out"));
        assertFalse(Files.exists(dir.resolve("x.jsonl")));
        assertEquals(0, run("--help"));
        assertTrue(text(out).contains("usage: RecordingGenerator"));
    }

    private int run(final String... args)
    {
        out.reset();
        err.reset();
        return RecordingGenerator.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(final ByteArrayOutputStream stream)
    {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
