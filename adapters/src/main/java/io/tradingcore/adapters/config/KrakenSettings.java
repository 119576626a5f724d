package io.tradingcore.adapters.config;

import io.tradingcore.adapters.sim.KrakenSimulator;
import io.tradingcore.core.stream.Timeframe;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code kraken.*} (run/config/kraken.yaml): endpoints, symbols, channel subscriptions, precision
 * fallbacks, and the limits that keep the connection healthy (rate limits, watchdogs, reconnect
 * backoff, resync budget). Allowed values follow Kraken's own whitelists (KRAKEN.md).
 */
public final class KrakenSettings
{
    public static final int[] BOOK_DEPTHS = {10, 25, 100, 500, 1000};
    /** Kraken bans an IP for 10 minutes past about 150 connection attempts in a rolling 10 minutes. */
    public static final int MAX_CONNECTS_PER_10_MIN = 150;
    /** Kraken asks for at least 5 s before reconnecting after maintenance. */
    public static final int MIN_RECONNECT_AFTER_MAINTENANCE_MS = 5_000;

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{1,16}/[A-Z0-9]{1,16}");
    private static final int MAX_DECIMALS = 18;

    private final String publicUrl;
    private final String privateUrl;
    private final String restUrl;
    private final List<String> symbols;
    private final boolean tickerEnabled;
    private final String tickerEventTrigger;
    private final boolean tradeEnabled;
    private final boolean tradeSnapshot;
    private final boolean bookEnabled;
    private final int bookDepth;
    private final int clockMaxJumpMs;
    private final boolean ohlcEnabled;
    private final int[] ohlcIntervals;
    private final boolean instrumentEnabled;
    private final Map<String, int[]> precisionFallbacks = new HashMap<>();
    private final double controlMessagesPerSecond;
    private final int controlBurst;
    private final int maxConnectsPer10Min;
    private final int connectionSilenceSeconds;
    private final int pingTimeoutSeconds;
    private final int dataSilenceSeconds;
    private final int reconnectInitialMs;
    private final int reconnectMaxMs;
    private final double reconnectJitter;
    private final int reconnectAfterMaintenanceMs;
    private final int resyncMaxPerWindow;
    private final int resyncWindowSeconds;
    private final int resyncSlowRetrySeconds;

