package io.tradingcore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code run/bench hot-path}'s last line, read from the JSON results JMH wrote ({@code -rf json -rff FILE})
 * rather than from its human-readable table: {@code HotPathBenchmark} with {@code stages=allStages}, its
 * mean time per frame and, from {@code -prof gc}, {@code gc.alloc.rate.norm} (bytes per frame, every JVM
 * thread counted).
 * <pre>
 * java -cp jmh-benchmarks/target/benchmarks.jar io.tradingcore.bench.HotPathResult run/target/bench/hot-path.json
 * </pre>
 */
public final class HotPathResult
{
    static final String NAME = "hot-path";
    private static final String BENCHMARK = HotPathBenchmark.class.getName() + ".frame";
    private static final String STAGES = "allStages";
    private static final String ALLOCATION = "gc.alloc.rate.norm";

    private HotPathResult()
    {
    }

    public static void main(final String[] args) throws IOException
    {
        if (args.length != 1)
        {
            throw new IllegalArgumentException("usage: HotPathResult JMH_RESULT.json");
        }
        System.out.println(line(JsonMapper.builder().build().readTree(Path.of(args[0]).toFile())));
    }

    static BenchLine line(final JsonNode results)
    {
        for (final JsonNode result : results)
        {
            if (BENCHMARK.equals(result.path("benchmark").asText())
                && STAGES.equals(result.path("params").path("stages").asText()))
            {
                final JsonNode allocation = result.path("secondaryMetrics").path(ALLOCATION);
                if (allocation.isMissingNode())
                {
                    throw new IllegalArgumentException("no " + ALLOCATION + " in the results: run JMH with -prof gc");
                }
                return new BenchLine(NAME)
                    .put("ns_per_frame", score(result.path("primaryMetric"), "ns/op"))
                    .put("alloc_bytes_per_frame", score(allocation, "B/op"));
            }
        }
        throw new IllegalArgumentException("no " + BENCHMARK + " with stages=" + STAGES + " in the results");
    }

    private static double score(final JsonNode metric, final String unit)
    {
        if (!unit.equals(metric.path("scoreUnit").asText()))
        {
            throw new IllegalArgumentException("expected a score in " + unit + ", got " + metric);
        }
        return metric.path("score").asDouble();
    }
}
