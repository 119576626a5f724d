package io.tradingcore.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bad command line or configuration stops the launcher with exit code 2 and a message naming what is wrong. */
class BadConfigTest
{
    @TempDir
    Path dir;

    static Stream<Arguments> badCommandLines()
    {
        return Stream.of(
            Arguments.of(List.of("--bogus"), "--bogus"),
            Arguments.of(List.of("--env", "foo"), "environment"),
            Arguments.of(List.of("--topology", "foo"), "ring.topology"),
            Arguments.of(List.of("--feed", "replay:/missing"), "feed.source"),
            Arguments.of(List.of("--feed", "replay:/missing"), "/missing"),
            Arguments.of(List.of("--redis"), "--redis"));
    }

    @ParameterizedTest
    @MethodSource("badCommandLines")
    void aBadFlagOrValueExitsWithTwoAndNamesTheKey(final List<String> args, final String named)
    {
        final CoreRun run = CoreRun.run(args).assertExit(TradingCoreMain.EXIT_BAD_CONFIG);
        assertTrue(run.err().contains(named), "the message names " + named + ": " + run.err());
        assertEquals("", run.out(), "nothing ran");
    }

    @Test
    void anUnknownKeyInAConfigFileNamesTheFileAndTheKey() throws IOException
    {
        final Path file = Files.writeString(dir.resolve("custom.yaml"), "ring:\n  sise: 4096\n");
        final CoreRun run = CoreRun.run(List.of("--config", file.toString())).assertExit(TradingCoreMain.EXIT_BAD_CONFIG);
        assertTrue(run.err().contains(file.toString()), "names the file: " + run.err());
        assertTrue(run.err().contains("ring.sise"), "names the key: " + run.err());
    }

    @Test
    void aMisIndentedLineBeforeTheRiskLimitsStopsTheStartNamingItsLine() throws IOException
    {
        final Path file = Files.writeString(dir.resolve("custom.yaml"),
            "ring:\n  size: 4096\n cpus: []\nrisk:\n  maxOrderNotional: 100\n  dailyDrawdownLimit: 50\n");
        final CoreRun run = CoreRun.run(List.of("--config", file.toString(), "--print-config"))
            .assertExit(TradingCoreMain.EXIT_BAD_CONFIG);
        assertTrue(run.err().contains("file " + file + ", line 3: 'cpus: []' is not understood"), run.err());
    }

    @Test
    void helpListsTheFlagsAndExitsZero()
    {
        final CoreRun run = CoreRun.run(List.of("--help")).assertExit(TradingCoreMain.EXIT_OK);
        for (final String flag : List.of("--feed", "--env", "--redis", "--config", "--print-config"))
        {
            assertTrue(run.out().contains(flag), flag + " in\n" + run.out());
        }
    }

    @Test
    void printConfigMasksThePasswordOfTheRedisUrl()
    {
        final CoreRun run = CoreRun.run(Map.of("REDIS_URL", "redis://u:secretpw@127.0.0.1:1"), List.of("--print-config"))
            .assertExit(TradingCoreMain.EXIT_OK);
        assertTrue(run.out().contains("redis://u:****@127.0.0.1:1"), "the URL is shown, its password masked: " + run.out());
        assertFalse(run.out().contains("secretpw"), "the password is not printed");
        assertFalse(run.err().contains("secretpw"), "the password is not printed");
    }

    @Test
    void aReplayIntoAnUnreachableRedisFailsFastWithExitOneAndAMaskedUrl() throws IOException
    {
        final Path recording = Files.writeString(dir.resolve("one-frame.jsonl"), "{\"channel\":\"heartbeat\"}\n");
        final CoreRun run = CoreRun.run(CoreRun.replay(recording, "redis://u:secretpw@127.0.0.1:1", dir.resolve("spill")))
            .assertExit(TradingCoreMain.EXIT_FAULT);
        assertTrue(run.err().contains("fatal: Redis at redis://u:****@127.0.0.1:1 is not reachable"), run.err());
        assertFalse((run.out() + run.err()).contains("secretpw"), "the password is not printed");
    }
}
