package io.tradingcore.adapters.report;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code run/latency-report}: reads interval logs ({@link LatencyLog}), adds up each run's intervals
 * per tag, and renders one percentile plot per tag with a line per run, plus a text table of the
 * percentiles, so runs compare side by side.
 */
public final class LatencyReport
{
    private static final double[] PERCENTILES = {50, 90, 99, 99.9, 99.99};
    private static final double NANOS_PER_MICRO = 1_000.0;

    /** tag → run → the run's whole histogram, in the order first seen. */
    private final Map<String, Map<String, Histogram>> byTag = new LinkedHashMap<>();

    /** Reads every interval of {@code files}; a run is named by its file name. */
    public static LatencyReport read(final List<Path> files) throws IOException
    {
        final LatencyReport report = new LatencyReport();
        for (final Path file : files)
        {
            report.add(runName(file, files), file);
        }
        return report;
    }

    private void add(final String run, final Path file) throws IOException
    {
        final HistogramLogReader reader;
        try
        {
            reader = new HistogramLogReader(file.toFile());
        }
        catch (final FileNotFoundException ex)
        {
            throw new IOException("no latency log " + file, ex);
        }
        try
        {
            for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram())
            {
                if (!(h instanceof Histogram))
                {
                    throw new IOException(file + ": holds a DoubleHistogram, expected integer latencies");
                }
                final String tag = h.getTag() == null ? "untagged" : h.getTag();
                byTag.computeIfAbsent(tag, t -> new LinkedHashMap<>())
                    .computeIfAbsent(run, r -> new Histogram(3))
                    .add((Histogram)h);
            }
        }
        finally
        {
            reader.close();
        }
    }

    /** The tags found, in order. */
    public List<String> tags()
    {
        return new ArrayList<>(byTag.keySet());
    }

    /** One run's whole histogram for {@code tag}, values in ns; null when the run has none. */
    public Histogram histogram(final String tag, final String run)
    {
        return byTag.getOrDefault(tag, Map.of()).get(run);
    }

    /** Per tag, a row per run: count, percentiles and max in µs. */
    public String table()
    {
        final StringBuilder s = new StringBuilder();
        for (final Map.Entry<String, Map<String, Histogram>> tag : byTag.entrySet())
        {
            s.append(tag.getKey()).append(" (µs)\n");
            s.append(String.format(Locale.ROOT, "  %-32s %12s", "run", "count"));
            for (final double p : PERCENTILES)
            {
                s.append(String.format(Locale.ROOT, " %10s", "p" + trim(p)));
            }
            s.append(String.format(Locale.ROOT, " %10s%n", "max"));
            for (final Map.Entry<String, Histogram> run : tag.getValue().entrySet())
            {
                final Histogram h = run.getValue();
                s.append(String.format(Locale.ROOT, "  %-32s %12d", run.getKey(), h.getTotalCount()));
                for (final double p : PERCENTILES)
                {
                    s.append(String.format(Locale.ROOT, " %10.1f", h.getValueAtPercentile(p) / NANOS_PER_MICRO));
                }
                s.append(String.format(Locale.ROOT, " %10.1f%n", h.getMaxValue() / NANOS_PER_MICRO));
            }
        }
        return s.toString();
    }

    /** Writes {@code <tag>.png} per tag and {@code latency-report.txt} into {@code dir}; returns the files. */
    public List<Path> write(final Path dir) throws IOException
    {
        Files.createDirectories(dir);
        final List<Path> written = new ArrayList<>();
        for (final Map.Entry<String, Map<String, Histogram>> tag : byTag.entrySet())
        {
            final PercentilePlot plot = new PercentilePlot(tag.getKey(), "latency (µs)");
            for (final Map.Entry<String, Histogram> run : tag.getValue().entrySet())
            {
                plot.add(run.getKey(), run.getValue(), NANOS_PER_MICRO);
            }
            final Path png = dir.resolve(tag.getKey() + ".png");
            plot.writePng(png, 1000, 600);
            written.add(png);
        }
        final Path text = dir.resolve("latency-report.txt");
        Files.writeString(text, table(), StandardCharsets.UTF_8);
        written.add(text);
        return written;
    }

    /** The file name without .hlog; the whole path when two runs share a name. */
    private static String runName(final Path file, final List<Path> all)
    {
        final String name = file.getFileName().toString().replaceFirst("\\.hlog$", "");
        final long same = all.stream().filter(f -> f.getFileName().toString().replaceFirst("\\.hlog$", "").equals(name)).count();
        return same > 1 ? file.toString() : name;
    }

    private static String trim(final double p)
    {
        return p == Math.rint(p) ? Long.toString((long)p) : Double.toString(p);
    }
}
