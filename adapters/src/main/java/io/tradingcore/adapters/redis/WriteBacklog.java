package io.tradingcore.adapters.redis;

import io.tradingcore.core.stream.EntryWriter;
import io.tradingcore.core.stream.StreamCatalog;
import org.agrona.BitUtil;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableRingBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What the writer holds until Redis takes it, and what it gives up when it cannot hold more: a bounded
 * in-memory queue in production order, then the {@link SpillJournal}. Past the bound market data is shed
 * (counted per stream) and kept entries spill to the journal; while the journal holds anything every later
 * kept entry goes there too, and it is sent after the older in-memory entries and before newer ones.
 * Entries leave in send order ({@link #sendNext}) and are released in the same order once acknowledged
 * ({@link #release}); {@link #rewind} makes every unreleased one due again. Adapter thread only, except
 * the counters.
 */
final class WriteBacklog
{
    /** Sends one entry; false when it cannot be sent now (it stays due). */
    @FunctionalInterface
    interface EntrySender
    {
        /** {@code journalLength} is the entry's journal record length, or -1 when it came from memory. */
        boolean send(int stream, DirectBuffer buffer, int offset, int length, int journalLength);
    }

    private static final Logger LOG = LoggerFactory.getLogger(WriteBacklog.class);
    /** In-memory queue records: {@code int stream} then the encoded entry. */
    private static final int STREAM_PREFIX = 4;
    private static final int MIN_QUEUE_BYTES = 4096;

    private final StreamCatalog catalog;
    private final ExpandableRingBuffer queue;
    private final SpillJournal journal;
    private final UnsafeBuffer record = new UnsafeBuffer(new byte[STREAM_PREFIX + EntryWriter.MAX_ENTRY_LENGTH]);
    private final ExpandableRingBuffer.MessageConsumer queueSender = this::sendQueued;
    private final ExpandableRingBuffer.MessageConsumer queueRelease = this::releaseQueued;
    private final AtomicLongArray shed = new AtomicLongArray(StreamCatalog.COUNT);
    private final AtomicLong spilled = new AtomicLong();
    private final AtomicLong replayed = new AtomicLong();
    private boolean shedding;
    private int queueSentBytes;

    /** Per call of {@link #sendNext} and {@link #release}: where entries go, and who hears of written ones. */
    private EntrySender sender;
    private AcknowledgedEntries releaseListener;

    /**
     * {@code queueBytes} is rounded up to a power of two (4 KiB at least). A journal left by a previous run
     * (and its partial close file) is recovered: its entries are sent before anything newer.
     */
    WriteBacklog(final StreamCatalog catalog, final int queueBytes, final Path journalFile, final long journalForceNs)
    {
        this.catalog = catalog;
        final int capacity = BitUtil.findNextPositivePowerOfTwo(Math.max(MIN_QUEUE_BYTES, queueBytes));
        this.queue = new ExpandableRingBuffer(Math.min(capacity, 64 * 1024), capacity, false);
        deleteStaleCloseFile(journalFile);
        this.journal = new SpillJournal(journalFile, journalForceNs);
    }

    /** Takes an entry from the outbox: queued, spilled or (market data past the bound) shed. */
    void take(final int stream, final DirectBuffer buffer, final int index, final int length)
    {
        final boolean kept = catalog.kept(stream);
        if (kept && journal.isActive())
        {
            spill(stream, buffer, index, length);
            return;
        }
        record.putInt(0, stream);
        record.putBytes(STREAM_PREFIX, buffer, index, length);
        if (queue.append(record, 0, STREAM_PREFIX + length))
        {
            if (shedding && !kept)
            {
                shedding = false;
                LOG.info("Redis writer: in-memory queue has room again, market data no longer shed");
            }
            return;
        }
        if (kept)
        {
            LOG.warn("Redis writer: in-memory queue full ({} bytes), spilling kept entries to {}",
                queue.maxCapacity(), journal.path());
            spill(stream, buffer, index, length);
        }
        else
        {
            if (!shedding)
            {
                shedding = true;
                LOG.warn("Redis writer: in-memory queue full ({} bytes), shedding market data", queue.maxCapacity());
            }
            shed.lazySet(stream, shed.get(stream) + 1);
        }
    }

    /** Writes (and at its interval forces) what was spilled since the last call. */
    void flushJournal()
    {
        journal.flush();
    }

    /**
     * Offers due entries to {@code sender} in send order, older in-memory entries first, then (once all of
     * those are sent) the journal, until the sender refuses one (a full batch or pipeline), which stays due.
     */
    void sendNext(final EntrySender sender)
    {
        this.sender = sender;
        if (queueSentBytes < queue.size())
        {
            queue.forEach(queueSentBytes, queueSender, Integer.MAX_VALUE);
            if (queueSentBytes < queue.size())
            {
                return;
            }
        }
        while (journal.next())
        {
            if (!sender.send(journal.stream(), journal.buffer(), journal.entryOffset(), journal.entryLength(),
                journal.entryLength()))
            {
                journal.unread();
                return;
            }
        }
    }

    /**
     * The oldest unreleased entry was acknowledged: frees it. An in-memory one {@code written} to Redis is
     * reported to {@code listener} (when there is one); a journal one counts as replayed.
     */
    void release(final int journalLength, final boolean written, final AcknowledgedEntries listener)
    {
        if (journalLength < 0)
        {
            releaseListener = written ? listener : null;
            queueSentBytes -= queue.consume(queueRelease, 1);
        }
        else
        {
            replayed.lazySet(replayed.get() + 1);
            if (journal.acknowledge(journalLength))
            {
                LOG.info("Redis writer: spill journal {} replayed and cleared", journal.path());
            }
        }
    }

    /** Every unreleased entry is due again, in its original order (the link was lost). */
    void rewind()
    {
        queueSentBytes = 0;
        journal.rewind();
    }

    boolean isEmpty()
    {
        return queue.isEmpty() && !journal.isActive();
    }

    boolean journalActive()
    {
        return journal.isActive();
    }

    Path journalPath()
    {
        return journal.path();
    }

    /** Bytes of entries in memory. */
    int size()
    {
        return queue.size();
    }

    int capacity()
    {
        return queue.maxCapacity();
    }

    long shed(final int stream)
    {
        return shed.get(stream);
    }

    long spilled()
    {
        return spilled.get();
    }

    long replayed()
    {
        return replayed.get();
    }

    /**
     * At close: the kept entries still in memory are older than anything in the journal, so the journal is
     * rewritten as those entries followed by its unacknowledged records (dropping its acknowledged head),
     * then moved over the old one; market data still in memory is shed. Returns the entries left for the
     * next run.
     */
    long persistLeftovers()
    {
        if (queue.isEmpty() && !journal.isActive())
        {
            journal.close();
            return 0;
        }
        final Path target = journal.path();
        final Path rewrite = closeFile(target);
        final SpillJournal leftovers = new SpillJournal(rewrite, 0);
        queue.consume(
            (buffer, offset, length, headOffset) ->
            {
                final int stream = buffer.getInt(offset);
                if (catalog.kept(stream))
                {
                    leftovers.append(stream, buffer, offset + STREAM_PREFIX, length - STREAM_PREFIX);
                    spilled.lazySet(spilled.get() + 1);
                }
                else
                {
                    shed.lazySet(stream, shed.get(stream) + 1);
                }
                return true;
            },
            Integer.MAX_VALUE);
        journal.transferUnacknowledgedTo(leftovers);
        journal.close();
        final long entries = leftovers.entries();
        leftovers.close();
        try
        {
            if (entries > 0)
            {
                Files.move(rewrite, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot replace the Redis spill journal " + target, ex);
        }
        return entries;
    }

    private void spill(final int stream, final DirectBuffer buffer, final int index, final int length)
    {
        journal.append(stream, buffer, index, length);
        spilled.lazySet(spilled.get() + 1);
    }

    /** Sends one queued entry; stops the iteration, leaving it due, when the sender refuses it. */
    private boolean sendQueued(final MutableDirectBuffer buffer, final int offset, final int length, final int headOffset)
    {
        if (!sender.send(buffer.getInt(offset), buffer, offset + STREAM_PREFIX, length - STREAM_PREFIX, -1))
        {
            return false;
        }
        queueSentBytes = headOffset;
        return true;
    }

    private boolean releaseQueued(final MutableDirectBuffer buffer, final int offset, final int length, final int headOffset)
    {
        if (releaseListener != null)
        {
            releaseListener.onAcknowledged(buffer.getInt(offset), buffer, offset + STREAM_PREFIX, length - STREAM_PREFIX);
        }
        return true;
    }

    private static Path closeFile(final Path journalFile)
    {
        return journalFile.resolveSibling(journalFile.getFileName() + ".closing");
    }

    /** A close interrupted before its atomic move left a partial file; the journal itself is complete. */
    private static void deleteStaleCloseFile(final Path journalFile)
    {
        try
        {
            Files.deleteIfExists(closeFile(journalFile));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot delete " + closeFile(journalFile), ex);
        }
    }
}