    /** {@code simulated}: the run's feed is the simulator, which serves only some ohlc intervals. */
    KrakenSettings(final ConfigTree tree, final boolean simulated) throws ConfigException
    {
        publicUrl = url(tree, "kraken.publicUrl", "wss://ws.kraken.com/v2", "ws://", "wss://");
        privateUrl = url(tree, "kraken.privateUrl", "wss://ws-auth.kraken.com/v2", "ws://", "wss://");
        restUrl = url(tree, "kraken.restUrl", "https://api.kraken.com", "http://", "https://");

        symbols = tree.texts("kraken.symbols", List.of("BTC/USD", "ETH/USD", "ETH/BTC", "SOL/USD"));
        if (symbols.isEmpty() || new LinkedHashSet<>(symbols).size() != symbols.size())
        {
            throw tree.invalid("kraken.symbols", "a non-empty list of distinct symbols such as BTC/USD");
        }
        for (final String symbol : symbols)
        {
            if (!SYMBOL.matcher(symbol).matches())
            {
                throw tree.invalid("kraken.symbols", "symbols as Kraken v2 writes them, BASE/QUOTE in capitals (BTC/USD); bad: " + symbol);
            }
        }

        tickerEnabled = tree.flag("kraken.ticker.enabled", true);
        tickerEventTrigger = tree.choice("kraken.ticker.eventTrigger", "trades", "trades", "bbo");
        tradeEnabled = tree.flag("kraken.trade.enabled", true);
        tradeSnapshot = tree.flag("kraken.trade.snapshot", false);
        bookEnabled = tree.flag("kraken.book.enabled", true);
        bookDepth = tree.integer("kraken.book.depth", 10, 1, 1000);
        if (indexOf(BOOK_DEPTHS, bookDepth) < 0)
        {
            throw tree.invalid("kraken.book.depth", "one of 10, 25, 100, 500, 1000 (Kraken refuses any other depth)");
        }
        clockMaxJumpMs = tree.integer("kraken.clock.maxJumpMs", 5_000, 100, 86_400_000);
        ohlcEnabled = tree.flag("kraken.ohlc.enabled", true);
        final int[] intervals = tree.integers("kraken.ohlc.intervals", new int[] {1, 5, 15, 60}, 1, 21600);
        for (int i = 0; i < intervals.length; i++)
        {
            if (Timeframe.ofMinutes(intervals[i]) == Timeframe.NONE || indexOf(intervals, intervals[i]) != i)
            {
                throw tree.invalid("kraken.ohlc.intervals",
                    "distinct Kraken intervals in minutes from 1, 5, 15, 30, 60, 240, 1440, 10080, 21600");
            }
        }
        // the run subscribes only what its feed serves, and the effective configuration says so
        ohlcIntervals = simulated ? tree.narrow("kraken.ohlc.intervals", Arrays.stream(intervals)
            .filter(i -> indexOf(KrakenSimulator.SERVED_OHLC_INTERVALS, i) >= 0).toArray()) : intervals;
        instrumentEnabled = tree.flag("kraken.instrument.enabled", true);
        for (final String symbol : tree.children("kraken.precision"))
        {
            final String at = "kraken.precision." + symbol;
            if (!SYMBOL.matcher(symbol).matches())
            {
                throw tree.invalid(at + ".price", "precision keyed by a symbol such as BTC/USD; bad: " + symbol);
            }
            if (!tree.has(at + ".price") || !tree.has(at + ".qty"))
            {
                throw tree.invalid(tree.has(at + ".price") ? at + ".price" : at + ".qty",
                    "both price and qty decimals for " + symbol + ", e.g. {price: 1, qty: 8}");
            }
            precisionFallbacks.put(symbol, new int[] {
                tree.integer(at + ".price", 0, 0, MAX_DECIMALS), tree.integer(at + ".qty", 0, 0, MAX_DECIMALS)});
        }

        controlMessagesPerSecond = tree.number("kraken.rateLimit.messagesPerSecond", 5.0, 0.1, 1000.0);
        controlBurst = tree.integer("kraken.rateLimit.burst", 10, 1, 1000);
        maxConnectsPer10Min = tree.integer("kraken.rateLimit.maxConnectsPer10Min", MAX_CONNECTS_PER_10_MIN, 1,
            MAX_CONNECTS_PER_10_MIN);

        connectionSilenceSeconds = tree.integer("kraken.watchdog.connectionSilenceSeconds", 10, 2, 300);
        pingTimeoutSeconds = tree.integer("kraken.watchdog.pingTimeoutSeconds", 5, 1, 120);
        dataSilenceSeconds = tree.integer("kraken.watchdog.dataSilenceSeconds", 60, 5, 3600);

        reconnectInitialMs = tree.integer("kraken.reconnect.initialMs", 1_000, 100, 600_000);
        reconnectMaxMs = tree.integer("kraken.reconnect.maxMs", 60_000, 1_000, 3_600_000);
        if (reconnectMaxMs < reconnectInitialMs)
        {
            throw tree.invalid("kraken.reconnect.maxMs", "at least kraken.reconnect.initialMs (" + reconnectInitialMs + ")");
        }
        reconnectJitter = tree.number("kraken.reconnect.jitter", 0.2, 0.0, 1.0);
        reconnectAfterMaintenanceMs = tree.integer("kraken.reconnect.afterMaintenanceMs",
            MIN_RECONNECT_AFTER_MAINTENANCE_MS, MIN_RECONNECT_AFTER_MAINTENANCE_MS, 3_600_000);

        resyncMaxPerWindow = tree.integer("kraken.resync.maxPerWindow", 5, 1, 1000);
        resyncWindowSeconds = tree.integer("kraken.resync.windowSeconds", 60, 1, 86_400);
        resyncSlowRetrySeconds = tree.integer("kraken.resync.slowRetrySeconds", 30, 1, 3600);
    }

    private static String url(final ConfigTree tree, final String path, final String fallback, final String... schemes)
        throws ConfigException
    {
        final String url = tree.text(path, fallback);
        for (final String scheme : schemes)
        {
            if (url.startsWith(scheme) && url.length() > scheme.length())
            {
                return url;
            }
        }
        throw tree.invalid(path, "a URL starting with " + String.join(" or ", schemes));
    }

