package io.tradingcore.adapters.consume;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisStreamCommands;
import io.lettuce.core.api.sync.RedisStringCommands;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.tradingcore.adapters.cli.BuildVersion;
import io.tradingcore.adapters.redis.RedisUrl;
import io.tradingcore.core.stream.StreamCatalog;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * run/consume: reads a stream of the core as a member of a consumer group and prints each entry as
 * one JSON line on stdout, acknowledging it after printing. Without --stream it reads the stream that
 * {@code signals:active} names. Exit codes: 0 done, 2 bad arguments, 1 Redis or runtime failure.
 * picocli parses the flags and writes --help, --version and the bash completion script.
 */
public final class StreamConsumerMain
{
    private static final int BATCH = 100;
    private static final int DEDUP_WINDOW = 10_000;

    @Command(name = "consume", sortOptions = false, mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Reads a stream of the trading core as a member of a Redis consumer group.",
        footer = {"Each entry prints as {\"id\":...,\"stream\":...,\"fields\":{...}} and is acknowledged after printing;",
            "entries read but not acknowledged by an earlier run of the same consumer are printed first.",
            "Exit codes: 0 done, 2 bad arguments, 1 Redis or runtime failure."})
    private static final class Options
    {
        @Option(names = "--redis", paramLabel = "URL", description = "Redis to read (default REDIS_URL, else redis://127.0.0.1:6379)")
        private String redis;
        @Option(names = "--redis-cluster", description = "--redis names seed nodes of a Redis Cluster (comma-separated URLs)")
        private boolean cluster;
        @Option(names = "--stream", paramLabel = "NAME", description = "the stream to read (default: the stream named by GET signals:active)")
        private String stream;
        @Option(names = "--group", paramLabel = "G", description = "consumer group, created at the stream's end if missing (default consumers)")
        private String group = "consumers";
        @Option(names = "--from-start", description = "create a missing group at the stream's first entry instead (to read a finished run)")
        private boolean fromStart;
        @Option(names = "--consumer", paramLabel = "C", description = "this consumer's name in the group (default: the host name)")
        private String consumer;
        @Option(names = "--count", paramLabel = "N", description = "stop after N entries (default: run until stopped)")
        private Long count;
        @Option(names = "--block-ms", paramLabel = "MS", description = "how long one read waits for new entries (default 5000)")
        private long blockMs = 5_000;
        @Option(names = "--dedup-window", paramLabel = "N", description = {"entries whose id field was printed within the last N are acknowledged, not printed",
            "again: the core's writer may redeliver an entry after a Redis outage (default 10000)"})
        private long dedupWindow = DEDUP_WINDOW;
        @Option(names = "--completion", description = "print a bash completion script for consume and exit")
        private boolean completion;
    }

    private StreamConsumerMain()
    {
    }

