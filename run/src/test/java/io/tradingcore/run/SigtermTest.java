package io.tradingcore.run;

import io.tradingcore.adapters.redis.RedisServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
    private static final String MAIN = "io.tradingcore.run.TradingCoreMain";

    @TempDir
    Path dir;

    @Test
    void sigtermStopsTheProcessCleanlyWithTheStopEventWritten() throws Exception
    {
        try (RedisServerFixture redis = RedisServerFixture.plain(); RedisReadBack streams = new RedisReadBack(redis.url()))
        {
            final Path output = dir.resolve("trading-core.out");
            final List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions());
            command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "-Dtrading.home=" + CoreRun.home(), MAIN,
                "--feed", "sim", "--redis", redis.url(), "--spill-path", dir.resolve("spill").toString(),
                "--topology", "compact", "--wait-strategy", "yielding"));
            final Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
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

    /** The JVM flags of the launch scripts (tuning/jvm-base.options), comments and blank lines left out. */
    private static List<String> jvmOptions() throws Exception
    {
        final List<String> options = new ArrayList<>();
        for (final String line : Files.readAllLines(CoreRun.home().resolve("tuning").resolve("jvm-base.options")))
        {
            final String option = line.strip();
            if (!option.isEmpty() && !option.startsWith("#"))
            {
                options.add(option);
            }
        }
        assertTrue(options.stream().anyMatch(o -> o.startsWith("--add-")), "module flags: " + options);
        return options;
    }
}
