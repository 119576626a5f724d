package io.tradingcore.adapters.replay;

import io.tradingcore.core.ring.FrameSink;
import io.tradingcore.core.time.MicrosClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;

/**
 * Reads a recording (JSON Lines, one raw Kraken v2 text frame per line, {@code .gz} transparently)
 * and publishes each frame to the ring as if it had just arrived. A line is handed to the ring
 * straight from the read chunk; only a line split across two chunks is copied, into a reused buffer
 * that only grows, so a long replay does not allocate per frame, up to just over the largest frame a
 * slot holds: a longer line is published as an oversized frame (counted and reported like one)
 * instead of being held whole. A file that breaks while it is read ends the replay with a
 * {@link DamagedRecordingException} naming it.
 */
public final class ReplayFeed
{
    private static final int READ_CHUNK = 1 << 16;
    /** Frames published between two looks at {@code mayPublish}: pacing is a batch decision, not a per-frame one. */
    public static final int PACING_BATCH = 64;

    private final Path path;
    private final int maxFrameBytes;
    private byte[] line = new byte[1 << 16];
    private final UnsafeBuffer view = new UnsafeBuffer(line);
    private final MicrosClock clock = new MicrosClock();
    private final IdleStrategy idle = new SleepingMillisIdleStrategy(1);
    private int carried;
    private long frames;
    private long lines;
    /** For a progress reader on another thread: updated once per read chunk, not per frame. */
    private volatile long framesSoFar;
    private volatile long bytesSoFar;

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
     * {@code running} turns false. Every {@link #PACING_BATCH} frames it waits while {@code mayPublish}
     * says no: a recording can go as fast as the slowest consumer allows, so it is paced rather than
     * shed. {@code mayPublish} must leave room for a batch in everything it guards.
     */
    public long run(final FrameSink sink, final BooleanSupplier running, final BooleanSupplier mayPublish)
        throws IOException
    {
        check(path);
        // FileInputStream, not Files.newInputStream: its available() seeks, which a named pipe refuses
        try (CountingInputStream file = new CountingInputStream(new FileInputStream(path.toFile()));
             InputStream in = open(path, file))
        {
            final byte[] chunk = new byte[READ_CHUNK];
            final UnsafeBuffer chunkView = new UnsafeBuffer(chunk);
            int credit = 0;
            int read;
            while ((read = in.read(chunk)) > 0 && running.getAsBoolean())
            {
                int start = 0;
                for (int end = indexOfNewline(chunk, 0, read); end >= 0; end = indexOfNewline(chunk, start, read))
                {
                    if (credit == 0)
                    {
                        while (!mayPublish.getAsBoolean() && running.getAsBoolean())
                        {
                            idle.idle();
                        }
                        credit = PACING_BATCH;
                    }
                    credit--;
                    if (carried == 0)
                    {
                        publish(sink, chunkView, start, end - start); // the common case: a whole line in the chunk, no copy
                    }
                    else
                    {
                        carry(chunk, start, end - start);
                        publish(sink, view, 0, carried);
                        carried = 0;
                    }
                    start = end + 1;
                }
                carry(chunk, start, read - start);
                framesSoFar = frames;
                bytesSoFar = file.count();
            }
            if (carried > 0 && running.getAsBoolean())
            {
                publish(sink, view, 0, carried);
            }
        }
        catch (final IOException e)
        {
            throw RecordingFile.damaged(path, e, lines);
        }
        framesSoFar = frames;
        return frames;
    }

    /** Frames published so far, as of the last read chunk; any thread. */
    public long framesSoFar()
    {
        return framesSoFar;
    }

    /** Bytes of the file (compressed, for .gz) read so far; any thread. */
    public long bytesSoFar()
    {
        return bytesSoFar;
    }

    public Path path()
    {
        return path;
    }

    public long frames()
    {
        return frames;
    }

    public long lines()
    {
        return lines;
    }

    private void publish(final FrameSink sink, final UnsafeBuffer buffer, final int offset, final int rawLength)
    {
        lines++;
        if (rawLength > line.length && buffer == view)
        {
            // only its head is held: more than a slot takes, so the ring rejects it as oversized
            frames++;
            sink.onFrame(view, 0, line.length, clock.epochMicros(), System.nanoTime());
            return;
        }
        int length = rawLength;
        if (length > 0 && buffer.getByte(offset + length - 1) == '\r')
        {
            length--;
        }
        if (length == 0)
        {
            return;
        }
        frames++;
        final long nanos = System.nanoTime();
        sink.onFrame(buffer, offset, length, clock.epochMicros(), nanos);
    }

    /**
     * Keeps the part of a line that continues in the next chunk, up to one byte more than a frame (the
     * buffer only grows, to that at most); {@link #carried} counts on past it, without wrapping.
     */
    private void carry(final byte[] chunk, final int offset, final int length)
    {
        if (carried + length > line.length && line.length <= maxFrameBytes)
        {
            line = Arrays.copyOf(line, (int)Math.min(Math.max(line.length * 2L, (long)carried + length), maxFrameBytes + 1L));
            view.wrap(line);
        }
        final int kept = Math.min(length, line.length - carried);
        if (kept > 0)
        {
            System.arraycopy(chunk, offset, line, carried, kept);
        }
        carried = (int)Math.min(Integer.MAX_VALUE, (long)carried + length);
    }

    private static int indexOfNewline(final byte[] chunk, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            if (chunk[i] == '\n')
            {
                return i;
            }
        }
        return -1;
    }

    private static InputStream open(final Path path, final InputStream file) throws IOException
    {
        final InputStream raw = new BufferedInputStream(file, 1 << 20);
        return path.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
    }

    /** Counts the bytes taken from the file, for the share of it replayed. */
    private static final class CountingInputStream extends FilterInputStream
    {
        private long count;

        CountingInputStream(final InputStream in)
        {
            super(in);
        }

        @Override
        public int read() throws IOException
        {
            final int b = super.read();
            count += b >= 0 ? 1 : 0;
            return b;
        }

        @Override
        public int read(final byte[] b, final int off, final int len) throws IOException
        {
            final int n = super.read(b, off, len);
            count += Math.max(0, n);
            return n;
        }

        long count()
        {
            return count;
        }
    }
}
