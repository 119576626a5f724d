package io.tradingcore.run;

import io.tradingcore.adapters.redis.RedisServerFixture;
import io.tradingcore.adapters.state.RiskStateFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Restarting the process does not bypass the kill switch: a run trips it, is stopped as SIGTERM stops
 * it, and the next run over the same UTC day (the same recording again) restores it before the first
 * event and sends no order.
 */
class RiskStateRestartTest
{
    @TempDir
    Path dir;

    @Test
    void aTrippedKillSwitchStaysTrippedAcrossARestartOnTheSameDay() throws Exception
    {
        final Path recording = TestRecording.write(dir.resolve("session.jsonl"));
        final Path config = Files.writeString(dir.resolve("tight.yaml"), "risk:\n  dailyDrawdownLimit: 0.01\n");
        final Path state = dir.resolve("state");
        try (RedisServerFixture redis = RedisServerFixture.plain(); RedisReadBack streams = new RedisReadBack(redis.url()))
        {
            final CoreRun first = CoreRun.start(Map.of(), args(recording, redis.url(), config, state));
            assertTrue(streams.awaitEntry("risk:alerts:kraken", e -> "true".equals(e.get("trip")), Duration.ofSeconds(60)),
                "the first run trips the kill switch");
            first.stop().assertExit(TradingCoreMain.EXIT_OK);
            assertTrue(streams.length("orders:requests") > 0, "orders left before the trip");
        }
        final String kept = Files.readString(state.resolve(RiskStateFile.NAME));
        assertTrue(kept.contains("kill_switch_tripped=true"), kept);

        try (RedisServerFixture redis = RedisServerFixture.plain(); RedisReadBack streams = new RedisReadBack(redis.url()))
        {
            CoreRun.run(args(recording, redis.url(), config, state)).assertExit(TradingCoreMain.EXIT_OK);
            assertEquals(0, streams.length("orders:requests"), "no order leaves after the restart");
            final List<RedisReadBack.Entry> restored = streams.entries("events:bus", "event", "state_restored");
            assertEquals(1, restored.size());
            assertEquals("true", restored.get(0).get("kill_switch_tripped"));
            assertTrue(streams.entries("risk:alerts:kraken", "rule", "kill_switch").size() > 0,
                "every signal is refused by the kill switch");
        }
    }

    private List<String> args(final Path recording, final String redisUrl, final Path config, final Path state)
    {
        return CoreRun.replay(recording, redisUrl, dir.resolve("spill"), "--config", config.toString(),
            "--state-dir", state.toString());
    }
}
