package io.tradingcore.adapters.kraken.auth;

import io.tradingcore.core.risk.OrderIntent;
import org.agrona.BitUtil;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RecordDescriptor;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.nio.ByteBuffer;

/**
 * Orders and cancels on their way from the execution stage to the order connection's thread: an
 * Agrona ring of fixed records written in place (claim, fill, commit), so offering never allocates
 * and never blocks, from any number of threads. The connection thread decodes each record into its
 * own {@link OrderIntent}.
 */
final class OrderCommands
{
    /** What the connection thread does with each command. */
    interface Handler
    {
        void onSubmit(OrderIntent intent);

        void onCancel(long intentId);
    }

    private static final int SUBMIT = 1;
    private static final int CANCEL = 2;

    private static final int INTENT_ID = 0;
    private static final int SIGNAL_ID = 8;
    private static final int QTY = 16;
    private static final int LIMIT_PRICE = 24;
    private static final int MICROS = 32;
    private static final int SYMBOL = 40;
    private static final int SIDE = 44;
    private static final int ORDER_TYPE = 48;
    private static final int POST_ONLY = 52;
    private static final int PRICE_PRECISION = 56;
    private static final int QTY_PRECISION = 60;
    private static final int STRATEGY = 64;
    private static final int LENGTH = 72;

    private final ManyToOneRingBuffer ring;
    private final OrderIntent decoded = new OrderIntent();
    private final MessageHandler reader = this::onMessage;
    private Handler handler;

    OrderCommands(final int capacity)
    {
        final int slot = BitUtil.align(LENGTH + RecordDescriptor.HEADER_LENGTH, RecordDescriptor.ALIGNMENT);
        final int bytes = BitUtil.findNextPositivePowerOfTwo(capacity * slot);
        ring = new ManyToOneRingBuffer(new UnsafeBuffer(ByteBuffer.allocateDirect(bytes + RingBufferDescriptor.TRAILER_LENGTH)));
    }

    /** False when the ring is full. */
    boolean offerSubmit(final OrderIntent intent)
    {
        final int index = ring.tryClaim(SUBMIT, LENGTH);
        if (index <= 0)
        {
            return false;
        }
        final AtomicBuffer b = ring.buffer();
        b.putLong(index + INTENT_ID, intent.id);
        b.putLong(index + SIGNAL_ID, intent.signalId);
        b.putLong(index + QTY, intent.qty);
        b.putLong(index + LIMIT_PRICE, intent.limitPrice);
        b.putLong(index + MICROS, intent.micros);
        b.putInt(index + SYMBOL, intent.symbolId);
        b.putInt(index + SIDE, intent.side);
        b.putInt(index + ORDER_TYPE, intent.orderType);
        b.putInt(index + POST_ONLY, intent.postOnly ? 1 : 0);
        b.putInt(index + PRICE_PRECISION, intent.pricePrecision);
        b.putInt(index + QTY_PRECISION, intent.qtyPrecision);
        b.putInt(index + STRATEGY, intent.strategyId);
        ring.commit(index);
        return true;
    }

    /** False when the ring is full. */
    boolean offerCancel(final long intentId)
    {
        final int index = ring.tryClaim(CANCEL, LENGTH);
        if (index <= 0)
        {
            return false;
        }
        ring.buffer().putLong(index + INTENT_ID, intentId);
        ring.commit(index);
        return true;
    }

    /** Connection thread: hands every waiting command to {@code handler}; returns how many. */
    int drain(final Handler handler)
    {
        this.handler = handler;
        // one read stops at the end of the buffer (after a wrap's padding): the second takes the wrapped rest
        return ring.read(reader) + ring.read(reader);
    }

    private void onMessage(final int type, final MutableDirectBuffer b, final int index, final int length)
    {
        if (type == CANCEL)
        {
            handler.onCancel(b.getLong(index + INTENT_ID));
            return;
        }
        final OrderIntent o = decoded;
        o.id = b.getLong(index + INTENT_ID);
        o.signalId = b.getLong(index + SIGNAL_ID);
        o.qty = b.getLong(index + QTY);
        o.limitPrice = b.getLong(index + LIMIT_PRICE);
        o.micros = b.getLong(index + MICROS);
        o.symbolId = b.getInt(index + SYMBOL);
        o.side = b.getInt(index + SIDE);
        o.orderType = b.getInt(index + ORDER_TYPE);
        o.postOnly = b.getInt(index + POST_ONLY) != 0;
        o.pricePrecision = b.getInt(index + PRICE_PRECISION);
        o.qtyPrecision = b.getInt(index + QTY_PRECISION);
        o.strategyId = b.getInt(index + STRATEGY);
        handler.onSubmit(o);
    }
}
