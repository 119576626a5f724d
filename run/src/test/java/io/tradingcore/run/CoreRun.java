package io.tradingcore.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One run of the launcher inside the test JVM ({@link TradingCoreMain#run}) on its own thread: what
 * it printed, its exit code, and the figures of its run summary.
 */
final class CoreRun
{
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);
    private static final Pattern CHECKSUMS = Pattern.compile("checksums verified ([\\d,]+), failed ([\\d,]+)");
    private static final Pattern RECONNECTS = Pattern.compile("reconnects ([\\d,]+)");
    private static final Pattern RESYNCED = Pattern.compile("; resynced ([\\d,]+);");

    private final ShutdownSignal shutdown = new ShutdownSignal();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Thread thread;
    private volatile int exitCode = -1;

    private CoreRun(final Map<String, String> env, final List<String> args)
    {
        final String[] argv = withOwnState(args).toArray(new String[0]);
        thread = new Thread(() -> exitCode = TradingCoreMain.run(argv, env, home(),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
            shutdown), "trading-core-under-test");
    }

    /**
     * {@code args} with a fresh {@code --state-dir} unless they name one: risk state kept across restarts
     * would otherwise carry positions and a tripped kill switch from one test's run into the next.
     */
    static List<String> withOwnState(final List<String> args)
    {
        if (args.contains("--state-dir") || args.contains("--help") || args.contains("--print-config"))
        {
            return args;
        }
        final List<String> all = new ArrayList<>(args);
        try
        {
            all.addAll(List.of("--state-dir", Files.createTempDirectory("trading-core-state").toString()));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return all;
    }

    /** The repository root: surefire runs in {@code run/}, and the launcher reads {@code run/config} from the root. */
    static Path home()
    {
        return Path.of("..").toAbsolutePath().normalize();
    }

    /** The arguments of a replay of {@code recording} into {@code redisUrl}, spilling into {@code spill}, then {@code more}. */
    static List<String> replay(final Path recording, final String redisUrl, final Path spill, final String... more)
    {
        final List<String> args = new ArrayList<>(List.of("--feed", "replay:" + recording, "--redis", redisUrl,
            "--spill-path", spill.toString(), "--topology", "compact", "--wait-strategy", "yielding"));
        args.addAll(List.of(more));
        return args;
    }

    /** Runs to the end (a replay, or a run that fails to start) with no environment variables. */
    static CoreRun run(final List<String> args)
    {
        return run(Map.of(), args);
    }

    static CoreRun run(final Map<String, String> env, final List<String> args)
    {
        return start(env, args).await();
    }

    static CoreRun start(final Map<String, String> env, final List<String> args)
    {
        final CoreRun run = new CoreRun(env, args);
        run.thread.start();
        return run;
    }

    /** Asks the stop a SIGTERM would ask, then waits for the drain, flush and summary. */
    CoreRun stop()
    {
        shutdown.request();
        return await();
    }

    CoreRun await()
    {
        try
        {
            thread.join(RUN_TIMEOUT.toMillis());
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        if (thread.isAlive())
        {
            shutdown.request();
            fail("the core did not finish within " + RUN_TIMEOUT + "; output:\n" + out() + err());
        }
        return this;
    }

    boolean running()
    {
        return thread.isAlive();
    }

    int exitCode()
    {
        return exitCode;
    }

    String out()
    {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err()
    {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Fails with everything the run printed unless it exited with {@code expected}. */
    CoreRun assertExit(final int expected)
    {
        assertTrue(exitCode == expected, "exit code " + exitCode + ", expected " + expected + "; output:\n" + out()
            + "\nerrors:\n" + err());
        return this;
    }

    long checksumsVerified()
    {
        return summary(CHECKSUMS, 1);
    }

    long checksumsFailed()
    {
        return summary(CHECKSUMS, 2);
    }

    long booksResynced()
    {
        return summary(RESYNCED, 1);
    }

    long redisReconnects()
    {
        return summary(RECONNECTS, 1);
    }

    /** Entries written to {@code stream} by the summary's per-stream table; 0 when the stream is not listed. */
    long written(final String stream)
    {
        final Matcher m = Pattern.compile("^  " + Pattern.quote(stream) + " +([\\d,]+)$", Pattern.MULTILINE).matcher(out());
        return m.find() ? number(m.group(1)) : 0;
    }

    private long summary(final Pattern pattern, final int group)
    {
        final Matcher m = pattern.matcher(out());
        if (!m.find())
        {
            fail("no match for " + pattern + " in the run summary:\n" + out());
        }
        return number(m.group(group));
    }

    private static long number(final String grouped)
    {
        return Long.parseLong(grouped.replace(",", ""));
    }
}
