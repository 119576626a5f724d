package io.tradingcore.core.ring;

import com.lmax.disruptor.RingBuffer;
import org.agrona.DirectBuffer;

/**
 * The ring's single producer: copies each frame into the next preallocated slot. A frame larger
 * than a slot is published as {@link FrameEvent#KIND_OVERSIZED} (no bytes) so the normalize stage
 * counts and reports it in sequence with everything else. When the ring is full the feed thread
 * waits for the stages: back-pressure reaches the socket, nothing is dropped.
 */
public final class RingFrameSink implements FrameSink
{
    private final RingBuffer<FrameEvent> ring;
    private long published;
    private long oversized;

    public RingFrameSink(final RingBuffer<FrameEvent> ring)
    {
        this.ring = ring;
    }

    @Override
    public boolean onFrame(
        final DirectBuffer buffer, final int offset, final int length, final long receiveEpochMicros,
        final long receiveNanos)
    {
        final long sequence = ring.next();
        final FrameEvent event = ring.get(sequence);
        final boolean fits = length <= event.frameCapacity();
        event.kind = fits ? FrameEvent.KIND_FRAME : FrameEvent.KIND_OVERSIZED;
        event.length = length;
        event.receiveEpochMicros = receiveEpochMicros;
        event.receiveNanos = receiveNanos;
        if (fits)
        {
            event.frame.putBytes(0, buffer, offset, length);
        }
        else
        {
            oversized++;
        }
        ring.publish(sequence);
        published++;
        return fits;
    }

    @Override
    public void onSessionStart(final long receiveEpochMicros)
    {
        final long sequence = ring.next();
        final FrameEvent event = ring.get(sequence);
        event.kind = FrameEvent.KIND_SESSION_START;
        event.length = 0;
        event.receiveEpochMicros = receiveEpochMicros;
        event.receiveNanos = System.nanoTime();
        ring.publish(sequence);
    }

    /** Whether {@code slots} frames can be published without waiting for the stages. */
    public boolean hasCapacity(final int slots)
    {
        return ring.hasAvailableCapacity(slots);
    }

    /** Sequence of the last slot published, for waiting until the stages have processed everything. */
    public long lastSequence()
    {
        return ring.getCursor();
    }

    public long published()
    {
        return published;
    }

    public long oversized()
    {
        return oversized;
    }
}
