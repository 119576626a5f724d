package io.tradingcore.core.stage;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Fixed latency buckets for a Prometheus histogram: one writer (a ring stage) records without
 * allocating or locking, any thread reads. Each count is an ordered, untorn long; a reader may see
 * buckets and sum from slightly different instants, which a scrape tolerates. The unit is the
 * caller's: the bounds and the recorded values share it.
 */
public final class LatencyHistogram
{
    /** Receive to published signal, in microseconds: 50 us to 1 s. */
    public static final long[] PUBLISH_MICROS = {
        50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000};
    /** Tick to decision inside the ring, in nanoseconds: 1 us to 100 ms (p50 is a few microseconds). */
    public static final long[] TICK_TO_DECISION_NANOS = {
        1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000, 10_000_000, 100_000_000};

    private final long[] upperBounds;
    private final AtomicLongArray counts;
    private final AtomicLong sum = new AtomicLong();

    /** @param upperBounds inclusive upper bounds, ascending; one more bucket holds everything above */
    public LatencyHistogram(final long[] upperBounds)
    {
        this.upperBounds = upperBounds.clone();
        this.counts = new AtomicLongArray(upperBounds.length + 1);
    }

    /** Single writer only. A negative latency (clock step between threads) counts as zero. */
    public void record(final long latency)
    {
        final long value = Math.max(0, latency);
        int i = 0;
        while (i < upperBounds.length && value > upperBounds[i])
        {
            i++;
        }
        counts.lazySet(i, counts.get(i) + 1);
        sum.lazySet(sum.get() + value);
    }

    /** Finite buckets; {@link #count(int)} also takes this index for the overflow bucket (+Inf). */
    public int bucketCount()
    {
        return upperBounds.length;
    }

    public long upperBound(final int bucket)
    {
        return upperBounds[bucket];
    }

    /** Values in this bucket alone (not cumulative); {@code bucketCount()} is the overflow bucket. */
    public long count(final int bucket)
    {
        return counts.get(bucket);
    }

    public long sum()
    {
        return sum.get();
    }
}