    private static int indexOf(final int[] values, final int value)
    {
        for (int i = 0; i < values.length; i++)
        {
            if (values[i] == value)
            {
                return i;
            }
        }
        return -1;
    }

    /** The public market-data WebSocket. */
    public String publicUrl()
    {
        return publicUrl;
    }

    /** The authenticated WebSocket (orders, executions, balances). */
    public String privateUrl()
    {
        return privateUrl;
    }

    /** The REST base, for the WebSocket token. */
    public String restUrl()
    {
        return restUrl;
    }

    public List<String> symbols()
    {
        return symbols;
    }

    public boolean tickerEnabled()
    {
        return tickerEnabled;
    }

    /** {@code trades} (Kraken's default) or {@code bbo}. */
    public String tickerEventTrigger()
    {
        return tickerEventTrigger;
    }

    public boolean tradeEnabled()
    {
        return tradeEnabled;
    }

    /** Sent explicitly: Kraken's documented default has changed before. */
    public boolean tradeSnapshot()
    {
        return tradeSnapshot;
    }

    public boolean bookEnabled()
    {
        return bookEnabled;
    }

    /** One of {@link #BOOK_DEPTHS}. */
    public int bookDepth()
    {
        return bookDepth;
    }

    /** How far an exchange time may run ahead of the market (live: receive time; replay: the file's pace) or behind the clock. */
    public int clockMaxJumpMs()
    {
        return clockMaxJumpMs;
    }

    public boolean ohlcEnabled()
    {
        return ohlcEnabled;
    }

    /** OHLC intervals in minutes, each a Kraken interval ({@link Timeframe#ofMinutes(int)} knows it). */
    public int[] ohlcIntervals()
    {
        return ohlcIntervals.clone();
    }

    public boolean instrumentEnabled()
    {
        return instrumentEnabled;
    }

    /** Price decimals to use for {@code symbol} until the instrument channel says otherwise; -1 if none is configured. */
    public int pricePrecisionFallback(final String symbol)
    {
        final int[] p = precisionFallbacks.get(symbol);
        return p == null ? -1 : p[0];
    }

    /** Quantity decimals to use for {@code symbol} until the instrument channel says otherwise; -1 if none is configured. */
    public int qtyPrecisionFallback(final String symbol)
    {
        final int[] p = precisionFallbacks.get(symbol);
        return p == null ? -1 : p[1];
    }

    /** Control-plane token bucket (subscribe, unsubscribe, ping): refill rate. */
    public double controlMessagesPerSecond()
    {
        return controlMessagesPerSecond;
    }

    /** Control-plane token bucket: capacity. */
    public int controlBurst()
    {
        return controlBurst;
    }

    public int maxConnectsPer10Min()
    {
        return maxConnectsPer10Min;
    }

    /** No byte at all for this long (heartbeats arrive about once a second): send a ping. */
    public int connectionSilenceSeconds()
    {
        return connectionSilenceSeconds;
    }

    /** No pong this long after the ping: close and reconnect. */
    public int pingTimeoutSeconds()
    {
        return pingTimeoutSeconds;
    }

    /** An acked subscription that delivers nothing for this long is resubscribed. */
    public int dataSilenceSeconds()
    {
        return dataSilenceSeconds;
    }

    public int reconnectInitialMs()
    {
        return reconnectInitialMs;
    }

    public int reconnectMaxMs()
    {
        return reconnectMaxMs;
    }

    /** Random spread of each backoff, as a fraction of it (0..1). */
    public double reconnectJitter()
    {
        return reconnectJitter;
    }

    public int reconnectAfterMaintenanceMs()
    {
        return reconnectAfterMaintenanceMs;
    }

    /** Book resyncs per symbol allowed within {@link #resyncWindowSeconds()} before slowing down. */
    public int resyncMaxPerWindow()
    {
        return resyncMaxPerWindow;
    }

    public int resyncWindowSeconds()
    {
        return resyncWindowSeconds;
    }

    /** The pause between resyncs once the budget of a window is spent. */
    public int resyncSlowRetrySeconds()
    {
        return resyncSlowRetrySeconds;
    }
}
