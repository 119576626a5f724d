package io.tradingcore.run;

import io.tradingcore.adapters.redis.RedisServerFixture;
import io.tradingcore.adapters.sim.KrakenPrivateEndpoint;
import io.tradingcore.adapters.sim.KrakenSimulator;
import io.tradingcore.adapters.sim.SyntheticMarket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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
    @TempDir
    Path dir;

    @Test
    void armedProductionSendsOrdersToKrakenAndRecordsTheExchangesFills() throws Exception
    {
        final List<String> symbols = SyntheticMarket.defaultSymbols();
        try (KrakenSimulator kraken = LiveCore.simulator(symbols, 5_000);
            RedisServerFixture redis = RedisServerFixture.plain();
            RedisReadBack streams = new RedisReadBack(redis.url()))
        {
            final KrakenPrivateEndpoint auth = kraken.privateEndpoint();
            final CoreRun run = LiveCore.start(dir, kraken, redis.url(), "");

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
