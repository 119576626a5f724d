package io.tradingcore.core.stream;

import java.util.Arrays;

/**
 * Every Redis stream the core writes (STREAMS.md), the one place a stream name is spelled.
 * A stream is an int id; templated names take the symbol ({@code {symbol}}) and the timeframe
 * ({@code {timeframe}}). Each stream has a retention class: market data may be shed under
 * back-pressure, everything else is kept (spilled to disk rather than dropped).
 */
public final class StreamCatalog
{
    public static final int SIGNALS_PAPER = 0;
    public static final int SIGNALS_STAGING = 1;
    public static final int SIGNALS_LIVE = 2;
    public static final int SIGNALS_SCALP = 3;
    public static final int SIGNALS_TREND = 4;
    public static final int SIGNALS_SIDEWAYS = 5;
    public static final int SIGNALS_MOMENTUM = 6;
    public static final int SIGNALS_BREAKOUT = 7;
    public static final int SIGNALS_MEAN_REVERSION = 8;
    public static final int MD_TRADES = 9;
    public static final int MD_TRADES_SYMBOL = 10;
    public static final int MD_SPREAD = 11;
    public static final int MD_SPREAD_SYMBOL = 12;
    public static final int MD_ORDERBOOK = 13;
    public static final int MD_BOOK_SYMBOL = 14;
    public static final int MD_CANDLES = 15;
    public static final int MD_CANDLES_SYMBOL = 16;
    public static final int KRAKEN_TRADES = 17;
    public static final int KRAKEN_ORDERBOOK = 18;
    public static final int KRAKEN_TICKER = 19;
    public static final int KRAKEN_OHLC = 20;
    public static final int KRAKEN_ORDERS = 21;
    public static final int KRAKEN_FILLS = 22;
    public static final int KRAKEN_POSITIONS = 23;
    public static final int KRAKEN_BALANCE = 24;
    public static final int KRAKEN_HEARTBEAT = 25;
    public static final int KRAKEN_STATUS = 26;
    public static final int KRAKEN_ERRORS = 27;
    public static final int KRAKEN_METRICS = 28;
    public static final int ORDERS_REQUESTS = 29;
    public static final int ORDERS_CONFIRMATIONS = 30;
    public static final int EXEC_PAPER_CONFIRMS = 31;
    public static final int METRICS_SIGNALS_E2E = 32;
    public static final int METRICS_MD_LAG = 33;
    public static final int METRICS_TICKS = 34;
    public static final int EVENTS_BUS = 35;
    public static final int ARB_SCORED = 36;
    public static final int RISK_ALERTS_KRAKEN = 37;
    public static final int PORTFOLIO_UPDATES = 38;
    /** The optional mirror of the primary signals stream; its name is configured. */
    public static final int SIGNALS_MIRROR = 39;

    public static final int COUNT = 40;
    /** Levels per side in {@code md:orderbook} and {@code md:book:{symbol}} entries (STREAMS.md's top N). */
    public static final int PUBLISHED_BOOK_LEVELS = 10;

    /** The Redis string key that names the primary signals stream (not a stream). */
    public static final String SIGNALS_ACTIVE_KEY = "signals:active";

    public static final int DEFAULT_MAXLEN = 10_000;

    public static final int RETAIN_SHEDDABLE = 0;
    public static final int RETAIN_KEPT = 1;

    private static final String[] TEMPLATES = {
        "signals:paper", "signals:staging", "signals:live", "signals:scalp", "signals:trend", "signals:sideways",
        "signals:momentum", "signals:breakout", "stream:signals:mean_reversion",
        "md:trades", "md:trades:{symbol}", "md:spread", "md:spread:{symbol}", "md:orderbook", "md:book:{symbol}",
        "md:candles", "md:candles:{symbol}:{timeframe}",
        "kraken:trades:{symbol}", "kraken:orderbook:{symbol}", "kraken:ticker:{symbol}",
        "kraken:ohlc:{timeframe}:{symbol}", "kraken:orders:{symbol}", "kraken:fills:{symbol}", "kraken:positions",
        "kraken:balance", "kraken:heartbeat", "kraken:status", "kraken:errors", "kraken:metrics",
        "orders:requests", "orders:confirmations", "exec:paper:confirms",
        "metrics:signals:e2e", "metrics:md:lag", "metrics:ticks", "events:bus", "arb:scored",
        "risk:alerts:kraken", "portfolio:updates", "signals:mirror"
    };

    private final int[] maxLen = new int[COUNT];
    private final boolean[] enabled = new boolean[COUNT];
    private final int[] retention = new int[COUNT];
    private String mirrorName;

    public StreamCatalog()
    {
        Arrays.fill(maxLen, DEFAULT_MAXLEN);
        Arrays.fill(enabled, true);
        Arrays.fill(retention, RETAIN_KEPT);
        enabled[SIGNALS_MIRROR] = false;
        for (final int md : new int[] {
            MD_TRADES, MD_TRADES_SYMBOL, MD_SPREAD, MD_SPREAD_SYMBOL, MD_ORDERBOOK, MD_BOOK_SYMBOL, MD_CANDLES,
            MD_CANDLES_SYMBOL, KRAKEN_TRADES, KRAKEN_ORDERBOOK, KRAKEN_TICKER, KRAKEN_OHLC, KRAKEN_HEARTBEAT,
            KRAKEN_METRICS, METRICS_MD_LAG, METRICS_TICKS, METRICS_SIGNALS_E2E, ARB_SCORED})
        {
            retention[md] = RETAIN_SHEDDABLE;
        }
    }

    /** The stream's name template as STREAMS.md spells it (the mirror's configured name once set). */
    public String template(final int stream)
    {
        return stream == SIGNALS_MIRROR && mirrorName != null ? mirrorName : TEMPLATES[stream];
    }

    /** The concrete key; {@code symbol} and {@code timeframe} are ignored by untemplated streams. */
    public String name(final int stream, final String symbol, final String timeframe)
    {
        String name = template(stream);
        if (symbol != null)
        {
            name = name.replace("{symbol}", symbol);
        }
        if (timeframe != null)
        {
            name = name.replace("{timeframe}", timeframe);
        }
        return name;
    }

    /** The stream id whose template is {@code template}, or -1. */
    public static int ofTemplate(final String template)
    {
        for (int i = 0; i < COUNT; i++)
        {
            if (TEMPLATES[i].equals(template))
            {
                return i;
            }
        }
        return -1;
    }

    public int maxLen(final int stream)
    {
        return maxLen[stream];
    }

    public void maxLen(final int stream, final int entries)
    {
        if (entries <= 0)
        {
            throw new IllegalArgumentException("MAXLEN must be positive: " + entries);
        }
        maxLen[stream] = entries;
    }

    public boolean enabled(final int stream)
    {
        return enabled[stream];
    }

    public void enabled(final int stream, final boolean on)
    {
        enabled[stream] = on;
    }

    public boolean kept(final int stream)
    {
        return retention[stream] == RETAIN_KEPT;
    }

    /** Turns on the mirror of every primary signal to {@code name} (which cannot be {@code signals:active}). */
    public void mirror(final String name)
    {
        if (name == null || name.isEmpty() || SIGNALS_ACTIVE_KEY.equals(name))
        {
            throw new IllegalArgumentException("the signals mirror needs a stream name other than " + SIGNALS_ACTIVE_KEY);
        }
        mirrorName = name;
        enabled[SIGNALS_MIRROR] = true;
    }

    /** The strategy's own signals stream. */
    public static int strategyStream(final int strategy)
    {
        return SIGNALS_SCALP + strategy;
    }
}
