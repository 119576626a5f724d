package io.tradingcore.adapters.replay;

import io.tradingcore.core.ring.FrameSink;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReplayFeedLinesTest
{
    @TempDir
    Path dir;

    /** Lines read straight from the chunk, lines split across chunks, CRLF, blank lines and no final newline. */
    @Test
    void publishesEveryLineExactlyWhateverChunkItFallsIn() throws IOException
    {
        final List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3000; i++)
        {
            lines.add("{\"n\":" + i + ",\"pad\":\"" + "x".repeat(i * 37 % 200) + "\"}");
        }
        lines.add(1500, "{\"big\":\"" + "y".repeat(150_000) + "\"}"); // longer than two read chunks
        final StringBuilder file = new StringBuilder();
        for (int i = 0; i < lines.size(); i++)
        {
            file.append(lines.get(i)).append(i % 7 == 0 ? "\r\n" : "\n");
            if (i % 500 == 0)
            {
                file.append('\n');
            }
        }
        file.setLength(file.length() - 1); // the last line has no newline
        final Path plain = dir.resolve("frames.jsonl");
        Files.writeString(plain, file, StandardCharsets.US_ASCII);
        final Path gzip = dir.resolve("frames.jsonl.gz");
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip)))
        {
            out.write(file.toString().getBytes(StandardCharsets.US_ASCII));
        }

        for (final Path path : List.of(plain, gzip))
        {
            final List<String> published = new ArrayList<>();
            final ReplayFeed feed = new ReplayFeed(path, 1 << 20);
            assertEquals(lines.size(), feed.run(collect(published), () -> true, () -> true), path.toString());
            assertEquals(lines, published, path.toString());
        }
    }

    /** Pacing is asked once per batch of frames, and a "no" holds the next batch back. */
    @Test
    void asksWhetherItMayPublishOncePerBatch() throws IOException
    {
        final Path path = dir.resolve("paced.jsonl");
        Files.writeString(path, "{}\n".repeat(ReplayFeed.PACING_BATCH * 3), StandardCharsets.US_ASCII);
        final List<String> published = new ArrayList<>();
        final int[] asked = {0};
        new ReplayFeed(path, 1 << 20).run(collect(published), () -> true, () ->
        {
            asked[0]++;
            return published.size() % ReplayFeed.PACING_BATCH == 0 && asked[0] % 2 == 0; // every batch: "no", then "yes"
        });
        assertEquals(ReplayFeed.PACING_BATCH * 3, published.size());
        assertEquals(6, asked[0]);
    }

    private static FrameSink collect(final List<String> published)
    {
        return new FrameSink()
        {
            @Override
            public boolean onFrame(
                final DirectBuffer buffer, final int offset, final int length, final long receiveEpochMicros,
                final long receiveNanos)
            {
                published.add(buffer.getStringWithoutLengthAscii(offset, length));
                return true;
            }

            @Override
            public void onSessionStart(final long receiveEpochMicros)
            {
            }
        };
    }
}
