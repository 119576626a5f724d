package io.tradingcore.adapters.kraken;

import io.tradingcore.core.kraken.Channel;
import io.tradingcore.core.market.SymbolTable;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What the client asked Kraken for and what Kraken acked, per subscription (channel kind x symbol),
 * with each one's data-watchdog deadline. A kind is ticker, trade, book, instrument or one ohlc
 * interval. Only the feed thread touches it; {@link #onData} is on the hot path and only writes a long.
 * <p>
 * Data watchdog: every subscription that sends a snapshot must deliver a data frame within the data
 * silence after its subscribe or ack (Kraken has acked and then sent nothing, nautilus #4255); a book
 * must also never go silent that long (a liquid book updates continuously). Ticker, trade and ohlc
 * may legitimately be silent on a quiet pair, so only their first frame is watched.
 */
public final class SubscriptionBook
{
    public static final int TICKER = 0;
    public static final int TRADE = 1;
    public static final int BOOK = 2;
    public static final int INSTRUMENT = 3;
    public static final int OHLC_FIRST = 4;

    public static final byte IDLE = 0;
    public static final byte PENDING = 1;
    public static final byte ACTIVE = 2;
    public static final byte FAILED = 3;
    public static final byte RETRY = 4;

    private static final long NEVER = Long.MAX_VALUE;

    private final int kindCount;
    private final int[] intervals;
    private final boolean[] enabled;
    private final boolean[] snapshotExpected;
    private final int[] symbolIds;
    private final String[] symbolNames;
    private final Map<String, Integer> idBySymbol = new HashMap<>();
    private final long silenceNanos;
    private final byte[] state;
    private final long[] deadline;
    private final long[] retryAt;
    private final int[] refusals;

    /** {@code symbolIds}/{@code symbolNames}: the configured pairs as the lead interned them. */
    public SubscriptionBook(final KrakenFeedSettings settings, final int[] symbolIds, final String[] symbolNames)
    {
        this.intervals = settings.ohlcIntervals();
        this.kindCount = OHLC_FIRST + intervals.length;
        this.enabled = new boolean[kindCount];
        this.snapshotExpected = new boolean[kindCount];
        Arrays.fill(enabled, true);
        Arrays.fill(snapshotExpected, true);
        enabled[TICKER] = settings.ticker();
        enabled[TRADE] = settings.trade();
        enabled[BOOK] = settings.book();
        enabled[INSTRUMENT] = settings.instrument();
        snapshotExpected[TRADE] = settings.tradeSnapshot();
        this.symbolIds = symbolIds.clone();
        this.symbolNames = symbolNames.clone();
        for (int i = 0; i < symbolIds.length; i++)
        {
            idBySymbol.put(symbolNames[i], symbolIds[i]);
        }
        this.silenceNanos = settings.dataSilenceMillis() * 1_000_000L;
        final int slots = kindCount * SymbolTable.MAX_SYMBOLS;
        this.state = new byte[slots];
        this.deadline = new long[slots];
        this.retryAt = new long[slots];
        this.refusals = new int[slots];
        Arrays.fill(deadline, NEVER);
    }

    public int kindCount()
    {
        return kindCount;
    }

    public boolean enabled(final int kind)
    {
        return enabled[kind];
    }

    /** Kraken's channel name for the kind. */
    public String channelName(final int kind)
    {
        switch (kind)
        {
            case TICKER: return "ticker";
            case TRADE: return "trade";
            case BOOK: return "book";
            case INSTRUMENT: return "instrument";
            default: return "ohlc";
        }
    }

    /** The ohlc interval in minutes of an ohlc kind, 0 for the others. */
    public int interval(final int kind)
    {
        return kind >= OHLC_FIRST ? intervals[kind - OHLC_FIRST] : 0;
    }

    /** The kind of a frame's channel ({@link Channel}) and ohlc interval; -1 when not subscribed. */
    public int kindOf(final int channel, final int interval)
    {
        switch (channel)
        {
            case Channel.TICKER: return TICKER;
            case Channel.TRADE: return TRADE;
            case Channel.BOOK: return BOOK;
            case Channel.INSTRUMENT: return INSTRUMENT;
            case Channel.OHLC:
                for (int i = 0; i < intervals.length; i++)
                {
                    if (intervals[i] == interval)
                    {
                        return OHLC_FIRST + i;
                    }
                }
                return -1;
            default: return -1;
        }
    }

    /** The kind named by an ack's {@code result.channel} (and interval); -1 when unknown. */
    public int kindOf(final String channel, final int interval)
    {
        if (channel == null)
        {
            return -1;
        }
        switch (channel)
        {
            case "ticker": return TICKER;
            case "trade": return TRADE;
            case "book": return BOOK;
            case "instrument": return INSTRUMENT;
            case "ohlc": return kindOf(Channel.OHLC, interval);
            default: return -1;
        }
    }

    public int symbolCount()
    {
        return symbolIds.length;
    }

    public int symbolId(final int index)
    {
        return symbolIds[index];
    }

    /** The configured symbol's id, or {@link SymbolTable#NONE}. */
    public int idOf(final String symbol)
    {
        final Integer id = symbol == null ? null : idBySymbol.get(symbol);
        return id == null ? SymbolTable.NONE : id;
    }

    public String nameOf(final int symbolId)
    {
        for (int i = 0; i < symbolIds.length; i++)
        {
            if (symbolIds[i] == symbolId)
            {
                return symbolNames[i];
            }
        }
        return null;
    }

    /** Instrument has no symbol: its one subscription lives in symbol slot 0. */
    private static int slotSymbol(final int kind, final int symbolId)
    {
        return kind == INSTRUMENT ? 0 : symbolId;
    }

    public byte state(final int kind, final int symbolId)
    {
        return state[slot(kind, symbolId)];
    }

    /** A new session: nothing is subscribed any more. */
    public void reset()
    {
        Arrays.fill(state, IDLE);
        Arrays.fill(deadline, NEVER);
        Arrays.fill(refusals, 0);
    }

    public void onSent(final int kind, final int symbolId, final long nowNanos)
    {
        final int s = slot(kind, symbolId);
        state[s] = PENDING;
        deadline[s] = snapshotExpected[kind] || kind == BOOK ? nowNanos + silenceNanos : NEVER;
    }

    public void onAcked(final int kind, final int symbolId, final long nowNanos)
    {
        final int s = slot(kind, symbolId);
        state[s] = ACTIVE;
        refusals[s] = 0;
        if (deadline[s] != NEVER)
        {
            deadline[s] = nowNanos + silenceNanos;
        }
    }

    /** Hot path: a data frame for this subscription arrived. */
    public void onData(final int kind, final int symbolId, final long nowNanos)
    {
        deadline[slot(kind, symbolId)] = kind == BOOK ? nowNanos + silenceNanos : NEVER;
    }

    public void onFailed(final int kind, final int symbolId)
    {
        final int s = slot(kind, symbolId);
        state[s] = FAILED;
        deadline[s] = NEVER;
    }

    /** "Exceeded msg rate": retry after {@code baseNanos} doubled per consecutive refusal, at most {@code maxNanos}. */
    public long onRateLimited(final int kind, final int symbolId, final long nowNanos, final long baseNanos,
        final long maxNanos)
    {
        final int s = slot(kind, symbolId);
        final int shift = Math.min(refusals[s]++, 20);
        final long delay = Math.min(maxNanos, baseNanos << shift);
        state[s] = RETRY;
        deadline[s] = NEVER;
        retryAt[s] = nowNanos + delay;
        return delay;
    }

    /** Collects the symbols of {@code kind} whose data deadline passed into {@code out}; returns the count. */
    public int collectSilent(final int kind, final long nowNanos, final int[] out)
    {
        int n = 0;
        if (kind == INSTRUMENT)
        {
            return watched(slot(kind, 0), nowNanos) ? collect(out, 0, 0) : 0;
        }
        for (final int id : symbolIds)
        {
            if (watched(slot(kind, id), nowNanos))
            {
                n = collect(out, n, id);
            }
        }
        return n;
    }

    /** Collects the symbols of {@code kind} whose rate-limit retry is due into {@code out}; returns the count. */
    public int collectDueRetries(final int kind, final long nowNanos, final int[] out)
    {
        int n = 0;
        final int count = kind == INSTRUMENT ? 1 : symbolIds.length;
        for (int i = 0; i < count; i++)
        {
            final int id = kind == INSTRUMENT ? 0 : symbolIds[i];
            final int s = slot(kind, id);
            if (state[s] == RETRY && retryAt[s] <= nowNanos)
            {
                n = collect(out, n, id);
            }
        }
        return n;
    }

    private boolean watched(final int s, final long nowNanos)
    {
        return deadline[s] <= nowNanos && (state[s] == PENDING || state[s] == ACTIVE);
    }

    private static int collect(final int[] out, final int n, final int id)
    {
        out[n] = id;
        return n + 1;
    }

    private int slot(final int kind, final int symbolId)
    {
        return kind * SymbolTable.MAX_SYMBOLS + slotSymbol(kind, symbolId);
    }
}
