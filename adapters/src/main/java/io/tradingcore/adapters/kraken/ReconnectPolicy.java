package io.tradingcore.adapters.kraken;

import java.util.SplittableRandom;

/**
 * When to try the next connection: exponential backoff with jitter after a drop, never sooner than
 * the maintenance delay while Kraken reports maintenance or cancel_only (reconnecting faster gains
 * nothing), and never more than {@code maxAttempts} attempts in any rolling window (Cloudflare bans
 * an IP for 10 minutes past ~150 attempts in 10 minutes). Time is passed in; feed thread only.
 */
public final class ReconnectPolicy
{
    private final long initialNanos;
    private final long maxNanos;
    private final double jitter;
    private final long minAfterMaintenanceNanos;
    private final long windowNanos;
    private final long[] attempts;
    private final SplittableRandom random;
    private int attemptCount;
    private int oldest;
    private int failures;

    public ReconnectPolicy(final ConnectionSettings<?> settings, final long seed)
    {
        this(settings.backoffInitialMillis(), settings.backoffMaxMillis(), settings.backoffJitter(),
            settings.minDelayAfterMaintenanceMillis(), settings.maxConnectionAttempts(),
            settings.connectionAttemptWindowMillis(), seed);
    }

    /** Any Kraken connection's policy: the public feed passes its settings, the private order connection its own. */
    public ReconnectPolicy(
        final long initialMillis,
        final long maxMillis,
        final double jitter,
        final long minAfterMaintenanceMillis,
        final int maxAttempts,
        final long attemptWindowMillis,
        final long seed)
    {
        this.initialNanos = initialMillis * 1_000_000L;
        this.maxNanos = maxMillis * 1_000_000L;
        this.jitter = jitter;
        this.minAfterMaintenanceNanos = minAfterMaintenanceMillis * 1_000_000L;
        this.windowNanos = attemptWindowMillis * 1_000_000L;
        this.attempts = new long[maxAttempts];
        this.random = new SplittableRandom(seed);
    }

    /** Records a connection attempt made at {@code nowNanos}. */
    public void onAttempt(final long nowNanos)
    {
        if (attemptCount < attempts.length)
        {
            attempts[(oldest + attemptCount++) % attempts.length] = nowNanos;
        }
        else
        {
            attempts[oldest] = nowNanos;
            oldest = (oldest + 1) % attempts.length;
        }
    }

    /** The connection lived long enough to count as healthy: the next drop starts the backoff afresh. */
    public void onStable()
    {
        failures = 0;
    }

    /**
     * Delay before the next attempt after a drop or a failed attempt at {@code nowNanos};
     * {@code exchangeDegraded} when the last status was maintenance or cancel_only.
     */
    public long nextDelayNanos(final long nowNanos, final boolean exchangeDegraded)
    {
        // cap the shift so the doubling can never overflow into a negative delay
        final int shift = Math.min(failures, Long.numberOfLeadingZeros(initialNanos) - 2);
        final long backoff = Math.min(maxNanos, initialNanos << shift);
        failures++;
        long delay = backoff - (long)(backoff * jitter * random.nextDouble());
        if (exchangeDegraded)
        {
            delay = Math.max(delay, minAfterMaintenanceNanos);
        }
        if (attemptCount == attempts.length)
        {
            delay = Math.max(delay, attempts[oldest] + windowNanos - nowNanos);
        }
        return Math.max(0, delay);
    }

    /** Consecutive drops or failed attempts since the last healthy connection. */
    public int failures()
    {
        return failures;
    }
}
