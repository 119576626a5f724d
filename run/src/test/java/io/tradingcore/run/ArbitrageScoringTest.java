package io.tradingcore.run;

import io.tradingcore.adapters.redis.RedisServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The triangular scorer reports to {@code arb:scored}: at Kraken's fees the synthetic mispricings
 * never pay for three taker legs, so the run takes them off ({@code --config} with a zero-fee schedule).
 */
class ArbitrageScoringTest
{
    private static final Pattern OPPORTUNITIES = Pattern.compile("arbitrage opportunities ([\\d,]+)");

    @TempDir
    Path dir;

    @Test
    void mispricingsOfTheTriangleAreScoredAtMostOncePerSecondOfMarketTime() throws IOException
    {
        final Path config = Files.writeString(dir.resolve("no-fees.yaml"),
            "fees:\n  tiers: [[0, 0, 0]]\npaper:\n  slippageBps: 0\n");
        final Path recording = TestRecording.write(dir.resolve("session.jsonl"), 10_000, TestRecording.EVENT_GAP_MICROS);
        try (RedisServerFixture redis = RedisServerFixture.plain(); RedisReadBack streams = new RedisReadBack(redis.url()))
        {
            final CoreRun run = CoreRun.run(CoreRun.replay(recording, redis.url(), dir.resolve("spill"),
                "--config", config.toString())).assertExit(TradingCoreMain.EXIT_OK);
            final List<RedisReadBack.Entry> scored = streams.entries("arb:scored");
            assertFalse(scored.isEmpty(), "arb:scored has entries");
            final Matcher reported = OPPORTUNITIES.matcher(run.out());
            assertTrue(reported.find(), run.out());
            assertEquals(Long.parseLong(reported.group(1).replace(",", "")), scored.size());
            Instant previous = Instant.MIN;
            for (final RedisReadBack.Entry e : scored)
            {
                assertEquals("arb.opportunity", e.get("type"));
                assertEquals("BTC/USD,ETH/USD,ETH/BTC", e.get("triangle"));
                assertTrue(Double.parseDouble(e.get("net_edge_bps")) >= 5, "above the 5 bps threshold: " + e);
                assertTrue(Double.parseDouble(e.get("notional_quote")) > 0, e.toString());
                final Instant at = Instant.parse(e.get("timestamp"));
                assertFalse(at.isBefore(previous.plusSeconds(1)), "a second apart: " + previous + " then " + at);
                previous = at;
            }
        }
    }
}
