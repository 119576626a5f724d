package io.tradingcore.adapters.redis;

import io.lettuce.core.ConnectionFuture;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.models.partitions.Partitions;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.tradingcore.core.stream.StreamCatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * The link to a Redis Cluster: a plain connection and an {@link XaddPipeline} per master, each entry routed
 * by its key's hash slot (keys as the catalog names them, no hash tags), so every stream's entries go in
 * order over one connection. Lettuce's cluster client reads the topology (from the seeds at first, then
 * periodically and on its adaptive triggers) and carries {@code SET signals:active}, which it routes and
 * redirects itself. The pipelines' commands are not redirected by Lettuce: a {@code MOVED} or {@code ASK}
 * reply (a resharding), a master that stops answering or a closed connection (a failover) loses the link,
 * and the next one is built on a freshly read topology, so what was in flight to the old owner is resent to
 * the new one, in order. A link comes up only when every slot has a master.
 */
final class ClusterLink implements RedisLink
{
    private static final int DOWN = 0;
    private static final int TOPOLOGY = 1;
    private static final int CONNECTING = 2;
    private static final int UP = 3;

    private final LinkParts parts;
    /** The master each hash slot belongs to, as an index into {@link #pipelines}. */
    private final int[] slotOwner = new int[SlotHash.SLOT_COUNT];

    private volatile int state = DOWN;
    private StatefulRedisClusterConnection<byte[], byte[]> cluster;
    private CompletableFuture<?> topology;
    private CompletableFuture<StatefulRedisClusterConnection<byte[], byte[]>> clusterConnecting;
    private long stepStartNs;
    private final List<RedisClusterNode> masters = new ArrayList<>();
    private final List<ConnectionFuture<StatefulRedisConnection<byte[], byte[]>>> connecting = new ArrayList<>();
    private RedisFuture<String> activation;
    private StatefulRedisConnection<byte[], byte[]>[] connections;
    private XaddPipeline[] pipelines;

    ClusterLink(final LinkParts parts)
    {
        this.parts = parts;
    }

    @Override
    public int poll()
    {
        switch (state)
        {
            case DOWN:
                if (!parts.outage.attemptDue())
                {
                    return 0;
                }
                if (cluster == null)
                {
                    clusterConnecting = parts.connector.connectClusterAsync();
                    topology = clusterConnecting;
                }
                else
                {
                    topology = parts.connector.refreshTopologyAsync().toCompletableFuture();
                }
                stepStartNs = System.nanoTime();
                state = TOPOLOGY;
                return 1;

            case TOPOLOGY:
                if (!topology.isDone())
                {
                    return overdue() ? connectFailed(NodeLink.timeout("the cluster topology", parts.commandTimeoutNs)) : 0;
                }
                return readTopology();

            case CONNECTING:
                return connectMasters();

            default:
                return 0;
        }
    }

    @Override
    public boolean up()
    {
        return state == UP;
    }

    @Override
    public boolean down()
    {
        return state == DOWN;
    }

    @Override
    public XaddPipeline route(final StreamKeys.Key key)
    {
        return pipelines[slotOwner[key.slot]];
    }

    @Override
    public void flush()
    {
        for (final XaddPipeline pipeline : pipelines)
        {
            pipeline.flush();
        }
    }

    @Override
    public Throwable failure()
    {
        for (int i = 0; i < pipelines.length; i++)
        {
            final Throwable failure = pipelines[i].failure();
            if (failure != null)
            {
                return failure;
            }
            if (!connections[i].isOpen())
            {
                return new IllegalStateException("connection to " + address(masters.get(i)) + " closed");
            }
        }
        return null;
    }

    @Override
    public void lost(final Throwable cause, final int unanswered)
    {
        parts.outage.lost(parts.connector.describe(), cause, unanswered);
        closeMasters(false);
    }

    @Override
    public void disconnect(final boolean wait)
    {
        closeMasters(wait);
        if (cluster != null)
        {
            NodeLink.close(cluster, wait);
            cluster = null;
        }
    }

