package io.tradingcore.adapters.redis;

import io.lettuce.core.ConnectionFuture;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.tradingcore.core.stream.StreamCatalog;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The link to one Redis server, or to the master that Sentinel names ({@code redis-sentinel://}: each
 * connection asks the sentinels again, so a new link after a failover goes to the promoted replica). One
 * connection, one {@link XaddPipeline}: Redis keeps per-connection order, so each stream keeps its order.
 * Down, connecting, activating ({@code SET signals:active} on the new connection), then up.
 */
final class NodeLink implements RedisLink
{
    private static final int DOWN = 0;
    private static final int CONNECTING = 1;
    private static final int ACTIVATING = 2;
    private static final int UP = 3;

    private final RedisConnector connector;
    private final SignalsActive active;
    private final int pipelineCapacity;
    private final int ackReplicas;
    private final LinkOutage outage;
    private final BooleanSupplier journalActive;
    private final long commandTimeoutNs;

    private volatile int state = DOWN;
    private ConnectionFuture<StatefulRedisConnection<byte[], byte[]>> connecting;
    private StatefulRedisConnection<byte[], byte[]> connection;
    private XaddPipeline pipeline;
    private RedisFuture<String> activation;
    private long activationSentNs;

    /**
     * {@code pipelineCapacity} commands in flight at most; {@code journalActive} tells the recovery log
     * whether the spill journal follows.
     */
    NodeLink(final RedisConnector connector, final SignalsActive active, final int pipelineCapacity, final int ackReplicas,
        final LinkOutage outage, final BooleanSupplier journalActive)
    {
        this.connector = connector;
        this.active = active;
        this.pipelineCapacity = pipelineCapacity;
        this.ackReplicas = ackReplicas;
        this.outage = outage;
        this.journalActive = journalActive;
        this.commandTimeoutNs = connector.commandTimeout().toNanos();
    }

    @Override
    public int poll()
    {
        switch (state)
        {
            case DOWN:
                if (!outage.attemptDue())
                {
                    return 0;
                }
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
                    state = DOWN;
                    outage.connectFailed(connector.describe(), ex);
                    return 1;
                }
                connecting = null;
                connection.setAutoFlushCommands(false);
                activation = active.set(connection.async());
                connection.flushCommands();
                activationSentNs = System.nanoTime();
                state = ACTIVATING;
                return 1;

            case ACTIVATING:
                if (!activation.isDone())
                {
                    if (System.nanoTime() - activationSentNs > commandTimeoutNs)
                    {
                        lost(timeout("SET " + StreamCatalog.SIGNALS_ACTIVE_KEY, commandTimeoutNs), 0);
                        return 1;
                    }
                    return 0;
                }
                if (activation.toCompletableFuture().isCompletedExceptionally())
                {
                    lost(failure(activation.toCompletableFuture()), 0);
                    return 1;
                }
                activation = null;
                pipeline = new XaddPipeline(connection, connector.ioThread(), pipelineCapacity, ackReplicas,
                    waitMillis());
                state = UP;
                outage.connected(connector.describe(), journalActive.getAsBoolean());
                return 1;

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
        return pipeline;
    }

    @Override
    public void flush()
    {
        pipeline.flush();
    }

    @Override
    public Throwable failure()
    {
        final Throwable failure = pipeline.failure();
        if (failure == null && !connection.isOpen())
        {
            return new IllegalStateException("connection closed");
        }
        return failure;
    }

    @Override
    public void lost(final Throwable cause, final int unanswered)
    {
        outage.lost(connector.describe(), cause, unanswered);
        disconnect(false);
    }

    @Override
    public void attemptNow()
    {
        outage.attemptNow();
    }

    @Override
    public long connectAttempts()
    {
        return outage.attempts();
    }

    @Override
    public long reconnects()
    {
        return outage.reconnects();
    }

    @Override
    public long connectFailures()
    {
        return outage.connectFailures();
    }

    @Override
    public Duration commandTimeout()
    {
        return connector.commandTimeout();
    }

    @Override
    public String describe()
    {
        return connector.describe();
    }

    @Override
    public void disconnect(final boolean wait)
    {
        if (connection != null)
        {
            if (connection.isOpen())
            {
                final CompletableFuture<Void> closing = connection.closeAsync();
                if (wait)
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
        state = DOWN;
    }

    @Override
    public void shutdown()
    {
        disconnect(true);
        connector.close();
    }

    /** The reason a future failed, unwrapped. */
    static Throwable failure(final CompletableFuture<?> future)
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

    static RedisCommandTimeoutException timeout(final String command, final long timeoutNs)
    {
        return new RedisCommandTimeoutException(
            command + " unanswered after " + TimeUnit.NANOSECONDS.toMillis(timeoutNs) + " ms");
    }

    /** How long a WAIT may wait for replicas: well inside the command timeout that would drop the link. */
    private long waitMillis()
    {
        return TimeUnit.NANOSECONDS.toMillis(commandTimeoutNs) / 2;
    }
}
