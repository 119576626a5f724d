package io.tradingcore.adapters.kraken;

import javax.net.ssl.TrustManagerFactory;
import java.net.URI;

/**
 * What every Kraken WebSocket connection is configured with, public feed or private orders: endpoint,
 * liveness, reconnect backoff, the connection-attempt cap, timeouts, frame size, tick and TLS trust.
 * The fluent setters return the concrete settings ({@code S}) so a caller chains them with its own.
 */
public abstract class ConnectionSettings<S extends ConnectionSettings<S>>
{
    private URI endpoint;
    private long connectionSilenceMillis = 10_000;
    private long pingTimeoutMillis = 5_000;
    private long backoffInitialMillis = 100;
    private long backoffMaxMillis = 30_000;
    private double backoffJitter = 0.25;
    private long minDelayAfterMaintenanceMillis = 5_000;
    private long stableConnectionMillis = 30_000;
    private int maxConnectionAttempts = 150;
    private long connectionAttemptWindowMillis = 600_000;
    private long connectTimeoutMillis = 10_000;
    private int maxMessageBytes;
    private long tickMillis;
    private TrustManagerFactory trustManagerFactory;

    protected ConnectionSettings(final URI endpoint, final int maxMessageBytes, final long tickMillis)
    {
        this.endpoint = endpoint;
        this.maxMessageBytes = maxMessageBytes;
        this.tickMillis = tickMillis;
    }

    /** Throws {@link IllegalArgumentException} naming the first invalid connection setting and the fix. */
    protected final void validateConnection()
    {
        final String scheme = endpoint == null ? null : endpoint.getScheme();
        require("ws".equals(scheme) || "wss".equals(scheme), "endpoint must be a ws:// or wss:// URI: " + endpoint);
        require(connectionSilenceMillis > 0 && pingTimeoutMillis > 0, "connection silence and ping timeout must be positive");
        require(backoffInitialMillis > 0 && backoffMaxMillis >= backoffInitialMillis,
            "backoff initial must be positive and not above backoff max");
        require(backoffJitter >= 0 && backoffJitter < 1, "backoff jitter must be in [0, 1): " + backoffJitter);
        require(maxConnectionAttempts >= 1 && connectionAttemptWindowMillis > 0,
            "max connection attempts and its window must be positive");
        require(connectTimeoutMillis > 0, "connect timeout must be positive: " + connectTimeoutMillis);
        require(maxMessageBytes >= 64 * 1024, "max message bytes must be at least 64 KiB: " + maxMessageBytes);
        require(tickMillis >= 1 && tickMillis <= 100, "tick must be 1..100 ms: " + tickMillis);
    }

    protected static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(message);
        }
    }

    @SuppressWarnings("unchecked")
    private S self()
    {
        return (S)this;
    }

    public URI endpoint()
    {
        return endpoint;
    }

    public S endpoint(final URI endpoint)
    {
        this.endpoint = endpoint;
        return self();
    }

    public long connectionSilenceMillis()
    {
        return connectionSilenceMillis;
    }

    /** No frame at all for this long: send an application ping. */
    public S connectionSilenceMillis(final long millis)
    {
        this.connectionSilenceMillis = millis;
        return self();
    }

    public long pingTimeoutMillis()
    {
        return pingTimeoutMillis;
    }

    /** No pong this long after the ping: close and reconnect. */
    public S pingTimeoutMillis(final long millis)
    {
        this.pingTimeoutMillis = millis;
        return self();
    }

    /** No frame for {@code silenceMillis}: ping; no answer within {@code pingTimeoutMillis}: reconnect. */
    public S liveness(final long silenceMillis, final long pingTimeoutMillis)
    {
        return connectionSilenceMillis(silenceMillis).pingTimeoutMillis(pingTimeoutMillis);
    }

    public long backoffInitialMillis()
    {
        return backoffInitialMillis;
    }

    public long backoffMaxMillis()
    {
        return backoffMaxMillis;
    }

    public double backoffJitter()
    {
        return backoffJitter;
    }

    /** Reconnect backoff: initial delay, doubling up to max, each delay shortened by up to {@code jitter} of itself at random. */
    public S backoff(final long initialMillis, final long maxMillis, final double jitter)
    {
        this.backoffInitialMillis = initialMillis;
        this.backoffMaxMillis = maxMillis;
        this.backoffJitter = jitter;
        return self();
    }

    public long minDelayAfterMaintenanceMillis()
    {
        return minDelayAfterMaintenanceMillis;
    }

    /** While Kraken reports maintenance or cancel_only, reconnect no sooner than this. */
    public S minDelayAfterMaintenanceMillis(final long millis)
    {
        this.minDelayAfterMaintenanceMillis = millis;
        return self();
    }

    public long stableConnectionMillis()
    {
        return stableConnectionMillis;
    }

    /** A connection that lived this long resets the backoff to its initial delay. */
    public S stableConnectionMillis(final long millis)
    {
        this.stableConnectionMillis = millis;
        return self();
    }

    public int maxConnectionAttempts()
    {
        return maxConnectionAttempts;
    }

    public long connectionAttemptWindowMillis()
    {
        return connectionAttemptWindowMillis;
    }

    /** At most {@code attempts} connection attempts in any {@code windowMillis} (Cloudflare bans an IP for 10 min past ~150 in 10 min). */
    public S connectionAttemptCap(final int attempts, final long windowMillis)
    {
        this.maxConnectionAttempts = attempts;
        this.connectionAttemptWindowMillis = windowMillis;
        return self();
    }

    public long connectTimeoutMillis()
    {
        return connectTimeoutMillis;
    }

    /** TCP connect, TLS and WebSocket upgrade must each finish within this. */
    public S connectTimeoutMillis(final long millis)
    {
        this.connectTimeoutMillis = millis;
        return self();
    }

    public int maxMessageBytes()
    {
        return maxMessageBytes;
    }

    /** Largest frame and largest reassembled message. */
    public S maxMessageBytes(final int bytes)
    {
        this.maxMessageBytes = bytes;
        return self();
    }

    public long tickMillis()
    {
        return tickMillis;
    }

    /** Period of the connection thread's housekeeping: rate limiter, watchdogs and the client's own timers. */
    public S tickMillis(final long millis)
    {
        this.tickMillis = millis;
        return self();
    }

    public TrustManagerFactory trustManagerFactory()
    {
        return trustManagerFactory;
    }

    /** For wss:// to a private CA (the simulator's test certificate); null uses the JDK's trust store. */
    public S trustManagerFactory(final TrustManagerFactory factory)
    {
        this.trustManagerFactory = factory;
        return self();
    }
}
