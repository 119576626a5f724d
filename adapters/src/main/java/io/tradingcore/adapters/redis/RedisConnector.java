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
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Builds the Lettuce client for a {@code redis://} or {@code rediss://[user[:password]@]host:port[/db]} URL,
 * with an optional PEM CA file for TLS (peer and host name verified). Lettuce is configured so that the
 * caller owns retries: no auto-reconnect, commands rejected while disconnected, a command timeout.
 * The password is held only by Lettuce; {@link #describe()} and {@link #toString()} mask it.
 */
public final class RedisConnector implements AutoCloseable
{
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final String description;
    private final RedisURI uri;
    private final ClientResources resources;
    private final RedisClient client;

    public RedisConnector(final String url, final Path caFile, final Duration commandTimeout)
    {
        this.description = describe(url);
        this.uri = parse(url, description, commandTimeout);
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
            .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
            .socketOptions(SocketOptions.builder().connectTimeout(DEFAULT_CONNECT_TIMEOUT).build());
        if (caFile != null)
        {
            options.sslOptions(SslOptions.builder().jdkSslProvider().trustManager(caFile.toFile()).build());
        }
        this.resources = DefaultClientResources.builder().ioThreadPoolSize(2).computationThreadPoolSize(2).build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(options.build());
    }

    public RedisConnector(final String url)
    {
        this(url, null, DEFAULT_COMMAND_TIMEOUT);
    }

    /** Starts a connection without blocking the caller. */
    public ConnectionFuture<StatefulRedisConnection<byte[], byte[]>> connectAsync()
    {
        return client.connectAsync(ByteArrayCodec.INSTANCE, uri);
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
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
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
