package io.tradingcore.run;

import java.time.Duration;

/**
 * How long a stop may take, SIGTERM to exit, part by part. The shutdown hook waits out the worst
 * case; systemd's TimeoutStopSec (run/systemd/trading-core.service) must exceed the hook's wait, or
 * systemd kills a stop that is still flushing (SystemdUnitTest checks both).
 */
final class StopBudget
{
    /** The feed's socket close (3 s) and its event loop's (1 s): WebSocketConnector. */
    static final Duration FEED_CLOSE = Duration.ofSeconds(4);
    /** A ring of a few thousand slots drains in milliseconds: this only bounds a wedged stage. */
    static final Duration RING_DRAIN = Duration.ofSeconds(10);
    static final Duration STAGE_THREADS_STOP = Duration.ofSeconds(1);
    /** The live order client's close, as the feed's. */
    static final Duration ORDERS_STOP = Duration.ofSeconds(4);
    /** The risk state keeper's last write (RiskStateKeeper joins its thread for 1 s). */
    static final Duration RISK_STATE_SAVE = Duration.ofSeconds(1);
    /** Redis connected: everything pending is written or, past this, left in the spill journal. */
    static final Duration REDIS_FLUSH = Duration.ofSeconds(30);
    /** Redis away: the spill journal already holds what must be kept. */
    static final Duration REDIS_AWAY_GRACE = Duration.ofSeconds(5);
    static final Duration WORST_CASE = FEED_CLOSE.plus(RING_DRAIN).plus(STAGE_THREADS_STOP).plus(ORDERS_STOP)
        .plus(RISK_STATE_SAVE).plus(REDIS_FLUSH);
    /** The hook's wait for the core: the worst case and time to print the summary. */
    static final Duration HOOK_WAIT = WORST_CASE.plusSeconds(5);

    private StopBudget()
    {
    }
}
