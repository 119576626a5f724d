package io.tradingcore.adapters.replay;

import io.tradingcore.core.ring.FrameSink;
import io.tradingcore.core.time.MicrosClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;

/**
 * Reads a recording (JSON Lines, one raw Kraken v2 text frame per line, {@code .gz} transparently)
 * and publishes each frame to the ring as if it had just arrived. Lines are split in a reused
 * buffer that only grows, so a long replay does not allocate per frame, up to just over the largest
 * frame a slot holds: a longer line is published as an oversized frame (counted and reported like
 * one) instead of being held whole. A file that breaks while it is read ends the replay with a
 * {@link DamagedRecordingException} naming it.
 */
public final class ReplayFeed
{
    private static final int READ_CHUNK = 1 << 16;

    private final Path path;
    private final int maxFrameBytes;
    private byte[] line = new byte[1 << 16];
    private final UnsafeBuffer view = new UnsafeBuffer(line);
    private final MicrosClock clock = new MicrosClock();
    private final IdleStrategy idle = new SleepingMillisIdleStrategy(1);
    private long frames;
    private long lines;

    /** {@code maxFrameBytes}: the largest frame a ring slot holds. */
    public ReplayFeed(final Path path, final int maxFrameBytes)
    {
        this.path = path;
        this.maxFrameBytes = maxFrameBytes;
    }

    /** Fails early, in one line naming the file, if it is missing, a directory or not readable. */
    public static void check(final Path path) throws IOException
    {
        final String problem = RecordingFile.problem(path);
        if (problem != null)
        {
            throw new IOException(problem);
        }
    }

    /**
     * Publishes every frame of the file to {@code sink}; returns the number of frames. Stops early if
     * {@code running} turns false. Before each frame it waits while {@code mayPublish} says no: a
     * recording can go as fast as the slowest consumer allows, so it is paced rather than shed.
     */
    public long run(final FrameSink sink, final BooleanSupplier running, final BooleanSupplier mayPublish)
        throws IOException
    {
        check(path);
        try (InputStream in = open(path))
        {
            final byte[] chunk = new byte[READ_CHUNK];
            int length = 0;
            int read;
            while ((read = in.read(chunk)) > 0 && running.getAsBoolean())
            {
                for (int i = 0; i < read; i++)
                {
                    final byte b = chunk[i];
                    if (b == '\n')
                    {
                        while (!mayPublish.getAsBoolean() && running.getAsBoolean())
                        {
                            idle.idle();
                        }
                        publish(sink, length);
                        length = 0;
                    }
                    else
                    {
                        if (length < line.length || grow())
                        {
                            line[length] = b;
                        }
                        length = Math.max(length, length + 1); // counts on past the buffer, without wrapping
                    }
                }
            }
            if (length > 0 && running.getAsBoolean())
            {
                publish(sink, length);
            }
        }
        catch (final IOException e)
        {
            throw RecordingFile.damaged(path, e, lines);
        }
        return frames;
    }

    public long frames()
    {
        return frames;
    }

    public long lines()
    {
        return lines;
    }

    private void publish(final FrameSink sink, final int rawLength)
    {
        lines++;
        if (rawLength > line.length)
        {
            // only its head is held: more than a slot takes, so the ring rejects it as oversized
            frames++;
            sink.onFrame(view, 0, line.length, clock.epochMicros(), System.nanoTime());
            return;
        }
        int length = rawLength;
        if (length > 0 && line[length - 1] == '\r')
        {
            length--;
        }
        if (length == 0)
        {
            return;
        }
        frames++;
        final long nanos = System.nanoTime();
        sink.onFrame(view, 0, length, clock.epochMicros(), nanos);
    }

    /** Doubles the line buffer, to at most one byte more than a frame: false once it is there. */
    private boolean grow()
    {
        if (line.length > maxFrameBytes)
        {
            return false;
        }
        final byte[] bigger = new byte[(int)Math.min(line.length * 2L, maxFrameBytes + 1L)];
        System.arraycopy(line, 0, bigger, 0, line.length);
        line = bigger;
        view.wrap(line);
        return true;
    }

    private static InputStream open(final Path path) throws IOException
    {
        final InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 20);
        return path.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
    }
}
