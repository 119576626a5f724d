package io.tradingcore.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher as a real process (for signals: SIGTERM, SIGKILL), with the launch scripts' JVM flags, output to a file. */
final class CoreProcess
{
    private static final String MAIN = "io.tradingcore.run.TradingCoreMain";

    private CoreProcess()
    {
    }

    static Process start(final Path output, final List<String> args) throws Exception
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "-Dtrading.home=" + CoreRun.home(), MAIN));
        command.addAll(CoreRun.withOwnState(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    /**
     * A named pipe at {@code path}, for a replay that is still running when it is signalled: the process
     * reads it as its feed, which stays open, as Kraken's does, until the test closes it.
     */
    static Path feedPipe(final Path path) throws Exception
    {
        assertEquals(0, new ProcessBuilder("mkfifo", path.toString()).start().waitFor(), "mkfifo " + path);
        return path;
    }

    /** One heartbeat frame into a feed pipe: the replay reads between frames only, so this is when it sees a stop. */
    static void heartbeat(final OutputStream pipe) throws IOException
    {
        pipe.write("{\"channel\":\"heartbeat\"}\n".getBytes(StandardCharsets.US_ASCII));
        pipe.flush();
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
