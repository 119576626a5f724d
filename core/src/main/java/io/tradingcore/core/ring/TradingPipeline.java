package io.tradingcore.core.ring;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.EventHandlerGroup;
import com.lmax.disruptor.dsl.ProducerType;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The Disruptor ring and its stages (normalize → signal → risk → execution), single producer,
 * slots preallocated with a fixed frame capacity. The thread factory decides placement (the
 * launcher pins threads to cores in the pinned topology).
 */
public final class TradingPipeline
{
    private final Disruptor<FrameEvent> disruptor;
    private final EventHandler<FrameEvent> last;
    private RingBuffer<FrameEvent> ring;

    @SafeVarargs
    public TradingPipeline(
        final int ringSize, final int frameCapacity, final Topology topology, final WaitStrategy waitStrategy,
        final ThreadFactory threadFactory, final ExceptionHandler<FrameEvent> exceptionHandler,
        final EventHandler<FrameEvent>... stages)
    {
        if (Integer.bitCount(ringSize) != 1)
        {
            throw new IllegalArgumentException("ring size must be a power of two: " + ringSize);
        }
        disruptor = new Disruptor<>(
            () -> new FrameEvent(frameCapacity), ringSize, threadFactory, ProducerType.SINGLE, waitStrategy);
        disruptor.setDefaultExceptionHandler(exceptionHandler);
        if (topology == Topology.COMPACT)
        {
            last = new StageChain(stages);
            disruptor.handleEventsWith(last);
        }
        else
        {
            EventHandlerGroup<FrameEvent> group = disruptor.handleEventsWith(stages[0]);
            for (int i = 1; i < stages.length; i++)
            {
                group = group.then(stages[i]);
            }
            last = stages[stages.length - 1];
        }
    }

    /** Starts the stage threads; returns the producer side for the feed. */
    public RingFrameSink start()
    {
        ring = disruptor.start();
        return new RingFrameSink(ring);
    }

    /** True once the last stage has processed every slot published up to now. */
    public boolean isDrained()
    {
        return disruptor.getSequenceValueFor(last) >= ring.getCursor();
    }

    /**
     * Slots published and not yet through the last stage: two sequence reads, no slot is touched,
     * so a metrics thread may call it.
     */
    public long occupancy()
    {
        return Math.max(0, disruptor.getCursor() - disruptor.getSequenceValueFor(last));
    }

    public long capacity()
    {
        return disruptor.getBufferSize();
    }

    /** Waits until every published slot went through every stage, then stops the stage threads. */
    public void stop(final long timeout, final TimeUnit unit)
    {
        try
        {
            disruptor.shutdown(timeout, unit);
        }
        catch (final TimeoutException ex)
        {
            disruptor.halt();
        }
    }
}
