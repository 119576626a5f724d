package io.tradingcore.adapters.redis.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Administers the fixtures' servers through {@code redis-cli}, so that forming, failing over and
 * resharding a cluster never goes through the Lettuce code under test.
 */
final class RedisCli
{
    private static final long TIMEOUT_SECONDS = 60;

    private RedisCli()
    {
    }

    /** One command against {@code 127.0.0.1:port}; its raw output, or an exception naming the command. */
    static String call(final int port, final String... args)
    {
        final List<String> command = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", Integer.toString(port)));
        command.addAll(List.of(args));
        return run(command);
    }

    /** {@code redis-cli --cluster <subcommand> ...} (create, reshard, check), answering yes. */
    static String cluster(final String... args)
    {
        final List<String> command = new ArrayList<>(List.of("redis-cli", "--cluster"));
        command.addAll(List.of(args));
        command.add("--cluster-yes");
        return run(command);
    }

    private static String run(final List<String> command)
    {
        try
        {
            final Path out = Files.createTempFile("redis-cli", ".out");
            try
            {
                final Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
                // a SIGSTOPped server accepts the connection and never answers
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                {
                    p.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + ": no answer in " + TIMEOUT_SECONDS + " s");
                }
                final String output = Files.readString(out, StandardCharsets.UTF_8);
                if (p.exitValue() != 0 || output.startsWith("ERR") || output.contains("[ERR]"))
                {
                    throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
                }
                return output;
            }
            finally
            {
                Files.deleteIfExists(out);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("redis-cli is needed for the cluster fixtures (Debian: redis-tools)", ex);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
