package io.tradingcore.adapters.redis;

import io.lettuce.core.RedisCommandExecutionException;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.stream.EntryReader;
import io.tradingcore.core.stream.Environment;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.StreamCatalog;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.MessageHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The Redis adapter thread, the only code that writes to Redis. It drains the {@link Outbox} into its
 * {@link WriteBacklog} (bounded memory, then the spill journal; market data shed past the bound), sends the
 * backlog in order as {@code XADD key MAXLEN ~ n * field value ...} through the {@link XaddPipeline} its
 * {@link RedisLink} gives each key, without allocating per entry, and keeps what it sent in an
 * {@link InflightWindow} until Redis answers. Each stream keeps its order: its entries go, in order, over
 * one connection (Redis keeps per-connection order).
 * <p>
 * Failures (refused or reset connection, a batch unanswered for the command timeout, Redis restarting or
 * loading) drop the link:
 * every command without a reply is sent again, in its original order, once a new link has set
 * {@code signals:active}; one a pipeline acknowledged (another cluster master's, behind an unanswered one)
 * is retired instead, unless the spill journal was in flight. Delivery is therefore at least once: an
 * entry whose reply was lost with the connection can be written twice, and the first occurrences keep
 * production order (each stream's retry resends a contiguous run from its oldest unacknowledged entry). Exactly once would need an idempotent write:
 * explicit ids ({@code XADD key <id>}) derived from a per-stream sequence persisted with the journal, so
 * Redis rejects a replayed id as not greater than the top item; that changes ids from server time to
 * producer sequence and is not done here. Error replies that retrying cannot fix (WRONGTYPE, ERR) are
 * counted as rejected and the entry is dropped.
 */
public final class RedisStreamWriter implements Agent, AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(RedisStreamWriter.class);

    private final Outbox outbox;
    private final StreamKeys keys;
    private final RedisWriterOptions options;
    private final WriteBacklog backlog;
    private final InflightWindow window;
    private final RedisLink link;
    private final LinkOutage outage;
    private final long commandTimeoutNs;
    private final StreamCatalog catalog;
    private final boolean waitForReplicas;
    private final EntryReader reader = new EntryReader();
    private final MessageHandler outboxHandler;
    private final WriteBacklog.EntrySender entrySender = this::sendEntry;
    private int batchRemaining;
    private long batchSentNs;

    private final AtomicLongArray written = new AtomicLongArray(StreamCatalog.COUNT);
    private final AtomicLongArray rejected = new AtomicLongArray(StreamCatalog.COUNT);
    private final AtomicLong writeErrors = new AtomicLong();
    private volatile long cycles;
    private volatile long drainedCycle = -1;
    private volatile boolean closed;
    private volatile boolean connected;
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
        this.outbox = outbox;
        this.catalog = outbox.catalog();
        this.waitForReplicas = options.ackReplicas() > 0;
        this.keys = new StreamKeys(catalog, symbols);
        this.options = options;
        if (options.batchSize() < 1)
        {
            throw new IllegalArgumentException("batchSize must be set (redis.batchSize of the configuration)");
        }
        if (options.maxInFlight() >= RedisConnector.MAX_PENDING_COMMANDS)
        {
            throw new IllegalArgumentException("maxInFlight must be below " + RedisConnector.MAX_PENDING_COMMANDS);
        }
        this.window = new InflightWindow(options.maxInFlight());
        this.backlog = new WriteBacklog(catalog, options.queueBytes(), options.journalFile(),
            options.journalForceInterval().toNanos());
        this.outboxHandler = (stream, buffer, index, length) -> backlog.take(stream, buffer, index, length);
        final SignalsActive active = new SignalsActive(catalog.name(environment.primarySignalsStream(), null, null));
        this.outage = new LinkOutage(options.reconnectMin(), options.reconnectMax());
        final LinkParts parts = new LinkParts(connector, active, outage, backlog::journalActive, options.maxInFlight(),
            options.ackReplicas());
        this.link = connector.isCluster() ? new ClusterLink(parts) : new NodeLink(parts);
        this.commandTimeoutNs = connector.commandTimeout().toNanos();
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
        backlog.flushJournal();
        work += link.poll();
        if (link.up())
        {
            work += acknowledge();
        }
        if (link.up())
        {
            work += send();
        }
        connected = link.up();
        final long cycle = cycles + 1;
        if (outbox.isEmpty() && backlog.isEmpty() && window.isEmpty())
        {
            drainedCycle = cycle;
        }
        backlogBytes = backlog.size();
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
        return backlog.capacity();
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
        final long attemptsAtClose = outage.attempts();
        if (link.down())
        {
            outage.attemptNow();
        }
        while (System.nanoTime() - deadline < 0 && !(link.down() && outage.attempts() > attemptsAtClose))
        {
            doWork();
            if (drainedCycle == cycles)
            {
                break;
            }
            LockSupport.parkNanos(100_000);
        }
        link.disconnect(true);
        connected = false;
        window.clear();
        backlog.rewind();
        while (!outbox.isEmpty())
        {
            outbox.drain(outboxHandler, options.batchSize()); // a late producer's entries are kept too
        }
        final long pending = backlog.persistLeftovers();
        leftInJournal = pending;
        link.shutdown();
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
                pending, backlog.journalPath());
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
        return backlog.shed(stream);
    }

    /** Entries Redis refused for good (or malformed), which no retry can write. */
    public long rejected(final int stream)
    {
        return rejected.get(stream);
    }

    public long spilled()
    {
        return backlog.spilled();
    }

    public long replayed()
    {
        return backlog.replayed();
    }

    /** Commands that failed or were abandoned with a lost connection (each is retried unless rejected). */
    public long writeErrors()
    {
        return writeErrors.get();
    }

    public long reconnects()
    {
        return outage.reconnects();
    }

    public long connectFailures()
    {
        return outage.connectFailures();
    }

    /** Whether the link to Redis is up (signals:active set on it). */
    public boolean connected()
    {
        return connected;
    }

    /**
     * Retires answered commands from the oldest; stops at the first one still waiting for its reply. The link
     * is lost on a reply that a retry may fix, a failure without reply, or a batch unanswered for too long.
     */
    private int acknowledge()
    {
        XaddPipeline pipeline = null;
        long replies = 0;
        int retired = 0;
        while (!window.isEmpty())
        {
            final StreamKeys.Key key = window.oldestKey();
            final long sequence = window.oldestSequence();
            boolean entryWritten = false;
            if (sequence == InflightWindow.ANSWERED)
            {
                written.lazySet(key.stream, written.get(key.stream) + 1);
                key.countWritten();
                entryWritten = true;
            }
            else if (sequence < 0)
            {
                reject(key, "malformed, without fields or with an unresolved key name");
            }
            else
            {
                if (window.oldestPipeline() != pipeline)
                {
                    pipeline = window.oldestPipeline();
                    replies = pipeline.acknowledged();
                }
                if (sequence >= replies)
                {
                    break;
                }
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
                    entryWritten = true;
                }
                else
                {
                    writeErrors.lazySet(writeErrors.get() + 1);
                    reject(key, error);
                }
            }
            backlog.release(window.oldestJournalLength(), entryWritten, options.acknowledged());
            window.retireOldest();
            retired++;
        }
        final Throwable failure = link.failure();
        if (failure != null)
        {
            linkLost(failure);
        }
        else if (!window.isEmpty() && System.nanoTime() - window.oldestSentNs() > commandTimeoutNs
            && !(window.oldestSequence() >= 0
                && System.nanoTime() - window.oldestPipeline().lastWaitReplyNs() <= commandTimeoutNs))
        {
            linkLost(NodeLink.timeout("XADD", commandTimeoutNs));
        }
        return retired;
    }

    /** Pipelines the next batch of the backlog, in its order. */
    private int send()
    {
        batchRemaining = Math.min(options.batchSize(), window.room());
        batchSentNs = System.nanoTime();
        final int before = batchRemaining;
        if (batchRemaining > 0)
        {
            backlog.sendNext(entrySender);
        }
        final int sent = before - batchRemaining;
        if (sent > 0 || waitForReplicas)
        {
            link.flush(); // with replicas to wait for, also a WAIT sent again for entries held
        }
        return sent;
    }

    /**
     * Puts the entry in flight (rendered into its pipeline, or rejected); false when the batch or the
     * pipeline has no room.
     */
    private boolean sendEntry(
        final int stream, final DirectBuffer buffer, final int offset, final int length, final int journalLength)
    {
        if (batchRemaining == 0)
        {
            return false;
        }
        reader.wrap(buffer, offset, length);
        final StreamKeys.Key key = keys.key(stream, reader.symbolId(), reader.timeframe());
        final XaddPipeline pipeline = link.route(key);
        long sequence = XaddPipeline.MALFORMED;
        if (window.nextResendAnswered())
        {
            sequence = InflightWindow.ANSWERED;
        }
        else if (key.complete && reader.fieldCount() > 0)
        {
            sequence = pipeline.offer(key.xaddHeader, reader, length, waitForReplicas && catalog.kept(stream));
            if (sequence == XaddPipeline.FULL)
            {
                return false;
            }
        }
        window.add(pipeline, sequence, key, journalLength, batchSentNs);
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

    /** Any failure of the link: abandon it, resend on the next one everything no pipeline answered. */
    private void linkLost(final Throwable cause)
    {
        writeErrors.lazySet(writeErrors.get() + window.count());
        link.lost(cause, window.count());
        window.rememberAnswered();
        backlog.rewind();
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

    /** Error replies that no retry can fix; everything else (LOADING, BUSY, OOM, READONLY...) is retried. */
    private static boolean isPermanent(final String error)
    {
        return error.startsWith("WRONGTYPE") || error.startsWith("ERR");
    }
}
