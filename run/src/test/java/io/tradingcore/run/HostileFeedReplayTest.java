package io.tradingcore.run;

import io.tradingcore.adapters.redis.RedisServerFixture;
import io.tradingcore.core.time.Rfc3339;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.tradingcore.core.stream.EntryWriter.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A recording with hostile frames slipped in (well-formed, wrong values) replays exactly as the clean
 * one does: a trade dated four days ahead moves no clock, frames for symbols never configured create
 * no stream, a negative quantity and bytes that are not UTF-8 reach no value, and each of them is
 * counted and reported to {@code kraken:errors}.
 */
class HostileFeedReplayTest
{
    private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":\"([^\"]+)\"");
    private static final long FOUR_DAYS_MICROS = 4 * 86_400_000_000L;
    private static final int INSERT_AT = 5_000;

    @TempDir
    static Path dir;
    private static Outcome clean;
    private static Outcome hostile;
    private static long lastMarketMicros;

    private record Outcome(long signals, long ticks, SortedSet<String> keys, List<RedisReadBack.Entry> errors,
        List<RedisReadBack.Entry> signalEntries, List<String> notUtf8, String summary)
    {
    }

    @BeforeAll
    static void replayBoth() throws IOException
    {
        final Path recording = TestRecording.write(dir.resolve("clean.jsonl"));
        final List<String> lines = Files.readAllLines(recording, StandardCharsets.US_ASCII);
        lastMarketMicros = lastTimestamp(lines);
        final List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++)
        {
            if (i == INSERT_AT)
            {
                frames.add(ascii(dated(firstBtcTrade(lines, i), FOUR_DAYS_MICROS)));
                for (final String junk : new String[] {"FOO/BAR", "btc/usd", "BTC/USD "})
                {
                    frames.add(ascii("{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"" + junk +
                        "\",\"side\":\"buy\",\"price\":5.0,\"qty\":1.0,\"ord_type\":\"limit\",\"trade_id\":1}]}"));
                }
                frames.add(ascii(firstBtcTrade(lines, i).replaceFirst("\"qty\":", "\"qty\":-")));
                final byte[] latin1 = ("{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"BT\u00c9/USD\","
                    + "\"side\":\"buy\",\"price\":5.0,\"qty\":1.0}]}").getBytes(StandardCharsets.ISO_8859_1);
                frames.add(latin1);
                frames.add(ascii("{\"channel\":\"executions\",\"type\":\"update\",\"data\":[{\"order_id\":\"junk\"}]}"));
            }
            frames.add(ascii(lines.get(i)));
        }
        final Path hostileRecording = dir.resolve("hostile.jsonl");
        try (var out = Files.newOutputStream(hostileRecording))
        {
            for (final byte[] frame : frames)
            {
                out.write(frame);
                out.write('\n');
            }
        }
        clean = replay(recording, "clean");
        hostile = replay(hostileRecording, "hostile");
    }

    @Test
    void theHijackingTradeMovesNoClockAndTheRunMatchesTheCleanOne()
    {
        assertTrue(clean.signals() > 20, "signals of the clean run: " + clean.signals());
        assertEquals(clean.signals(), hostile.signals(), "signals");
        assertEquals(clean.ticks(), hostile.ticks(), "metrics:ticks entries");
        for (final RedisReadBack.Entry signal : hostile.signalEntries())
        {
            final long micros = micros(signal.get("timestamp"));
            assertTrue(micros <= lastMarketMicros, "a signal stamped after the market's last time: " + signal);
        }
        final List<RedisReadBack.Entry> rejected = hostile.errors().stream()
            .filter(e -> "timestamp_rejected".equals(e.get("error"))).toList();
        assertEquals(1, rejected.size(), "reported once: " + rejected);
        assertEquals("ahead", rejected.get(0).get("reason"));
        assertTrue(hostile.summary().contains("timestamps rejected by the event clock (reported to kraken:errors) 1"),
            hostile.summary());
    }

    @Test
    void hostileFramesCreateNoStreamAndEachIsReported()
    {
        final SortedSet<String> expected = new TreeSet<>(clean.keys());
        expected.add("kraken:errors");
        assertEquals(expected, hostile.keys(), "the clean run's keys and the reports, none named after junk");
        assertEquals(List.of(), hostile.notUtf8(), "every key, field and value is UTF-8");
        assertEquals(3, reasons("symbol_rejected"), "unknown, lower-case and padded symbols");
        assertEquals(1, reasons("value_out_of_range"), "the negative quantity");
        assertEquals(1, reasons("invalid_utf8"));
        assertEquals(1, hostile.errors().stream().filter(e -> "executions".equals(e.get("channel"))).count(),
            "a private channel on the public feed");
        assertEquals(clean.errors().size() + 7, hostile.errors().size(), "every hostile frame reported once");
    }

    private static long reasons(final String reason)
    {
        return hostile.errors().stream().filter(e -> reason.equals(e.get("reason"))).count();
    }

    private static Outcome replay(final Path recording, final String name)
    {
        try (RedisServerFixture redis = RedisServerFixture.plain(); RedisReadBack streams = new RedisReadBack(redis.url()))
        {
            final CoreRun run = CoreRun.run(CoreRun.replay(recording, redis.url(), dir.resolve("spill-" + name)))
                .assertExit(TradingCoreMain.EXIT_OK);
            return new Outcome(streams.length("signals:paper"), streams.length("metrics:ticks"), streams.keys(),
                streams.entries("kraken:errors"), streams.entries("signals:paper"), streams.notUtf8(), run.out());
        }
    }

    private static String firstBtcTrade(final List<String> lines, final int from)
    {
        for (int i = from; i < lines.size(); i++)
        {
            if (lines.get(i).startsWith("{\"channel\":\"trade\",\"type\":\"update\"") && lines.get(i).contains("BTC/USD"))
            {
                return lines.get(i);
            }
        }
        throw new AssertionError("no BTC/USD trade after line " + from);
    }

    /** {@code frame} with each timestamp moved by {@code shiftMicros}. */
    private static String dated(final String frame, final long shiftMicros)
    {
        final Matcher m = TIMESTAMP.matcher(frame);
        final StringBuilder out = new StringBuilder();
        while (m.find())
        {
            final long micros = micros(m.group(1));
            m.appendReplacement(out, "\"timestamp\":\"" + Rfc3339.formatMicros(micros + shiftMicros) + "\"");
        }
        return m.appendTail(out).toString();
    }

    private static long lastTimestamp(final List<String> lines)
    {
        long last = 0;
        for (final String line : lines)
        {
            final Matcher m = TIMESTAMP.matcher(line);
            while (m.find())
            {
                last = Math.max(last, micros(m.group(1)));
            }
        }
        return last;
    }

    private static long micros(final String rfc3339)
    {
        final Instant instant = Instant.parse(rfc3339);
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }
}