    @Override
    public void shutdown()
    {
        disconnect(true);
        parts.connector.close();
    }

    /** The topology arrived (or failed): maps each slot to its master and connects to every master. */
    private int readTopology()
    {
        try
        {
            topology.join();
            if (clusterConnecting != null)
            {
                cluster = clusterConnecting.join();
                clusterConnecting = null;
            }
        }
        catch (final CompletionException ex)
        {
            return connectFailed(ex);
        }
        topology = null;
        final Partitions partitions = parts.connector.partitions();
        masters.clear();
        for (int slot = 0; slot < SlotHash.SLOT_COUNT; slot++)
        {
            final RedisClusterNode owner = partitions.getMasterBySlot(slot);
            if (owner == null)
            {
                return connectFailed(new IllegalStateException("no master owns hash slot " + slot));
            }
            int index = masters.indexOf(owner);
            if (index < 0)
            {
                index = masters.size();
                masters.add(owner);
            }
            slotOwner[slot] = index;
        }
        for (final RedisClusterNode master : masters)
        {
            connecting.add(parts.connector.connectAsync(master.getUri()));
        }
        activation = parts.active.set(cluster.async());
        stepStartNs = System.nanoTime();
        state = CONNECTING;
        return 1;
    }

    /** Up once every master is connected and {@code signals:active} is set. */
    @SuppressWarnings("unchecked")
    private int connectMasters()
    {
        for (final ConnectionFuture<?> future : connecting)
        {
            if (!future.isDone())
            {
                return overdue()
                    ? connectFailed(NodeLink.timeout("connecting the masters", parts.commandTimeoutNs)) : 0;
            }
            if (future.toCompletableFuture().isCompletedExceptionally())
            {
                return connectFailed(NodeLink.failure(future.toCompletableFuture()));
            }
        }
        if (!activation.isDone())
        {
            return overdue()
                ? connectFailed(NodeLink.timeout("SET " + StreamCatalog.SIGNALS_ACTIVE_KEY, parts.commandTimeoutNs)) : 0;
        }
        if (activation.toCompletableFuture().isCompletedExceptionally())
        {
            return connectFailed(NodeLink.failure(activation.toCompletableFuture()));
        }
        activation = null;
        connections = new StatefulRedisConnection[masters.size()];
        pipelines = new XaddPipeline[masters.size()];
        for (int i = 0; i < connections.length; i++)
        {
            connections[i] = connecting.get(i).join();
            connections[i].setAutoFlushCommands(false);
            pipelines[i] = parts.pipeline(connections[i]);
        }
        connecting.clear();
        state = UP;
        parts.outage.connected(parts.connector.describe() + " (" + masters.size() + " masters)",
            parts.journalActive.getAsBoolean());
        return 1;
    }

    private boolean overdue()
    {
        return System.nanoTime() - stepStartNs > parts.commandTimeoutNs;
    }

    private int connectFailed(final Throwable cause)
    {
        closeMasters(false);
        parts.outage.connectFailed(parts.connector.describe(), cause);
        return 1;
    }

    private void closeMasters(final boolean wait)
    {
        if (connections != null)
        {
            for (final StatefulRedisConnection<byte[], byte[]> connection : connections)
            {
                NodeLink.close(connection, wait);
            }
        }
        for (final ConnectionFuture<StatefulRedisConnection<byte[], byte[]>> future : connecting)
        {
            future.thenAccept(StatefulRedisConnection::closeAsync);
        }
        connecting.clear();
        connections = null;
        pipelines = null;
        activation = null;
        if (clusterConnecting != null)
        {
            clusterConnecting.thenAccept(StatefulRedisClusterConnection::closeAsync);
            clusterConnecting = null;
        }
        topology = null;
        state = DOWN;
    }

    private static String address(final RedisClusterNode node)
    {
        return node.getUri().getHost() + ":" + node.getUri().getPort();
    }
}
