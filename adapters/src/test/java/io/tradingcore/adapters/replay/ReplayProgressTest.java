package io.tradingcore.adapters.replay;

import io.tradingcore.core.ring.FrameSink;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayProgressTest
{
    /** A line before the first frame was read (a busy machine) has no rate yet: its ETA is unknown. */
    private static final Pattern LINE = Pattern.compile(
        "replay: ([\\d,]+) frames, ([\\d.]+) % of the file, [\\d,]+ frames/s, ETA (\\d+:\\d\\d:\\d\\d|unknown)");

    @TempDir
    Path dir;

    @Test
    void aLineSaysFramesShareRateAndTimeLeft()
    {
        assertEquals("replay: 1,500 frames, 25.0 % of the file, 150 frames/s, ETA 0:00:30",
            ReplayProgress.line(1_500, 250, 1_000, 10.0));
        assertEquals("replay: 0 frames, 0.0 % of the file, 0 frames/s, ETA unknown", ReplayProgress.line(0, 0, 1_000, 0));
        assertEquals("ETA 1:01:40", ReplayProgress.line(10, 1, 2, 3_700).replaceAll(".*(ETA .*)", "$1"));
    }

    /** A slow replay of a file bigger than a few read chunks reports as it goes, moving forward each time. */
    @Test
    void reportsWhileTheReplayRuns() throws IOException
    {
        final Path path = dir.resolve("frames.jsonl");
        Files.writeString(path, "{\"pad\":\"0123456789012345678901234567890123456789\"}\n".repeat(40_000), StandardCharsets.US_ASCII);
        final ReplayFeed feed = new ReplayFeed(path, 1 << 16);
        final List<String> lines = new CopyOnWriteArrayList<>();
        final ReplayProgress progress = new ReplayProgress(feed, Duration.ofMillis(25), lines::add);
        try
        {
            feed.run(slowSink(), () -> true, () -> true);
        }
        finally
        {
            progress.close();
        }
        assertTrue(lines.size() >= 3, "several lines: " + lines);
        long frames = 0;
        double share = 0;
        for (final String line : lines)
        {
            final Matcher m = LINE.matcher(line);
            assertTrue(m.matches(), line);
            final long f = Long.parseLong(m.group(1).replace(",", ""));
            final double s = Double.parseDouble(m.group(2));
            assertTrue(f >= frames && s >= share && s <= 100, "forward only: " + lines);
            frames = f;
            share = s;
        }
        assertTrue(frames > 0 && frames <= 40_000, lines.toString());
    }

    private static FrameSink slowSink()
    {
        return new FrameSink()
        {
            private int frames;

            @Override
            public boolean onFrame(final DirectBuffer buffer, final int offset, final int length, final long micros, final long nanos)
            {
                if (++frames % 200 == 0)
                {
                    LockSupport.parkNanos(1_000_000);
                }
                return true;
            }

            @Override
            public void onSessionStart(final long receiveEpochMicros)
            {
            }
        };
    }
}
