package io.tradingcore.adapters.sim;

import io.netty.handler.ssl.SslContext;

import java.util.ArrayList;
import java.util.List;

/** How {@link KrakenSimulator} behaves: its market, its pace, and how Kraken-like its limits are. */
public final class KrakenSimulatorSettings
{
    private long seed = 42;
    private int bookDepth = 10;
    private List<String> symbols = new ArrayList<>(List.of("BTC/USD", "ETH/USD"));
    private int framesPerSecond = 1_000;
    private boolean hostClock;
    private int historyMinutes;
    private long heartbeatIntervalMillis = 1_000;
    private double requestsPerSecond;
    private int requestBurst = 10;
    private int fragmentAboveBytes;
    private SslContext sslContext;
    private String apiKey;
    private String apiSecret;

    public long seed()
    {
        return seed;
    }

    public KrakenSimulatorSettings seed(final long seed)
    {
        this.seed = seed;
        return this;
    }

    public int bookDepth()
    {
        return bookDepth;
    }

    /** The depth the synthetic books are kept at; subscribe with this depth for matching checksums. */
    public KrakenSimulatorSettings bookDepth(final int depth)
    {
        this.bookDepth = depth;
        return this;
    }

    public List<String> symbols()
    {
        return symbols;
    }

    public KrakenSimulatorSettings symbols(final List<String> symbols)
    {
        this.symbols = new ArrayList<>(symbols);
        return this;
    }

    public int framesPerSecond()
    {
        return framesPerSecond;
    }

    /** Market frames generated per second; 0 streams as fast as the client reads. */
    public KrakenSimulatorSettings framesPerSecond(final int framesPerSecond)
    {
        this.framesPerSecond = framesPerSecond;
        return this;
    }

    public boolean hostClock()
    {
        return hostClock;
    }

    /**
     * Stamps the market on this host's clock: its history ends now and events never run ahead of the
     * wall clock (at most {@link #framesPerSecond} frames a second, fewer when the market is quieter),
     * so lag figures measured against it are real. Off by default: tests want the fixed synthetic dates.
     */
    public KrakenSimulatorSettings hostClock(final boolean hostClock)
    {
        this.hostClock = hostClock;
        return this;
    }

    public int historyMinutes()
    {
        return historyMinutes;
    }

    /**
     * Minutes of market lived before the first client connects, so the ohlc snapshot on subscribe holds
     * that many closed candles (at most {@link CandleSeries#HISTORY}), as Kraken's does. 0 (the default):
     * the short warm-up only, as the fixed synthetic recordings have it.
     */
    public KrakenSimulatorSettings historyMinutes(final int minutes)
    {
        if (minutes < 0 || minutes > CandleSeries.HISTORY)
        {
            throw new IllegalArgumentException("history minutes must be 0.." + CandleSeries.HISTORY + ": " + minutes);
        }
        this.historyMinutes = minutes;
        return this;
    }

    public long heartbeatIntervalMillis()
    {
        return heartbeatIntervalMillis;
    }

    /** A heartbeat is sent after this long without any other frame on a subscribed connection. */
    public KrakenSimulatorSettings heartbeatIntervalMillis(final long millis)
    {
        this.heartbeatIntervalMillis = millis;
        return this;
    }

    public double requestsPerSecond()
    {
        return requestsPerSecond;
    }

    public int requestBurst()
    {
        return requestBurst;
    }

    /**
     * Kraken's own inbound limit, per connection: a request beyond {@code perSecond} sustained and
     * {@code burst} at once is answered "Exceeded msg rate". 0 turns the limit off (the default).
     */
    public KrakenSimulatorSettings requestLimit(final double perSecond, final int burst)
    {
        this.requestsPerSecond = perSecond;
        this.requestBurst = burst;
        return this;
    }

    public int fragmentAboveBytes()
    {
        return fragmentAboveBytes;
    }

    /** Frames longer than this go out as a text frame plus continuation frames of this size; 0 never. */
    public KrakenSimulatorSettings fragmentAboveBytes(final int bytes)
    {
        this.fragmentAboveBytes = bytes;
        return this;
    }

    public SslContext sslContext()
    {
        return sslContext;
    }

    /** A server TLS context for wss://; null serves plain ws://. */
    public KrakenSimulatorSettings sslContext(final SslContext context)
    {
        this.sslContext = context;
        return this;
    }

    public String apiKey()
    {
        return apiKey;
    }

    public String apiSecret()
    {
        return apiSecret;
    }

    /**
     * Also serve the private side ({@link KrakenPrivateEndpoint}) for this test account: the token
     * endpoint accepts this key signed with this base64 secret. Null (the default) serves public only.
     */
    public KrakenSimulatorSettings privateAccount(final String apiKey, final String apiSecret)
    {
        this.apiKey = apiKey;
        this.apiSecret = apiSecret;
        return this;
    }
}
