package io.tradingcore.adapters.kraken.auth;

import io.tradingcore.adapters.kraken.ConnectionSettings;

import java.net.URI;

/**
 * Everything {@link KrakenOrderClient} needs to know, with Kraken-safe defaults. A plain mutable
 * holder with fluent setters, like the feed's settings: tests shrink the intervals. The connection
 * itself (liveness, backoff, timeouts, TLS) is configured through {@link ConnectionSettings}.
 * {@link #validate()} names the offending setting.
 */
public final class KrakenOrderSettings extends ConnectionSettings<KrakenOrderSettings>
{
    public static final URI PRODUCTION_ENDPOINT = URI.create("wss://ws-auth.kraken.com/v2");

    private URI restBaseUrl = WebSocketTokenClient.PRODUCTION;
    private long tokenTimeoutMillis = 10_000;
    private long deadlineMillis = 5_000;
    private long deadManIntervalMillis = 20_000;
    private int deadManTimeoutSeconds = 60;
    private int queueCapacity = 1024;
    private double messagesPerSecond = 10.0;
    private int burst = 10;
    private String clientOrderIdPrefix;

    /** The authenticated endpoint ({@link #PRODUCTION_ENDPOINT}); 1 MiB frames; a 5 ms tick, orders wait on it. */
    public KrakenOrderSettings()
    {
        super(PRODUCTION_ENDPOINT, 1024 * 1024, 5);
    }

    /** Throws {@link IllegalArgumentException} naming the first invalid setting and the fix. */
    public KrakenOrderSettings validate()
    {
        validateConnection();
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
        require(tokenTimeoutMillis > 0, "token timeout must be positive: " + tokenTimeoutMillis);
        require(clientOrderIdPrefix == null || clientOrderIdPrefix.matches("[A-Za-z0-9-]{1,7}"),
            "client order id prefix must be 1..7 letters, digits or '-' (cl_ord_id free text is at most 18): "
                + clientOrderIdPrefix);
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
}
