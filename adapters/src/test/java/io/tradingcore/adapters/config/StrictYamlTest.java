package io.tradingcore.adapters.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A configuration file that is not exactly understood is refused, naming its file, line and key. */
class StrictYamlTest
{
    private static final Path SHIPPED = Path.of("..", "run", "config");

    @TempDir
    Path dir;

    private String refused(final String yaml) throws IOException
    {
        final Path base = dir.resolve("base.yaml");
        Files.write(base, yaml.getBytes(StandardCharsets.UTF_8));
        final String message = assertThrows(ConfigException.class, () -> ConfigLoader.load(new String[0], Map.of(), dir)).getMessage();
        assertTrue(message.startsWith("file " + base + ", line "), message);
        return message;
    }

    private static void assertNames(final String message, final String... parts)
    {
        for (final String part : parts)
        {
            assertTrue(message.contains(part), "names " + part + ": " + message);
        }
    }

    @Test
    void aMisIndentedLineBeforeRiskDoesNotDropTheRiskLimits() throws IOException
    {
        final String risk = "risk:\n  maxOrderNotional: 100\n  dailyDrawdownLimit: 50\n";
        assertNames(refused("ring:\n  size: 4096\n    topology: compact\n" + risk), "line 3:", "topology: compact");
        assertNames(refused("ring:\n  size: 4096\n cpus: []\n" + risk), "line 3:", "cpus: []");
        assertNames(refused("ring:\n  size: 4096\n garbage\n" + risk), "line 3:", "garbage");
        assertNames(refused(risk + " maxOpenOrders: 3\n"), "line 4:", "maxOpenOrders");
        assertNames(refused(risk + "   maxOpenOrders: 3\n"), "line 4:", "maxOpenOrders");
    }

    @Test
    void tabsAreRefused() throws IOException
    {
        assertNames(refused("risk:\n  maxOrderNotional: 100\n\tdailyDrawdownLimit: 50\n"), "line 3:", "tab");
    }

    @Test
    void aMappingOnItsKeysLineIsRefused() throws IOException
    {
        assertNames(refused("risk:\n  maxOrderNotional: b: c\n"), "line 2:", "risk.maxOrderNotional", "a: b: c");
    }

    @Test
    void aDuplicateKeyIsRefusedInsteadOfTheLastWinning() throws IOException
    {
        assertNames(refused("risk:\n  maxOrderNotional: 100\n  # again\n  maxOrderNotional: 900\n"),
            "line 4:", "duplicate key risk.maxOrderNotional", "first on line 2");
        assertNames(refused("risk: {maxOpenOrders: 1, maxOpenOrders: 2}\n"), "line 1:", "duplicate key risk.maxOpenOrders");
        assertNames(refused("risk:\n  maxOpenOrders: 1\nrisk:\n  maxOpenOrders: 2\n"), "line 3:", "duplicate key risk");
    }

    @Test
    void anUnknownKeyNamesItsLine() throws IOException
    {
        assertNames(refused("# limits\nrisk:\n  maxOrderNotional: 100\n  maxOrderNotionall: 200\n"),
            "line 4:", "unknown key risk.maxOrderNotionall");
        assertNames(refused("kraken:\n  book: {enabled: true, dept: 25}\n"), "line 2:", "unknown key kraken.book.dept");
    }

    @Test
    void anUnknownStrategyParameterIsRefusedNamingTheOnesTheStrategyReads() throws IOException
    {
        assertNames(refused("strategies:\n  scalp:\n    params:\n      imbalance_min: 0.5\n      imbalance_mn: 0.3\n"),
            "line 5:", "strategies.scalp.params.imbalance_mn", "imbalance_min", "flow_min", "cooldown_s");
        assertNames(refused("strategies:\n  trend:\n    params: {ema_fast: 9, bb_k: 2}\n"), "line 3:", "strategies.trend.params.bb_k");
    }

    @Test
    void badValuesNameTheirLine() throws IOException
    {
        assertNames(refused("\nring:\n  size: 1000\n"), "line 3:", "ring.size = 1000");
    }

    @Test
    void theShippedFilesAndEveryKnownStrategyParameterAreUnderstood() throws Exception
    {
        for (final String environment : new String[] {"development", "staging", "production"})
        {
            final TradingConfig config = ConfigLoader.load(new String[] {"--env", environment}, Map.of(), SHIPPED);
            assertEquals(500.0, config.risk().maxOrderNotional(), environment);
            assertEquals(250.0, config.risk().dailyDrawdownLimit(), environment);
        }
        Files.writeString(dir.resolve("base.yaml"), "strategies:\n  scalp:\n    params: {imbalance_min: 0.5, \"cooldown_s\": 60}\n" +
            "  mean_reversion:\n    params:\n      rsi_low: 25\n");
        final TradingConfig config = ConfigLoader.load(new String[0], Map.of(), dir);
        assertEquals(0.5, config.param("scalp", "imbalance_min", 0.4));
        assertEquals(60.0, config.param("scalp", "cooldown_s", 900));
        assertEquals(25.0, config.param("mean_reversion", "rsi_low", 30));
    }
}
