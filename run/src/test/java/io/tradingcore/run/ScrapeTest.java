package io.tradingcore.run;

import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics.Metric;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics.MetricFamily;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics.MetricType;
import io.tradingcore.adapters.metrics.MetricsScrape;
import io.tradingcore.adapters.redis.RedisServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A running core (the simulator feed, a real Redis) scraped over HTTP and parsed with the Prometheus
 * client's own protobuf classes: the names dashboards already use keep their names and types, the new
 * families are there with their labels, readiness follows Redis, and every metric the shipped
 * dashboard and alert rules query is in the scrape.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScrapeTest
{
    private static final Path OPS = CoreRun.home().resolve("ops");
    private static final Path RULES = OPS.resolve("prometheus").resolve("trading-core-alerts.yml");
    /** Made by Prometheus itself for every target, never by the target. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");
    private static final Set<String> PROMQL_WORDS = Set.of("by", "without", "on", "ignoring", "group_left",
        "group_right", "and", "or", "unless", "bool", "offset");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    @TempDir
    static Path dir;

    private RedisServerFixture redis;
    private CoreRun run;
    private URI base;
    /** One scrape of the running core, once its book entries reach Redis: the {@code @Order(1)} tests each read a part. */
    private Map<String, MetricFamily> scrape;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception
    {
        redis = RedisServerFixture.plain();
        final int port;
        try (ServerSocket probe = new ServerSocket(0))
        {
            port = probe.getLocalPort();
        }
        base = URI.create("http://127.0.0.1:" + port);
        final Path config = Files.writeString(dir.resolve("metrics.yaml"), "metrics:\n  httpPort: " + port + "\n");
        run = CoreRun.start(Map.of(), List.of("--feed", "sim", "--redis", redis.url(), "--config", config.toString(),
            "--spill-path", dir.resolve("spill").toString(), "--topology", "compact", "--wait-strategy", "yielding"));
        awaitStatus("/ready", 200);
        scrape = MetricsScrape.families(base.resolve("/metrics"));
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (value(scrape, "redis_entries_written_total", "stream", "md:book:{symbol}") == 0 && System.nanoTime() < deadline)
        {
            Thread.sleep(100); // ready once the books are valid; their entries reach Redis a moment later
            scrape = MetricsScrape.families(base.resolve("/metrics"));
        }
    }

    @AfterAll
    void stop()
    {
        try
        {
            run.stop().assertExit(TradingCoreMain.EXIT_OK);
        }
        finally
        {
            redis.close();
        }
    }

    @Test
    @Order(1)
    void theNamesDashboardsAlreadyUseKeepTheirTypes()
    {
        assertEquals(MetricType.COUNTER, scrape.get("signals_published_total").getType());
        assertEquals(MetricType.COUNTER, scrape.get("redis_publish_errors_total").getType());
        assertEquals(MetricType.HISTOGRAM, scrape.get("publish_latency_ms").getType());
        assertEquals(15, scrape.get("publish_latency_ms").getMetric(0).getHistogram().getBucketCount(),
            "0.05 ms to 1 s and +Inf");
    }

    @Test
    @Order(1)
    void buildInfoLabelsTheCommitAndTheVersion() throws Exception
    {
        final Metric build = scrape.get("build_info").getMetric(0);
        final BuildInfo expected = BuildInfo.load();
        assertEquals(List.of("commit=" + expected.commit(), "version=" + expected.version()),
            build.getLabelList().stream().map(l -> l.getName() + "=" + l.getValue()).sorted().toList());
        assertTrue(expected.commit().matches("[0-9a-f]{12}(-dirty)?|unknown"), expected.commit());
    }

    @Test
    @Order(1)
    void tickToDecisionIsAHistogramInSecondsFromOneMicrosecond()
    {
        final MetricFamily tick = scrape.get("tick_to_decision_seconds");
        assertEquals(MetricType.HISTOGRAM, tick.getType());
        assertTrue(tick.getMetric(0).getHistogram().getSampleCount() > 0, "book changes were decided on");
        assertEquals(1e-6, tick.getMetric(0).getHistogram().getBucket(0).getUpperBound(), "seconds, from 1 us");
    }

    @Test
    @Order(1)
    void theRedisWritersCountsArePerStreamAndSignalsAreNeverShed()
    {
        assertTrue(value(scrape, "redis_entries_written_total", "stream", "md:book:{symbol}") > 0, "per-stream labels");
        assertTrue(value(scrape, "redis_entries_shed_total", "stream", "md:book:{symbol}") >= 0, "market data may be shed");
        assertEquals(0, value(scrape, "redis_entries_shed_total", "stream", "signals:paper"), "signals never are");
    }

    @Test
    @Order(1)
    void theMarketAndTradingFamiliesCarryTheirSymbolChannelOrStrategyLabels()
    {
        assertEquals(0, value(scrape, "checksum_failures_total", "symbol", "BTC/USD"));
        assertEquals(1, value(scrape, "book_valid", "symbol", "ETH/BTC"));
        assertTrue(value(scrape, "frames_total", "channel", "book") > 0);
        assertEquals(0, value(scrape, "position_quantity", "symbol", "SOL/USD"));
        assertEquals(6, scrape.get("strategy_signals_total").getMetricCount(), "one series a strategy");
    }

    @Test
    @Order(1)
    void stateIsExposedAsGauges()
    {
        for (final String gauge : List.of("kill_switch_tripped", "open_orders", "pnl_realized_usd", "pnl_unrealized_usd",
            "equity_usd", "drawdown_daily_usd", "ring_occupancy_slots", "ring_capacity_slots", "handoff_occupancy_bytes",
            "redis_connected", "redis_backlog_bytes", "feed_silence_seconds"))
        {
            assertEquals(MetricType.GAUGE, scrape.get(gauge).getType(), gauge);
        }
    }

    @Test
    @Order(1)
    void theRingAndRedisGaugesReadTheRunningCore()
    {
        assertEquals(4096, scrape.get("ring_capacity_slots").getMetric(0).getGauge().getValue());
        assertEquals(1, scrape.get("redis_connected").getMetric(0).getGauge().getValue());
    }

    @Test
    @Order(1)
    void eventsThatOnlyAccumulateAreCounters()
    {
        for (final String counter : List.of("kraken_reconnects_total", "kraken_resyncs_total", "redis_reconnects_total",
            "stage_faults_total", "redis_spilled_total", "kraken_order_frames_rejected_total"))
        {
            assertEquals(MetricType.COUNTER, scrape.get(counter).getType(), counter);
        }
        assertEquals(0, value(scrape, "kraken_order_frames_rejected_total", "reason", "syntax"), "no order connection");
    }

    @Test
    @Order(1)
    void theJvmAndProcessFamiliesAreExposed()
    {
        for (final String runtime : List.of("jvm_memory_used_bytes", "jvm_gc_collection_seconds", "jvm_threads_current",
            "process_cpu_seconds_total", "process_resident_memory_bytes", "process_open_fds"))
        {
            assertTrue(scrape.containsKey(runtime), runtime + " in " + scrape.keySet());
        }
    }

    @Test
    @Order(2)
    void everyMetricTheDashboardAndTheAlertRulesQueryIsInTheScrape() throws Exception
    {
        final List<String> expressions = new ArrayList<>();
        for (final JsonNode panel : JsonMapper.shared().readTree(OPS.resolve("grafana").resolve("trading-core.json").toFile())
            .get("panels"))
        {
            for (final JsonNode target : panel.get("targets"))
            {
                expressions.add(target.get("expr").asString());
            }
        }
        final int dashboardQueries = expressions.size();
        for (final JsonNode group : new YAMLMapper().readTree(RULES.toFile()).get("groups"))
        {
            for (final JsonNode rule : group.get("rules"))
            {
                expressions.add(rule.get("expr").asString());
            }
        }
        assertTrue(dashboardQueries >= 10 && expressions.size() > dashboardQueries, expressions.toString());

        final Set<String> scraped = scrapedSeriesNames(MetricsScrape.families(base.resolve("/metrics")));
        final Set<String> used = new TreeSet<>();
        for (final String expression : expressions)
        {
            used.addAll(metricNames(expression));
        }
        final Set<String> missing = new TreeSet<>(used);
        missing.removeAll(scraped);
        missing.removeAll(PROMETHEUS_OWN);
        assertTrue(missing.isEmpty(), "queried but not exposed: " + missing);
        for (final String needed : List.of("tick_to_decision_seconds_bucket", "kill_switch_tripped", "redis_connected",
            "checksum_failures_total", "strategy_signals_total", "drawdown_daily_usd", "ring_occupancy_slots",
            "feed_silence_seconds"))
        {
            assertTrue(used.contains(needed), needed + " is on the dashboard or in a rule: " + used);
        }
    }

    @Test
    @Order(3)
    void promtoolAcceptsTheRules() throws Exception
    {
        assumeTrue(SystemdUnitTest.onPath("promtool"), "promtool is not installed (run/test installs Debian's prometheus)");
        final Process check = new ProcessBuilder("promtool", "check", "rules", RULES.toString()).redirectErrorStream(true)
            .start();
        final String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(check.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, check.exitValue(), output);
        assertTrue(output.contains("SUCCESS: 8 rules found"), output);
    }

    @Test
    @Order(4)
    void readyNeedsRedisButAliveDoesNot() throws Exception
    {
        assertEquals("ready\n", get("/ready").body());
        redis.stop();
        awaitStatus("/ready", 503);
        assertTrue(get("/ready").body().contains("redis not writable"), get("/ready").body());
        assertEquals(200, get("/health").statusCode(), "alive without Redis: it spills and keeps trading");
    }

    /** Family names as queries see them: a histogram's _bucket, _sum and _count series. */
    private static Set<String> scrapedSeriesNames(final Map<String, MetricFamily> families)
    {
        final Set<String> names = new TreeSet<>();
        for (final MetricFamily family : families.values())
        {
            names.add(family.getName());
            if (family.getType() == MetricType.HISTOGRAM)
            {
                for (final String suffix : List.of("_bucket", "_sum", "_count"))
                {
                    names.add(family.getName() + suffix);
                }
            }
        }
        return names;
    }

    /** The metric names of a PromQL expression: identifiers that are not functions, keywords, labels or durations. */
    static Set<String> metricNames(final String expression)
    {
        final String bare = expression
            .replaceAll("\"[^\"]*\"", "")
            .replaceAll("\\{[^}]*}", "")
            .replaceAll("\\[[^]]*]", "")
            .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "");
        final Set<String> names = new TreeSet<>();
        final Matcher m = IDENTIFIER.matcher(bare);
        while (m.find())
        {
            final boolean call = bare.substring(m.end()).stripLeading().startsWith("(");
            if (!call && !PROMQL_WORDS.contains(m.group()) && (m.start() == 0 || !Character.isDigit(bare.charAt(m.start() - 1))))
            {
                names.add(m.group());
            }
        }
        return names;
    }

    private static double value(final Map<String, MetricFamily> families, final String family, final String label,
        final String labelValue)
    {
        for (final Metric metric : families.get(family).getMetricList())
        {
            if (metric.getLabelList().stream().anyMatch(l -> l.getName().equals(label) && l.getValue().equals(labelValue)))
            {
                return metric.hasCounter() ? metric.getCounter().getValue() : metric.getGauge().getValue();
            }
        }
        throw new AssertionError(family + "{" + label + "=\"" + labelValue + "\"} not in " + families.get(family));
    }

    private void awaitStatus(final String path, final int status) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int last = -1;
        while (System.nanoTime() < deadline)
        {
            try
            {
                last = get(path).statusCode();
            }
            catch (final IOException notListeningYet)
            {
                last = -1;
            }
            if (last == status)
            {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " answered " + last + ", not " + status + "; output:\n" + run.out() + run.err());
    }

    private HttpResponse<String> get(final String path) throws Exception
    {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
