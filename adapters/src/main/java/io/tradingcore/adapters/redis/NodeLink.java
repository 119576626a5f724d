package io.tradingcore.adapters.redis;

import io.lettuce.core.ConnectionFuture;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.tradingcore.core.stream.StreamCatalog;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

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

    private final LinkParts parts;

    private volatile int state = DOWN;
    private ConnectionFuture<StatefulRedisConnection<byte[], byte[]>> connecting;
    private StatefulRedisConnection<byte[], byte[]> connection;
    private XaddPipeline pipeline;
    private RedisFuture<String> activation;
    private long activationSentNs;

    NodeLink(final LinkParts parts)
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
                connecting = parts.connector.connectAsync();
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
                    parts.outage.connectFailed(parts.connector.describe(), ex);
                    return 1;
                }
                connecting = null;
                connection.setAutoFlushCommands(false);
                activation = parts.active.set(connection.async());
                connection.flushCommands();
                activationSentNs = System.nanoTime();
                state = ACTIVATING;
                return 1;

            case ACTIVATING:
                if (!activation.isDone())
                {
                    if (System.nanoTime() - activationSentNs > parts.commandTimeoutNs)
                    {
                        lost(timeout("SET " + StreamCatalog.SIGNALS_ACTIVE_KEY, parts.commandTimeoutNs), 0);
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
                pipeline = parts.pipeline(connection);
                state = UP;
                parts.outage.connected(parts.connector.describe(), parts.journalActive.getAsBoolean());
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
        parts.outage.lost(parts.connector.describe(), cause, unanswered);
        disconnect(false);
    }

    @Override
    public void disconnect(final boolean wait)
    {
        if (connection != null)
        {
            close(connection, wait);
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
        parts.connector.close();
    }

    /** Closes a connection if it is open, waiting up to 2 s for it to go when {@code wait}. */
    static void close(final StatefulConnection<?, ?> connection, final boolean wait)
    {
        if (connection.isOpen())
        {
            final CompletableFuture<Void> closing = connection.closeAsync();
            if (wait)
            {
                closing.orTimeout(2, TimeUnit.SECONDS).exceptionally(ex -> null).join();
            }
        }
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

}
