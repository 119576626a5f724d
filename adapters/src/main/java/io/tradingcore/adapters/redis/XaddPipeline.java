package io.tradingcore.adapters.redis;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.protocol.RedisCommand;
import io.tradingcore.core.stream.EntryReader;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.AbstractList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The XADD commands in flight on one connection, garbage-free. The writer thread renders each entry once,
 * as RESP, into a buffer owned by the pipeline ({@link #offer}), so the bytes stay put until Redis answers
 * whatever the in-memory queue or the journal window does meanwhile, and hands each batch to the
 * connection's I/O thread ({@link #flush}), which dispatches the reusable {@link XaddCommand}s and flushes
 * them with one write. Replies come in send order on one connection: each moves one counter of
 * acknowledged commands ({@link #acknowledged()}); an error reply stays with its command. A failure
 * without a reply (connection lost, command rejected) is kept in {@link #failure()}.
 * <p>
 * With replicas to wait for, a batch with kept entries ends with {@code WAIT n timeout}: from the first such
 * entry on, nothing counts as acknowledged until a WAIT reports {@code n} replicas. Fewer (no replica in
 * reach) sends another WAIT with the next flush, so the entries, already on the master, wait there instead
 * of being written again. Redis's replication is asynchronous: without the WAIT a master that dies right
 * after its reply can take acknowledged entries with it.
 * <p>
 * A new connection gets a new pipeline: the late callbacks of a closing connection never touch the
 * buffer or the counter the writer is using.
 */
final class XaddPipeline
{
    private static final Logger LOG = LoggerFactory.getLogger(XaddPipeline.class);
    /** {@link #offer} result: no room for the entry now; offer it again once replies have freed some. */
    static final long FULL = -1;
    /** {@link #offer} result: a field runs past the end of the entry. */
    static final long MALFORMED = -2;
    /** Rendered commands in flight; at least twice the largest command so that an empty buffer takes any. */
    private static final int BUFFER_BYTES = 4 * 1024 * 1024;
    /** {@link XaddCommand#kind()}: an entry acknowledged by the master's reply. */
    static final int XADD = 0;
    /** An entry acknowledged only once replicas hold it (the WAIT after it). */
    static final int KEPT_XADD = 1;
    static final int WAIT = 2;

    private final StatefulRedisConnection<byte[], byte[]> connection;
    private final Executor ioThread;
    private final byte[] bytes = new byte[BUFFER_BYTES];
    private final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
    private final XaddCommand[] commands;
    private final Runnable dispatcher = this::dispatch;
    private final Batch batch = new Batch();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicBoolean dispatchScheduled = new AtomicBoolean();
    private volatile Throwable failure;
    /** {@code WAIT replicas timeout} as RESP, or null when no replica is waited for. */
    private final byte[] waitCommand;
    private final int replicas;

    /** Writer thread: a kept entry was offered since the last WAIT. */
    private boolean waitDue;

    /** I/O thread: replies received (in send order); whether a kept entry awaits its WAIT. */
    private long replied;
    private boolean holding;
    private boolean warnedShortWait;
    /** I/O thread to writer: a WAIT came back short while entries are held; when WAIT last answered. */
    private volatile boolean waitAgain;
    private volatile long lastWaitReplyNs;

    /** Writer thread: commands rendered, commands released, where the next one goes in the buffer. */
    private long prepared;
    private long released;
    private int tail;

    /** I/O thread: commands handed to Lettuce. */
    private long dispatched;

    /**
     * {@code capacity} entries in flight at most; {@code ioThread} runs the connection's channel; kept entries
     * count as written once {@code replicas} replicas hold them (0: the master's reply), waited for at most
     * {@code waitMillis}.
     */
    XaddPipeline(final StatefulRedisConnection<byte[], byte[]> connection, final Executor ioThread, final int capacity,
        final int replicas, final long waitMillis)
    {
        this.connection = connection;
        this.ioThread = ioThread;
        this.replicas = replicas;
        this.lastWaitReplyNs = System.nanoTime() - Long.MAX_VALUE / 4;
        this.waitCommand = replicas == 0 ? null : XaddEncoder.waitCommand(replicas, waitMillis);
        // a WAIT may follow every entry
        final int slots = replicas == 0 ? capacity : 2 * capacity + 1;
        this.commands = new XaddCommand[slots];
        for (int i = 0; i < slots; i++)
        {
            commands[i] = new XaddCommand(this, bytes);
        }
    }

    /**
     * Renders the entry {@code reader} is wrapped around as the next command; returns its sequence
     * (0, 1, 2... in send order), {@link #FULL} or {@link #MALFORMED}. The caller keeps fewer than
     * {@code capacity} commands unreleased.
     */
    long offer(final byte[] header, final EntryReader reader, final int entryLength, final boolean kept)
    {
        if (prepared - released >= commands.length - 1)
        {
            return FULL; // WAITs sent again while replicas are away take slots too
        }
        final boolean waited = kept && waitCommand != null;
        // room for the WAIT after it too, so that a batch can always be closed
        final int waitRoom = waitCommand == null ? 0 : waitCommand.length;
        final int at = reserve(XaddEncoder.maxLength(header, entryLength, reader.fieldCount()) + waitRoom);
        if (at < 0)
        {
            return FULL;
        }
        final int end = XaddEncoder.encode(buffer, at, header, reader);
        if (end < 0)
        {
            return MALFORMED;
        }
        final long sequence = prepared++;
        commands[slot(sequence)].prepare(sequence, at, end - at, waited ? KEPT_XADD : XADD);
        tail = end;
        waitDue |= waited;
        return sequence;
    }

    /**
     * Hands the commands offered so far to the I/O thread, which dispatches and flushes them together; a
     * batch with kept entries ends with the WAIT for their replicas.
     */
    void flush()
    {
        if (waitAgain)
        {
            waitAgain = false;
            waitDue = true;
        }
        if (waitDue)
        {
            // the last entry reserved room for it; a WAIT sent again may have to wait for room
            final int at = prepared - released < commands.length ? reserve(waitCommand.length) : -1;
            if (at >= 0)
            {
                waitDue = false;
                buffer.putBytes(at, waitCommand);
                final long sequence = prepared++;
                commands[slot(sequence)].prepare(sequence, at, waitCommand.length, WAIT);
                tail = at + waitCommand.length;
            }
        }
        if (published.get() == prepared)
        {
            return;
        }
        published.set(prepared);
        if (!dispatchScheduled.getAndSet(true))
        {
            try
            {
                ioThread.execute(dispatcher);
            }
            catch (final RejectedExecutionException ex)
            {
                onFailure(ex);
            }
        }
    }

    /** Commands Redis has answered, in send order: every sequence below this one. */
    long acknowledged()
    {
        return acknowledged.get();
    }

    /** The error reply to an acknowledged command, or null when its entry was added. */
    String error(final long sequence)
    {
        return commands[slot(sequence)].error();
    }

    /** Frees the oldest acknowledged command, its slot and its bytes. */
    void release(final long sequence)
    {
        released = sequence + 1;
    }

    /**
     * When a WAIT last answered (0 when none did): entries held for their replicas are not a silent link,
     * whatever their age.
     */
    long lastWaitReplyNs()
    {
        return lastWaitReplyNs;
    }

    /** The first failure that no reply accounts for, or null. */
    Throwable failure()
    {
        return failure;
    }

    /**
     * I/O thread: a reply to {@code command}; replies out of send order mean the link cannot be trusted.
     * Replies acknowledge in order, except that from a kept entry waiting for replicas on they wait for the
     * WAIT's.
     */
    void onReply(final XaddCommand command)
    {
        final long expected = replied;
        if (command.sequence() != expected)
        {
            onFailure(new IllegalStateException("reply to " + command + " while #" + expected + " was due"));
            return;
        }
        replied = expected + 1;
        if (command.kind() == WAIT)
        {
            if (command.error() != null)
            {
                onFailure(new IllegalStateException("WAIT: " + command.error()));
                return;
            }
            lastWaitReplyNs = System.nanoTime();
            if (command.replicas() < replicas)
            {
                if (holding && !waitAgain)
                {
                    if (!warnedShortWait)
                    {
                        warnedShortWait = true;
                        LOG.warn("Redis writer: {} of {} replicas acknowledged; kept entries wait on the master "
                            + "for a replica", command.replicas(), replicas);
                    }
                    waitAgain = true;
                }
                return;
            }
            holding = false;
        }
        else if (command.kind() == KEPT_XADD)
        {
            holding = true;
        }
        if (!holding)
        {
            acknowledged.lazySet(replied);
        }
    }

    void onFailure(final Throwable cause)
    {
        if (failure == null)
        {
            failure = cause;
        }
    }

    /** Where {@code length} bytes fit contiguously after the unreleased commands, or -1. */
    private int reserve(final int length)
    {
        if (prepared == released)
        {
            tail = 0;
            return length <= bytes.length ? 0 : -1;
        }
        final int head = commands[slot(released)].offset();
        if (tail > head)
        {
            if (bytes.length - tail >= length)
            {
                return tail;
            }
            return head >= length ? 0 : -1;
        }
        return head - tail >= length ? tail : -1;
    }

    /**
     * I/O thread: dispatches what was published since the last run as one collection (Lettuce takes its
     * endpoint lock once per call), then writes it all with one flush.
     */
    private void dispatch()
    {
        dispatchScheduled.set(false);
        final long upTo = published.get();
        if (upTo == dispatched)
        {
            return;
        }
        try
        {
            batch.from = dispatched;
            batch.size = (int)(upTo - dispatched);
            dispatched = upTo;
            connection.dispatch(batch);
            connection.flushCommands();
        }
        catch (final RuntimeException ex)
        {
            onFailure(ex);
        }
    }

    private int slot(final long sequence)
    {
        return (int)(sequence % commands.length);
    }

    /** The commands of one dispatch, in send order, as the collection Lettuce takes. */
    private final class Batch extends AbstractList<RedisCommand<byte[], byte[], ?>>
    {
        private long from;
        private int size;

        @Override
        public RedisCommand<byte[], byte[], ?> get(final int index)
        {
            return commands[slot(from + index)];
        }

        @Override
        public int size()
        {
            return size;
        }
    }
}
