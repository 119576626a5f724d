package io.tradingcore.core.indicator;

/**
 * Builds one symbol's candles of one interval from trade prints, in event time. A candle covers
 * {@code [start, start + interval)} with {@code start} aligned to the epoch (so 1m candles start on
 * the minute, UTC). It closes when a trade of a later interval arrives or when {@link #onTime(long)}
 * passes its end; the closed candle is then {@link #last()}. An interval without trades produces
 * no candle (no synthetic flat bars). A trade older than the open candle is ignored.
 * <p>
 * The exchange's own closed candles ({@link #seed}) may come before or between the ones trades
 * build, never over them: a candle trades are building, or one already closed, is not replaced.
 */
public final class CandleBuilder
{
    private final long intervalMicros;
    private final Candle current = new Candle();
    private final Candle last = new Candle();
    private boolean open;
    private long closedCount;

    public CandleBuilder(final long intervalMicros)
    {
        if (intervalMicros <= 0)
        {
            throw new IllegalArgumentException("candle interval must be positive: " + intervalMicros);
        }
        this.intervalMicros = intervalMicros;
    }

    /** Folds a trade in; returns true if it first closed the previous candle (now {@link #last()}). */
    public boolean onTrade(final long price, final long qty, final long micros)
    {
        final long start = micros - Math.floorMod(micros, intervalMicros);
        boolean closed = false;
        if (open)
        {
            if (start < current.startMicros)
            {
                return false;
            }
            if (start > current.startMicros)
            {
                close();
                closed = true;
            }
        }
        if (!open)
        {
            current.startMicros = start;
            current.open = current.high = current.low = current.close = price;
            current.volume = qty;
            current.trades = 1;
            open = true;
        }
        else
        {
            current.high = Math.max(current.high, price);
            current.low = Math.min(current.low, price);
            current.close = price;
            current.volume += qty;
            current.trades++;
        }
        return closed;
    }

    /**
     * Takes {@code candle} (aligned to this interval) as the last closed one if it ended by event time
     * {@code nowMicros}, is newer than the last closed candle and ended by the start of the open one;
     * returns true if it did. A candle still in progress, or one whose trades this builder saw, is refused.
     */
    public boolean seed(final Candle candle, final long nowMicros)
    {
        final long end = candle.startMicros + intervalMicros;
        if (Math.floorMod(candle.startMicros, intervalMicros) != 0 || end > nowMicros
            || (open && end > current.startMicros) || (closedCount > 0 && candle.startMicros <= last.startMicros))
        {
            return false;
        }
        last.copyFrom(candle);
        closedCount++;
        return true;
    }

    /** Closes the open candle if event time {@code nowMicros} is past its end; returns true if it did. */
    public boolean onTime(final long nowMicros)
    {
        if (open && nowMicros >= current.startMicros + intervalMicros)
        {
            close();
            return true;
        }
        return false;
    }

    /** The candle being built (valid while {@link #isOpen()}). */
    public Candle current()
    {
        return current;
    }

    /** The last closed candle (valid once {@link #closedCount()} > 0). */
    public Candle last()
    {
        return last;
    }

    public boolean isOpen()
    {
        return open;
    }

    public long closedCount()
    {
        return closedCount;
    }

    public long intervalMicros()
    {
        return intervalMicros;
    }

    private void close()
    {
        last.copyFrom(current);
        open = false;
        closedCount++;
    }
}
