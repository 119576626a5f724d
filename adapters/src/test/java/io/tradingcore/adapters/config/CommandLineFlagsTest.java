package io.tradingcore.adapters.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The flags as picocli parses them: both spellings, the last one winning, and the standalone answers. */
class CommandLineFlagsTest
{
    @TempDir
    Path dir;

    @Test
    void flagsTakeTheirValueEitherWayAndTheLastOneWins() throws ConfigException
    {
        final TradingConfig config = ConfigLoader.load(new String[] {"--env=staging", "--symbols", "BTC/USD, ETH/USD",
            "--log-format", "text", "--log-format=json", "--arm-live", "--report", "out"}, Map.of(), dir);
        assertEquals("staging", config.environment().id());
        assertEquals(List.of("BTC/USD", "ETH/USD"), config.kraken().symbols());
        assertEquals("json", config.logs().format());
        assertTrue(config.liveArmed());
        assertEquals("out", config.logs().reportDir());
    }

    @Test
    void aBadFlagIsNamed()
    {
        assertEquals("command line flag --redis needs a value: --redis URL",
            assertThrows(ConfigException.class, () -> ConfigLoader.load(new String[] {"--redis"}, Map.of(), dir)).getMessage());
        assertEquals("command line flag --logsdir is unknown; run with --help for the list",
            assertThrows(ConfigException.class, () -> ConfigLoader.load(new String[] {"--logsdir", "x"}, Map.of(), dir)).getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(new String[] {"--arm-live=yes"}, Map.of(), dir))
            .getMessage().contains("--arm-live"));
        assertTrue(assertThrows(ConfigException.class, () -> ConfigLoader.load(new String[] {"--log-level", "loud"}, Map.of(), dir))
            .getMessage().contains("logs.level"));
    }

    @Test
    void helpVersionAndCompletionStandAlone()
    {
        assertNull(ConfigLoader.standaloneOutput(new String[] {"--env", "staging"}));
        assertEquals(ConfigLoader.usage(), ConfigLoader.standaloneOutput(new String[] {"--bogus", "-h"}));
        assertTrue(ConfigLoader.usage().contains("--log-format=NAME") && ConfigLoader.usage().contains("LOGS_DIRECTORY=DIR"),
            ConfigLoader.usage());
        assertTrue(ConfigLoader.standaloneOutput(new String[] {"--version"}).startsWith("trading-core "));
        final String completion = ConfigLoader.standaloneOutput(new String[] {"--completion"});
        assertTrue(completion.contains("complete -F") && completion.contains("--wait-strategy"), completion);
    }
}
