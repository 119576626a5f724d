package io.tradingcore.adapters.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.ConnectionFuture;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.models.partitions.Partitions;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.DefaultEventLoopGroupProvider;
import io.lettuce.core.resource.EventLoopGroupProvider;
import io.lettuce.core.resource.NettyCustomizer;
import io.lettuce.core.resource.Transports;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelOption;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Builds the Lettuce client for a {@code redis://} or {@code rediss://[user[:password]@]host:port[/db]} URL,
 * a Sentinel group's {@code redis-sentinel://} URL (each connection goes to the master Sentinel names then),
 * or the seed URLs of a Redis Cluster ({@link #cluster}), with an optional PEM CA file for TLS (peer and
 * host name verified). Lettuce is configured so that the
 * caller owns retries and timeouts: no auto-reconnect, commands rejected while disconnected, and no timer
 * per command (the {@link RedisStreamWriter} keeps one deadline per batch; synchronous calls still wait at
 * most the command timeout). Its connections share one I/O thread, {@link #ioThread()}.
 * The password is held only by Lettuce; {@link #describe()} and {@link #toString()} mask it.
 */
public final class RedisConnector implements AutoCloseable
{
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Commands queued or awaiting replies on one connection, at most (Lettuce's request queue size). */
    public static final int MAX_PENDING_COMMANDS = 16 * 1024;
    /** How often a cluster's topology is read again when nothing has triggered a refresh. */
    public static final Duration TOPOLOGY_REFRESH = Duration.ofSeconds(10);

    private final String description;
    private final RedisURI uri;
    private final Duration commandTimeout;
    private final EventLoopGroupProvider eventLoops = new DefaultEventLoopGroupProvider(1);
    private final ClientResources resources;
    private final RedisClient client;
    private final RedisClusterClient clusterClient;
    private final Executor ioThread;

    public RedisConnector(final String url, final Path caFile, final Duration commandTimeout)
    {
        this(url, caFile, commandTimeout, false);
    }

    /**
     * A Redis Cluster reached through one or more comma-separated seed URLs: its topology is refreshed
     * every {@link #TOPOLOGY_REFRESH} and at once on a redirect or a lost node (Lettuce's adaptive triggers),
     * and each master gets a connection of its own ({@link #connectAsync(RedisURI)}).
     */
    public static RedisConnector cluster(final String seedUrls, final Path caFile, final Duration commandTimeout)
    {
        return new RedisConnector(seedUrls, caFile, commandTimeout, true);
    }

    private RedisConnector(final String url, final Path caFile, final Duration commandTimeout, final boolean cluster)
    {
        this.description = cluster ? describeSeeds(url) : describe(url);
        final List<RedisURI> seeds = new ArrayList<>();
        for (final String seed : cluster ? RedisUrl.seeds(url) : List.of(url))
        {
            seeds.add(parse(seed, description, commandTimeout));
        }
        this.uri = seeds.get(0);
        this.commandTimeout = commandTimeout;
        if (caFile != null && !Files.isReadable(caFile))
        {
            throw new IllegalArgumentException("Redis CA file is not readable: " + caFile);
        }
        if (caFile != null && !uri.isSsl())
        {
            throw new IllegalArgumentException("a Redis CA file needs a rediss:// URL, got " + description);
        }
        final ClientOptions.Builder options = ClientOptions.builder()
            .autoReconnect(false)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.create())
            // bounded queues are arrays (no node per command); a plain deque of commands awaiting replies
            .requestQueueSize(MAX_PENDING_COMMANDS)
            .useHashIndexQueue(false)
            .socketOptions(SocketOptions.builder().connectTimeout(DEFAULT_CONNECT_TIMEOUT).build());
        if (caFile != null)
        {
            options.sslOptions(SslOptions.builder().jdkSslProvider().trustManager(caFile.toFile()).build());
        }
        // one I/O thread (Lettuce's own provider insists on two), so the writer can run its batches on its
        // connection's event loop; no latency metrics, which would wrap every command
        this.resources = DefaultClientResources.builder().eventLoopGroupProvider(eventLoops)
            .computationThreadPoolSize(2).commandLatencyRecorder(CommandLatencyRecorder.disabled())
            .nettyCustomizer(CommandBuffers.INSTANCE).build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(options.build());
        if (cluster)
        {
            final ClusterTopologyRefreshOptions refresh = ClusterTopologyRefreshOptions.builder()
                .enablePeriodicRefresh(TOPOLOGY_REFRESH).enableAllAdaptiveRefreshTriggers().build();
            this.clusterClient = RedisClusterClient.create(resources, seeds);
            clusterClient.setOptions(ClusterClientOptions.builder(options.build()).autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.DEFAULT).topologyRefreshOptions(refresh).build());
        }
        else
        {
            this.clusterClient = null;
        }
        this.ioThread = eventLoops.allocate(Transports.eventLoopGroupClass()).next();
    }

    public RedisConnector(final String url)
    {
        this(url, null, DEFAULT_COMMAND_TIMEOUT);
    }

    /** Starts a connection without blocking the caller (to the first seed of a cluster). */
    public ConnectionFuture<StatefulRedisConnection<byte[], byte[]>> connectAsync()
    {
        return client.connectAsync(ByteArrayCodec.INSTANCE, uri);
    }

    /** A plain connection to one node of a cluster, with the seed's credentials and TLS settings. */
    ConnectionFuture<StatefulRedisConnection<byte[], byte[]>> connectAsync(final RedisURI node)
    {
        return client.connectAsync(ByteArrayCodec.INSTANCE,
            RedisURI.builder(uri).withHost(node.getHost()).withPort(node.getPort()).build());
    }

    /** Whether this is a Redis Cluster's connector. */
    public boolean isCluster()
    {
        return clusterClient != null;
    }

    /**
     * Reads the topology from the seeds, then opens the cluster connection (Lettuce routes and redirects its
     * commands, and refreshes the topology from then on).
     */
    CompletableFuture<StatefulRedisClusterConnection<byte[], byte[]>> connectClusterAsync()
    {
        return clusterClient.refreshPartitionsAsync().toCompletableFuture()
            .thenCompose(read -> clusterClient.connectAsync(ByteArrayCodec.INSTANCE));
    }

    /** Reads the cluster's topology again from its nodes. */
    CompletionStage<Void> refreshTopologyAsync()
    {
        return clusterClient.refreshPartitionsAsync();
    }

    /** The cluster's topology as last read. */
    Partitions partitions()
    {
        return clusterClient.getPartitions();
    }

    /**
     * Connects now, for a fail-fast check at start and for tools; the message of the exception names the
     * masked URL and Redis's own reason (for example {@code WRONGPASS}), never the password.
     */
    public StatefulRedisConnection<byte[], byte[]> connect()
    {
        try
        {
            return client.connect(ByteArrayCodec.INSTANCE, uri);
        }
        catch (final RedisConnectionException ex)
        {
            throw new RedisConnectionException("cannot connect to " + description + ": " + reason(ex), ex);
        }
    }

    /** The event loop every connection of this connector runs on. */
    public Executor ioThread()
    {
        return ioThread;
    }

    /** How long a command may wait for its reply. */
    public Duration commandTimeout()
    {
        return commandTimeout;
    }

    public boolean tls()
    {
        return uri.isSsl();
    }

    public String describe()
    {
        return description;
    }

    @Override
    public String toString()
    {
        return description;
    }

    @Override
    public void close()
    {
        if (clusterClient != null)
        {
            clusterClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
        eventLoops.shutdown(0, 2, TimeUnit.SECONDS);
    }

    /** The innermost message of a failure, which is where Redis's and the TLS layer's reasons are. */
    public static String reason(final Throwable failure)
    {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause)
        {
            cause = cause.getCause();
        }
        final String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }

    /** Each seed URL masked, comma-separated. */
    private static String describeSeeds(final String urls)
    {
        final StringBuilder seeds = new StringBuilder();
        for (final String seed : RedisUrl.seeds(urls))
        {
            seeds.append(seeds.length() == 0 ? "" : ",").append(describe(seed));
        }
        return seeds.toString();
    }

    /** The URL with its password replaced by {@code ***}; safe for logs. */
    public static String describe(final String url)
    {
        final int at = url.lastIndexOf('@');
        final int scheme = url.indexOf("://");
        if (at > 0 && scheme > 0 && at > scheme)
        {
            // by hand first: a password with '@', '#' or '/' in it leaves java.net.URI without user info
            final String userInfo = url.substring(scheme + 3, at);
            final int colon = userInfo.indexOf(':');
            return url.substring(0, scheme + 3) + (colon < 0 ? "***" : userInfo.substring(0, colon) + ":***")
                + url.substring(at);
        }
        try
        {
            final URI parsed = new URI(url);
            final String userInfo = parsed.getRawUserInfo();
            if (userInfo == null)
            {
                return url;
            }
            final int colon = userInfo.indexOf(':');
            final String masked = colon < 0 ? "***" : userInfo.substring(0, colon) + ":***";
            return new URI(parsed.getScheme(), masked, parsed.getHost(), parsed.getPort(), parsed.getPath(), null, null)
                .toString();
        }
        catch (final URISyntaxException | RuntimeException ex)
        {
            return "<unparseable Redis URL>";
        }
    }

    /**
     * The buffers Lettuce encodes each command into: Netty's pooled allocator, which reuses each chunk's NIO
     * views where 4.2's default adaptive one slices a new ByteBuffer for every buffer written to the socket,
     * with a default size that holds a stream entry's XADD (Netty's 256 bytes made most of them grow by
     * reallocating and copying). One for the JVM; it installs itself on each connector's bootstrap.
     */
    private static final class CommandBuffers extends PooledByteBufAllocator implements NettyCustomizer
    {
        private static final int COMMAND_BYTES = 1024;
        private static final CommandBuffers INSTANCE = new CommandBuffers();

        private CommandBuffers()
        {
            super(true);
        }

        @Override
        public ByteBuf ioBuffer()
        {
            return directBuffer(COMMAND_BYTES);
        }

        @Override
        public void afterBootstrapInitialized(final Bootstrap bootstrap)
        {
            bootstrap.option(ChannelOption.ALLOCATOR, INSTANCE);
        }
    }

    private static RedisURI parse(final String url, final String description, final Duration commandTimeout)
    {
        try
        {
            return RedisUrl.parse(url).toRedisUri(commandTimeout);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("REDIS_URL " + ex.getMessage() + ": " + description);
        }
    }
}
