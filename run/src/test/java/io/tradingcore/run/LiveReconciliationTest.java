package io.tradingcore.run;

import io.tradingcore.adapters.redis.RedisServerFixture;
import io.tradingcore.adapters.sim.KrakenSimulator;
import io.tradingcore.adapters.state.RiskStateFile;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.risk.RiskState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A LIVE restart whose kept positions disagree with the account: the simulator's account holds 10 BTC
 * and 10 ETH, the state dir says 9.5 BTC and 10 ETH, so the first balances snapshot after the
 * authenticated connection comes up is one {@code balance_mismatch} on events:bus, for BTC only.
 */
class LiveReconciliationTest
{

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
        try (KrakenSimulator kraken = LiveCore.simulator(List.of("BTC/USD", "ETH/USD"), 1_000);
            RedisServerFixture redis = RedisServerFixture.plain();
            RedisReadBack streams = new RedisReadBack(redis.url()))
        {
            final CoreRun run = LiveCore.start(dir, kraken, redis.url(), "  symbols: [BTC/USD, ETH/USD]\n",
                "--state-dir", state.toString());

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
