package io.tradingcore.run;

import io.tradingcore.adapters.redis.RedisServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real process under systemd's stop: SIGTERM while streaming makes the JVM's hook drain the ring,
 * flush Redis and write the stop event, and the process exits 0 (not 143).
 */
class SigtermTest
{
    @TempDir
    Path dir;

    @Test
    void sigtermStopsTheProcessCleanlyWithTheStopEventWritten() throws Exception
    {
        try (RedisServerFixture redis = RedisServerFixture.plain(); RedisReadBack streams = new RedisReadBack(redis.url()))
        {
            final Path output = dir.resolve("trading-core.out");
            final Process process = CoreProcess.start(output, List.of("--feed", "sim", "--redis", redis.url(),
                "--spill-path", dir.resolve("spill").toString(), "--state-dir", dir.resolve("state").toString(),
                "--topology", "compact", "--wait-strategy", "yielding"));
            try
            {
                assertTrue(streams.awaitEntry("events:bus", e -> "start".equals(e.get("event")), Duration.ofSeconds(60)),
                    "the start event; output:\n" + Files.readString(output));
                assertTrue(streams.awaitEntry("md:book:BTC/USD", e -> true, Duration.ofSeconds(30)), "streaming");
                assertTrue(process.isAlive(), "still streaming");
                process.destroy();
                assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the process ended after SIGTERM");
                final String printed = Files.readString(output);
                assertEquals(TradingCoreMain.EXIT_OK, process.exitValue(), printed);
                assertTrue(printed.contains("(stopped by signal)"), "the run summary was printed:\n" + printed);
                assertEquals(List.of("start", "stop"), streams.entries("events:bus").stream()
                    .filter(e -> "event".equals(e.get("type")) && e.get("environment") != null)
                    .map(e -> e.get("event")).toList());
            }
            finally
            {
                process.destroyForcibly();
            }
        }
    }
}
