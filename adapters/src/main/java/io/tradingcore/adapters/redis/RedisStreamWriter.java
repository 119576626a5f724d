package io.tradingcore.adapters.redis;

import io.lettuce.core.ConnectionFuture;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.stream.EntryReader;
import io.tradingcore.core.stream.EntryWriter;
import io.tradingcore.core.stream.Environment;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.StreamCatalog;
import org.agrona.BitUtil;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableRingBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The Redis adapter thread, the only code that writes to Redis. It drains the {@link Outbox}, keeps every
 * entry it took in a bounded in-memory queue until Redis acknowledged it, and pipelines
 * {@code XADD key MAXLEN ~ n * field value ...} over one connection (Redis keeps per-connection order, so
 * each stream keeps its order) through an {@link XaddPipeline}, without allocating per entry. Past the
 * in-memory bound market data is shed (counted per stream) and kept entries go to the {@link SpillJournal};
 * while the journal holds anything every later kept entry goes there too, and it is replayed after the
 * older in-memory entries and before newer ones.
 * <p>
 * Failures (refused or reset connection, a batch unanswered for the command timeout, Redis restarting or
 * loading) drop the link:
 * every command without a reply is sent again, in its original order, once a new connection has set
 * {@code signals:active}. Delivery is therefore at least once: an entry whose reply was lost with the
 * connection can be written twice, and the first occurrences keep production order (each retry resends a
 * contiguous run from the oldest unacknowledged entry). Exactly once would need an idempotent write:
 * explicit ids ({@code XADD key <id>}) derived from a per-stream sequence persisted with the journal, so
 * Redis rejects a replayed id as not greater than the top item; that changes ids from server time to
 * producer sequence and is not done here. Error replies that retrying cannot fix (WRONGTYPE, ERR) are
 * counted as rejected and the entry is dropped.
 */
