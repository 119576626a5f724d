package io.tradingcore.run;

import io.tradingcore.adapters.redis.RedisServerFixture;
import io.tradingcore.adapters.sim.SyntheticMarket;
import org.junit.jupiter.api.Test;
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

    @Test
    void theSimulatedFeedStreamsVerifiedBooksAndItsRecordingReplaysToTheSameMarketData() throws Exception
    {
        final Path recording = dir.resolve("sim.jsonl");
        try (RedisServerFixture redis = RedisServerFixture.plain();
            RedisReadBack live = new RedisReadBack(redis.url() + "/0");
            RedisReadBack replayed = new RedisReadBack(redis.url() + "/1"))
        {
            final CoreRun run = CoreRun.start(Map.of(), List.of("--feed", "sim", "--record", recording.toString(),
                "--redis", redis.url() + "/0", "--spill-path", dir.resolve("spill").toString(),
                "--topology", "compact", "--wait-strategy", "yielding"));
            for (final String symbol : SyntheticMarket.defaultSymbols())
            {
                assertTrue(live.awaitEntry("md:trades:" + symbol, e -> true, Duration.ofSeconds(30)), symbol + " trades");
            }
            Thread.sleep(STREAMING.toMillis());
            // the feed's metrics come every 5 s: one that measured lags, at most a few seconds more of this run
            assertTrue(live.awaitEntry("kraken:metrics", e -> Long.parseLong(e.get("lag_samples")) > 0, Duration.ofSeconds(30)),
                "kraken:metrics with lag samples: " + live.entries("kraken:metrics"));
            assertTrue(run.running(), "the sim feed runs until stopped");
            run.stop().assertExit(TradingCoreMain.EXIT_OK);

            assertTrue(run.checksumsVerified() > 10L * SyntheticMarket.defaultSymbols().size(), "updates verified:\n" + run.out());
            assertEquals(0, run.checksumsFailed(), run.out());
            assertEquals(List.of("start", "stop"), live.entries("events:bus").stream()
                .filter(e -> "sim".equals(e.get("feed"))).map(e -> e.get("event")).toList());
            assertTrue(Files.size(recording) > 0, "frames were recorded");
            // the simulator keeps its market on this host's clock: lags are real figures, not months
            final List<RedisReadBack.Entry> lags = live.entries("metrics:md:lag");
            assertFalse(lags.isEmpty(), "metrics:md:lag written");
            for (final RedisReadBack.Entry lag : lags)
            {
                assertTrue(Math.abs(Double.parseDouble(lag.get("exchange_to_receive_ms"))) < 5_000, "lag: " + lag);
            }
            for (final RedisReadBack.Entry feed : live.entries("kraken:metrics"))
            {
                for (final String figure : List.of("lag_p50_us", "lag_p99_us", "lag_p999_us", "lag_max_us"))
                {
                    final long micros = Long.parseLong(feed.get(figure));
                    assertTrue(micros >= 0 && micros < 5_000_000, figure + ": " + feed);
                }
            }

            CoreRun.run(CoreRun.replay(recording, redis.url() + "/1", dir.resolve("replay-spill")))
                .assertExit(TradingCoreMain.EXIT_OK);
            for (final String symbol : SyntheticMarket.defaultSymbols())
            {
                for (final String stream : List.of("md:trades:" + symbol, "md:book:" + symbol))
                {
                    final List<Map<String, String>> streamed = withoutReceipt(live.entries(stream));
                    assertFalse(streamed.isEmpty(), stream + " was streamed");
                    assertEquals(streamed, withoutReceipt(replayed.entries(stream)), stream + " replayed");
                }
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
