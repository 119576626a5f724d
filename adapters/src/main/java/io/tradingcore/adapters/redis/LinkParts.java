package io.tradingcore.adapters.redis;

import io.lettuce.core.api.StatefulRedisConnection;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * What either kind of {@link RedisLink} is built from: the connector, the alias it sets on each new link,
 * its outage record, whether the spill journal waits (for the recovery log), and how its pipelines are
 * made: {@code capacity} entries in flight, {@code ackReplicas} replicas to wait for.
 */
final class LinkParts
{
    final RedisConnector connector;
    final SignalsActive active;
    final LinkOutage outage;
    final BooleanSupplier journalActive;
    final long commandTimeoutNs;
    private final int capacity;
    private final int ackReplicas;

    LinkParts(final RedisConnector connector, final SignalsActive active, final LinkOutage outage,
        final BooleanSupplier journalActive, final int capacity, final int ackReplicas)
    {
        this.connector = connector;
        this.active = active;
        this.outage = outage;
        this.journalActive = journalActive;
        this.commandTimeoutNs = connector.commandTimeout().toNanos();
        this.capacity = capacity;
        this.ackReplicas = ackReplicas;
    }

    /**
     * A pipeline for a new connection; a WAIT may wait for replicas half the command timeout, well inside
     * the timeout that would drop the link.
     */
    XaddPipeline pipeline(final StatefulRedisConnection<byte[], byte[]> connection)
    {
        return new XaddPipeline(connection, connector.ioThread(), capacity, ackReplicas,
            TimeUnit.NANOSECONDS.toMillis(commandTimeoutNs) / 2);
    }
}
