package io.tradingcore.bench;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The last lines of run/bench's Java entry points, from results made up here (nothing is measured). */
class BenchLineTest
{
    /** {@code NAME key=value ...} with plain decimal values. */
    private static final Pattern LINE = Pattern.compile("[a-z-]+( [a-z0-9_]+=-?[0-9]+(\\.[0-9]+)?)+");
    private static final String JMH_RESULT = """
        [ { "jmhVersion" : "1.37", "benchmark" : "io.tradingcore.bench.HotPathBenchmark.frame", "mode" : "avgt",
            "params" : { "stages" : "copyOnly" },
            "primaryMetric" : { "score" : 301.2, "scoreUnit" : "ns/op" },
            "secondaryMetrics" : { "gc.alloc.rate.norm" : { "score" : 0.05, "scoreUnit" : "B/op" } } },
          { "jmhVersion" : "1.37", "benchmark" : "io.tradingcore.bench.HotPathBenchmark.frame", "mode" : "avgt",
            "params" : { "stages" : "allStages" },
            "primaryMetric" : { "score" : 4411.234, "scoreUnit" : "ns/op" },
            "secondaryMetrics" : { "gc.alloc.rate" : { "score" : 0.2, "scoreUnit" : "MB/sec" },
                                   "gc.alloc.rate.norm" : { "score" : 0.71234, "scoreUnit" : "B/op" } } } ]
        """;

    @Test
    void numbersArePlainWithThreeSignificantDigitsBelowOneHundred() throws Exception
    {
        assertEquals("x a=4411 b=0.712 c=0 d=12.5 e=0.000123 f=-3", new BenchLine("x").put("a", 4411.2).put("b", 0.71234)
            .put("c", 0).put("d", 12.5).put("e", 0.000_123_4).put("f", -3).toString());
        assertThrows(IllegalArgumentException.class, () -> new BenchLine("x").put("a", Double.NaN));
    }

    @Test
    void hotPathReadsAllStagesFromJmhJson() throws Exception
    {
        final String line = HotPathResult.line(JsonMapper.builder().build().readTree(JMH_RESULT)).toString();
        assertEquals("hot-path ns_per_frame=4411 alloc_bytes_per_frame=0.712", line);
        assertTrue(LINE.matcher(line).matches(), line);
    }

    @Test
    void hotPathWithoutGcProfilerIsAnError() throws Exception
    {
        final String withoutGc = JMH_RESULT.replace("gc.alloc.rate.norm", "other");
        assertThrows(IllegalArgumentException.class,
            () -> HotPathResult.line(JsonMapper.builder().build().readTree(withoutGc)));
    }

    @Test
    void latencyLineInMicroseconds() throws Exception
    {
        final Histogram response = new Histogram(3);
        final Histogram service = new Histogram(3);
        response.recordValueWithCount(7_000, 99);
        response.recordValue(250_000);
        service.recordValueWithCount(5_000, 100);
        final String line = LatencyBench.line(response, service, 100_000, 99_123.4, 0).toString();
        assertEquals("latency p50_us=7 p99_us=7 p9999_us=250 max_us=250 service_p50_us=5 service_p99_us=5 "
            + "offered_per_s=100000 achieved_per_s=99123 outbox_shed=0", line);
        assertTrue(LINE.matcher(line).matches(), line);
    }
}
