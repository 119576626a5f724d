package io.tradingcore.adapters.kraken;

import javax.net.ssl.TrustManagerFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@link KrakenFeedClient} needs to know, with Kraken-safe defaults. A plain mutable
 * holder with fluent setters: the configuration loader maps YAML onto it, tests shrink the timeouts.
 * {@link #validate()} names the offending setting.
 */
public final class KrakenFeedSettings
{
    public static final int[] BOOK_DEPTHS = {10, 25, 100, 500, 1000};
    public static final int[] OHLC_INTERVALS = {1, 5, 15, 30, 60, 240, 1440, 10080, 21600};

    private URI endpoint = URI.create("wss://ws.kraken.com/v2");
    private List<String> symbols = new ArrayList<>();
    private String tickerEventTrigger = "trades";
    private boolean tradeSnapshot = true;
    private int bookDepth = 10;
    private int[] ohlcIntervals = {1};
    private boolean instrument = true;
    private double controlMessagesPerSecond = 5.0;
    private int controlBurst = 5;
    private long connectionSilenceMillis = 10_000;
    private long pingTimeoutMillis = 5_000;
    private long dataSilenceMillis = 30_000;
    private long backoffInitialMillis = 100;
    private long backoffMaxMillis = 30_000;
    private double backoffJitter = 0.25;
    private long minDelayAfterMaintenanceMillis = 5_000;
    private long stableConnectionMillis = 30_000;
    private int maxConnectionAttempts = 150;
    private long connectionAttemptWindowMillis = 600_000;
    private long rateLimitRetryMillis = 1_000;
    private int resyncMaxAttempts = 3;
    private long resyncWindowMillis = 60_000;
    private long resyncSlowRetryMillis = 30_000;
    private long connectTimeoutMillis = 10_000;
    private int maxMessageBytes = 4 * 1024 * 1024;
    private long tickMillis = 20;
    private long metricsIntervalMillis = 5_000;
    private TrustManagerFactory trustManagerFactory;

    /** Throws {@link IllegalArgumentException} naming the first invalid setting and the fix. */
    public KrakenFeedSettings validate()
    {
        final String scheme = endpoint == null ? null : endpoint.getScheme();
        require("ws".equals(scheme) || "wss".equals(scheme), "endpoint must be a ws:// or wss:// URI: " + endpoint);
        require(!symbols.isEmpty(), "symbols must name at least one Kraken v2 pair (BTC/USD)");
        require("trades".equals(tickerEventTrigger) || "bbo".equals(tickerEventTrigger),
            "ticker event_trigger must be trades or bbo: " + tickerEventTrigger);
        require(contains(BOOK_DEPTHS, bookDepth), "book depth must be one of 10, 25, 100, 500, 1000: " + bookDepth);
        for (final int interval : ohlcIntervals)
        {
            require(contains(OHLC_INTERVALS, interval),
                "ohlc interval must be one of 1, 5, 15, 30, 60, 240, 1440, 10080, 21600 minutes: " + interval);
        }
        require(controlMessagesPerSecond > 0 && controlBurst >= 1, "control rate must be > 0 and burst >= 1");
        require(connectionSilenceMillis > 0 && pingTimeoutMillis > 0 && dataSilenceMillis > 0,
            "connection silence, ping timeout and data silence must be positive");
        require(backoffInitialMillis > 0 && backoffMaxMillis >= backoffInitialMillis,
            "backoff initial must be positive and not above backoff max");
        require(backoffJitter >= 0 && backoffJitter < 1, "backoff jitter must be in [0, 1): " + backoffJitter);
        require(maxConnectionAttempts >= 1 && connectionAttemptWindowMillis > 0,
            "max connection attempts and its window must be positive");
        require(resyncMaxAttempts >= 1 && resyncWindowMillis > 0 && resyncSlowRetryMillis > 0,
            "resync attempts, window and slow retry must be positive");
        require(maxMessageBytes >= 64 * 1024, "max message bytes must be at least 64 KiB: " + maxMessageBytes);
        require(tickMillis >= 1 && tickMillis <= 100, "tick must be 1..100 ms: " + tickMillis);
        return this;
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(message);
        }
    }

    private static boolean contains(final int[] values, final int value)
    {
        for (final int v : values)
        {
            if (v == value)
            {
                return true;
            }
        }
        return false;
    }

    public URI endpoint()
    {
        return endpoint;
    }

    public KrakenFeedSettings endpoint(final URI endpoint)
    {
        this.endpoint = endpoint;
        return this;
    }

    public List<String> symbols()
    {
        return symbols;
    }

    public KrakenFeedSettings symbols(final List<String> symbols)
    {
        this.symbols = new ArrayList<>(symbols);
        return this;
    }

    public String tickerEventTrigger()
    {
        return tickerEventTrigger;
    }

    public KrakenFeedSettings tickerEventTrigger(final String trigger)
    {
        this.tickerEventTrigger = trigger;
        return this;
    }

    public boolean tradeSnapshot()
    {
        return tradeSnapshot;
    }

    public KrakenFeedSettings tradeSnapshot(final boolean snapshot)
    {
        this.tradeSnapshot = snapshot;
        return this;
    }

    public int bookDepth()
    {
        return bookDepth;
    }

    public KrakenFeedSettings bookDepth(final int depth)
    {
        this.bookDepth = depth;
        return this;
    }

    public int[] ohlcIntervals()
    {
        return ohlcIntervals.clone();
    }

    public KrakenFeedSettings ohlcIntervals(final int... minutes)
    {
        this.ohlcIntervals = minutes.clone();
        return this;
    }

    public boolean instrument()
    {
        return instrument;
    }

    public KrakenFeedSettings instrument(final boolean on)
    {
        this.instrument = on;
        return this;
    }

    public double controlMessagesPerSecond()
    {
        return controlMessagesPerSecond;
    }

    public int controlBurst()
    {
        return controlBurst;
    }

    /** The token bucket on every outbound message: {@code perSecond} sustained, {@code burst} at once. */
    public KrakenFeedSettings controlRate(final double perSecond, final int burst)
    {
        this.controlMessagesPerSecond = perSecond;
        this.controlBurst = burst;
        return this;
    }

    public long connectionSilenceMillis()
    {
        return connectionSilenceMillis;
    }

    /** No frame at all for this long: send an application ping. */
    public KrakenFeedSettings connectionSilenceMillis(final long millis)
    {
        this.connectionSilenceMillis = millis;
        return this;
    }

    public long pingTimeoutMillis()
    {
        return pingTimeoutMillis;
    }

    /** No pong this long after the ping: close and reconnect. */
    public KrakenFeedSettings pingTimeoutMillis(final long millis)
    {
        this.pingTimeoutMillis = millis;
        return this;
    }

    public long dataSilenceMillis()
    {
        return dataSilenceMillis;
    }

    /** A subscription with no data frame this long after its subscribe (or, for book, its last frame) is resubscribed. */
    public KrakenFeedSettings dataSilenceMillis(final long millis)
    {
        this.dataSilenceMillis = millis;
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

    /** Reconnect backoff: initial delay, doubling up to max, each delay shortened by up to {@code jitter} of itself at random. */
    public KrakenFeedSettings backoff(final long initialMillis, final long maxMillis, final double jitter)
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

    public KrakenFeedSettings minDelayAfterMaintenanceMillis(final long millis)
    {
        this.minDelayAfterMaintenanceMillis = millis;
        return this;
    }

    public long stableConnectionMillis()
    {
        return stableConnectionMillis;
    }

    /** A connection that lived this long resets the backoff to its initial delay. */
    public KrakenFeedSettings stableConnectionMillis(final long millis)
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

    /** Cloudflare bans an IP for 10 min past ~150 connection attempts in 10 min. */
    public KrakenFeedSettings connectionAttemptCap(final int attempts, final long windowMillis)
    {
        this.maxConnectionAttempts = attempts;
        this.connectionAttemptWindowMillis = windowMillis;
        return this;
    }

    public long rateLimitRetryMillis()
    {
        return rateLimitRetryMillis;
    }

    /** First retry delay of a symbol refused with "Exceeded msg rate"; doubles per refusal up to the backoff max. */
    public KrakenFeedSettings rateLimitRetryMillis(final long millis)
    {
        this.rateLimitRetryMillis = millis;
        return this;
    }

    public int resyncMaxAttempts()
    {
        return resyncMaxAttempts;
    }

    public long resyncWindowMillis()
    {
        return resyncWindowMillis;
    }

    public long resyncSlowRetryMillis()
    {
        return resyncSlowRetryMillis;
    }

    /**
     * A symbol whose book needs {@code maxAttempts} resyncs in a row, each within {@code windowMillis}
     * of the previous request, is reported and from then on resynced at most every {@code slowRetryMillis}.
     */
    public KrakenFeedSettings resync(final int maxAttempts, final long windowMillis, final long slowRetryMillis)
    {
        this.resyncMaxAttempts = maxAttempts;
        this.resyncWindowMillis = windowMillis;
        this.resyncSlowRetryMillis = slowRetryMillis;
        return this;
    }

    public long connectTimeoutMillis()
    {
        return connectTimeoutMillis;
    }

    /** TCP connect, TLS and WebSocket upgrade must each finish within this. */
    public KrakenFeedSettings connectTimeoutMillis(final long millis)
    {
        this.connectTimeoutMillis = millis;
        return this;
    }

    public int maxMessageBytes()
    {
        return maxMessageBytes;
    }

    /** Largest frame and largest reassembled message (the instrument snapshot is the big one). */
    public KrakenFeedSettings maxMessageBytes(final int bytes)
    {
        this.maxMessageBytes = bytes;
        return this;
    }

    public long tickMillis()
    {
        return tickMillis;
    }

    /** Period of the feed thread's housekeeping: resync polling, rate limiter, watchdogs. */
    public KrakenFeedSettings tickMillis(final long millis)
    {
        this.tickMillis = millis;
        return this;
    }

    public long metricsIntervalMillis()
    {
        return metricsIntervalMillis;
    }

    public KrakenFeedSettings metricsIntervalMillis(final long millis)
    {
        this.metricsIntervalMillis = millis;
        return this;
    }

    public TrustManagerFactory trustManagerFactory()
    {
        return trustManagerFactory;
    }

    /** For wss:// to a private CA (the simulator's test certificate); null uses the JDK's trust store. */
    public KrakenFeedSettings trustManagerFactory(final TrustManagerFactory factory)
    {
        this.trustManagerFactory = factory;
        return this;
    }
}
