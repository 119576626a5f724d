package io.tradingcore.run;

import io.tradingcore.adapters.redis.RedisServerFixture;
import io.tradingcore.adapters.report.LatencyLog;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A short replay writes its latency interval log to the logs directory; {@code run/latency-report}
 * renders valid PNG percentile plots from it and a table whose percentiles are the log's own.
 */
class LatencyReportTest
{
    private static final byte[] PNG_SIGNATURE = {(byte)0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @TempDir
    static Path dir;
    private static RedisServerFixture redis;
    private static Path hlog;

    @BeforeAll
    static void replay() throws IOException
    {
        redis = RedisServerFixture.plain();
        final Path recording = TestRecording.write(dir.resolve("session.jsonl"), 5_000, TestRecording.EVENT_GAP_MICROS);
        CoreRun.run(CoreRun.replay(recording, redis.url(), dir.resolve("spill"), "--logs-dir", dir.resolve("logs").toString()))
            .assertExit(TradingCoreMain.EXIT_OK);
        try (Stream<Path> files = Files.list(dir.resolve("logs")))
        {
            final List<Path> logs = files.filter(f -> f.getFileName().toString().endsWith(".hlog")).toList();
            assertEquals(1, logs.size(), "one interval log for one run: " + logs);
            hlog = logs.get(0);
        }
    }

    @AfterAll
    static void stopRedis()
    {
        redis.close();
    }

    @Test
    void theRunLogsBothSeriesWithEveryTickAndPersistedEntry() throws IOException
    {
        final Map<String, Histogram> series = read(hlog);
        assertTrue(series.get(LatencyLog.TICK_TO_DECISION).getTotalCount() > 1_000, "ticks logged: " + series);
        assertTrue(series.get(LatencyLog.RECEIVE_TO_PERSISTED).getTotalCount() > 1_000, "entries logged: " + series);
        assertTrue(series.get(LatencyLog.RECEIVE_TO_PERSISTED).getValueAtPercentile(50)
            > series.get(LatencyLog.TICK_TO_DECISION).getValueAtPercentile(50), "persisting takes longer than deciding");
    }

    @Test
    void theReportRendersPngPlotsAndATableOfTheLogsPercentiles() throws IOException
    {
        final Path other = Files.copy(hlog, dir.resolve("other-run.hlog"));
        final Path out = dir.resolve("report");
        final ByteArrayOutputStream text = new ByteArrayOutputStream();
        final int code = LatencyReportMain.run(new String[] {"--out", out.toString(), hlog.toString(), other.toString()},
            new PrintStream(text, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertEquals(TradingCoreMain.EXIT_OK, code);
        for (final String tag : List.of(LatencyLog.TICK_TO_DECISION, LatencyLog.RECEIVE_TO_PERSISTED))
        {
            final Path png = out.resolve(tag + ".png");
            final byte[] head = new byte[PNG_SIGNATURE.length];
            System.arraycopy(Files.readAllBytes(png), 0, head, 0, head.length);
            assertArrayEquals(PNG_SIGNATURE, head, png.toString());
            final BufferedImage image = ImageIO.read(png.toFile());
            assertNotNull(image, "decodes as an image: " + png);
            assertEquals(1000, image.getWidth());
            assertEquals(600, image.getHeight());
        }
        final String table = text.toString(StandardCharsets.UTF_8);
        assertEquals(table, Files.readString(out.resolve("latency-report.txt")));
        final Histogram ticks = read(hlog).get(LatencyLog.TICK_TO_DECISION);
        final String run = hlog.getFileName().toString().replace(".hlog", "");
        final String expected = String.format(Locale.ROOT, "  %-32s %12d %10.1f %10.1f %10.1f", run, ticks.getTotalCount(),
            ticks.getValueAtPercentile(50) / 1e3, ticks.getValueAtPercentile(90) / 1e3, ticks.getValueAtPercentile(99) / 1e3);
        assertTrue(table.contains(expected), "the table row\n" + expected + "\nin\n" + table);
        assertTrue(table.contains("  other-run "), "the second run compared side by side:\n" + table);
    }

    @Test
    void aMissingFileIsABadArgument()
    {
        assertEquals(TradingCoreMain.EXIT_BAD_CONFIG, LatencyReportMain.run(new String[] {dir.resolve("none.hlog").toString()},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    }

    /** Each tag's intervals added up, read with HdrHistogram's own reader. */
    private static Map<String, Histogram> read(final Path file) throws IOException
    {
        final Map<String, Histogram> series = new HashMap<>();
        final HistogramLogReader reader = new HistogramLogReader(file.toFile());
        for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram())
        {
            series.computeIfAbsent(h.getTag(), t -> new Histogram(3)).add((Histogram)h);
        }
        reader.close();
        return series;
    }
}
