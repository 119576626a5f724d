package io.tradingcore.core.stage;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Fixed latency buckets for a Prometheus histogram: one writer (a ring stage) records without
 * allocating or locking, any thread reads. Each count is an ordered, untorn long; a reader may see
 * buckets and sum from slightly different instants, which a scrape tolerates.
 */
public final class LatencyHistogram
{
    /** Upper bounds (inclusive) in microseconds: 50 us to 1 s; the last bucket holds everything above. */
    private static final long[] UPPER_BOUNDS_MICROS = {
        50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 1_000_000};

    private final AtomicLongArray counts = new AtomicLongArray(UPPER_BOUNDS_MICROS.length + 1);
    private final AtomicLong sumMicros = new AtomicLong();

    /** Single writer only. A negative latency (clock step between threads) counts as zero. */
    public void record(final long micros)
    {
        final long value = Math.max(0, micros);
        int i = 0;
        while (i < UPPER_BOUNDS_MICROS.length && value > UPPER_BOUNDS_MICROS[i])
        {
            i++;
        }
        counts.lazySet(i, counts.get(i) + 1);
        sumMicros.lazySet(sumMicros.get() + value);
    }

    /** Finite buckets; {@link #count(int)} also takes this index for the overflow bucket (+Inf). */
    public static int bucketCount()
    {
        return UPPER_BOUNDS_MICROS.length;
    }

    public static long upperBoundMicros(final int bucket)
    {
        return UPPER_BOUNDS_MICROS[bucket];
    }

    /** Values in this bucket alone (not cumulative); {@code bucketCount()} is the overflow bucket. */
    public long count(final int bucket)
    {
        return counts.get(bucket);
    }

    public long sumMicros()
    {
        return sumMicros.get();
    }
}
