package io.tradingcore.core.time;

/**
 * Wall-clock epoch microseconds without allocating (Instant.now() creates an object): the
 * monotonic nanoTime advanced from an anchor that is re-read once a second, so a clock step is
 * picked up quickly and a reading never goes backwards between anchors.
 */
public final class MicrosClock
{
    private static final long REANCHOR_NANOS = 1_000_000_000L;

    private long anchorEpochMicros;
    private long anchorNanos;
    private long last;

    public MicrosClock()
    {
        anchor(System.nanoTime());
    }

    /** Epoch µs now; single-threaded use (one instance per thread). */
    public long epochMicros()
    {
        final long nanos = System.nanoTime();
        if (nanos - anchorNanos >= REANCHOR_NANOS)
        {
            anchor(nanos);
        }
        final long now = anchorEpochMicros + (nanos - anchorNanos) / 1_000;
        last = Math.max(last, now);
        return last;
    }

    private void anchor(final long nanos)
    {
        anchorNanos = nanos;
        anchorEpochMicros = System.currentTimeMillis() * 1_000;
    }
}
