package io.tradingcore.bench;

import io.tradingcore.core.ring.Topology;
import io.tradingcore.core.stage.ExecutionStage;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tick→decision latency of the real pipeline at a fixed offered rate, several configurations
 * side by side in one JVM so that they can be compared as ratios on a noisy machine. For each round,
 * rate and configuration ({@code topology/wait-strategy}) it builds a fresh pipeline (the JIT stays
 * warm across them), offers frames for the warm-up, resets the histograms, offers the measured
 * frames, waits until all are processed and prints the percentiles of
 * {@link ExecutionStage#tickToDecision()} (normalize took the slot → execution decided) and
 * {@link ExecutionStage#receiveToDecision()}.
 * <p>
 * The feed thread paces itself with {@link System#nanoTime()} and stamps each frame with the time it
 * was due, not the time it went out: when the pipeline falls behind, receive→decision shows the
 * queueing a real socket would have seen (no coordinated omission), and the achieved rate drops.
 * <pre>
 * java --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED -cp jmh-benchmarks/target/benchmarks.jar \
 *     io.tradingcore.bench.LatencyHarness [--rates 20000,100000] [--seconds 5] [--warmup-seconds 2] [--rounds 1]
 *     [--configs compact/yielding,compact/busy-spin,pinned/yielding] [--recording PATH] [--depth 10]
 * </pre>
 */
public final class LatencyHarness
{
    private static final double[] PERCENTILES = {50, 90, 99, 99.9};
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private LatencyHarness()
    {
    }

    public static void main(final String[] args) throws IOException
    {
        long[] rates = {20_000, 100_000};
        double seconds = 5;
        double warmupSeconds = 2;
        int rounds = 1;
        String[] configs = {"compact/yielding", "compact/busy-spin", "pinned/yielding"};
        Path recordingPath = null;
        int depth = HotPathBenchmark.DEPTH;
        for (int i = 0; i + 1 < args.length; i += 2)
        {
            final String value = args[i + 1];
            switch (args[i])
            {
                case "--rates" -> rates = java.util.Arrays.stream(value.split(",")).mapToLong(Long::parseLong).toArray();
                case "--seconds" -> seconds = Double.parseDouble(value);
                case "--warmup-seconds" -> warmupSeconds = Double.parseDouble(value);
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--configs" -> configs = value.split(",");
                case "--recording" -> recordingPath = Path.of(value);
                case "--depth" -> depth = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (args.length % 2 != 0)
        {
            throw new IllegalArgumentException("options come in pairs: --name value");
        }
        final LoopedRecording recording = recordingPath != null ? LoopedRecording.load(recordingPath)
            : LoopedRecording.synthetic(HotPathBenchmark.SEED, HotPathBenchmark.FRAMES, depth);
        printJvm(recording);
        System.out.printf(Locale.ROOT, "%-18s %8s %9s | %-40s | %-40s | %5s | %s%n", "config", "offered", "achieved",
            "tick->decision us: p50 p90 p99 p99.9 max", "receive->decision us: p50 p90 p99 p99.9 max", "load", "valid");
        for (int round = 0; round < rounds; round++)
        {
            for (final long rate : rates)
            {
                for (final String config : configs)
                {
                    final String[] parts = config.split("/");
                    run(recording, Topology.of(parts[0]), parts[1], depth, rate, warmupSeconds, seconds, config);
                }
            }
        }
    }

    private static void run(
        final LoopedRecording recording, final Topology topology, final String waitStrategy, final int depth,
        final long rate, final double warmupSeconds, final double seconds, final String name)
    {
        try (DrainedPipeline pipeline = new DrainedPipeline(topology, waitStrategy, depth))
        {
            recording.endPass();
            offer(pipeline, recording, rate, (long)(rate * warmupSeconds));
            pipeline.awaitProcessed();
            final ExecutionStage execution = pipeline.trading.execution;
            execution.tickToDecision().reset();
            execution.receiveToDecision().reset();

            final long frames = (long)(rate * seconds);
            final long start = System.nanoTime();
            offer(pipeline, recording, rate, frames);
            final double achieved = frames * (double)NANOS_PER_SECOND / (System.nanoTime() - start);
            pipeline.awaitProcessed();
            final TradingStages trading = pipeline.trading;
            final boolean valid = trading.faults.count() == 0 && trading.shedEntries() == 0
                && trading.normalize.counters().checksumsFailed() == 0;
            System.out.printf(Locale.ROOT, "%-18s %8d %9.0f | %-40s | %-40s | %5s | %s%n", name, rate, achieved,
                percentiles(execution.tickToDecision()), percentiles(execution.receiveToDecision()), loadAverage(),
                valid ? "ok" : "INVALID " + trading.summary());
        }
    }

    /** Offers {@code frames} frames at {@code rate} per second, each stamped with the time it was due. */
    private static void offer(final DrainedPipeline pipeline, final LoopedRecording recording, final long rate, final long frames)
    {
        final long start = System.nanoTime();
        for (long i = 0; i < frames; i++)
        {
            final long due = start + i * NANOS_PER_SECOND / rate;
            while (System.nanoTime() < due)
            {
                Thread.yield();
            }
            pipeline.play(recording, due);
        }
    }

    private static String percentiles(final Histogram h)
    {
        final StringBuilder s = new StringBuilder();
        for (final double p : PERCENTILES)
        {
            s.append(String.format(Locale.ROOT, "%.1f ", h.getValueAtPercentile(p) / 1e3));
        }
        return s.append(String.format(Locale.ROOT, "%.1f (n=%d)", h.getMaxValue() / 1e3, h.getTotalCount())).toString();
    }

    /** The 1-minute load average: other processes on a shared box show up here, not in the histograms. */
    private static String loadAverage()
    {
        try
        {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        }
        catch (final IOException ex)
        {
            return "?";
        }
    }

    private static void printJvm(final LoopedRecording recording)
    {
        final List<String> collectors = new ArrayList<>();
        for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
        {
            collectors.add(gc.getName());
        }
        System.out.printf(Locale.ROOT, "java %s, %d CPUs, max heap %d MB, GC %s%nJVM options %s%nrecording %,d frames%n",
            Runtime.version(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
            collectors, ManagementFactory.getRuntimeMXBean().getInputArguments(), recording.size());
    }
}
