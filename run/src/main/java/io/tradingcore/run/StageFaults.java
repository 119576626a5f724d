package io.tradingcore.run;

import com.lmax.disruptor.ExceptionHandler;
import io.tradingcore.core.ring.FrameEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A stage that throws is a bug, not bad input (bad input is reported by the stages themselves):
 * log it with the slot's sequence, count it, and keep the ring running rather than halting
 * the whole core on one event.
 */
final class StageFaults implements ExceptionHandler<FrameEvent>
{
    private static final Logger LOG = LoggerFactory.getLogger(StageFaults.class);

    private final AtomicLong faults = new AtomicLong();

    @Override
    public void handleEventException(final Throwable ex, final long sequence, final FrameEvent event)
    {
        faults.incrementAndGet();
        LOG.error("stage fault at sequence {} (channel {}): {}", sequence, event == null ? -1 : event.channel, ex.toString(), ex);
    }

    @Override
    public void handleOnStartException(final Throwable ex)
    {
        faults.incrementAndGet();
        LOG.error("stage failed to start: {}", ex.toString(), ex);
    }

    @Override
    public void handleOnShutdownException(final Throwable ex)
    {
        faults.incrementAndGet();
        LOG.error("stage failed to stop: {}", ex.toString(), ex);
    }

    long faults()
    {
        return faults.get();
    }
}
