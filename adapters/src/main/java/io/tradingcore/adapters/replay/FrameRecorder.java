package io.tradingcore.adapters.replay;

import io.tradingcore.core.ring.FrameSink;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.GZIPOutputStream;

/**
 * {@code --record PATH}: every received frame, byte for byte, one per line (JSON Lines; a {@code .gz}
 * path is gzipped), the format {@code --feed replay:PATH} reads back. A {@link FrameSink} in front of
 * the ring's: the feed thread copies each frame into a one-to-one ring buffer and goes on; a
 * background thread writes (and compresses), so a slow disk never stalls the feed. Only a writer that
 * has fallen a whole ring behind makes the feed wait.
 * <p>
 * Kraken frames never contain a raw newline (JSON escapes them inside strings). Should one ever
 * arrive, a raw CR or LF between tokens is written as a space, so the line stays one frame and the
 * same JSON; such frames are counted and logged.
 */
public final class FrameRecorder implements FrameSink, AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(FrameRecorder.class);
    /** 32 MiB: the largest frame it takes is an eighth of that, the feed's 4 MiB maximum message. */
    public static final int DEFAULT_RING_BYTES = 32 * 1024 * 1024;
    private static final int FRAME_MSG_TYPE = 1;
    private static final int BATCH = 256;

    private final Path path;
    private final FrameSink downstream;
    private final OneToOneRingBuffer ring;
    private final OutputStream out;
    private final Thread writer;
    private final MessageHandler lineWriter = this::writeLine;
    private byte[] line = new byte[64 * 1024];
    private volatile boolean running = true;
    private volatile boolean failed;
    private volatile long framesWritten;
    private volatile long framesWithNewlines;
    private long framesDropped;
    private long fullRingWaits;

    public FrameRecorder(final Path path, final FrameSink downstream) throws IOException
    {
        this(path, downstream, DEFAULT_RING_BYTES);
    }

    /** {@code ringBytes}: a power of two; frames up to an eighth of it are recorded. */
    public FrameRecorder(final Path path, final FrameSink downstream, final int ringBytes) throws IOException
    {
        this.path = path;
        this.downstream = downstream;
        this.ring = new OneToOneRingBuffer(
            new UnsafeBuffer(ByteBuffer.allocateDirect(ringBytes + RingBufferDescriptor.TRAILER_LENGTH)));
        final OutputStream file = Files.newOutputStream(path);
        this.out = path.getFileName().toString().endsWith(".gz")
            ? new GZIPOutputStream(file, 64 * 1024)
            : new BufferedOutputStream(file, 1024 * 1024);
        this.writer = new Thread(this::writeLoop, "frame-recorder");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public boolean onFrame(final DirectBuffer buffer, final int offset, final int length,
        final long receiveEpochMicros, final long receiveNanos)
    {
        record(buffer, offset, length);
        return downstream.onFrame(buffer, offset, length, receiveEpochMicros, receiveNanos);
    }

    @Override
    public void onSessionStart(final long receiveEpochMicros)
    {
        downstream.onSessionStart(receiveEpochMicros);
    }

    /** Queues one frame for the file (feed thread). Frames over an eighth of the ring are dropped and counted. */
    public void record(final DirectBuffer buffer, final int offset, final int length)
    {
        if (failed || length > ring.maxMsgLength())
        {
            framesDropped++;
            return;
        }
        if (!ring.write(FRAME_MSG_TYPE, buffer, offset, length))
        {
            fullRingWaits++;
            while (!ring.write(FRAME_MSG_TYPE, buffer, offset, length))
            {
                if (failed)
                {
                    framesDropped++;
                    return;
                }
                Thread.onSpinWait();
            }
        }
    }

    /** Writes what is queued, flushes and closes the file. */
    @Override
    public void close()
    {
        running = false;
        try
        {
            writer.join();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        if (framesDropped > 0)
        {
            LOG.warn("recording {}: {} frames were not recorded (too large for the ring, or the writer failed)",
                path, framesDropped);
        }
    }

    public long framesWritten()
    {
        return framesWritten;
    }

    public long framesWithNewlines()
    {
        return framesWithNewlines;
    }

    /** Feed thread's counters: frames not recorded, and times the feed waited on a full ring. */
    public long framesDropped()
    {
        return framesDropped;
    }

    public long fullRingWaits()
    {
        return fullRingWaits;
    }

    private void writeLoop()
    {
        try (OutputStream stream = out)
        {
            while (true)
            {
                final boolean stopping = !running;
                final int read = ring.read(lineWriter, BATCH);
                if (read == 0)
                {
                    if (stopping)
                    {
                        break;
                    }
                    stream.flush();
                    LockSupport.parkNanos(1_000_000L);
                }
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            failed = true;
            LOG.error("recording to {} failed; frames are no longer recorded", path, ex);
        }
    }

    private void writeLine(final int msgType, final MutableDirectBuffer buffer, final int index, final int length)
    {
        if (line.length < length + 1)
        {
            line = new byte[Math.max(length + 1, line.length * 2)];
        }
        buffer.getBytes(index, line, 0, length);
        boolean newline = false;
        for (int i = 0; i < length; i++)
        {
            final byte b = line[i];
            if (b == '\n' || b == '\r')
            {
                line[i] = ' ';
                newline = true;
            }
        }
        if (newline)
        {
            framesWithNewlines++;
            LOG.warn("a frame contained a raw newline; recorded with spaces in its place");
        }
        line[length] = '\n';
        try
        {
            out.write(line, 0, length + 1);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        framesWritten++;
    }
}
