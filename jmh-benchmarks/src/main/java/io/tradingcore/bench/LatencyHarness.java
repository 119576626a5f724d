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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Tick→decision latency of the real pipeline at a fixed offered rate, several configurations
 * side by side in one JVM so that they can be compared as ratios on a noisy machine. For each round,
 * rate and configuration ({@code topology/wait-strategy}) it runs a {@link PacedRun} and prints the
 * percentiles of {@link ExecutionStage#tickToDecision()} (normalize took the slot → execution decided)
 * and {@link ExecutionStage#receiveToDecision()} (from the time the frame was due: no coordinated
 * omission). {@code run/bench latency} is the one-configuration form that also writes the histograms.
 * <pre>
 * java --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED -cp jmh-benchmarks/target/benchmarks.jar \
 *     io.tradingcore.bench.LatencyHarness [--rates 20000,100000] [--seconds 5] [--warmup-seconds 2] [--rounds 1]
 *     [--configs compact/yielding,compact/busy-spin,pinned/yielding] [--recording PATH] [--depth 10]
 * </pre>
 */
public final class LatencyHarness
{
    private static final double[] PERCENTILES = {50, 90, 99, 99.9};

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
                case "--rates" -> rates = Arrays.stream(value.split(",")).mapToLong(Long::parseLong).toArray();
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
        final PacedRun run = PacedRun.measure(recording, topology, waitStrategy, depth, rate, warmupSeconds, seconds);
        System.out.printf(Locale.ROOT, "%-18s %8d %9.0f | %-40s | %-40s | %5s | %s%n", name, rate, run.achievedRate,
            percentiles(run.serviceTime), percentiles(run.responseTime), loadAverage(),
            run.valid && run.shedEntries == 0 ? "ok" : "INVALID " + run.summary);
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
