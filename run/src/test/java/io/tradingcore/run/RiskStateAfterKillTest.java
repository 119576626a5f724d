package io.tradingcore.run;

import io.tradingcore.adapters.redis.RedisServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kill -9} of a process that is still running (its feed, a named pipe, open) after it traded:
 * the next start restores positions that match the fills in Redis, symbol by symbol.
 */
class RiskStateAfterKillTest
{
    @TempDir
    Path dir;

    @Test
    void positionsAfterAKillMatchTheFillsInRedis() throws Exception
    {
        final Path recording = TestRecording.write(dir.resolve("session.jsonl"));
        final Path feed = CoreProcess.feedPipe(dir.resolve("feed.pipe"));
        final Path state = dir.resolve("state");
        try (RedisServerFixture redis = RedisServerFixture.plain(); RedisReadBack streams = new RedisReadBack(redis.url()))
        {
            final Path output = dir.resolve("first.out");
            final Process first = CoreProcess.start(output, CoreRun.replay(feed, redis.url(), dir.resolve("spill"),
                "--state-dir", state.toString()));
            try (OutputStream pipe = Files.newOutputStream(feed))
            {
                pipe.write(Files.readAllBytes(recording));
                pipe.flush();
                final Map<String, BigDecimal> filled = awaitSettledFills(streams, state, pipe, first, output);
                assertTrue(filled.size() > 0, "the first run traded; output:\n" + Files.readString(output));
                assertTrue(first.isAlive(), "still running, its feed open; output:\n" + Files.readString(output));
                first.destroyForcibly(); // SIGKILL: no hook, no flush
                assertTrue(first.waitFor(30, TimeUnit.SECONDS));
            }
            finally
            {
                first.destroyForcibly();
            }
            final Map<String, BigDecimal> filled = netFills(streams);
            assertTrue(filled.values().stream().anyMatch(q -> q.signum() != 0), "a position was open at the kill: " + filled);

            final Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");
            CoreRun.run(CoreRun.replay(empty, redis.url(), dir.resolve("spill"), "--state-dir", state.toString()))
                .assertExit(TradingCoreMain.EXIT_OK);
            final Map<String, BigDecimal> restored = new HashMap<>();
            final List<RedisReadBack.Entry> restarts = streams.entries("events:bus", "event", "state_restored");
            assertEquals(1, restarts.size());
            for (final RedisReadBack.Entry update : streams.entries("portfolio:updates"))
            {
                if (update.millis() >= restarts.get(0).millis())
                {
                    restored.put(update.get("symbol"), new BigDecimal(update.get("position")));
                }
            }
            for (final Map.Entry<String, BigDecimal> position : filled.entrySet())
            {
                assertEquals(0, position.getValue().compareTo(restored.getOrDefault(position.getKey(), BigDecimal.ZERO)),
                    position.getKey() + ": fills in Redis " + position.getValue() + ", restored " + restored);
            }
        }
    }

    /**
     * Waits until every frame is processed (fills stop changing) and the state file has caught up with
     * them; meanwhile the feed stays alive as Kraken's does, a heartbeat a second (fills reach the
     * portfolio at the event after them).
     */
    private static Map<String, BigDecimal> awaitSettledFills(
        final RedisReadBack streams, final Path state, final OutputStream pipe, final Process core, final Path output)
        throws Exception
    {
        final long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        long seen = -1;
        while (System.nanoTime() < deadline && core.isAlive())
        {
            Thread.sleep(1_000);
            CoreProcess.heartbeat(pipe);
            final long fills = fillEntries(streams).size();
            final Path file = state.resolve("risk-state.properties");
            if (fills > 0 && fills == seen && Files.exists(file) && Files.readString(file).contains("\nfills=" + fills + "\n"))
            {
                return netFills(streams);
            }
            seen = fills;
        }
        throw new AssertionError("the fills never settled; output:\n" + Files.readString(output));
    }

    private static List<RedisReadBack.Entry> fillEntries(final RedisReadBack streams)
    {
        return streams.entries("exec:paper:confirms", "type", "execution.fill");
    }

    /** Net quantity per symbol of the fills in Redis: buys positive, sells negative. */
    private static Map<String, BigDecimal> netFills(final RedisReadBack streams)
    {
        final Map<String, BigDecimal> net = new HashMap<>();
        for (final RedisReadBack.Entry fill : fillEntries(streams))
        {
            final BigDecimal qty = new BigDecimal(fill.get("qty"));
            net.merge(fill.get("symbol"), "buy".equals(fill.get("side")) ? qty : qty.negate(), BigDecimal::add);
        }
        return net;
    }
}
