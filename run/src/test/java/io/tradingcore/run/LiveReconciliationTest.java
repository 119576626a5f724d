package io.tradingcore.run;

import io.tradingcore.adapters.redis.RedisServerFixture;
import io.tradingcore.adapters.sim.KrakenPrivateEndpoint;
import io.tradingcore.adapters.sim.KrakenSimulator;
import io.tradingcore.adapters.sim.KrakenSimulatorSettings;
import io.tradingcore.adapters.state.RiskStateFile;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.risk.RiskState;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A LIVE restart whose kept positions disagree with the account: the simulator's account holds 10 BTC
 * and 10 ETH, the state dir says 9.5 BTC and 10 ETH, so the first balances snapshot after the
 * authenticated connection comes up is one {@code balance_mismatch} on events:bus, for BTC only.
 */
class LiveReconciliationTest
{
    private static final String API_KEY = "test-key";
    private static final String API_SECRET =
        Base64.getEncoder().encodeToString("a test secret that is not a credential".getBytes(StandardCharsets.US_ASCII));
    private static final List<String> SYMBOLS = List.of("BTC/USD", "ETH/USD");

    @TempDir
    Path dir;

    private Path keptState(final long btc, final long eth) throws Exception
    {
        final Path state = Files.createDirectories(dir.resolve("state"));
        final SymbolTable symbols = new SymbolTable();
        final RiskState kept = new RiskState(SymbolTable.MAX_SYMBOLS);
        kept.eventMicros = System.currentTimeMillis() * 1_000L;
        hold(kept, symbols.intern("BTC/USD"), btc);
        hold(kept, symbols.intern("ETH/USD"), eth);
        new RiskStateFile(state).write(kept, symbols);
        return state;
    }

    private static void hold(final RiskState kept, final int symbolId, final long qty)
    {
        kept.traded[symbolId] = true;
        kept.position[symbolId] = qty;
        kept.qtyPrecision[symbolId] = 8;
        kept.pricePrecision[symbolId] = 1;
    }

    @Test
    void aKeptPositionThatIsNotTheAccountsBalanceIsReportedOnEventsBus() throws Exception
    {
        final Path state = keptState(950_000_000L, 1_000_000_000L);
        try (KrakenSimulator kraken = new KrakenSimulator(new KrakenSimulatorSettings().symbols(SYMBOLS)
                .framesPerSecond(1_000).privateAccount(API_KEY, API_SECRET)).start(0);
            RedisServerFixture redis = RedisServerFixture.plain();
            RedisReadBack streams = new RedisReadBack(redis.url()))
        {
            final KrakenPrivateEndpoint auth = kraken.privateEndpoint();
            final Path config = Files.writeString(dir.resolve("simulated-kraken.yaml"),
                "kraken:\n  publicUrl: " + kraken.uri() + "\n  privateUrl: " + auth.uri() + "\n  restUrl: "
                    + auth.restUri() + "\n  symbols: [BTC/USD, ETH/USD]\n  ohlc:\n    intervals: [1, 5]\n"
                    + "ring:\n  size: 4096\n  topology: compact\n  waitStrategy: yielding\n");
            final CoreRun run = CoreRun.start(Map.of("KRAKEN_API_KEY", API_KEY, "KRAKEN_API_SECRET", API_SECRET),
                List.of("--env", "production", "--arm-live", "--feed", "kraken", "--config", config.toString(),
                    "--redis", redis.url(), "--spill-path", dir.resolve("spill").toString(),
                    "--state-dir", state.toString()));

            assertTrue(streams.awaitEntry("events:bus", e -> "balance_mismatch".equals(e.get("difference")),
                Duration.ofSeconds(60)), "the difference on events:bus");
            run.stop().assertExit(TradingCoreMain.EXIT_OK);

            final List<RedisReadBack.Entry> differences = streams.entries("events:bus", "difference", "balance_mismatch");
            assertEquals(1, differences.size(), "BTC only: ETH agrees, USD is a quote");
            final RedisReadBack.Entry btc = differences.get(0);
            assertEquals("reconcile_difference", btc.get("event"));
            assertEquals("BTC", btc.get("asset"));
            assertEquals("9.50000000", btc.get("position"));
            assertEquals("10", btc.get("balance"));
            assertEquals("0.50000000", btc.get("delta"));
        }
    }
}
