package io.tradingcore.run;

import io.tradingcore.adapters.redis.RedisServerFixture;
import io.tradingcore.adapters.sim.SyntheticMarket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --feed sim}: the production WebSocket client against the local simulator, until a stop is
 * asked. With {@code --record} the received frames replay to the same market data.
 */
class SimFeedTest
{
    /** Streaming past the snapshots, so book updates are verified and replayed too. */
    private static final Duration STREAMING = Duration.ofSeconds(1);
    /** What a new user waits, at most, for a first signal once the market streams. */
    private static final Duration FIRST_SIGNAL_WITHIN = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    /**
     * A sim session recorded with {@code --record}, then that recording replayed into another Redis
     * database. One session serves every test: each would otherwise start a core, stream and replay again.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ARecordedSession
    {
        private final List<String> symbols = SyntheticMarket.defaultSymbols();
        private final Map<String, List<RedisReadBack.Entry>> streamed = new LinkedHashMap<>();
        private final Map<String, List<RedisReadBack.Entry>> replayedStreams = new LinkedHashMap<>();
        private Path recording;
        private CoreRun run;
        private boolean runningAfterStreaming;
        private List<RedisReadBack.Entry> events;
        private List<RedisReadBack.Entry> lags;
        private List<RedisReadBack.Entry> feedMetrics;
        private CoreRun replay;

        @BeforeAll
        void streamRecordAndReplay(@TempDir final Path sessionDir) throws Exception
        {
            recording = sessionDir.resolve("sim.jsonl");
            try (RedisServerFixture redis = RedisServerFixture.plain();
                RedisReadBack live = new RedisReadBack(redis.url() + "/0");
                RedisReadBack replayed = new RedisReadBack(redis.url() + "/1"))
            {
                run = CoreRun.start(Map.of(), List.of("--feed", "sim", "--record", recording.toString(),
                    "--redis", redis.url() + "/0", "--spill-path", sessionDir.resolve("spill").toString(),
                    "--topology", "compact", "--wait-strategy", "yielding"));
                for (final String symbol : symbols)
                {
                    assertTrue(live.awaitEntry("md:trades:" + symbol, e -> true, Duration.ofSeconds(30)), symbol + " trades");
                }
                Thread.sleep(STREAMING.toMillis());
                // the feed's metrics come every 5 s: one that measured lags, at most a few seconds more of this run
                live.awaitEntry("kraken:metrics", e -> Long.parseLong(e.get("lag_samples")) > 0, Duration.ofSeconds(30));
                runningAfterStreaming = run.running();
                run.stop();
                events = live.entries("events:bus");
                lags = live.entries("metrics:md:lag");
                feedMetrics = live.entries("kraken:metrics");

                replay = CoreRun.run(CoreRun.replay(recording, redis.url() + "/1", sessionDir.resolve("replay-spill")));
                for (final String symbol : symbols)
                {
                    for (final String stream : List.of("md:trades:" + symbol, "md:book:" + symbol))
                    {
                        streamed.put(stream, live.entries(stream));
                        replayedStreams.put(stream, replayed.entries(stream));
                    }
                }
            }
        }

        @Test
        void theSimFeedRunsUntilAskedToStopAndThenStopsCleanly()
        {
            assertTrue(runningAfterStreaming, "the sim feed runs until stopped");
            run.assertExit(TradingCoreMain.EXIT_OK);
        }

        @Test
        void everyBookUpdateFromTheSimulatorVerifies()
        {
            assertTrue(run.checksumsVerified() > 10L * symbols.size(), "updates verified:\n" + run.out());
            assertEquals(0, run.checksumsFailed(), run.out());
        }

        @Test
        void theFeedsStartAndStopAreOnTheEventBus()
        {
            assertEquals(List.of("start", "stop"), events.stream()
                .filter(e -> "sim".equals(e.get("feed"))).map(e -> e.get("event")).toList());
        }

        @Test
        void lagsAreRealFiguresOnThisHostsClock()
        {
            // the simulator keeps its market on this host's clock: lags are real figures, not months
            assertFalse(lags.isEmpty(), "metrics:md:lag written");
            for (final RedisReadBack.Entry lag : lags)
            {
                assertTrue(Math.abs(Double.parseDouble(lag.get("exchange_to_receive_ms"))) < 5_000, "lag: " + lag);
            }
            assertTrue(feedMetrics.stream().anyMatch(e -> Long.parseLong(e.get("lag_samples")) > 0),
                "kraken:metrics with lag samples: " + feedMetrics);
            for (final RedisReadBack.Entry feed : feedMetrics)
            {
                for (final String figure : List.of("lag_p50_us", "lag_p99_us", "lag_p999_us", "lag_max_us"))
                {
                    final long micros = Long.parseLong(feed.get(figure));
                    assertTrue(micros >= 0 && micros < 5_000_000, figure + ": " + feed);
                }
            }
        }

        @Test
        void theReceivedFramesAreRecorded() throws Exception
        {
            assertTrue(Files.size(recording) > 0, "frames were recorded");
        }

        @Test
        void theRecordingReplaysToTheSameMarketData()
        {
            replay.assertExit(TradingCoreMain.EXIT_OK);
            for (final String stream : streamed.keySet())
            {
                final List<Map<String, String>> live = withoutReceipt(streamed.get(stream));
                assertFalse(live.isEmpty(), stream + " was streamed");
                assertEquals(live, withoutReceipt(replayedStreams.get(stream)), stream + " replayed");
            }
        }
    }

    /**
     * The simulator serves a warm history on subscribe, as Kraken does: its ohlc snapshot's closed
     * candles warm the strategies, so signals come in the first seconds of market, not after the
     * fourteen minutes of trades an ATR of 1-minute bars would otherwise need.
     */
    @Test
    void aNewUserSeesSignalsInTheFirstSecondsOfTheSimulatedMarket() throws Exception
    {
        try (RedisServerFixture redis = RedisServerFixture.plain();
            RedisReadBack live = new RedisReadBack(redis.url()))
        {
            final CoreRun run = CoreRun.start(Map.of(), List.of("--feed", "sim", "--redis", redis.url(),
                "--spill-path", dir.resolve("spill").toString(), "--topology", "compact", "--wait-strategy", "yielding"));
            final boolean signalled = live.awaitEntry("signals:paper", e -> true, Duration.ofSeconds(60));
            run.stop().assertExit(TradingCoreMain.EXIT_OK);
            assertTrue(signalled, "a signal on signals:paper:\n" + run.out());
            // in market time, which the simulator keeps on this host's clock: from its first trade to the first signal
            final Instant firstTrade = Instant.parse(live.entries("md:trades").get(0).get("timestamp"));
            final Instant firstSignal = Instant.parse(live.entries("signals:paper").get(0).get("timestamp"));
            assertTrue(Duration.between(firstTrade, firstSignal).compareTo(FIRST_SIGNAL_WITHIN) <= 0,
                "first trade " + firstTrade + ", first signal " + firstSignal);
        }
    }

    /** The entries' fields but {@code received_at}, which is when this process read the frame. */
    private static List<Map<String, String>> withoutReceipt(final List<RedisReadBack.Entry> entries)
    {
        final List<Map<String, String>> out = new ArrayList<>();
        for (final RedisReadBack.Entry e : entries)
        {
            final Map<String, String> fields = new LinkedHashMap<>(e.fields());
            assertTrue(fields.remove("received_at") != null, "a received_at field: " + e);
            out.add(fields);
        }
        return out;
    }
}
