package io.tradingcore.run;

import io.tradingcore.adapters.redis.RedisServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same replay under each environment writes its primary signals stream and its execution stream
 * (STREAMS.md section 4), points {@code signals:active} at it, and creates no other environment's
 * stream. Each environment writes into its own database of one Redis.
 */
class EnvironmentStreamsTest
{
    private static final Set<String> ENVIRONMENT_STREAMS = Set.of(
        "signals:paper", "signals:staging", "signals:live", "exec:paper:confirms", "orders:confirmations", "orders:requests");

    @TempDir
    static Path dir;
    private static RedisServerFixture redis;
    private static Path recording;

    @BeforeAll
    static void startRedis() throws IOException
    {
        redis = RedisServerFixture.plain();
        recording = TestRecording.write(dir.resolve("session.jsonl"), 15_000, TestRecording.EVENT_GAP_MICROS);
    }

    @AfterAll
    static void stopRedis()
    {
        redis.close();
    }

    @Test
    void developmentTradesOnPaperStreams()
    {
        try (RedisReadBack streams = replay("development", 1))
        {
            assertEquals(Set.of("signals:paper", "exec:paper:confirms", "orders:requests"), environmentStreams(streams));
            assertEquals("signals:paper", streams.get("signals:active"));
            assertLifecycle(streams, "development", "PAPER", "true");
        }
    }

    @Test
    void stagingSignalsOnItsOwnStreamAndFillsOnPaper()
    {
        try (RedisReadBack streams = replay("staging", 2))
        {
            assertEquals(Set.of("signals:staging", "exec:paper:confirms", "orders:requests"), environmentStreams(streams));
            assertEquals("signals:staging", streams.get("signals:active"));
            assertLifecycle(streams, "staging", "PAPER", "true");
        }
    }

    @Test
    void productionUnarmedSignalsLiveAndRefusesEveryOrder()
    {
        try (RedisReadBack streams = replay("production", 3))
        {
            assertEquals(Set.of("signals:live"), environmentStreams(streams));
            assertEquals("signals:live", streams.get("signals:active"));
            assertLifecycle(streams, "production", "LIVE", "false");
            final List<RedisReadBack.Entry> refused = streams.entries("events:bus", "event", "order_entry_refused");
            assertEquals(1, refused.size(), "one order_entry_refused event");
            assertFalse(refused.get(0).get("reason").isEmpty(), "it says why");
            final List<RedisReadBack.Entry> alerts = streams.entries("risk:alerts:kraken");
            assertEquals(streams.length("signals:live"), alerts.size(), "one refusal per signal");
            for (final RedisReadBack.Entry alert : alerts)
            {
                assertEquals("order_entry_refused", alert.get("rule"), alert.toString());
                assertTrue(alert.get("signal_id").startsWith("sig-"), alert.toString());
            }
        }
    }

    /**
     * Replays the recording under {@code environment} into database {@code db}; the reader is on that
     * database. The ring is the default 4096 slots: production's 65536 take 3.5 GB and seconds to allocate.
     */
    private static RedisReadBack replay(final String environment, final int db)
    {
        final String url = redis.url() + "/" + db;
        final Path ring;
        try
        {
            ring = Files.writeString(dir.resolve(environment + "-ring.yaml"), "ring:\n  size: 4096\n");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        CoreRun.run(CoreRun.replay(recording, url, dir.resolve(environment + "-spill"), "--env", environment,
            "--config", ring.toString())).assertExit(TradingCoreMain.EXIT_OK);
        return new RedisReadBack(url);
    }

    /** The environment-dependent streams that exist, by SCAN; the primary signals stream must hold signals. */
    private static Set<String> environmentStreams(final RedisReadBack streams)
    {
        final SortedSet<String> keys = streams.keys();
        assertTrue(keys.contains("md:trades"), "the market data was written: " + keys);
        final Set<String> present = Set.copyOf(keys.stream().filter(ENVIRONMENT_STREAMS::contains).toList());
        for (final String key : present)
        {
            assertTrue(streams.length(key) > 0, key);
        }
        return present;
    }

    private static void assertLifecycle(
        final RedisReadBack streams, final String environment, final String mode, final String orderEntry)
    {
        for (final String event : List.of("start", "stop"))
        {
            final List<RedisReadBack.Entry> entries = streams.entries("events:bus", "event", event);
            assertEquals(1, entries.size(), event);
            assertEquals(environment, entries.get(0).get("environment"));
            assertEquals(mode, entries.get(0).get("mode"));
            assertEquals(orderEntry, entries.get(0).get("order_entry"));
        }
    }
}
