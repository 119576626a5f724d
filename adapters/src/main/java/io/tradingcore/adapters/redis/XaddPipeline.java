package io.tradingcore.adapters.redis;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.protocol.RedisCommand;
import io.tradingcore.core.stream.EntryReader;
import org.agrona.concurrent.UnsafeBuffer;

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
 * A new connection gets a new pipeline: the late callbacks of a closing connection never touch the
 * buffer or the counter the writer is using.
 */
final class XaddPipeline
{
    /** {@link #offer} result: no room for the entry now; offer it again once replies have freed some. */
    static final long FULL = -1;
    /** {@link #offer} result: a field runs past the end of the entry. */
    static final long MALFORMED = -2;
    /** Rendered commands in flight; at least twice the largest command so that an empty buffer takes any. */
    private static final int BUFFER_BYTES = 4 * 1024 * 1024;

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

    /** Writer thread: commands rendered, commands released, where the next one goes in the buffer. */
    private long prepared;
    private long released;
    private int tail;

    /** I/O thread: commands handed to Lettuce. */
    private long dispatched;

    /** {@code capacity} commands in flight at most; {@code ioThread} runs the connection's channel. */
    XaddPipeline(final StatefulRedisConnection<byte[], byte[]> connection, final Executor ioThread, final int capacity)
    {
        this.connection = connection;
        this.ioThread = ioThread;
        this.commands = new XaddCommand[capacity];
        for (int i = 0; i < capacity; i++)
        {
            commands[i] = new XaddCommand(this, bytes);
        }
    }

    /**
     * Renders the entry {@code reader} is wrapped around as the next command; returns its sequence
     * (0, 1, 2... in send order), {@link #FULL} or {@link #MALFORMED}. The caller keeps fewer than
     * {@code capacity} commands unreleased.
     */
    long offer(final byte[] header, final EntryReader reader, final int entryLength)
    {
        final int at = reserve(XaddEncoder.maxLength(header, entryLength, reader.fieldCount()));
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
        commands[slot(sequence)].prepare(sequence, at, end - at);
        tail = end;
        return sequence;
    }

    /** Hands the commands offered so far to the I/O thread, which dispatches and flushes them together. */
    void flush()
    {
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

    /** The first failure that no reply accounts for, or null. */
    Throwable failure()
    {
        return failure;
    }

    /** I/O thread: a reply to {@code command}; replies out of send order mean the link cannot be trusted. */
    void onReply(final XaddCommand command)
    {
        final long expected = acknowledged.get();
        if (command.sequence() != expected)
        {
            onFailure(new IllegalStateException("reply to XADD #" + command.sequence() + " while #" + expected + " was due"));
            return;
        }
        acknowledged.lazySet(expected + 1);
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
