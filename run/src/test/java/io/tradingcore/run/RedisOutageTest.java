package io.tradingcore.run;

import io.tradingcore.adapters.redis.RedisServerFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Redis goes down in the middle of a replay (SHUTDOWN SAVE, as a persistent Redis restarting) and
 * comes back on the same port: the core loses no signal, order intent or execution report, and keeps
 * their order. Delivery is at least once, so duplicates are dropped by content before comparing with
 * a reference run of the same recording without the outage (the trading is deterministic given the data).
 */
class RedisOutageTest
{
    private static final List<String> STREAMS = List.of("signals:paper", "orders:requests", "exec:paper:confirms");
    /** The run-unique part of every id ({@code sig-<run>-<n>}), which differs between the two runs. */
    private static final Pattern RUN_ID = Pattern.compile("\\b(sig|ord|fill|tick)-\\d{8}T\\d{6,9}-(\\d+)\\b");
    private static final Duration OUTAGE = Duration.ofMillis(1500);
    private static final int SIGNALS_BEFORE_OUTAGE = 3;

    @TempDir
    static Path dir;
    private static Path recording;
    private static final Map<String, List<Map<String, String>>> reference = new LinkedHashMap<>();

    @BeforeAll
    static void referenceRun() throws IOException
    {
        recording = TestRecording.write(dir.resolve("session.jsonl"));
        try (RedisServerFixture redis = RedisServerFixture.plain(); RedisReadBack streams = new RedisReadBack(redis.url()))
        {
            CoreRun.run(CoreRun.replay(recording, redis.url(), dir.resolve("reference-spill")))
                .assertExit(TradingCoreMain.EXIT_OK);
            for (final String stream : STREAMS)
            {
                reference.put(stream, normalized(streams.entries(stream)));
            }
        }
    }

    @Test
    void noSignalOrderOrExecutionReportIsLostOrReorderedAcrossARestartOfRedis() throws Exception
    {
        try (RedisServerFixture redis = RedisServerFixture.plain())
        {
            final CoreRun run = CoreRun.start(Map.of(), CoreRun.replay(recording, redis.url(), dir.resolve("spill")));
            final long signalsAtOutage;
            try (RedisReadBack streams = new RedisReadBack(redis.url()))
            {
                assertTrue(streams.awaitEntry("signals:paper", e -> true, Duration.ofSeconds(60)), "a first signal");
                while (streams.length("signals:paper") < SIGNALS_BEFORE_OUTAGE && run.running())
                {
                    Thread.sleep(5);
                }
                signalsAtOutage = streams.length("signals:paper");
            }
            final boolean replayingAtOutage = run.running();
            redis.stopSaving();
            Thread.sleep(OUTAGE.toMillis());
            redis.start();
            run.await().assertExit(TradingCoreMain.EXIT_OK);

            assertTrue(replayingAtOutage, "Redis went down in the middle of the replay");
            assertTrue(signalsAtOutage < reference.get("signals:paper").size(),
                "signals were still to come when Redis went down: " + signalsAtOutage);
            assertTrue(run.redisReconnects() >= 1, "the writer reconnected:\n" + run.out());
            try (RedisReadBack streams = new RedisReadBack(redis.url()))
            {
                for (final String stream : STREAMS)
                {
                    final List<Map<String, String>> written = normalized(streams.entries(stream));
                    final List<Map<String, String>> firstOccurrences = new ArrayList<>(new LinkedHashSet<>(written));
                    assertEquals(reference.get(stream), firstOccurrences, stream + " after duplicates are dropped");
                }
                assertCompleteAndIncreasing(streams.entries("signals:paper"), "id", "sig");
                assertCompleteAndIncreasing(streams.entries("orders:requests"), "id", "ord");
            }
        }
    }

    @Test
    void theReferenceRunHasNoDuplicatesToHide()
    {
        for (final String stream : STREAMS)
        {
            final List<Map<String, String>> entries = reference.get(stream);
            assertTrue(entries.size() > 10, stream + " has enough entries to compare: " + entries.size());
            assertEquals(entries.size(), Set.copyOf(entries).size(), stream + " entries are all distinct");
        }
    }

    /** The ids {@code <prefix>-<run>-<n>} of the first occurrences run 1, 2, 3... with no gap. */
    private static void assertCompleteAndIncreasing(
        final List<RedisReadBack.Entry> entries, final String field, final String prefix)
    {
        final Set<Long> seen = new LinkedHashSet<>();
        for (final RedisReadBack.Entry e : entries)
        {
            final Matcher m = RUN_ID.matcher(e.get(field));
            assertTrue(m.matches() && prefix.equals(m.group(1)), "an id " + prefix + "-<run>-<n>: " + e.get(field));
            seen.add(Long.parseLong(m.group(2)));
        }
        long expected = 1;
        for (final long n : seen)
        {
            assertEquals(expected++, n, prefix + " ids in first-occurrence order: " + seen);
        }
    }

    /** Each entry's fields with the run part of every id taken out, so two runs compare equal. */
    static List<Map<String, String>> normalized(final List<RedisReadBack.Entry> entries)
    {
        final List<Map<String, String>> out = new ArrayList<>();
        for (final RedisReadBack.Entry e : entries)
        {
            final Map<String, String> fields = new LinkedHashMap<>();
            e.fields().forEach((name, value) -> fields.put(name, RUN_ID.matcher(value).replaceAll("$1-$2")));
            out.add(fields);
        }
        return out;
    }
}
