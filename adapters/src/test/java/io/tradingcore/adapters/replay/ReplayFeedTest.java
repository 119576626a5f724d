package io.tradingcore.adapters.replay;

import io.tradingcore.core.ring.FrameSink;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Damaged and odd recordings end the replay with one line that names the file, after what could be read. */
class ReplayFeedTest
{
    private static final int MAX_FRAME = 16_384;
    private static final String FRAME = "{\"channel\":\"heartbeat\"}";

    @TempDir
    Path dir;

    /** Keeps each frame's length and, when it is short, its text. */
    private static final class Frames implements FrameSink
    {
        private final List<Integer> lengths = new ArrayList<>();
        private final List<String> texts = new ArrayList<>();

        @Override
        public boolean onFrame(final DirectBuffer buffer, final int offset, final int length, final long micros, final long nanos)
        {
            lengths.add(length);
            texts.add(length <= 64 ? buffer.getStringWithoutLengthAscii(offset, length) : "");
            return length <= MAX_FRAME;
        }

        @Override
        public void onSessionStart(final long micros)
        {
        }
    }

    private Path gzip(final String name, final int lines) throws IOException
    {
        final Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file)))
        {
            for (int i = 0; i < lines; i++)
            {
                out.write((FRAME + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        }
        return file;
    }

    private String damaged(final Path file, final Frames frames)
    {
        final String message = assertThrows(DamagedRecordingException.class,
            () -> new ReplayFeed(file, MAX_FRAME).run(frames, () -> true, () -> true)).getMessage();
        assertTrue(message.startsWith("recording " + file + " is damaged after "), message);
        assertEquals(-1, message.indexOf('\n'), "one line");
        return message;
    }

    @Test
    void aTruncatedGzipEndsAfterEveryWholeLineBeforeTheCut() throws IOException
    {
        final Path whole = gzip("whole.jsonl.gz", 20_000);
        final byte[] bytes = Files.readAllBytes(whole);
        final Path cut = Files.write(dir.resolve("cut.jsonl.gz"), Arrays.copyOf(bytes, bytes.length / 2));
        final Frames frames = new Frames();
        final String message = damaged(cut, frames);
        assertTrue(message.contains("truncated"), message);
        assertTrue(frames.lengths.size() > 1_000, "what came before the cut was replayed: " + frames.lengths.size());
        assertTrue(message.contains("after " + frames.lengths.size() + " lines"), message);
    }

    @Test
    void aCorruptOrEmptyGzipNamesTheFile() throws IOException
    {
        final String corrupt = damaged(Files.writeString(dir.resolve("text.jsonl.gz"), FRAME + "\n"), new Frames());
        assertTrue(corrupt.contains("after 0 lines: corrupt gzip data (Not in GZIP format)"), corrupt);
        final String empty = damaged(Files.write(dir.resolve("empty.jsonl.gz"), new byte[0]), new Frames());
        assertTrue(empty.contains("after 0 lines: empty"), empty);
    }

    @Test
    void aLineLongerThanAFrameIsPublishedAsOversizedWithoutBeingHeldWhole() throws IOException
    {
        final Path file = dir.resolve("long-line.jsonl");
        try (OutputStream out = Files.newOutputStream(file))
        {
            out.write((FRAME + "\n").getBytes(StandardCharsets.US_ASCII));
            final byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte)'x');
            for (int i = 0; i < 32; i++)
            {
                out.write(chunk); // 32 MiB without a newline
            }
            out.write(("\n" + FRAME + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        final Frames frames = new Frames();
        assertEquals(3, new ReplayFeed(file, MAX_FRAME).run(frames, () -> true, () -> true));
        assertEquals(List.of(FRAME, "", FRAME), frames.texts);
        final int published = frames.lengths.get(1);
        assertTrue(published > MAX_FRAME && published <= 1 << 16, "rejected as oversized, and only its head was held: " + published);
    }

    @Test
    void aDirectoryIsNotReportedAsMissing()
    {
        final String message = assertThrows(IOException.class, () -> ReplayFeed.check(dir)).getMessage();
        assertEquals("replay file " + dir + " is a directory, not a recording", message);
        final String missing = assertThrows(IOException.class, () -> ReplayFeed.check(dir.resolve("nope.jsonl"))).getMessage();
        assertEquals("replay file not found: " + dir.resolve("nope.jsonl"), missing);
    }
}
