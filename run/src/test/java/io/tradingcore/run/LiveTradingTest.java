package io.tradingcore.run;

import io.tradingcore.adapters.redis.RedisServerFixture;
import io.tradingcore.adapters.sim.KrakenPrivateEndpoint;
import io.tradingcore.adapters.sim.KrakenSimulator;
import io.tradingcore.adapters.sim.KrakenSimulatorSettings;
import io.tradingcore.adapters.sim.SyntheticMarket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * LIVE mode end to end: production with the arming flag, the public feed and the authenticated
 * endpoint both served by the simulator over loopback. A signal becomes an intent, the order client
 * fetches a signed token, sends add_order, and the exchange's confirmations and fill land on
 * orders:confirmations and kraken:fills:{symbol}; nothing goes to the paper stream.
 */
class LiveTradingTest
{
    private static final String API_KEY = "test-key";
    private static final String API_SECRET =
        Base64.getEncoder().encodeToString("a test secret that is not a credential".getBytes(StandardCharsets.US_ASCII));

    @TempDir
    Path dir;

    @Test
    void armedProductionSendsOrdersToKrakenAndRecordsTheExchangesFills() throws Exception
    {
        final List<String> symbols = SyntheticMarket.defaultSymbols();
        try (KrakenSimulator kraken = new KrakenSimulator(new KrakenSimulatorSettings().symbols(symbols)
                .framesPerSecond(5_000).privateAccount(API_KEY, API_SECRET)).start(0);
            RedisServerFixture redis = RedisServerFixture.plain();
            RedisReadBack streams = new RedisReadBack(redis.url()))
        {
            final KrakenPrivateEndpoint auth = kraken.privateEndpoint();
            final Path config = Files.writeString(dir.resolve("simulated-kraken.yaml"),
                "kraken:\n  publicUrl: " + kraken.uri() + "\n  privateUrl: " + auth.uri() + "\n  restUrl: "
                    + auth.restUri() + "\n  ohlc:\n    intervals: [1, 5]\n"
                    + "ring:\n  size: 4096\n  topology: compact\n  waitStrategy: yielding\n");
            final CoreRun run = CoreRun.start(Map.of("KRAKEN_API_KEY", API_KEY, "KRAKEN_API_SECRET", API_SECRET),
                List.of("--env", "production", "--arm-live", "--feed", "kraken", "--config", config.toString(),
                    "--redis", redis.url(), "--spill-path", dir.resolve("spill").toString()));

            assertTrue(streams.awaitEntry("orders:confirmations", e -> "execution.fill".equals(e.get("type")),
                Duration.ofSeconds(60)), "a live fill within a minute of simulated trading");
            run.stop().assertExit(TradingCoreMain.EXIT_OK);

            assertEquals("signals:live", streams.get("signals:active"));
            final List<RedisReadBack.Entry> intents = streams.entries("orders:requests");
            assertFalse(intents.isEmpty(), "intents passed risk");
            final RedisReadBack.Entry fill = streams.entries("orders:confirmations", "type", "execution.fill").get(0);
            assertTrue(streams.length("kraken:fills:" + fill.get("symbol")) > 0, "the fill on kraken:fills:{symbol}");
            assertTrue(auth.requests().stream().anyMatch(r -> r.contains("\"add_order\"")), "add_order reached Kraken");
            assertTrue(auth.requests().stream().anyMatch(r -> r.contains("cancel_all_orders_after")), "dead-man switch armed");
            assertEquals(0, streams.length("exec:paper:confirms"), "nothing on the paper stream in LIVE mode");
            assertTrue(streams.keys().stream().noneMatch(k -> k.startsWith("signals:paper") || k.startsWith("signals:staging")));
        }
    }
}
