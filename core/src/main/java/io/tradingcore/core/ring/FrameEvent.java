package io.tradingcore.core.ring;

import io.tradingcore.core.risk.OrderIntent;
import io.tradingcore.core.strategy.Signal;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One ring slot, preallocated: the raw frame bytes as received, then what each stage adds in
 * order (normalize fills {@link #updates}; signal, risk and execution add their decisions). Stages
 * on other threads see a slot only after the previous stage released it, so data passed here needs
 * no other synchronisation.
 */
public final class FrameEvent
{
    /** A text frame from the exchange. */
    public static final int KIND_FRAME = 0;
    /** A new connection is up: every stage discards every book until its snapshot (no symbol updates are listed). */
    public static final int KIND_SESSION_START = 1;
    /** A frame larger than a slot: rejected, counted and reported, its bytes not kept. */
    public static final int KIND_OVERSIZED = 2;

    public static final int MAX_SYMBOL_UPDATES = 4;
    public static final int MAX_SIGNALS = 8;
    public static final int BOOK_COPY_LEVELS = 25;

    public final UnsafeBuffer frame;
    public int kind;
    public int length;
    public long receiveEpochMicros;
    public long receiveNanos;
    /** When the normalize stage took the slot ({@link System#nanoTime()}): the start of in-pipeline latency. */
    public long dequeueNanos;

    // written by the normalize stage
    public int channel;
    public int exchangeStatus;
    /** The exchange clock (latest exchange time seen, epoch µs; 0 before the first): what event-time timers run on. */
    public long eventMicros;
    public int updateCount;
    public final SymbolUpdate[] updates = new SymbolUpdate[MAX_SYMBOL_UPDATES];
    /** The frame's ohlc snapshot items: closed ones seed the strategies' candles. */
    public final CandleHistory history = new CandleHistory();
    /** Frames rejected so far (cumulative), for the errors rate of {@code metrics:ticks}. */
    public long rejectedFrames;

    // written by the signal stage
    public int signalCount;
    public final Signal[] signals = new Signal[MAX_SIGNALS];

    // written by the risk stage
    public int intentCount;
    public final OrderIntent[] intents = new OrderIntent[MAX_SIGNALS];
    /** Portfolio figures as of this event, for the execution stage's metrics snapshot. */
    public double pnl;
    public double drawdownDaily;
    public double winRateHour;

    public FrameEvent(final int frameCapacity)
    {
        frame = new UnsafeBuffer(new byte[frameCapacity]);
        for (int i = 0; i < MAX_SYMBOL_UPDATES; i++)
        {
            updates[i] = new SymbolUpdate(BOOK_COPY_LEVELS);
        }
        for (int i = 0; i < MAX_SIGNALS; i++)
        {
            signals[i] = new Signal();
            intents[i] = new OrderIntent();
        }
    }

    /** The update slot for {@code symbolId} in this frame, taking a new one on first use; null when all are taken. */
    public SymbolUpdate update(final int symbolId)
    {
        for (int i = 0; i < updateCount; i++)
        {
            if (updates[i].symbolId == symbolId)
            {
                return updates[i];
            }
        }
        if (updateCount == MAX_SYMBOL_UPDATES)
        {
            return null;
        }
        final SymbolUpdate update = updates[updateCount++];
        update.reset(symbolId);
        return update;
    }

    public int frameCapacity()
    {
        return frame.capacity();
    }
}
