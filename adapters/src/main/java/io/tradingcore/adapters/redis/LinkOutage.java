package io.tradingcore.adapters.redis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When a link to Redis may try to connect again, and what an outage looks like in the log and the
 * counters: the delay starts at the minimum, doubles per failure up to the maximum and is reset by a
 * link that came up; an outage is logged once when it starts and once when it ends. Adapter thread only,
 * except the counters.
 */
final class LinkOutage
{
    private static final Logger LOG = LoggerFactory.getLogger(LinkOutage.class);

    private final long minNs;
    private final long maxNs;
    private long backoffNs;
    private long nextAttemptNs;
    private long attempts;
    private boolean everConnected;
    private boolean logged;
    private long startNs;
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong connectFailures = new AtomicLong();

    LinkOutage(final Duration min, final Duration max)
    {
        this.minNs = min.toNanos();
        this.maxNs = max.toNanos();
        this.backoffNs = minNs;
    }

    /** Whether an attempt is due now; counts it when it is. */
    boolean attemptDue()
    {
        if (System.nanoTime() - nextAttemptNs < 0)
        {
            return false;
        }
        attempts++;
        return true;
    }

    /** The next attempt may start at once (closing: one more try to write what is left). */
    void attemptNow()
    {
        nextAttemptNs = System.nanoTime();
    }

    /** Connection attempts started so far. */
    long attempts()
    {
        return attempts;
    }

    void connectFailed(final String where, final Throwable cause)
    {
        connectFailures.lazySet(connectFailures.get() + 1);
        if (!logged)
        {
            logged = true;
            startNs = System.nanoTime();
            LOG.warn("Redis unreachable at {}: {}; retrying, entries kept meanwhile", where, RedisConnector.reason(cause));
        }
        retryLater();
    }

    void lost(final String where, final Throwable cause, final int unanswered)
    {
        if (!logged)
        {
            logged = true;
            startNs = System.nanoTime();
            LOG.warn("Redis connection to {} lost: {}; {} commands will be resent, entries kept meanwhile",
                where, RedisConnector.reason(cause), unanswered);
        }
        retryLater();
    }

    /** The link is up: the delay is reset and a recovery is counted and logged. */
    void connected(final String where, final boolean journalActive)
    {
        backoffNs = minNs;
        if (everConnected)
        {
            reconnects.lazySet(reconnects.get() + 1);
            LOG.info("Redis connection to {} recovered after {} ms; resending what was not acknowledged{}",
                where, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs),
                journalActive ? ", then the spill journal" : "");
        }
        else
        {
            LOG.info("Redis writer connected to {}", where);
        }
        everConnected = true;
        logged = false;
    }

    long reconnects()
    {
        return reconnects.get();
    }

    long connectFailures()
    {
        return connectFailures.get();
    }

    private void retryLater()
    {
        nextAttemptNs = System.nanoTime() + backoffNs;
        backoffNs = Math.min(backoffNs * 2, maxNs);
    }
}