public final class RedisStreamWriter implements Agent, AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(RedisStreamWriter.class);
    /** In-memory queue records: {@code int stream} then the encoded entry. */
    private static final int STREAM_PREFIX = 4;
    private static final int MIN_QUEUE_BYTES = 4096;

    private static final int DOWN = 0;
    private static final int CONNECTING = 1;
    private static final int ACTIVATING = 2;
    private static final int UP = 3;

    private final RedisConnector connector;
    private final Outbox outbox;
    private final StreamCatalog catalog;
    private final StreamKeys keys;
    private final byte[] activeKey = StreamCatalog.SIGNALS_ACTIVE_KEY.getBytes(StandardCharsets.UTF_8);
    private final byte[] activeValue;
    private final RedisWriterOptions options;
    private final ExpandableRingBuffer queue;
    private final UnsafeBuffer record = new UnsafeBuffer(new byte[STREAM_PREFIX + EntryWriter.MAX_ENTRY_LENGTH]);
    private final SpillJournal journal;
    private final EntryReader reader = new EntryReader();
    private final MessageHandler outboxHandler = this::onOutboxEntry;
    private final ExpandableRingBuffer.MessageConsumer queueSender = this::sendQueued;
    private final ExpandableRingBuffer.MessageConsumer queueRelease = this::release;
    /** Whether the entry being released was written (not rejected), for {@link AcknowledgedEntries}. */
    private boolean releasingWritten;

    /**
     * Entries sent and not yet answered, in send order: the pipeline sequence of each, or
     * {@link XaddPipeline#MALFORMED} for an entry rejected before sending.
     */
    private final long[] inflightSequence;
    private final StreamKeys.Key[] inflightKey;
    /** The journal entry length of an in-flight command, -1 when it came from the in-memory queue. */
    private final int[] inflightJournalLength;
    /** When the batch of an in-flight command was flushed: it is lost if unanswered a command timeout later. */
    private final long[] inflightSentNs;
    private final long commandTimeoutNs;
    private int inflightHead;
    private int inflightCount;
    private int queueSentBytes;
    private int batchRemaining;
    private long batchSentNs;
    private boolean pipelineFull;

    private volatile int state = DOWN;
    private ConnectionFuture<StatefulRedisConnection<byte[], byte[]>> connecting;
    private StatefulRedisConnection<byte[], byte[]> connection;
    private XaddPipeline pipeline;
    private RedisFuture<String> activation;
    private long activationSentNs;
    private long nextAttemptNs;
    private long backoffNs;
    private long connectAttempts;
    private boolean everConnected;
    private boolean outageLogged;
    private long outageStartNs;
    private boolean shedding;

    private final AtomicLongArray written = new AtomicLongArray(StreamCatalog.COUNT);
    private final AtomicLongArray shed = new AtomicLongArray(StreamCatalog.COUNT);
    private final AtomicLongArray rejected = new AtomicLongArray(StreamCatalog.COUNT);
    private final AtomicLong spilled = new AtomicLong();
    private final AtomicLong replayed = new AtomicLong();
    private final AtomicLong writeErrors = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong connectFailures = new AtomicLong();
    private volatile long cycles;
    private volatile long drainedCycle = -1;
    private volatile boolean closed;
    private volatile int backlogBytes;
    private volatile long leftInJournal;
    private long lastFaultLogNs;
    private AgentRunner runner;

    /**
     * Opens the spill journal (a journal left by a previous run is replayed before anything newer).
     * The writer owns the connector and closes it. Call {@link #start()} to run it on its own thread.
     */
    public RedisStreamWriter(
        final RedisConnector connector,
        final Outbox outbox,
        final SymbolTable symbols,
        final Environment environment,
        final RedisWriterOptions options)
    {
        this.connector = connector;
        this.outbox = outbox;
        this.catalog = outbox.catalog();
        this.keys = new StreamKeys(catalog, symbols);
        this.activeValue = catalog.name(environment.primarySignalsStream(), null, null).getBytes(StandardCharsets.UTF_8);
        this.options = options;
        final int queueCapacity = BitUtil.findNextPositivePowerOfTwo(Math.max(MIN_QUEUE_BYTES, options.queueBytes()));
        this.queue = new ExpandableRingBuffer(Math.min(queueCapacity, 64 * 1024), queueCapacity, false);
        if (options.maxInFlight() >= RedisConnector.MAX_PENDING_COMMANDS)
        {
            throw new IllegalArgumentException("maxInFlight must be below " + RedisConnector.MAX_PENDING_COMMANDS);
        }
        this.inflightSequence = new long[options.maxInFlight()];
        this.inflightKey = new StreamKeys.Key[options.maxInFlight()];
        this.inflightJournalLength = new int[options.maxInFlight()];
        this.inflightSentNs = new long[options.maxInFlight()];
        this.commandTimeoutNs = connector.commandTimeout().toNanos();
        this.backoffNs = options.reconnectMin().toNanos();
        deleteStaleCloseFile(options.journalFile());
        this.journal = new SpillJournal(options.journalFile(), options.journalForceInterval().toNanos());
    }

    /** Starts the adapter thread. */
    public RedisStreamWriter start()
    {
        runner = new AgentRunner(options.idleStrategy(), this::onFault, null, this);
        AgentRunner.startOnThread(runner);
        return this;
    }

    @Override
    public String roleName()
    {
        return "redis-writer";
    }

    @Override
    public int doWork()
    {
        int work = outbox.drain(outboxHandler, options.batchSize());
        journal.flush();
        work += pollLink();
        if (state == UP)
        {
            work += acknowledge();
        }
        if (state == UP)
        {
            work += send();
        }
        final long cycle = cycles + 1;
        if (outbox.isEmpty() && queue.isEmpty() && inflightCount == 0 && !journal.isActive())
        {
            drainedCycle = cycle;
        }
        backlogBytes = queue.size();
        cycles = cycle;
        return work;
    }

    /**
     * Bytes of entries waiting in memory for Redis, as of the last cycle. A source that can wait (a
     * replay, unlike a live socket) paces itself on it instead of making the writer shed market data.
     */
    public int backlogBytes()
    {
        return backlogBytes;
    }

    /** The in-memory bound past which market data is shed and kept entries spill. */
    public int backlogCapacity()
    {
        return queue.maxCapacity();
    }

    /**
     * True once the outbox, the in-memory queue, the commands in flight and the journal are all empty,
     * observed by a full cycle of the adapter thread that began after this call. Call it once the
     * producers have stopped (end of a replay, SIGTERM).
     */
    public boolean awaitDrained(final Duration timeout)
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        final long start = cycles;
        while (true)
        {
            final long cycle = cycles;
            if (closed)
            {
                return drainedCycle == cycle && outbox.isEmpty();
            }
            if (cycle >= start + 2 && drainedCycle == cycle && outbox.isEmpty())
            {
                return true;
            }
            if (System.nanoTime() - deadline >= 0)
            {
                return false;
            }
            try
            {
                Thread.sleep(1);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * Stops the thread, keeps writing for up to the close timeout while Redis answers, then spills every
     * kept entry not acknowledged to the journal (ahead of what the journal already held), closes the
     * connection and the connector.
     */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        if (runner != null)
        {
            runner.close();
        }
        final long deadline = System.nanoTime() + options.closeTimeout().toNanos();
        final long attemptsAtClose = connectAttempts;
        if (state == DOWN)
        {
            nextAttemptNs = System.nanoTime();
        }
        while (System.nanoTime() - deadline < 0 && !(state == DOWN && connectAttempts > attemptsAtClose))
        {
            doWork();
            if (drainedCycle == cycles)
            {
                break;
            }
            LockSupport.parkNanos(100_000);
        }
        closeLink(true);
        while (!outbox.isEmpty())
        {
            outbox.drain(outboxHandler, options.batchSize()); // a late producer's entries are kept too
        }
        final long pending = persistLeftovers();
        leftInJournal = pending;
        connector.close();
        final long cycle = cycles + 1;
        if (pending == 0 && outbox.isEmpty())
        {
            drainedCycle = cycle;
        }
        cycles = cycle;
        closed = true;
        if (pending > 0)
        {
            LOG.warn("Redis writer closed with {} kept entries in the spill journal {}; the next run replays them",
                pending, journal.path());
        }
        else
        {
            LOG.info("Redis writer closed, everything written");
        }
    }

    /** Kept entries Redis had not taken when the writer closed, now in the spill journal for the next start. */
    public long leftInJournal()
    {
        return leftInJournal;
    }

    public long written(final int stream)
    {
        return written.get(stream);
    }

    /** Entries written by resolved key name, for the run summary. */
    public Map<String, Long> writtenByKey()
    {
        return keys.writtenByKey();
    }

    /** Market-data entries shed by this writer because its in-memory bound was full (the outbox sheds too). */
    public long shed(final int stream)
    {
        return shed.get(stream);
    }

    /** Entries Redis refused for good (or malformed), which no retry can write. */
    public long rejected(final int stream)
    {
        return rejected.get(stream);
    }

    public long spilled()
    {
        return spilled.get();
    }

    public long replayed()
    {
        return replayed.get();
    }

    /** Commands that failed or were abandoned with a lost connection (each is retried unless rejected). */
    public long writeErrors()
    {
        return writeErrors.get();
    }

    public long reconnects()
    {
        return reconnects.get();
    }

    public long connectFailures()
    {
        return connectFailures.get();
    }

    /** Whether the link to Redis is up (signals:active set on it). */
    public boolean connected()
    {
        return state == UP;
    }

    private void onOutboxEntry(final int stream, final MutableDirectBuffer buffer, final int index, final int length)
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

    private void spill(final int stream, final DirectBuffer buffer, final int index, final int length)
    {
        journal.append(stream, buffer, index, length);
        spilled.lazySet(spilled.get() + 1);
    }

    private int pollLink()
    {
        switch (state)
        {
            case DOWN:
                if (System.nanoTime() - nextAttemptNs < 0)
                {
                    return 0;
                }
                connectAttempts++;
                connecting = connector.connectAsync();
                state = CONNECTING;
                return 1;

            case CONNECTING:
                if (!connecting.isDone())
                {
                    return 0;
                }
                try
                {
                    connection = connecting.join();
                }
                catch (final CompletionException ex)
                {
                    connecting = null;
                    connectFailures.lazySet(connectFailures.get() + 1);
                    if (!outageLogged)
                    {
                        outageLogged = true;
                        outageStartNs = System.nanoTime();
                        LOG.warn("Redis unreachable at {}: {}; retrying, entries kept meanwhile",
                            connector.describe(), RedisConnector.reason(ex));
                    }
                    retryLater();
                    return 1;
                }
                connecting = null;
                connection.setAutoFlushCommands(false);
                activation = connection.async().set(activeKey, activeValue);
                connection.flushCommands();
                activationSentNs = System.nanoTime();
                state = ACTIVATING;
                return 1;

            case ACTIVATING:
                if (!activation.isDone())
                {
                    if (System.nanoTime() - activationSentNs > commandTimeoutNs)
                    {
                        linkLost(timeout("SET " + StreamCatalog.SIGNALS_ACTIVE_KEY));
                        return 1;
                    }
                    return 0;
                }
                if (activation.toCompletableFuture().isCompletedExceptionally())
                {
                    linkLost(failure(activation.toCompletableFuture()));
                    return 1;
                }
                activation = null;
                pipeline = new XaddPipeline(connection, connector.ioThread(), inflightSequence.length);
                state = UP;
                backoffNs = options.reconnectMin().toNanos();
                if (everConnected)
                {
                    reconnects.lazySet(reconnects.get() + 1);
                    LOG.info("Redis connection to {} recovered after {} ms; resending what was not acknowledged{}",
                        connector.describe(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - outageStartNs),
                        journal.isActive() ? ", then the spill journal" : "");
                }
                else
                {
                    LOG.info("Redis writer connected to {}", connector.describe());
                }
                everConnected = true;
                outageLogged = false;
                return 1;

            default:
                if (!connection.isOpen())
                {
                    linkLost(new IllegalStateException("connection closed"));
                    return 1;
                }
                return 0;
        }
    }

    /**
     * Retires answered commands from the oldest; stops at the first one still waiting for its reply. The link
     * is lost on a reply that a retry may fix, a failure without reply, or a batch unanswered for too long.
     */
    private int acknowledge()
    {
        final long replies = pipeline.acknowledged();
        int retired = 0;
        while (inflightCount > 0)
        {
            final int slot = inflightHead;
            final StreamKeys.Key key = inflightKey[slot];
            releasingWritten = false;
            final long sequence = inflightSequence[slot];
            if (sequence < 0)
            {
                reject(key, "malformed, without fields or with an unresolved key name");
            }
            else if (sequence >= replies)
            {
                break;
            }
            else
            {
                final String error = pipeline.error(sequence);
                if (error != null && !isPermanent(error))
                {
                    linkLost(new RedisCommandExecutionException(error));
                    return retired;
                }
                pipeline.release(sequence);
                if (error == null)
                {
                    written.lazySet(key.stream, written.get(key.stream) + 1);
                    key.countWritten();
                    releasingWritten = true;
                }
                else
                {
                    writeErrors.lazySet(writeErrors.get() + 1);
                    reject(key, error);
                }
            }

            final int journalLength = inflightJournalLength[slot];
            if (journalLength < 0)
            {
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
            inflightKey[slot] = null;
            inflightHead = (slot + 1) % inflightKey.length;
            inflightCount--;
            retired++;
        }
        final Throwable failure = pipeline.failure();
        if (failure != null)
        {
            linkLost(failure);
        }
        else if (inflightCount > 0 && System.nanoTime() - inflightSentNs[inflightHead] > commandTimeoutNs)
        {
            linkLost(timeout("XADD"));
        }
        return retired;
    }

    /** Pipelines the next batch: older in-memory entries first, then (once all of those are sent) the journal. */
    private int send()
    {
        batchRemaining = Math.min(options.batchSize(), inflightKey.length - inflightCount);
        batchSentNs = System.nanoTime();
        pipelineFull = false;
        final int before = batchRemaining;
        if (batchRemaining > 0 && queueSentBytes < queue.size())
        {
            queue.forEach(queueSentBytes, queueSender, batchRemaining);
        }
        while (!pipelineFull && batchRemaining > 0 && queueSentBytes == queue.size() && journal.next())
        {
            if (!sendEntry(journal.stream(), journal.buffer(), journal.entryOffset(), journal.entryLength(),
                journal.entryLength()))
            {
                journal.unread();
            }
        }
        final int sent = before - batchRemaining;
        if (sent > 0)
        {
            pipeline.flush();
        }
        return sent;
    }

    /** Sends one queued entry; stops the iteration, leaving it unsent, when the pipeline is full. */
    private boolean sendQueued(final MutableDirectBuffer buffer, final int offset, final int length, final int headOffset)
    {
        if (!sendEntry(buffer.getInt(offset), buffer, offset + STREAM_PREFIX, length - STREAM_PREFIX, -1))
        {
            return false;
        }
        queueSentBytes = headOffset;
        return true;
    }

    /** Puts the entry in flight (rendered into the pipeline, or rejected); false when the pipeline has no room. */
    private boolean sendEntry(
        final int stream, final DirectBuffer buffer, final int offset, final int length, final int journalLength)
    {
        reader.wrap(buffer, offset, length);
        final StreamKeys.Key key = keys.key(stream, reader.symbolId(), reader.timeframe());
        long sequence = XaddPipeline.MALFORMED;
        if (key.complete && reader.fieldCount() > 0)
        {
            sequence = pipeline.offer(key.xaddHeader, reader, length);
            if (sequence == XaddPipeline.FULL)
            {
                pipelineFull = true;
                return false;
            }
        }
        final int slot = (inflightHead + inflightCount) % inflightKey.length;
        inflightSequence[slot] = sequence;
        inflightKey[slot] = key;
        inflightJournalLength[slot] = journalLength;
        inflightSentNs[slot] = batchSentNs;
        inflightCount++;
        batchRemaining--;
        return true;
    }

    private void reject(final StreamKeys.Key key, final String reason)
    {
        if (rejected.get(key.stream) == 0)
        {
            LOG.error("Redis writer: {} entry dropped, no retry can write it: {}", key.name, reason);
        }
        rejected.lazySet(key.stream, rejected.get(key.stream) + 1);
    }

    /** Any failure of the link: abandon the connection, resend everything unanswered on the next one. */
    private void linkLost(final Throwable cause)
    {
        writeErrors.lazySet(writeErrors.get() + inflightCount);
        if (!outageLogged)
        {
            outageLogged = true;
            outageStartNs = System.nanoTime();
            LOG.warn("Redis connection to {} lost: {}; {} commands will be resent, entries kept meanwhile",
                connector.describe(), RedisConnector.reason(cause), inflightCount);
        }
        closeLink(false);
        retryLater();
    }

    private void closeLink(final boolean waitForClose)
    {
        if (connection != null)
        {
            if (connection.isOpen())
            {
                final CompletableFuture<Void> closing = connection.closeAsync();
                if (waitForClose)
                {
                    closing.orTimeout(2, TimeUnit.SECONDS).exceptionally(ex -> null).join();
                }
            }
            connection = null;
        }
        pipeline = null;
        if (connecting != null)
        {
            connecting.thenAccept(StatefulRedisConnection::closeAsync);
            connecting = null;
        }
        activation = null;
        for (int i = 0; i < inflightCount; i++)
        {
            inflightKey[(inflightHead + i) % inflightKey.length] = null;
        }
        inflightHead = 0;
        inflightCount = 0;
        queueSentBytes = 0;
        journal.rewind();
        state = DOWN;
    }

    private void retryLater()
    {
        state = DOWN;
        nextAttemptNs = System.nanoTime() + backoffNs;
        backoffNs = Math.min(backoffNs * 2, options.reconnectMax().toNanos());
    }

    /**
     * At close: the kept entries still in memory are older than anything in the journal, so the journal is
     * rewritten as those entries followed by its unacknowledged records (dropping its acknowledged head),
     * then moved over the old one. Returns the entries left for the next run.
     */
    private long persistLeftovers()
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

    private void onFault(final Throwable fault)
    {
        final long now = System.nanoTime();
        if (now - lastFaultLogNs > TimeUnit.SECONDS.toNanos(1))
        {
            lastFaultLogNs = now;
            LOG.error("Redis writer fault", fault);
        }
    }

    private boolean release(final MutableDirectBuffer buffer, final int offset, final int length, final int headOffset)
    {
        final AcknowledgedEntries listener = options.acknowledged();
        if (releasingWritten && listener != null)
        {
            listener.onAcknowledged(buffer.getInt(offset), buffer, offset + STREAM_PREFIX, length - STREAM_PREFIX);
        }
        return true;
    }

    /** Error replies that no retry can fix; everything else (LOADING, BUSY, OOM, READONLY...) is retried. */
    private static boolean isPermanent(final String error)
    {
        return error.startsWith("WRONGTYPE") || error.startsWith("ERR");
    }

    private RedisCommandTimeoutException timeout(final String command)
    {
        return new RedisCommandTimeoutException(
            command + " unanswered after " + TimeUnit.NANOSECONDS.toMillis(commandTimeoutNs) + " ms");
    }

    private static Throwable failure(final CompletableFuture<?> future)
    {
        try
        {
            future.join();
            return new IllegalStateException("completed normally");
        }
        catch (final CompletionException ex)
        {
            return ex.getCause() == null ? ex : ex.getCause();
        }
        catch (final CancellationException ex)
        {
            return ex;
        }
    }
}
