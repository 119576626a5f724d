package io.tradingcore.adapters.redis;

/**
 * The writer's way to Redis: connects (and reconnects after a loss, with the back-off and outage record of
 * its {@link LinkOutage}, which the writer reads), sets
 * {@code signals:active} on each new link, and gives the {@link XaddPipeline} each stream key goes
 * through. One server (or the master Sentinel names) is a {@link NodeLink}; a Redis Cluster is a
 * {@link ClusterLink}, with a pipeline per master. Adapter thread only, except the counters.
 */
interface RedisLink
{
    /** Moves a connection attempt or an activation on; returns the work done (0 when it only waited). */
    int poll();

    /** Connected and {@code signals:active} set: pipelines may be used. */
    boolean up();

    /** Down, waiting for its next attempt. */
    boolean down();

    /** The pipeline of the master that owns {@code key} while {@link #up()}; null when no master owns it now. */
    XaddPipeline route(StreamKeys.Key key);

    /** Hands what was offered to the pipelines since the last flush to the I/O threads. */
    void flush();

    /** A failure without reply on any pipeline, or a connection closed under it; null when none. */
    Throwable failure();

    /** Abandons the connections (their replies are no longer awaited) and schedules the next attempt. */
    void lost(Throwable cause, int unanswered);

    /** Closes the connections, waiting up to 2 s for them to go when {@code wait}. */
    void disconnect(boolean wait);

    /** Disconnects and releases the client and its I/O threads. */
    void shutdown();
}
