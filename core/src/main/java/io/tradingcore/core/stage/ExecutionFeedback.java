package io.tradingcore.core.stage;

import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.nio.ByteBuffer;

/**
 * Fills and closed orders going back from the execution stage to the risk stage, which owns the
 * portfolio. In the pinned topology the two run on different threads, so the portfolio is never
 * shared: the risk stage applies what this carries at the start of its next event. A one-to-one
 * Agrona ring of fixed records, no allocation.
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

    /** What the risk stage does with each record. */
    public interface Handler
    {
        void onFill(int symbolId, int side, long price, long qty, double fee, long micros);

        /** The order ended; {@code unfilledQty} (scaled) of it never filled and no longer counts against limits. */
        void onOrderClosed(int symbolId, int side, long unfilledQty);
    }

    private final OneToOneRingBuffer ring;
    private final UnsafeBuffer record = new UnsafeBuffer(new byte[LENGTH]);
    private Handler handler;
    private final org.agrona.concurrent.MessageHandler reader = this::onMessage;
    private long lost;

    public ExecutionFeedback(final int capacity)
    {
        ring = new OneToOneRingBuffer(new UnsafeBuffer(ByteBuffer.allocateDirect(capacity + RingBufferDescriptor.TRAILER_LENGTH)));
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
        return ring.read(reader);
    }

    /** Records that found the ring full (the risk stage stalled for a whole ring of fills): reported, never expected. */
    public long lost()
    {
        return lost;
    }

    private void write(final int type)
    {
        if (!ring.write(type, record, 0, LENGTH))
        {
            lost++;
        }
    }

    private void onMessage(final int type, final org.agrona.MutableDirectBuffer buffer, final int index, final int length)
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
