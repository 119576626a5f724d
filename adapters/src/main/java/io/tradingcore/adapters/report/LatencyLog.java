package io.tradingcore.adapters.report;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.SingleWriterRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An HdrHistogram interval log ({@code .hlog}, values in ns): every {@code interval} a housekeeping
 * thread swaps each tagged recorder's interval histogram out and appends it, so the threads that
 * record (a stage, the Redis adapter) never touch the file. {@link #close()} appends the last, partial
 * interval. HdrHistogram's own tools (HistogramLogProcessor, the plotter) and {@code run/latency-report}
 * read it.
 */
public final class LatencyLog implements AutoCloseable
{
    /** In the pipeline, normalize taking the slot to the execution stage's decision. */
    public static final String TICK_TO_DECISION = "tick-to-decision";
    /** From a frame's receipt to Redis acknowledging an entry it produced. */
    public static final String RECEIVE_TO_PERSISTED = "receive-to-persisted";

    private static final Logger LOG = LoggerFactory.getLogger(LatencyLog.class);

    private final Path file;
    private final HistogramLogWriter writer;
    private final List<String> tags = new ArrayList<>();
    private final List<SingleWriterRecorder> recorders = new ArrayList<>();
    private final List<Histogram> recycled = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r ->
    {
        final Thread t = new Thread(r, "latency-log");
        t.setDaemon(true);
        return t;
    });

    /** Creates {@code file} (and its directory) and writes the log's header. */
    public LatencyLog(final Path file) throws IOException
    {
        this.file = file;
        Files.createDirectories(file.toAbsolutePath().getParent());
        try
        {
            writer = new HistogramLogWriter(file.toFile());
        }
        catch (final FileNotFoundException ex)
        {
            throw new IOException("cannot write the latency log " + file + ": " + ex.getMessage(), ex);
        }
        final long now = System.currentTimeMillis();
        writer.outputComment("trading-core latency intervals, values in nanoseconds; tags " + TICK_TO_DECISION
            + ", " + RECEIVE_TO_PERSISTED);
        writer.outputLogFormatVersion();
        writer.setBaseTime(now);
        writer.outputBaseTime(now);
        writer.outputStartTime(now);
        writer.outputLegend();
    }

    /** Adds a series; call before {@link #start}. */
    public LatencyLog series(final String tag, final SingleWriterRecorder recorder)
    {
        tags.add(tag);
        recorders.add(recorder);
        recycled.add(null);
        return this;
    }

    /** Appends one interval per series every {@code interval}. */
    public LatencyLog start(final Duration interval)
    {
        final long millis = interval.toMillis();
        timer.scheduleAtFixedRate(this::writeInterval, millis, millis, TimeUnit.MILLISECONDS);
        return this;
    }

    public Path file()
    {
        return file;
    }

    private synchronized void writeInterval()
    {
        for (int i = 0; i < recorders.size(); i++)
        {
            final Histogram interval = recorders.get(i).getIntervalHistogram(recycled.get(i));
            interval.setTag(tags.get(i));
            writer.outputIntervalHistogram(interval);
            recycled.set(i, interval);
        }
    }

    /** Stops the timer, then appends the last interval and closes the file. */
    @Override
    public void close()
    {
        timer.shutdownNow();
        try
        {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        writeInterval();
        writer.close();
        LOG.info("latency intervals written to {}", file);
    }
}
