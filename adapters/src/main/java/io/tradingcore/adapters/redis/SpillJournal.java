package io.tradingcore.adapters.redis;

import io.tradingcore.core.stream.EntryWriter;
import io.tradingcore.core.stream.StreamCatalog;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The local spill journal of kept entries that did not fit in memory while Redis was down or slow:
 * an append-only file of records {@code int entryLength, int stream, entry bytes} (little-endian), read
 * back in order for replay. Three positions: written (on disk), sent (handed to Redis) and acknowledged;
 * once everything written is acknowledged the file is truncated to zero. Appends are staged in memory
 * and written by {@link #flush()} once per batch (fsync at most every {@code forceIntervalNs}).
 * A record torn by a crash at the tail is cut off when the file is opened. Adapter thread only.
 */
final class SpillJournal implements AutoCloseable
{
    static final int RECORD_HEADER_LENGTH = 8;
    private static final int STAGING_CAPACITY = 1024 * 1024;
    private static final int READ_CAPACITY = 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(SpillJournal.class);

    private final Path path;
    private final FileChannel channel;
    private final long forceIntervalNs;
    private final ByteBuffer staging = ByteBuffer.allocateDirect(STAGING_CAPACITY).order(ByteOrder.LITTLE_ENDIAN);
    private final UnsafeBuffer stagingBuffer = new UnsafeBuffer(staging);
    private final ByteBuffer window = ByteBuffer.allocateDirect(READ_CAPACITY).order(ByteOrder.LITTLE_ENDIAN);
    private final UnsafeBuffer windowBuffer = new UnsafeBuffer(window);
    private int staged;
    private long writtenPosition;
    private long sentPosition;
    private long acknowledgedPosition;
    private long windowStart;
    private long windowEnd;
    private long entries;
    private long lastForceNs;
    private boolean unforced;
    private int stream;
    private int entryOffset;
    private int entryLength;

    SpillJournal(final Path path, final long forceIntervalNs)
    {
        this.path = path;
        this.forceIntervalNs = forceIntervalNs;
        try
        {
            final Path parent = path.toAbsolutePath().getParent();
            if (parent != null)
            {
                Files.createDirectories(parent);
            }
            // signals and orders: owner-only whatever the umask (a new file; an existing one keeps its mode)
            this.channel = FileChannel.open(path,
                java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            recover();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot open the Redis spill journal " + path, ex);
        }
    }

    Path path()
    {
        return path;
    }

    /** True while any record is not yet acknowledged by Redis. */
    boolean isActive()
    {
        return entries > 0;
    }

    /** Records appended and not yet acknowledged. */
    long entries()
    {
        return entries;
    }

    void append(final int stream, final DirectBuffer entry, final int offset, final int length)
    {
        if (staged + RECORD_HEADER_LENGTH + length > STAGING_CAPACITY)
        {
            flush();
        }
        stagingBuffer.putInt(staged, length);
        stagingBuffer.putInt(staged + 4, stream);
        stagingBuffer.putBytes(staged + RECORD_HEADER_LENGTH, entry, offset, length);
        staged += RECORD_HEADER_LENGTH + length;
        entries++;
    }

    /** Writes the staged records to the file; fsyncs when the last fsync is older than the interval. */
    void flush()
    {
        try
        {
            if (staged > 0)
            {
                staging.limit(staged).position(0);
                while (staging.hasRemaining())
                {
                    writtenPosition += channel.write(staging, writtenPosition);
                }
                staging.clear();
                staged = 0;
                unforced = true;
            }
            final long now = System.nanoTime();
            if (unforced && now - lastForceNs >= forceIntervalNs)
            {
                channel.force(false);
                unforced = false;
                lastForceNs = now;
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write the Redis spill journal " + path, ex);
        }
    }

    /**
     * Moves to the next record not yet sent (only records already flushed); false when there is none.
     * The record is then at {@link #stream()}, {@link #buffer()}, {@link #entryOffset()}, {@link #entryLength()}.
     */
    boolean next()
    {
        if (sentPosition >= writtenPosition)
        {
            return false;
        }
        if (sentPosition + RECORD_HEADER_LENGTH > windowEnd || sentPosition < windowStart)
        {
            fill(sentPosition);
        }
        int at = (int)(sentPosition - windowStart);
        final int length = windowBuffer.getInt(at);
        if (sentPosition + RECORD_HEADER_LENGTH + length > windowEnd)
        {
            fill(sentPosition);
            at = 0;
        }
        stream = windowBuffer.getInt(at + 4);
        entryOffset = at + RECORD_HEADER_LENGTH;
        entryLength = length;
        sentPosition += RECORD_HEADER_LENGTH + length;
        return true;
    }

    /** Takes back the record {@link #next()} just returned: it was not sent, the next call returns it again. */
    void unread()
    {
        sentPosition -= RECORD_HEADER_LENGTH + entryLength;
    }

    int stream()
    {
        return stream;
    }

    DirectBuffer buffer()
    {
        return windowBuffer;
    }

    int entryOffset()
    {
        return entryOffset;
    }

    int entryLength()
    {
        return entryLength;
    }

    /** The oldest sent record is in Redis; true when that emptied the journal (the file is then truncated). */
    boolean acknowledge(final int entryLength)
    {
        acknowledgedPosition += RECORD_HEADER_LENGTH + entryLength;
        entries--;
        if (entries == 0)
        {
            truncate();
            return true;
        }
        return false;
    }

    /** Redis lost what was sent and not acknowledged: send it again from the oldest unacknowledged record. */
    void rewind()
    {
        sentPosition = acknowledgedPosition;
    }

    /** Appends every unacknowledged record of this journal to {@code target} (used at close, after newer-first prefix). */
    void transferUnacknowledgedTo(final SpillJournal target)
    {
        flush();
        target.flush();
        try
        {
            long position = acknowledgedPosition;
            while (position < writtenPosition)
            {
                position += channel.transferTo(position, writtenPosition - position, target.channel.position(
                    target.writtenPosition + position - acknowledgedPosition));
            }
            target.writtenPosition += writtenPosition - acknowledgedPosition;
            target.entries += entries;
            target.unforced = true;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot copy the Redis spill journal " + path, ex);
        }
    }

    /** Flushes and fsyncs; the file stays for the next run only if it holds unacknowledged records. */
    @Override
    public void close()
    {
        try
        {
            flush();
            channel.force(false);
            channel.close();
            if (entries == 0)
            {
                Files.deleteIfExists(path);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot close the Redis spill journal " + path, ex);
        }
    }

    private void truncate()
    {
        try
        {
            channel.truncate(0);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot truncate the Redis spill journal " + path, ex);
        }
        writtenPosition = 0;
        sentPosition = 0;
        acknowledgedPosition = 0;
        windowStart = 0;
        windowEnd = 0;
    }

    private void fill(final long position)
    {
        try
        {
            window.clear();
            final long end = Math.min(writtenPosition, position + READ_CAPACITY);
            window.limit((int)(end - position));
            while (window.hasRemaining())
            {
                if (channel.read(window, position + window.position()) < 0)
                {
                    break;
                }
            }
            windowStart = position;
            windowEnd = position + window.position();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read the Redis spill journal " + path, ex);
        }
    }

    /** Counts the records a previous run left and cuts off a torn or corrupt tail. */
    private void recover() throws IOException
    {
        final long size = channel.size();
        writtenPosition = size;
        long position = 0;
        while (position + RECORD_HEADER_LENGTH <= size)
        {
            if (position + RECORD_HEADER_LENGTH > windowEnd)
            {
                fill(position);
            }
            final int at = (int)(position - windowStart);
            final int length = windowBuffer.getInt(at);
            final int recordStream = windowBuffer.getInt(at + 4);
            if (length < EntryWriter.HEADER_LENGTH || length > EntryWriter.MAX_ENTRY_LENGTH ||
                recordStream < 0 || recordStream >= StreamCatalog.COUNT ||
                position + RECORD_HEADER_LENGTH + length > size)
            {
                break;
            }
            position += RECORD_HEADER_LENGTH + length;
            entries++;
        }
        if (position < size)
        {
            LOG.warn("spill journal {}: cut {} bytes of a torn or corrupt tail after {} records",
                path, size - position, entries);
            channel.truncate(position);
            writtenPosition = position;
        }
        windowStart = 0;
        windowEnd = 0;
        if (entries > 0)
        {
            LOG.info("spill journal {}: {} entries left by a previous run will be replayed first", path, entries);
        }
    }
}
