package io.tradingcore.adapters.metrics;

import io.tradingcore.adapters.config.ConfigException;
import io.tradingcore.adapters.config.ConfigLoader;
import io.tradingcore.adapters.config.TradingConfig;
import io.tradingcore.core.kraken.Channel;
import io.tradingcore.core.stage.LatencyHistogram;
import io.tradingcore.core.stream.StreamCatalog;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrometheusEndpointTest
{
    private final AtomicLong signals = new AtomicLong();
    private final AtomicLong resets = new AtomicLong();
    private final AtomicLong writeErrors = new AtomicLong();
    private final AtomicBoolean connected = new AtomicBoolean(true);
    private final LatencyHistogram latency = new LatencyHistogram();
    private final HttpClient http = HttpClient.newHttpClient();
    private PrometheusEndpoint endpoint;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException
    {
        endpoint = new PrometheusEndpoint("127.0.0.1", 0)
            .signalsPublished(signals::get)
            .publishLatency(latency)
            .framesByChannel(channel -> channel == Channel.BOOK ? 1234 : channel == Channel.TRADE ? 56 : 0)
            .checksumFailures(() -> 3)
            .redisWriteErrors(writeErrors::get)
            .redisEntries(stream -> stream == StreamCatalog.ARB_SCORED ? 40 : 2, stream -> stream == 0 ? 7 : 0)
            .redisConnected(connected::get)
            .command("/risk/kill-switch/reset", "s3cret-token", resets::incrementAndGet)
            .start();
    }

    @AfterEach
    void stop()
    {
        endpoint.close();
    }

    private HttpResponse<String> get(final String path) throws IOException, InterruptedException
    {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    private List<String> metrics() throws IOException, InterruptedException
    {
        final HttpResponse<String> response = get("/metrics");
        assertEquals(200, response.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
        return List.of(response.body().split("\n"));
    }

    @Test
    void countersAreExactLinesWithHelpAndType() throws Exception
    {
        signals.set(42);
        writeErrors.set(5);
        final List<String> lines = metrics();
        assertLines(lines,
            "# TYPE signals_published_total counter",
            "signals_published_total 42",
            "# TYPE redis_publish_errors_total counter",
            "redis_publish_errors_total 5",
            "frames_total{channel=\"book\"} 1234",
            "frames_total{channel=\"trade\"} 56",
            "frames_total{channel=\"status\"} 0",
            "checksum_failures_total 3",
            "redis_entries_written_total " + (40 + 2 * (StreamCatalog.COUNT - 1)),
            "redis_entries_shed_total 7",
            "# TYPE redis_connected gauge",
            "redis_connected 1",
            "# TYPE publish_latency_ms histogram");
        for (final String line : lines)
        {
            assertTrue(line.startsWith("#") || line.matches("[a-z_]+(\\{[a-z]+=\"[^\"]+\"\\})? [0-9.]+"), line);
        }

        signals.incrementAndGet();
        assertLines(metrics(), "signals_published_total 43");
    }

    @Test
    void histogramBucketsAreCumulativeAndInfEqualsCount() throws Exception
    {
        latency.record(30);          // 0.05 ms bucket
        latency.record(50);          // inclusive bound: still 0.05
        latency.record(700);         // 1 ms bucket
        latency.record(2_000_000);   // above 1 s: only +Inf
        latency.record(-5);          // clock step: counts as 0
        final List<String> lines = metrics();
        assertLines(lines,
            "publish_latency_ms_bucket{le=\"0.05\"} 3",
            "publish_latency_ms_bucket{le=\"0.1\"} 3",
            "publish_latency_ms_bucket{le=\"0.5\"} 3",
            "publish_latency_ms_bucket{le=\"1\"} 4",
            "publish_latency_ms_bucket{le=\"2.5\"} 4",
            "publish_latency_ms_bucket{le=\"1000\"} 4",
            "publish_latency_ms_bucket{le=\"+Inf\"} 5",
            "publish_latency_ms_sum 2000.78",
            "publish_latency_ms_count 5");

        long previous = 0;
        int buckets = 0;
        for (final String line : lines)
        {
            if (line.startsWith("publish_latency_ms_bucket"))
            {
                final long value = Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
                assertTrue(value >= previous, line);
                previous = value;
                buckets++;
            }
        }
        assertEquals(LatencyHistogram.bucketCount() + 1, buckets);
    }

    @Test
    void healthFollowsTheRedisLink() throws Exception
    {
        final HttpResponse<String> up = get("/health");
        assertEquals(200, up.statusCode());
        assertEquals("ok\n", up.body());

        connected.set(false);
        final HttpResponse<String> down = get("/health");
        assertEquals(503, down.statusCode());
        assertEquals("redis not connected\n", down.body());
        assertLines(metrics(), "redis_connected 0");
    }

    @Test
    void onlyGetIsServed() throws Exception
    {
        final HttpResponse<String> post = http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        assertEquals(404, get("/nothing").statusCode());
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
        final HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + endpoint.port() + "/risk/kill-switch/reset")).POST(HttpRequest.BodyPublishers.noBody());
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
