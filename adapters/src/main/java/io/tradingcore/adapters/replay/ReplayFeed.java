package io.tradingcore.adapters.replay;

import io.tradingcore.core.ring.FrameSink;
import io.tradingcore.core.time.MicrosClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;

/**
 * Reads a recording (JSON Lines, one raw Kraken v2 text frame per line, {@code .gz} transparently)
 * and publishes each frame to the ring as if it had just arrived. Lines are split in a reused
 * buffer that only grows, so a long replay does not allocate per frame.
 */
public final class ReplayFeed
{
    private static final int READ_CHUNK = 1 << 16;

    private final Path path;
    private byte[] line = new byte[1 << 16];
    private final UnsafeBuffer view = new UnsafeBuffer(line);
    private final MicrosClock clock = new MicrosClock();
    private final IdleStrategy idle = new SleepingMillisIdleStrategy(1);
    private long frames;
    private long lines;

    public ReplayFeed(final Path path)
    {
        this.path = path;
    }

    /** Opens the recording, failing early with a clear message if it is missing or not readable. */
    public static void check(final Path path) throws IOException
    {
        if (!Files.exists(path) || Files.isDirectory(path)) // a named pipe is fine: frames as they are written
        {
            throw new IOException("replay file not found: " + path);
        }
        if (!Files.isReadable(path))
        {
            throw new IOException("replay file not readable: " + path);
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
                        if (length == line.length)
                        {
                            grow();
                        }
                        line[length++] = b;
                    }
                }
            }
            if (length > 0 && running.getAsBoolean())
            {
                publish(sink, length);
            }
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

    private void grow()
    {
        final byte[] bigger = new byte[line.length * 2];
        System.arraycopy(line, 0, bigger, 0, line.length);
        line = bigger;
        view.wrap(line);
    }

    private static InputStream open(final Path path) throws IOException
    {
        // FileInputStream, not Files.newInputStream: its available() seeks, which a named pipe refuses
        final InputStream raw = new BufferedInputStream(new FileInputStream(path.toFile()), 1 << 20);
        return path.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
    }
}