    public static void main(final String[] args)
    {
        final AtomicBoolean running = new AtomicBoolean(true);
        final CountDownLatch finished = new CountDownLatch(1);
        // on SIGTERM: stop reading and let the current batch be printed and acknowledged
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            running.set(false);
            try
            {
                finished.await(10, TimeUnit.SECONDS);
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
            }
        }, "consume-shutdown"));
        final int code = run(args, System.getenv(), System.out, System.err, running);
        finished.countDown();
        if (running.get())
        {
            System.exit(code);
        }
    }

    /** Runs the consumer until {@code count} entries are done or {@code running} turns false; returns the exit code. */
    static int run(
        final String[] args,
        final Map<String, String> env,
        final PrintStream out,
        final PrintStream err,
        final AtomicBoolean running)
    {
        final Options options = new Options();
        final CommandLine command = new CommandLine(options);
        final String redisUrl;
        String stream;
        String consumerName;
        try
        {
            command.parseArgs(args);
            if (command.isVersionHelpRequested())
            {
                command.printVersionHelp(out);
                return 0;
            }
            if (command.isUsageHelpRequested() || options.completion)
            {
                out.print(options.completion ? AutoComplete.bash("consume", command) : command.getUsageMessage());
                return 0;
            }
            if (options.count != null)
            {
                positive("--count", options.count);
            }
            positive("--block-ms", options.blockMs);
            positive("--dedup-window", options.dedupWindow);
            final String url = options.redis != null ? options.redis : env.getOrDefault("REDIS_URL", "");
            redisUrl = url.isEmpty() ? "redis://127.0.0.1:6379" : url;
            stream = options.stream;
            consumerName = options.consumer;
            if (consumerName == null)
            {
                consumerName = env.getOrDefault("HOSTNAME", "");
                consumerName = consumerName.isEmpty() ? InetAddress.getLocalHost().getHostName() : consumerName;
            }
        }
        catch (final CommandLine.ParameterException | IllegalArgumentException | UnknownHostException e)
        {
            err.println("consume: " + e.getMessage() + " (see --help)");
            return 2;
        }
        final String group = options.group;
        final long count = options.count == null ? -1 : options.count;
        final long blockMs = options.blockMs;

        final List<RedisURI> uris = new ArrayList<>();
        try
        {
            for (final String one : options.cluster ? RedisUrl.seeds(redisUrl) : List.of(redisUrl))
            {
                // a blocking read must end before the command times out
                uris.add(RedisUrl.parse(one).toRedisUri(Duration.ofMillis(blockMs + 10_000)));
            }
        }
        catch (final IllegalArgumentException e)
        {
            err.println("consume: --redis / REDIS_URL " + e.getMessage() + " (see --help)");
            return 2;
        }
        final Reading reading = new Reading(stream, group, consumerName, count, blockMs,
            (int)Math.min(options.dedupWindow, 10_000_000), options.fromStart);
        final RedisClusterClient clusterClient = options.cluster ? RedisClusterClient.create(uris) : null;
        final RedisClient client = options.cluster ? null : RedisClient.create(uris.get(0));
        try (StatefulConnection<String, String> connection = options.cluster ? clusterClient.connect() : client.connect())
        {
            // a cluster connection sends each read to the master that owns the stream, following MOVED/ASK
            return connection instanceof StatefulRedisClusterConnection<String, String> cluster
                ? read(cluster.sync(), reading, out, err, running)
                : read(((StatefulRedisConnection<String, String>)connection).sync(), reading, out, err, running);
        }
        catch (final RedisException e)
        {
            err.println("consume: Redis failed: " + e.getMessage());
            return 1;
        }
        finally
        {
            (options.cluster ? clusterClient : client).shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    /** What to read and how, from the flags. */
    private record Reading(String stream, String group, String consumer, long count, long blockMs, int dedupWindow,
        boolean fromStart)
    {
    }

    /** Reads until {@code count} entries are done or {@code running} turns false, over one server or a cluster. */
    private static <R extends RedisStreamCommands<String, String> & RedisStringCommands<String, String>> int read(
        final R redis, final Reading reading, final PrintStream out, final PrintStream err, final AtomicBoolean running)
    {
        String stream = reading.stream();
        if (stream == null)
        {
            stream = redis.get(StreamCatalog.SIGNALS_ACTIVE_KEY);
            if (stream == null)
            {
                err.println("consume: " + StreamCatalog.SIGNALS_ACTIVE_KEY +
                    " is not set (the core sets it on start); name a stream with --stream");
                return 1;
            }
        }
        final StreamConsumer consumer = new StreamConsumer(redis, stream, reading.group(), reading.consumer(),
            reading.blockMs(), reading.dedupWindow());
        final boolean created = consumer.ensureGroup(reading.fromStart());
        err.println("consume: reading " + stream + " as " + reading.consumer() + " in group " + reading.group() + " (" +
            (!created ? "existing group: from where it stopped" : reading.fromStart() ? "new group: from the first entry" :
                "new group: new entries only; --from-start reads what is there") + ")");
        final StreamConsumer.EntryHandler printer = (s, id, fields) -> out.println(EntryLine.of(s, id, fields));
        final long count = reading.count();
        while (running.get() && (count < 0 || consumer.handled() < count))
        {
            final long left = count < 0 ? BATCH : Math.min(BATCH, count - consumer.handled());
            consumer.poll(printer, (int)left);
        }
        out.flush();
        return 0;
    }

    /** Fails naming the flag unless {@code value} is positive. */
    private static void positive(final String option, final long value)
    {
        if (value <= 0)
        {
            throw new IllegalArgumentException(option + " needs a positive whole number, got " + value);
        }
    }
}
