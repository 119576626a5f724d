package io.tradingcore.adapters.redis;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the {@link RedisStreamWriter}; the defaults suit production. The batch size has no default here:
 * its one default is the configuration's ({@code redis.batchSize}).
 */
public final class RedisWriterOptions
{
    private int queueBytes = 64 * 1024 * 1024;
    private Path journalFile = Path.of("var", "redis-outbox.spill");
    private int batchSize;
    private int maxInFlight = 4096;
    private Duration reconnectMin = Duration.ofMillis(50);
    private Duration reconnectMax = Duration.ofSeconds(1);
    private Duration closeTimeout = Duration.ofSeconds(5);
    private Duration journalForceInterval = Duration.ofMillis(100);
    private IdleStrategy idleStrategy = new BackoffIdleStrategy(100, 10, 1_000, 1_000_000);
    private AcknowledgedEntries acknowledged;
    private int ackReplicas;

    /** Bytes of entries kept in memory while Redis is down or slow (rounded up to a power of two, min 4 KiB). */
    public RedisWriterOptions queueBytes(final int bytes)
    {
        this.queueBytes = bytes;
        return this;
    }

    public int queueBytes()
    {
        return queueBytes;
    }

    /** Where kept entries go past the in-memory bound; replayed at start if a previous run left it. */
    public RedisWriterOptions journalFile(final Path file)
    {
        this.journalFile = file;
        return this;
    }

    public Path journalFile()
    {
        return journalFile;
    }

    /** Commands per pipeline flush (and entries per drain of the outbox); required. */
    public RedisWriterOptions batchSize(final int commands)
    {
        this.batchSize = commands;
        return this;
    }

    public int batchSize()
    {
        return batchSize;
    }

    /** Commands sent and not yet answered, at most. */
    public RedisWriterOptions maxInFlight(final int commands)
    {
        this.maxInFlight = commands;
        return this;
    }

    public int maxInFlight()
    {
        return maxInFlight;
    }

    /** Reconnect delay: starts at {@code min}, doubles per failed attempt up to {@code max}. */
    public RedisWriterOptions reconnectBackoff(final Duration min, final Duration max)
    {
        this.reconnectMin = min;
        this.reconnectMax = max;
        return this;
    }

    public Duration reconnectMin()
    {
        return reconnectMin;
    }

    public Duration reconnectMax()
    {
        return reconnectMax;
    }

    /** How long {@code close()} keeps writing before it spills the rest to the journal. */
    public RedisWriterOptions closeTimeout(final Duration timeout)
    {
        this.closeTimeout = timeout;
        return this;
    }

    public Duration closeTimeout()
    {
        return closeTimeout;
    }

    /** The journal is written per batch and fsynced at most this often. */
    public RedisWriterOptions journalForceInterval(final Duration interval)
    {
        this.journalForceInterval = interval;
        return this;
    }

    public Duration journalForceInterval()
    {
        return journalForceInterval;
    }

    /** How the adapter thread waits when there is nothing to do. */
    public RedisWriterOptions idleStrategy(final IdleStrategy strategy)
    {
        this.idleStrategy = strategy;
        return this;
    }

    public IdleStrategy idleStrategy()
    {
        return idleStrategy;
    }

    /** Told of every in-memory entry Redis acknowledged; null (the default) for none. */
    public RedisWriterOptions acknowledged(final AcknowledgedEntries listener)
    {
        this.acknowledged = listener;
        return this;
    }

    public AcknowledgedEntries acknowledged()
    {
        return acknowledged;
    }

    /**
     * Replicas that must hold a batch of kept entries before it counts as written (WAIT after the batch): 0
     * (the default, the master's reply) or more.
     */
    public RedisWriterOptions ackReplicas(final int replicas)
    {
        this.ackReplicas = replicas;
        return this;
    }

    public int ackReplicas()
    {
        return ackReplicas;
    }
}
