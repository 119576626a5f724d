package io.tradingcore.adapters.kraken;

import io.tradingcore.core.kraken.Channel;
import io.tradingcore.core.stream.EntryWriter;
import io.tradingcore.core.stream.StreamCatalog;
import org.HdrHistogram.Histogram;

import static io.tradingcore.core.stream.EntryWriter.ascii;

/**
 * The feed's counters (for kraken:metrics and the run summary) and its exchange-to-receive lag
 * histogram. Written by the feed thread only; read them from another thread only after the client
 * has stopped. Recording is allocation-free.
 */
public final class FeedMetrics
{
    /** Lags beyond a minute are clamped: they mean a skewed clock, not a slow network. */
    private static final long MAX_LAG_MICROS = 60_000_000L;

    private static final byte[] TYPE_METRICS = ascii("kraken.metrics");
    private static final byte[] INTERVAL_MS = ascii("interval_ms");
    private static final byte[] FRAMES_PER_S = ascii("frames_per_s");
    private static final byte[] BYTES_PER_S = ascii("bytes_per_s");
    private static final byte[] FRAMES_TOTAL = ascii("frames_total");
    private static final byte[] RECONNECTS = ascii("reconnects");
    private static final byte[] RESYNCS = ascii("resyncs");
    private static final byte[] BOOKS_INVALIDATED = ascii("books_invalidated");
    private static final byte[] ACK_ERRORS = ascii("ack_errors");
    private static final byte[] RATE_LIMITED = ascii("rate_limited");
    private static final byte[] WATCHDOG_FIRINGS = ascii("watchdog_firings");
    private static final byte[] FRAMES_REJECTED = ascii("frames_rejected");
    private static final byte[] LAG_SAMPLES = ascii("lag_samples");
    private static final byte[] LAG_P50_US = ascii("lag_p50_us");
    private static final byte[] LAG_P99_US = ascii("lag_p99_us");
    private static final byte[] LAG_P999_US = ascii("lag_p999_us");
    private static final byte[] LAG_MAX_US = ascii("lag_max_us");
    private static final byte[][] CHANNEL_KEYS = new byte[Channel.COUNT][];

    static
    {
        for (int c = 0; c < Channel.COUNT; c++)
        {
            CHANNEL_KEYS[c] = ascii(Channel.name(c));
        }
    }

    final long[] frames = new long[Channel.COUNT];
    private final long[] framesAtLastReport = new long[Channel.COUNT];
    private final Histogram lagMicros = new Histogram(MAX_LAG_MICROS, 3);
    long bytes;
    long connections;
    long reconnects;
    long resyncs;
    long resyncsDiscarded;
    long ackErrors;
    /** Checksum mismatches, crossed and broken books, as the normalize stage raised them for resync. */
    long booksInvalidated;
    long rateLimited;
    long watchdogFirings;
    long framesRejected;
    private long bytesAtLastReport;
    private long lastReportNanos;

    /** Hot path. */
    public void recordLag(final long lagMicros)
    {
        this.lagMicros.recordValue(Math.max(0, Math.min(MAX_LAG_MICROS, lagMicros)));
    }

    public void start(final long nowNanos)
    {
        lastReportNanos = nowNanos;
    }

    /** Writes one kraken:metrics entry covering the time since the last one, then starts a new interval. */
    public void publish(final FeedEventWriter events, final long epochMicros, final long nowNanos)
    {
        final long elapsedNanos = Math.max(1, nowNanos - lastReportNanos);
        final EntryWriter w = events.begin(StreamCatalog.KRAKEN_METRICS, TYPE_METRICS, epochMicros)
            .integer(INTERVAL_MS, elapsedNanos / 1_000_000L)
            .beginJson(FRAMES_PER_S).jsonObjectStart();
        long total = 0;
        for (int c = 0; c < Channel.COUNT; c++)
        {
            total += frames[c];
            final long delta = frames[c] - framesAtLastReport[c];
            if (delta > 0)
            {
                w.jsonKey(CHANNEL_KEYS[c]).jsonDecimal(perSecondTimes10(delta, elapsedNanos), 1);
            }
            framesAtLastReport[c] = frames[c];
        }
        w.jsonObjectEnd().endJson()
            .decimal(BYTES_PER_S, perSecondTimes10(bytes - bytesAtLastReport, elapsedNanos), 1)
            .integer(FRAMES_TOTAL, total)
            .integer(RECONNECTS, reconnects)
            .integer(RESYNCS, resyncs)
            .integer(BOOKS_INVALIDATED, booksInvalidated)
            .integer(ACK_ERRORS, ackErrors)
            .integer(RATE_LIMITED, rateLimited)
            .integer(WATCHDOG_FIRINGS, watchdogFirings)
            .integer(FRAMES_REJECTED, framesRejected)
            .integer(LAG_SAMPLES, lagMicros.getTotalCount())
            .integer(LAG_P50_US, lagMicros.getValueAtPercentile(50))
            .integer(LAG_P99_US, lagMicros.getValueAtPercentile(99))
            .integer(LAG_P999_US, lagMicros.getValueAtPercentile(99.9))
            .integer(LAG_MAX_US, lagMicros.getMaxValue())
            .publish();
        bytesAtLastReport = bytes;
        lagMicros.reset();
        lastReportNanos = nowNanos;
    }

    private static long perSecondTimes10(final long count, final long elapsedNanos)
    {
        return (long)(count * 1e10 / elapsedNanos);
    }

    public long frames(final int channel)
    {
        return frames[channel];
    }

    public long framesTotal()
    {
        long total = 0;
        for (final long f : frames)
        {
            total += f;
        }
        return total;
    }

    public long bytes()
    {
        return bytes;
    }

    public long connections()
    {
        return connections;
    }

    public long reconnects()
    {
        return reconnects;
    }

    public long resyncs()
    {
        return resyncs;
    }

    /** Resync requests dropped because a new connection re-snapshots every book anyway. */
    public long resyncsDiscarded()
    {
        return resyncsDiscarded;
    }

    public long ackErrors()
    {
        return ackErrors;
    }

    public long rateLimited()
    {
        return rateLimited;
    }

    public long watchdogFirings()
    {
        return watchdogFirings;
    }

    public long framesRejected()
    {
        return framesRejected;
    }
}
