package io.tradingcore.run;

import io.tradingcore.adapters.redis.RedisServerFixture;
import io.tradingcore.adapters.state.RiskStateFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Restarting the process does not bypass the kill switch: the real launcher, a child process still
 * running on its feed, trips it and gets an OS SIGTERM; the state file flushed on the way out holds
 * the tripped switch and every fill, and the next run over the same UTC day (the same recording again)
 * restores it before the first event and sends no order.
 */
class RiskStateRestartTest
{
    private static final Duration STOP_WITHIN = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void aTrippedKillSwitchStaysTrippedAcrossASigtermAndARestartOnTheSameDay() throws Exception
    {
        final Path recording = TestRecording.write(dir.resolve("session.jsonl"));
        final Path config = Files.writeString(dir.resolve("tight.yaml"), "risk:\n  dailyDrawdownLimit: 0.01\n");
        final Path state = dir.resolve("state");
        final Path feed = CoreProcess.feedPipe(dir.resolve("feed.pipe"));
        try (RedisServerFixture redis = RedisServerFixture.plain(); RedisReadBack streams = new RedisReadBack(redis.url()))
        {
            final Path output = dir.resolve("first.out");
            final Process first = CoreProcess.start(output, args(feed, redis.url(), config, state));
            try (OutputStream pipe = Files.newOutputStream(feed))
            {
                pipe.write(Files.readAllBytes(recording));
                pipe.flush();
                assertTrue(streams.awaitEntry("risk:alerts:kraken", e -> "true".equals(e.get("trip")), Duration.ofSeconds(60)),
                    "the first run trips the kill switch; output:\n" + Files.readString(output));
                assertTrue(first.isAlive(), "still running, its feed open; output:\n" + Files.readString(output));
                first.destroy(); // SIGTERM
                heartbeatUntilExit(pipe, first);
            }
            finally
            {
                first.destroyForcibly();
            }
            final String printed = Files.readString(output);
            assertEquals(TradingCoreMain.EXIT_OK, first.exitValue(), printed);
            assertTrue(printed.contains("(stopped by signal)"), "the run summary was printed:\n" + printed);
            assertTrue(streams.length("orders:requests") > 0, "orders left before the trip");
            final String kept = Files.readString(state.resolve(RiskStateFile.NAME));
            assertTrue(kept.contains("\nkill_switch_tripped=true\n"), kept);
            final int fills = streams.entries("exec:paper:confirms", "type", "execution.fill").size();
            assertTrue(fills > 0, "the first run traded before the trip");
            assertTrue(kept.contains("\nfills=" + fills + "\n"), "every fill in Redis (" + fills + ") is in the state:\n" + kept);
        }

        try (RedisServerFixture redis = RedisServerFixture.plain(); RedisReadBack streams = new RedisReadBack(redis.url()))
        {
            CoreRun.run(args(recording, redis.url(), config, state)).assertExit(TradingCoreMain.EXIT_OK);
            assertEquals(0, streams.length("orders:requests"), "no order intent after the restart");
            assertEquals(0, streams.length("exec:paper:confirms"), "no confirmation or fill after the restart");
            final List<RedisReadBack.Entry> restored = streams.entries("events:bus", "event", "state_restored");
            assertEquals(1, restored.size());
            assertEquals("true", restored.get(0).get("kill_switch_tripped"));
            assertTrue(streams.entries("risk:alerts:kraken", "rule", "kill_switch").size() > 0,
                "every signal is refused by the kill switch");
        }
    }

    /** Keeps the feed alive after the signal, a heartbeat at a time, until the process has flushed and ended. */
    private static void heartbeatUntilExit(final OutputStream pipe, final Process core) throws Exception
    {
        final long deadline = System.nanoTime() + STOP_WITHIN.toNanos();
        while (!core.waitFor(200, TimeUnit.MILLISECONDS))
        {
            assertTrue(System.nanoTime() < deadline, "the process ended within " + STOP_WITHIN + " of SIGTERM");
            try
            {
                CoreProcess.heartbeat(pipe);
            }
            catch (final IOException closed)
            {
                // the process closed its end of the feed on the way out
            }
        }
    }

    private List<String> args(final Path recording, final String redisUrl, final Path config, final Path state)
    {
        return CoreRun.replay(recording, redisUrl, dir.resolve("spill"), "--config", config.toString(),
            "--state-dir", state.toString());
    }
}
