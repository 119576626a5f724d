package io.tradingcore.adapters.config;

import io.tradingcore.adapters.kraken.KrakenFeedSettings;
import io.tradingcore.adapters.kraken.auth.KrakenOrderSettings;
import io.tradingcore.adapters.sim.KrakenSimulator;
import io.tradingcore.core.stream.Timeframe;

import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code kraken.*} (run/config/kraken.yaml), read once into the typed settings of each concern: the
 * public feed's {@link KrakenFeedSettings} (endpoint, channels, rate limit, watchdogs, reconnect backoff,
 * resync budget, every unit converted here), the order connection's {@link KrakenOrderSettings}, and
 * what the stages take (symbols, precision fallbacks, the clock's bound). Allowed values follow Kraken's
 * own whitelists (KRAKEN.md).
 */
public final class KrakenSettings
{
    /** Kraken bans an IP for 10 minutes past about 150 connection attempts in a rolling 10 minutes. */
    public static final int MAX_CONNECTS_PER_10_MIN = 150;
    /** Kraken asks for at least 5 s before reconnecting after maintenance. */
    public static final int MIN_RECONNECT_AFTER_MAINTENANCE_MS = 5_000;

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{1,16}/[A-Z0-9]{1,16}");
    private static final int MAX_DECIMALS = 18;
    private static final long CONNECTION_ATTEMPT_WINDOW_MILLIS = 600_000L;

    private final KrakenFeedSettings feed = new KrakenFeedSettings();
    private final KrakenOrderSettings orders = new KrakenOrderSettings();
    private final List<String> symbols;
    private final long clockMaxJumpMicros;
    private final Map<String, int[]> precisionFallbacks = new HashMap<>();

    /** {@code simulated}: the run's feed is the simulator, which serves only some ohlc intervals. */
    KrakenSettings(final ConfigTree tree, final boolean simulated) throws ConfigException
    {
        feed.endpoint(url(tree, "kraken.publicUrl", "wss://ws.kraken.com/v2", "ws://", "wss://"));
        orders.endpoint(url(tree, "kraken.privateUrl", "wss://ws-auth.kraken.com/v2", "ws://", "wss://"));
        orders.restBaseUrl(url(tree, "kraken.restUrl", "https://api.kraken.com", "http://", "https://"));

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
        feed.symbols(symbols);

        final boolean ticker = tree.flag("kraken.ticker.enabled", true);
        feed.tickerEventTrigger(tree.choice("kraken.ticker.eventTrigger", "trades", "trades", "bbo"));
        final boolean trade = tree.flag("kraken.trade.enabled", true);
        feed.tradeSnapshot(tree.flag("kraken.trade.snapshot", false));
        final boolean book = tree.flag("kraken.book.enabled", true);
        feed.channels(ticker, trade, book);
        final int bookDepth = tree.integer("kraken.book.depth", 10, 1, 1000);
        if (indexOf(KrakenFeedSettings.BOOK_DEPTHS, bookDepth) < 0)
        {
            throw tree.invalid("kraken.book.depth", "one of 10, 25, 100, 500, 1000 (Kraken refuses any other depth)");
        }
        feed.bookDepth(bookDepth);
        clockMaxJumpMicros = tree.integer("kraken.clock.maxJumpMs", 5_000, 100, 86_400_000) * 1_000L;
        final boolean ohlcEnabled = tree.flag("kraken.ohlc.enabled", true);
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
        final int[] served = simulated ? tree.narrow("kraken.ohlc.intervals", Arrays.stream(intervals)
            .filter(i -> indexOf(KrakenSimulator.SERVED_OHLC_INTERVALS, i) >= 0).toArray()) : intervals;
        feed.ohlcIntervals(ohlcEnabled ? served : new int[0]);
        feed.instrument(tree.flag("kraken.instrument.enabled", true));
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

        feed.controlRate(tree.number("kraken.rateLimit.messagesPerSecond", 5.0, 0.1, 1000.0),
            tree.integer("kraken.rateLimit.burst", 10, 1, 1000));
        feed.connectionAttemptCap(tree.integer("kraken.rateLimit.maxConnectsPer10Min", MAX_CONNECTS_PER_10_MIN, 1,
            MAX_CONNECTS_PER_10_MIN), CONNECTION_ATTEMPT_WINDOW_MILLIS);

        feed.connectionSilenceMillis(tree.integer("kraken.watchdog.connectionSilenceSeconds", 10, 2, 300) * 1_000L);
        feed.pingTimeoutMillis(tree.integer("kraken.watchdog.pingTimeoutSeconds", 5, 1, 120) * 1_000L);
        feed.dataSilenceMillis(tree.integer("kraken.watchdog.dataSilenceSeconds", 60, 5, 3600) * 1_000L);

        final int reconnectInitialMs = tree.integer("kraken.reconnect.initialMs", 1_000, 100, 600_000);
        final int reconnectMaxMs = tree.integer("kraken.reconnect.maxMs", 60_000, 1_000, 3_600_000);
        if (reconnectMaxMs < reconnectInitialMs)
        {
            throw tree.invalid("kraken.reconnect.maxMs", "at least kraken.reconnect.initialMs (" + reconnectInitialMs + ")");
        }
        feed.backoff(reconnectInitialMs, reconnectMaxMs, tree.number("kraken.reconnect.jitter", 0.2, 0.0, 1.0));
        feed.minDelayAfterMaintenanceMillis(tree.integer("kraken.reconnect.afterMaintenanceMs",
            MIN_RECONNECT_AFTER_MAINTENANCE_MS, MIN_RECONNECT_AFTER_MAINTENANCE_MS, 3_600_000));

        final int resyncMaxPerWindow = tree.integer("kraken.resync.maxPerWindow", 5, 1, 1000);
        final int resyncWindowSeconds = tree.integer("kraken.resync.windowSeconds", 60, 1, 86_400);
        feed.resync(resyncMaxPerWindow, resyncWindowSeconds * 1_000L,
            tree.integer("kraken.resync.slowRetrySeconds", 30, 1, 3600) * 1_000L);
    }

    private static URI url(final ConfigTree tree, final String path, final String fallback, final String... schemes)
        throws ConfigException
    {
        final String url = tree.text(path, fallback);
        for (final String scheme : schemes)
        {
            if (url.startsWith(scheme) && url.length() > scheme.length())
            {
                try
                {
                    return URI.create(url);
                }
                catch (final IllegalArgumentException ex)
                {
                    break;
                }
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

    /**
     * The public feed client's settings, as configured. The composition root points them at another
     * endpoint (the local simulator's) before it builds the client, and at nothing else.
     */
    public KrakenFeedSettings feed()
    {
        return feed;
    }

    /** The order connection's settings: the authenticated endpoint and the REST base for its token. */
    public KrakenOrderSettings orders()
    {
        return orders;
    }

    public List<String> symbols()
    {
        return symbols;
    }

    /** One of {@link KrakenFeedSettings#BOOK_DEPTHS}: what the feed subscribes and the books are kept at. */
    public int bookDepth()
    {
        return feed.bookDepth();
    }

    /** How far an exchange time may run ahead of the market (live: receive time; replay: the file's pace) or behind the clock. */
    public long clockMaxJumpMicros()
    {
        return clockMaxJumpMicros;
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
}
