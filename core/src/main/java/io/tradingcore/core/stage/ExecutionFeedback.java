package io.tradingcore.core.stage;

import io.tradingcore.core.ring.FrameEvent;
import io.tradingcore.core.ring.SymbolUpdate;
import org.agrona.BitUtil;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RecordDescriptor;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fills and closed orders going back from the execution stage (or the live Kraken client) to the
 * risk stage, which owns the portfolio. In the pinned topology the two run on different threads, so
 * the portfolio is never shared: the risk stage applies what this carries at the start of its next
 * event. A one-to-one Agrona ring of fixed records, no allocation.
 * <p>
 * No record is ever dropped. A producer that finds the ring full hands the records to the risk stage
 * itself when it runs on the risk stage's thread (the compact topology), and otherwise waits until
 * the risk stage has drained it (back-pressure). For the execution stage that wait never comes: the
 * risk stage starts an event only once the execution stage has finished the event before the
 * previous one ({@link #awaitStage(long)}), so at most two events' records are ever in the ring, and
 * {@link #forExecutionStage(int)} sizes it for two events' worst case.
 */
public final class ExecutionFeedback
{
    public static final int FILL = 1;
    public static final int ORDER_CLOSED = 2;

    private static final int SYMBOL = 0;
    private static final int SIDE = 4;
    private static final int PRICE = 8;
    private static final int QTY = 16;
    private static final int FEE = 24;
    private static final int MICROS = 32;
    private static final int LENGTH = 40;
    private static final int RECORD_BYTES = BitUtil.align(RecordDescriptor.HEADER_LENGTH + LENGTH, RecordDescriptor.ALIGNMENT);
    /** {@link #stageDone}'s value while no ring stage produces into this feedback (the live client, or before the first event). */
    private static final long NO_STAGE = Long.MAX_VALUE;

    /** What the risk stage does with each record. */
    public interface Handler
    {
        void onFill(int symbolId, int side, long price, long qty, double fee, long micros);

        /** The order ended; {@code unfilledQty} (scaled) of it never filled and no longer counts against limits. */
        void onOrderClosed(int symbolId, int side, long unfilledQty);
    }

    private final OneToOneRingBuffer ring;
    private final UnsafeBuffer record = new UnsafeBuffer(new byte[LENGTH]);
    private final AtomicLong stageDone = new AtomicLong(NO_STAGE);
    private Handler handler;
    private final MessageHandler reader = this::onMessage;
    /** The thread that drains: a producer on it drains the full ring itself instead of waiting for itself. */
    private volatile Thread consumer;
    private long waits;

    /** {@code capacity} bytes of records: a power of two. */
    public ExecutionFeedback(final int capacity)
    {
        ring = new OneToOneRingBuffer(new UnsafeBuffer(ByteBuffer.allocateDirect(capacity + RingBufferDescriptor.TRAILER_LENGTH)));
    }

    /**
     * A feedback ring for the paper execution stage that cannot fill: two ring events' worst case, each
     * event being at most every trade of every symbol update and every intent, each simulator call
     * reporting at most {@code reportsPerCall} (a fill and a close each).
     */
    public static ExecutionFeedback forExecutionStage(final int reportsPerCall)
    {
        final long callsPerEvent = (long)FrameEvent.MAX_SYMBOL_UPDATES * SymbolUpdate.MAX_TRADES + FrameEvent.MAX_SIGNALS;
        final long bytes = 2 * callsPerEvent * reportsPerCall * 2 * RECORD_BYTES + RECORD_BYTES; // + a wrap's padding
        return new ExecutionFeedback(BitUtil.findNextPositivePowerOfTwo((int)bytes));
    }

    public void fill(final int symbolId, final int side, final long price, final long qty, final double fee, final long micros)
    {
        record.putInt(SYMBOL, symbolId);
        record.putInt(SIDE, side);
        record.putLong(PRICE, price);
        record.putLong(QTY, qty);
        record.putDouble(FEE, fee);
        record.putLong(MICROS, micros);
        write(FILL);
    }

    public void orderClosed(final int symbolId, final int side, final long unfilledQty)
    {
        record.putInt(SYMBOL, symbolId);
        record.putInt(SIDE, side);
        record.putLong(QTY, unfilledQty);
        write(ORDER_CLOSED);
    }

    /** Risk stage: applies every pending record to {@code handler}; returns how many. */
    public int drain(final Handler handler)
    {
        this.handler = handler;
        if (consumer != Thread.currentThread())
        {
            consumer = Thread.currentThread();
        }
        // one read stops at the end of the buffer (or a wrap's padding): the second takes the rest from its start
        return ring.read(reader) + ring.read(reader);
    }

    /** Execution stage, after each event: every record of ring events up to {@code sequence} is written. */
    public void stageDone(final long sequence)
    {
        stageDone.lazySet(sequence);
    }

    /** Execution stage, when it stops: the risk stage no longer waits for it. */
    public void stageStopped()
    {
        stageDone.lazySet(NO_STAGE);
    }

    /**
     * Risk stage, before draining at ring event {@code sequence}: waits until the execution stage has
     * finished event {@code sequence - 2}, which bounds what the ring holds to two events' records.
     * Never waits without a producing stage; in the compact topology the stage has always finished.
     */
    public void awaitStage(final long sequence)
    {
        while (stageDone.get() < sequence - 2)
        {
            Thread.onSpinWait();
        }
    }

    /** Times a producer found the ring full and waited for the risk stage to drain it: 0 for the execution stage. */
    public long waits()
    {
        return waits;
    }

    private void write(final int type)
    {
        while (!ring.write(type, record, 0, LENGTH))
        {
            if (consumer == Thread.currentThread())
            {
                ring.read(reader);
            }
            else
            {
                waits++;
                Thread.yield();
            }
        }
    }

    private void onMessage(final int type, final MutableDirectBuffer buffer, final int index, final int length)
    {
        final int symbolId = buffer.getInt(index + SYMBOL);
        if (type == FILL)
        {
            handler.onFill(symbolId, buffer.getInt(index + SIDE), buffer.getLong(index + PRICE),
                buffer.getLong(index + QTY), buffer.getDouble(index + FEE), buffer.getLong(index + MICROS));
        }
        else
        {
            handler.onOrderClosed(symbolId, buffer.getInt(index + SIDE), buffer.getLong(index + QTY));
        }
    }
}
