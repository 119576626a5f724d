package io.tradingcore.adapters.kraken;

import java.net.URI;
import java.util.List;

/**
 * Everything {@link KrakenFeedClient} needs to know, with Kraken-safe defaults, in the units the client
 * uses. A plain mutable holder with fluent setters: the configuration ({@code KrakenSettings}) reads
 * {@code kraken.*} into it once, converting units there; tests shrink the timeouts.
 * The connection itself (liveness, backoff, timeouts, TLS) is configured through {@link ConnectionSettings}.
 * {@link #validate()} names the offending setting.
 */
public final class KrakenFeedSettings extends ConnectionSettings<KrakenFeedSettings>
{
    public static final int[] BOOK_DEPTHS = {10, 25, 100, 500, 1000};
    public static final int[] OHLC_INTERVALS = {1, 5, 15, 30, 60, 240, 1440, 10080, 21600};

    private List<String> symbols = List.of();
    private String tickerEventTrigger = "trades";
    private boolean tradeSnapshot = true;
    private int bookDepth = 10;
    private int[] ohlcIntervals = {1};
    private boolean instrument = true;
    private boolean ticker = true;
    private boolean trade = true;
    private boolean book = true;
    private double controlMessagesPerSecond = 5.0;
    private int controlBurst = 5;
    private long dataSilenceMillis = 30_000;
    private long rateLimitRetryMillis = 1_000;
    private int resyncMaxAttempts = 3;
    private long resyncWindowMillis = 60_000;
    private long resyncSlowRetryMillis = 30_000;
    private long metricsIntervalMillis = 5_000;

    /** The public endpoint; 4 MiB frames for the instrument snapshot; a 20 ms tick. */
    public KrakenFeedSettings()
    {
        super(URI.create("wss://ws.kraken.com/v2"), 4 * 1024 * 1024, 20);
    }

    /** Throws {@link IllegalArgumentException} naming the first invalid setting and the fix. */
    public KrakenFeedSettings validate()
    {
        validateConnection();
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
        require(dataSilenceMillis > 0, "data silence must be positive: " + dataSilenceMillis);
        require(resyncMaxAttempts >= 1 && resyncWindowMillis > 0 && resyncSlowRetryMillis > 0,
            "resync attempts, window and slow retry must be positive");
        return this;
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

    public List<String> symbols()
    {
        return symbols;
    }

    public KrakenFeedSettings symbols(final List<String> symbols)
    {
        this.symbols = List.copyOf(symbols);
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

    public boolean ticker()
    {
        return ticker;
    }

    public boolean trade()
    {
        return trade;
    }

    public boolean book()
    {
        return book;
    }

    /** Which of the ticker, trade and book channels to subscribe (kraken.ticker/trade/book.enabled). */
    public KrakenFeedSettings channels(final boolean ticker, final boolean trade, final boolean book)
    {
        this.ticker = ticker;
        this.trade = trade;
        this.book = book;
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

    public long metricsIntervalMillis()
    {
        return metricsIntervalMillis;
    }

    public KrakenFeedSettings metricsIntervalMillis(final long millis)
    {
        this.metricsIntervalMillis = millis;
        return this;
    }
}
