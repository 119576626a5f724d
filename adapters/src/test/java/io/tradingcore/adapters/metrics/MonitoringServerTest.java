package io.tradingcore.adapters.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tradingcore.adapters.config.ConfigException;
import io.tradingcore.adapters.config.ConfigLoader;
import io.tradingcore.adapters.config.TradingConfig;
import io.tradingcore.core.stage.LatencyHistogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MonitoringServerTest
{
    private final AtomicLong signals = new AtomicLong();
    private final AtomicLong resets = new AtomicLong();
    private final AtomicBoolean alive = new AtomicBoolean(true);
    private final List<String> unmet = new CopyOnWriteArrayList<>();
    private final LatencyHistogram latency = new LatencyHistogram(LatencyHistogram.PUBLISH_MICROS);
    private final HttpClient http = HttpClient.newHttpClient();
    private MonitoringServer server;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException
    {
        final PrometheusRegistry registry = new PrometheusRegistry();
        CounterWithCallback.builder().name("signals_published_total").help("Signals published.")
            .callback(c -> c.call(signals.get())).register(registry);
        registry.register(new LatencyHistogramMetric("publish_latency_ms", "Receive to published, ms.", latency, 1e3));
        server = new MonitoringServer("127.0.0.1", 0, registry, alive::get, () -> List.copyOf(unmet))
            .command("/risk/kill-switch/reset", "s3cret-token", resets::incrementAndGet)
            .start();
    }

    @AfterEach
    void stop()
    {
        server.close();
    }

    private HttpResponse<String> get(final String path) throws IOException, InterruptedException
    {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(final String path)
    {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    @Test
    void callbackCountersAreReadAtEachScrape() throws Exception
    {
        signals.set(42);
        final HttpResponse<String> text = get("/metrics");
        assertEquals(200, text.statusCode());
        assertTrue(text.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        assertLines(List.of(text.body().split("\n")), "# TYPE signals_published_total counter", "signals_published_total 42.0");

        signals.incrementAndGet();
        final Metrics.MetricFamily counter = MetricsScrape.families(uri("/metrics")).get("signals_published_total");
        assertEquals(Metrics.MetricType.COUNTER, counter.getType());
        assertEquals(43, counter.getMetric(0).getCounter().getValue());
    }

    @Test
    void histogramBucketsAreCumulativeInMillisecondsAndInfEqualsCount() throws Exception
    {
        latency.record(30);          // 0.05 ms bucket
        latency.record(50);          // inclusive bound: still 0.05
        latency.record(700);         // 1 ms bucket
        latency.record(2_000_000);   // above 1 s: only +Inf
        latency.record(-5);          // clock step: counts as 0
        assertLines(List.of(get("/metrics").body().split("\n")),
            "# TYPE publish_latency_ms histogram",
            "publish_latency_ms_bucket{le=\"0.05\"} 3",
            "publish_latency_ms_bucket{le=\"0.1\"} 3",
            "publish_latency_ms_bucket{le=\"1.0\"} 4",
            "publish_latency_ms_bucket{le=\"1000.0\"} 4",
            "publish_latency_ms_bucket{le=\"+Inf\"} 5",
            "publish_latency_ms_count 5",
            "publish_latency_ms_sum 2000.78");

        final Metrics.Histogram histogram = MetricsScrape.families(uri("/metrics")).get("publish_latency_ms")
            .getMetric(0).getHistogram();
        assertEquals(5, histogram.getSampleCount());
        assertEquals(latency.bucketCount() + 1, histogram.getBucketCount(), "every finite bucket and +Inf");
        long previous = 0;
        for (final Metrics.Bucket bucket : histogram.getBucketList())
        {
            assertTrue(bucket.getCumulativeCount() >= previous, bucket.toString());
            previous = bucket.getCumulativeCount();
        }
        assertEquals(5, previous, "+Inf holds every sample");
    }

    @Test
    void healthIsLivenessAndReadyNamesWhatIsUnmet() throws Exception
    {
        assertEquals(200, get("/health").statusCode());
        assertEquals(200, get("/ready").statusCode());
        assertEquals("ready\n", get("/ready").body());

        unmet.add("feed stale: no frame for 12 s (watchdog 10 s)");
        unmet.add("books not valid: BTC/USD");
        final HttpResponse<String> notReady = get("/ready");
        assertEquals(503, notReady.statusCode());
        assertEquals("feed stale: no frame for 12 s (watchdog 10 s)\nbooks not valid: BTC/USD\n", notReady.body());
        assertEquals(200, get("/health").statusCode(), "not ready is still alive");

        alive.set(false);
        assertEquals(503, get("/health").statusCode());
    }

    @Test
    void onlyGetIsServed() throws Exception
    {
        for (final String path : List.of("/metrics", "/health", "/ready"))
        {
            final HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, post.statusCode(), path);
        }
        assertEquals(404, get("/nothing").statusCode());
        assertEquals(404, get("/ready/more").statusCode());
    }

    @Test
    void anOperatorCommandIsAPostWithTheTokenAndNeverFromABrowser() throws Exception
    {
        assertEquals(403, reset(null, null), "no token");
        assertEquals(403, reset("wrong", null), "a wrong token");
        assertEquals(403, reset("s3cret-token", "http://evil.example"), "a browser request (Origin) even with the token");
        assertEquals(0, resets.get());
        assertEquals(202, reset("s3cret-token", null));
        assertEquals(1, resets.get());
        assertEquals(405, get("/risk/kill-switch/reset").statusCode(), "a GET (a crawler, a scrape) never resets");
        assertEquals(1, resets.get());
    }

    private int reset(final String token, final String origin) throws IOException, InterruptedException
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(uri("/risk/kill-switch/reset"))
            .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null)
        {
            request.header("X-Operator-Token", token);
        }
        if (origin != null)
        {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void configuredPortAndHostDefaultToOffOnLoopback() throws Exception
    {
        final TradingConfig shipped = ConfigLoader.load(new String[0], Map.of(), Path.of("..", "run", "config"));
        assertEquals(0, shipped.metricsHttpPort());
        assertEquals("127.0.0.1", shipped.metricsHttpHost());

        final Path file = Files.writeString(dir.resolve("m.yaml"), "metrics:\n  httpPort: 9464\n  httpHost: 0.0.0.0\n");
        final TradingConfig configured = ConfigLoader.load(new String[] {"--config", file.toString()}, Map.of(), dir);
        assertEquals(9464, configured.metricsHttpPort());
        assertEquals("0.0.0.0", configured.metricsHttpHost());

        final Path bad = Files.writeString(dir.resolve("bad.yaml"), "metrics:\n  httpPort: 70000\n");
        assertTrue(assertThrows(ConfigException.class,
            () -> ConfigLoader.load(new String[] {"--config", bad.toString()}, Map.of(), dir)).getMessage()
            .contains("metrics.httpPort"));
    }

    private static void assertLines(final List<String> lines, final String... expected)
    {
        final List<String> missing = new ArrayList<>();
        for (final String line : expected)
        {
            if (!lines.contains(line))
            {
                missing.add(line);
            }
        }
        assertTrue(missing.isEmpty(), () -> "missing " + missing + " in\n" + String.join("\n", lines));
    }
}
