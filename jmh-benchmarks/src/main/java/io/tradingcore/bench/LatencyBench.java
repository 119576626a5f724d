package io.tradingcore.bench;

import io.tradingcore.adapters.report.PercentilePlot;

import io.tradingcore.core.ring.Topology;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code run/bench latency}: one {@link PacedRun} of the compact topology at the offered rate, reported
 * from each frame's intended send time (corrected for coordinated omission). Writes both histograms as
 * HdrHistogram percentile distributions ({@code latency-response.hgrm}, {@code latency-service.hgrm},
 * in µs, for HdrHistogram's plotter) and a percentile plot of both ({@code latency.png}) under
 * {@code --out}, then prints the tick→decision response time in µs on its last line, with the
 * market-data entries the outbox shed (its drainer, standing in for the Redis thread, fell behind). A
 * run with a stage fault or a checksum failure measured something else: it fails instead.
 * <pre>
 * java -Djava.awt.headless=true --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED \
 *     -cp jmh-benchmarks/target/benchmarks.jar io.tradingcore.bench.LatencyBench \
 *     [--rate 100000] [--seconds 10] [--warmup-seconds 5] [--wait-strategy yielding] [--out run/target/bench]
 * </pre>
 */
public final class LatencyBench
{
    private static final int PLOT_WIDTH = 1200;
    private static final int PLOT_HEIGHT = 700;
    static final String NAME = "latency";
    private static final double NANOS_PER_MICRO = 1000.0;

    private LatencyBench()
    {
    }

    public static void main(final String[] args) throws IOException
    {
        long rate = 100_000;
        double seconds = 10;
        double warmupSeconds = 5;
        String waitStrategy = "yielding";
        Path out = Path.of("run/target/bench");
        if (args.length % 2 != 0)
        {
            throw new IllegalArgumentException("options come in pairs: --name value");
        }
        for (int i = 0; i < args.length; i += 2)
        {
            final String value = args[i + 1];
            switch (args[i])
            {
                case "--rate" -> rate = Long.parseLong(value);
                case "--seconds" -> seconds = Double.parseDouble(value);
                case "--warmup-seconds" -> warmupSeconds = Double.parseDouble(value);
                case "--wait-strategy" -> waitStrategy = value;
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        final LoopedRecording recording =
            LoopedRecording.synthetic(HotPathBenchmark.SEED, HotPathBenchmark.FRAMES, HotPathBenchmark.DEPTH);
        final PacedRun run = PacedRun.measure(recording, Topology.COMPACT, waitStrategy, HotPathBenchmark.DEPTH, rate,
            warmupSeconds, seconds);
        System.out.println("compact/" + waitStrategy + ", offered " + rate + " frames/s, achieved "
            + Math.round(run.achievedRate) + "; " + run.summary);
        if (!run.valid)
        {
            throw new IllegalStateException("invalid run (a stage fault or a checksum failure): " + run.summary);
        }
        Files.createDirectories(out);
        writeHgrm(out.resolve("latency-response.hgrm"), run.responseTime);
        writeHgrm(out.resolve("latency-service.hgrm"), run.serviceTime);
        new PercentilePlot("tick→decision, compact/" + waitStrategy + ", " + rate + " frames/s offered", "latency (µs)")
            .add("response time (from the intended send time)", run.responseTime, NANOS_PER_MICRO)
            .add("service time (normalize took the slot → decision)", run.serviceTime, NANOS_PER_MICRO)
            .writePng(out.resolve("latency.png"), PLOT_WIDTH, PLOT_HEIGHT);
        System.out.println("wrote latency-response.hgrm, latency-service.hgrm and latency.png to " + out);
        System.out.println(line(run.responseTime, run.serviceTime, rate, run.achievedRate, run.shedEntries));
    }

    static BenchLine line(
        final Histogram response, final Histogram service, final long offered, final double achieved, final long shed)
    {
        return new BenchLine(NAME)
            .put("p50_us", micros(response, 50))
            .put("p99_us", micros(response, 99))
            .put("p9999_us", micros(response, 99.99))
            .put("max_us", response.getMaxValue() / NANOS_PER_MICRO)
            .put("service_p50_us", micros(service, 50))
            .put("service_p99_us", micros(service, 99))
            .put("offered_per_s", offered)
            .put("achieved_per_s", achieved)
            .put("outbox_shed", shed);
    }

    private static double micros(final Histogram h, final double percentile)
    {
        return h.getValueAtPercentile(percentile) / NANOS_PER_MICRO;
    }

    private static void writeHgrm(final Path file, final Histogram h) throws IOException
    {
        try (PrintStream print = new PrintStream(Files.newOutputStream(file), false, "US-ASCII"))
        {
            h.outputPercentileDistribution(print, NANOS_PER_MICRO);
        }
    }
}
