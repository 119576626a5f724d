package io.tradingcore.adapters.kraken.auth;

import javax.net.ssl.TrustManagerFactory;
import java.net.URI;

/**
 * Everything {@link KrakenOrderClient} needs to know, with Kraken-safe defaults. A plain mutable
 * holder with fluent setters, like the feed's settings: tests shrink the intervals.
 * {@link #validate()} names the offending setting.
 */
public final class KrakenOrderSettings
{
    public static final URI PRODUCTION_ENDPOINT = URI.create("wss://ws-auth.kraken.com/v2");

    private URI endpoint = PRODUCTION_ENDPOINT;
    private URI restBaseUrl = WebSocketTokenClient.PRODUCTION;
    private long tokenTimeoutMillis = 10_000;
    private long deadlineMillis = 5_000;
    private long deadManIntervalMillis = 20_000;
    private int deadManTimeoutSeconds = 60;
    private int queueCapacity = 1024;
    private double messagesPerSecond = 10.0;
    private int burst = 10;
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
    private int maxMessageBytes = 1024 * 1024;
    private long tickMillis = 5;
    private String clientOrderIdPrefix;
    private TrustManagerFactory trustManagerFactory;

    /** Throws {@link IllegalArgumentException} naming the first invalid setting and the fix. */
    public KrakenOrderSettings validate()
    {
        final String scheme = endpoint == null ? null : endpoint.getScheme();
        require("ws".equals(scheme) || "wss".equals(scheme), "order endpoint must be a ws:// or wss:// URI: " + endpoint);
        final String restScheme = restBaseUrl == null ? null : restBaseUrl.getScheme();
        require("http".equals(restScheme) || "https".equals(restScheme),
            "REST base URL must be an http:// or https:// URI: " + restBaseUrl);
        require(deadlineMillis >= 500 && deadlineMillis <= 60_000, "order deadline must be 500..60000 ms (Kraken's range): "
            + deadlineMillis);
        require(deadManTimeoutSeconds >= 1 && deadManTimeoutSeconds < 86_400,
            "dead-man timeout must be 1..86399 s: " + deadManTimeoutSeconds);
        require(deadManIntervalMillis > 0 && deadManIntervalMillis < deadManTimeoutSeconds * 1000L,
            "dead-man interval must be positive and shorter than its timeout: " + deadManIntervalMillis + " ms");
        require(queueCapacity >= 16, "order queue capacity must be at least 16: " + queueCapacity);
        require(messagesPerSecond > 0 && burst >= 1, "message rate must be > 0 and burst >= 1");
        require(connectionSilenceMillis > 0 && pingTimeoutMillis > 0, "connection silence and ping timeout must be positive");
        require(backoffInitialMillis > 0 && backoffMaxMillis >= backoffInitialMillis,
            "backoff initial must be positive and not above backoff max");
        require(backoffJitter >= 0 && backoffJitter < 1, "backoff jitter must be in [0, 1): " + backoffJitter);
        require(maxConnectionAttempts >= 1 && connectionAttemptWindowMillis > 0,
            "max connection attempts and its window must be positive");
        require(tokenTimeoutMillis > 0 && connectTimeoutMillis > 0, "timeouts must be positive");
        require(maxMessageBytes >= 64 * 1024, "max message bytes must be at least 64 KiB: " + maxMessageBytes);
        require(tickMillis >= 1 && tickMillis <= 100, "tick must be 1..100 ms: " + tickMillis);
        require(clientOrderIdPrefix == null || clientOrderIdPrefix.matches("[A-Za-z0-9-]{1,7}"),
            "client order id prefix must be 1..7 letters, digits or '-' (cl_ord_id free text is at most 18): "
                + clientOrderIdPrefix);
        return this;
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(message);
        }
    }

    public URI endpoint()
    {
        return endpoint;
    }

    /** The authenticated WebSocket ({@link #PRODUCTION_ENDPOINT}). */
    public KrakenOrderSettings endpoint(final URI endpoint)
    {
        this.endpoint = endpoint;
        return this;
    }

    public URI restBaseUrl()
    {
        return restBaseUrl;
    }

    /** Where GetWebSocketsToken is posted ({@code https://api.kraken.com}). */
    public KrakenOrderSettings restBaseUrl(final URI url)
    {
        this.restBaseUrl = url;
        return this;
    }

    public long tokenTimeoutMillis()
    {
        return tokenTimeoutMillis;
    }

    public KrakenOrderSettings tokenTimeoutMillis(final long millis)
    {
        this.tokenTimeoutMillis = millis;
        return this;
    }

    public long deadlineMillis()
    {
        return deadlineMillis;
    }

    /** add_order's {@code deadline}: Kraken rejects the order if it reaches the engine later than this after it was queued. */
    public KrakenOrderSettings deadlineMillis(final long millis)
    {
        this.deadlineMillis = millis;
        return this;
    }

    public long deadManIntervalMillis()
    {
        return deadManIntervalMillis;
    }

    public int deadManTimeoutSeconds()
    {
        return deadManTimeoutSeconds;
    }

    /** cancel_all_orders_after: refreshed every {@code intervalMillis} with {@code timeoutSeconds} (Kraken: 15-30 s, 60). */
    public KrakenOrderSettings deadMan(final long intervalMillis, final int timeoutSeconds)
    {
        this.deadManIntervalMillis = intervalMillis;
        this.deadManTimeoutSeconds = timeoutSeconds;
        return this;
    }

    public int queueCapacity()
    {
        return queueCapacity;
    }

    /** Orders and cancels waiting for the connection's thread; submit() refuses "queue_full" beyond it. */
    public KrakenOrderSettings queueCapacity(final int commands)
    {
        this.queueCapacity = commands;
        return this;
    }

    public double messagesPerSecond()
    {
        return messagesPerSecond;
    }

    public int burst()
    {
        return burst;
    }

    /** The token bucket on every outbound message (orders, cancels, subscriptions, pings). */
    public KrakenOrderSettings messageRate(final double perSecond, final int burst)
    {
        this.messagesPerSecond = perSecond;
        this.burst = burst;
        return this;
    }

    public long connectionSilenceMillis()
    {
        return connectionSilenceMillis;
    }

    public long pingTimeoutMillis()
    {
        return pingTimeoutMillis;
    }

    /** No frame for {@code silenceMillis}: ping; no answer within {@code pingTimeoutMillis}: reconnect. */
    public KrakenOrderSettings liveness(final long silenceMillis, final long pingTimeoutMillis)
    {
        this.connectionSilenceMillis = silenceMillis;
        this.pingTimeoutMillis = pingTimeoutMillis;
        return this;
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

    /** Reconnect backoff: initial delay, doubling up to max, each shortened by up to {@code jitter} of itself. */
    public KrakenOrderSettings backoff(final long initialMillis, final long maxMillis, final double jitter)
    {
        this.backoffInitialMillis = initialMillis;
        this.backoffMaxMillis = maxMillis;
        this.backoffJitter = jitter;
        return this;
    }

    public long minDelayAfterMaintenanceMillis()
    {
        return minDelayAfterMaintenanceMillis;
    }

    public KrakenOrderSettings minDelayAfterMaintenanceMillis(final long millis)
    {
        this.minDelayAfterMaintenanceMillis = millis;
        return this;
    }

    public long stableConnectionMillis()
    {
        return stableConnectionMillis;
    }

    /** A connection that lived this long resets the backoff. */
    public KrakenOrderSettings stableConnectionMillis(final long millis)
    {
        this.stableConnectionMillis = millis;
        return this;
    }

    public int maxConnectionAttempts()
    {
        return maxConnectionAttempts;
    }

    public long connectionAttemptWindowMillis()
    {
        return connectionAttemptWindowMillis;
    }

    /** At most {@code attempts} connection attempts in any {@code windowMillis} (Cloudflare: ~150 per 10 min per IP). */
    public KrakenOrderSettings connectionAttemptCap(final int attempts, final long windowMillis)
    {
        this.maxConnectionAttempts = attempts;
        this.connectionAttemptWindowMillis = windowMillis;
        return this;
    }

    public long connectTimeoutMillis()
    {
        return connectTimeoutMillis;
    }

    public KrakenOrderSettings connectTimeoutMillis(final long millis)
    {
        this.connectTimeoutMillis = millis;
        return this;
    }

    public int maxMessageBytes()
    {
        return maxMessageBytes;
    }

    public KrakenOrderSettings maxMessageBytes(final int bytes)
    {
        this.maxMessageBytes = bytes;
        return this;
    }

    public long tickMillis()
    {
        return tickMillis;
    }

    /** Period of the connection thread's housekeeping: queue drain fallback, rate limiter, dead-man, watchdog. */
    public KrakenOrderSettings tickMillis(final long millis)
    {
        this.tickMillis = millis;
        return this;
    }

    public String clientOrderIdPrefix()
    {
        return clientOrderIdPrefix;
    }

    /**
     * What every cl_ord_id starts with, before the intent id; unique per run. Null (the default) takes
     * the run's start second in base 36, so ids never repeat across runs.
     */
    public KrakenOrderSettings clientOrderIdPrefix(final String prefix)
    {
        this.clientOrderIdPrefix = prefix;
        return this;
    }

    public TrustManagerFactory trustManagerFactory()
    {
        return trustManagerFactory;
    }

    /** For wss:// to a private CA (tests); null uses the JDK's trust store. */
    public KrakenOrderSettings trustManagerFactory(final TrustManagerFactory factory)
    {
        this.trustManagerFactory = factory;
        return this;
    }
}
