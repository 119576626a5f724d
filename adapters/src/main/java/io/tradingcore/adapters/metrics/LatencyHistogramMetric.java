package io.tradingcore.adapters.metrics;

import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.tradingcore.core.stage.LatencyHistogram;

/**
 * A classic Prometheus histogram read from a {@link LatencyHistogram} a stage fills: the client's
 * own histogram would make the stage call into the client, this only reads the stage's buckets at
 * scrape time. The recorded unit divided by {@code divisor} is the exposed one (micros to ms: 1000).
 */
public final class LatencyHistogramMetric implements Collector
{
    private final String name;
    private final String help;
    private final LatencyHistogram source;
    private final double divisor;
    private final double[] upperBounds;

    public LatencyHistogramMetric(final String name, final String help, final LatencyHistogram source, final double divisor)
    {
        this.name = name;
        this.help = help;
        this.source = source;
        this.divisor = divisor;
        upperBounds = new double[source.bucketCount() + 1];
        for (int b = 0; b < source.bucketCount(); b++)
        {
            upperBounds[b] = source.upperBound(b) / divisor; // 1000 / 1e9 is the double nearest 1e-6; 1000 * 1e-9 is not
        }
        upperBounds[source.bucketCount()] = Double.POSITIVE_INFINITY;
    }

    @Override
    public MetricSnapshot collect()
    {
        final long[] counts = new long[upperBounds.length];
        for (int b = 0; b < counts.length; b++)
        {
            counts[b] = source.count(b);
        }
        return HistogramSnapshot.builder().name(name).help(help)
            .dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                .classicHistogramBuckets(ClassicHistogramBuckets.of(upperBounds, counts))
                .sum(source.sum() / divisor)
                .build())
            .build();
    }

    @Override
    public String getPrometheusName()
    {
        return name;
    }
}
