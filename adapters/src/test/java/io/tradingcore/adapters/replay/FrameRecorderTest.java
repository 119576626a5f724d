package io.tradingcore.adapters.replay;

import io.tradingcore.core.ring.FrameSink;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FrameRecorderTest
{
    private static final String[] FRAMES = {
        "{\"channel\":\"status\",\"type\":\"update\",\"data\":[{\"version\":\"2.0.10\",\"system\":\"online\",\"api_version\":\"v2\",\"connection_id\":769405522530892351}]}",
        "{\"channel\":\"book\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"bids\":[],\"asks\":[{\"price\":62806.6,\"qty\":0.00000000}],\"checksum\":265834348,\"timestamp\":\"2026-08-16T23:37:05.376419Z\"}]}",
        "{\"error\":\"Currency pair not supported XBT/USD\",\"note\":\"escaped \\n newline and unicode \u00e9\"}",
        "{\"channel\":\"heartbeat\"}"
    };

    @TempDir
    Path dir;

    @Test
    void writesEveryFrameByteExactOnePerLine() throws IOException
    {
        final Path file = dir.resolve("feed.jsonl");
        final List<String> forwarded = record(file, FRAMES);
        assertEquals(List.of(FRAMES), forwarded, "frames go on to the ring's sink unchanged");
        assertArrayEquals(expected(FRAMES), Files.readAllBytes(file));
    }

    @Test
    void gzipsWhenThePathEndsInGz() throws IOException
    {
        final Path file = dir.resolve("feed.jsonl.gz");
        record(file, FRAMES);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file)))
        {
            assertArrayEquals(expected(FRAMES), in.readAllBytes());
        }
    }

    @Test
    void aRawNewlineNeverSplitsAFrameAcrossLines() throws IOException
    {
        final Path file = dir.resolve("odd.jsonl");
        final FrameRecorder recorder = recorder(file, new ArrayList<>());
        final byte[] bytes = "{\"a\":1,\r\n\"b\":2}".getBytes(StandardCharsets.UTF_8);
        recorder.onFrame(new UnsafeBuffer(bytes), 0, bytes.length, 0, 0);
        recorder.close();
        assertEquals("{\"a\":1,  \"b\":2}\n", Files.readString(file));
        assertEquals(1, recorder.framesWithNewlines());
    }

    private List<String> record(final Path file, final String... frames) throws IOException
    {
        final List<String> forwarded = new ArrayList<>();
        final FrameRecorder recorder = recorder(file, forwarded);
        // frames handed at an offset inside a larger reused buffer, as the feed does
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
        for (final String frame : frames)
        {
            final byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
            buffer.putBytes(100, bytes);
            recorder.onFrame(buffer, 100, bytes.length, 0, 0);
        }
        recorder.close();
        assertEquals(frames.length, recorder.framesWritten());
        return forwarded;
    }

    private static FrameRecorder recorder(final Path file, final List<String> forwarded) throws IOException
    {
        return new FrameRecorder(file, new FrameSink()
        {
            @Override
            public boolean onFrame(final DirectBuffer buffer, final int offset, final int length,
                final long receiveEpochMicros, final long receiveNanos)
            {
                forwarded.add(buffer.getStringWithoutLengthUtf8(offset, length));
                return true;
            }

            @Override
            public void onSessionStart(final long receiveEpochMicros)
            {
            }
        }, 1 << 16);
    }

    private static byte[] expected(final String... frames)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (final String frame : frames)
        {
            out.writeBytes(frame.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        return out.toByteArray();
    }
}
