package io.tradingcore.core.ring;

import io.tradingcore.core.indicator.Candle;
import io.tradingcore.core.kraken.CandleUpdate;

/**
 * The ohlc snapshot items of one frame, as the normalize stage hands them to the signal stage: the
 * history Kraken sends on subscribe, which seeds the strategies' candles before trades have built
 * any. Preallocated; a frame with more items than it holds keeps its newest, the ones next to the
 * candles the trades will build.
 */
public final class CandleHistory
{
    public static final int CAPACITY = 64;

    private final int[] symbolIds = new int[CAPACITY];
    private final int[] timeframes = new int[CAPACITY];
    private final Candle[] candles = new Candle[CAPACITY];
    private int added;

    public CandleHistory()
    {
        for (int i = 0; i < CAPACITY; i++)
        {
            candles[i] = new Candle();
        }
    }

    public void clear()
    {
        added = 0;
    }

    /** Keeps {@code item} as a candle of {@code timeframe} (a {@code Timeframe} id), over the oldest when full. */
    public void add(final CandleUpdate item, final int timeframe)
    {
        final int slot = added++ % CAPACITY;
        symbolIds[slot] = item.symbolId;
        timeframes[slot] = timeframe;
        final Candle candle = candles[slot];
        candle.startMicros = item.intervalBeginMicros;
        candle.open = item.open;
        candle.high = item.high;
        candle.low = item.low;
        candle.close = item.close;
        candle.volume = item.volume;
        candle.trades = (int)Math.min(item.trades, Integer.MAX_VALUE);
    }

    /** Candles held, readable oldest first by index {@code 0 <= i < size()}. */
    public int size()
    {
        return Math.min(added, CAPACITY);
    }

    public int symbolId(final int index)
    {
        return symbolIds[slot(index)];
    }

    public int timeframe(final int index)
    {
        return timeframes[slot(index)];
    }

    public Candle candle(final int index)
    {
        return candles[slot(index)];
    }

    private int slot(final int index)
    {
        return (added - size() + index) % CAPACITY;
    }
}
