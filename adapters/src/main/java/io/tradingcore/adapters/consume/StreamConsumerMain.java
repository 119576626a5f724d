package io.tradingcore.adapters.consume;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.tradingcore.adapters.redis.RedisUrl;
import io.tradingcore.core.stream.StreamCatalog;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * run/consume: reads a stream of the core as a member of a consumer group and prints each entry as
 * one JSON line on stdout, acknowledging it after printing. Without --stream it reads the stream that
 * {@code signals:active} names. Exit codes: 0 done, 2 bad arguments, 1 Redis or runtime failure.
 */
public final class StreamConsumerMain
{
    private static final String USAGE = String.join("\n",
        "Usage: consume [options]",
        "  --redis URL       Redis to read (default REDIS_URL, else redis://127.0.0.1:6379)",
        "  --stream NAME     the stream to read (default: the stream named by GET signals:active)",
        "  --group G         consumer group, created at the stream's end if missing (default consumers)",
        "  --from-start      create a missing group at the stream's first entry instead (to read a finished run)",
        "  --consumer C      this consumer's name in the group (default: the host name)",
        "  --count N         stop after N entries (default: run until stopped)",
        "  --block-ms MS     how long one read waits for new entries (default 5000)",
        "  --dedup-window N  entries whose id field was printed within the last N are acknowledged, not printed",
        "                    again: the core's writer may redeliver an entry after a Redis outage (default 10000)",
        "  --help            print this help",
        "Each entry prints as {\"id\":...,\"stream\":...,\"fields\":{...}} and is acknowledged after printing;",
        "entries read but not acknowledged by an earlier run of the same consumer are printed first.",
        "");
    private static final int BATCH = 100;
    private static final int DEDUP_WINDOW = 10_000;

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
        final String redisUrl;
        String stream = null;
        String group = "consumers";
        String consumerName = null;
        long count = -1;
        long blockMs = 5_000;
        long dedupWindow = DEDUP_WINDOW;
        boolean fromStart = false;
        String url = env.getOrDefault("REDIS_URL", "");
        try
        {
            for (int i = 0; i < args.length; i++)
            {
                final String option = args[i];
                if ("--help".equals(option) || "-h".equals(option))
                {
                    out.print(USAGE);
                    return 0;
                }
                if ("--from-start".equals(option))
                {
                    fromStart = true;
                    continue;
                }
                if (i + 1 >= args.length)
                {
                    throw new IllegalArgumentException(option + " needs a value, or is unknown");
                }
                final String value = args[++i];
                switch (option)
                {
                    case "--redis" -> url = value;
                    case "--stream" -> stream = value;
                    case "--group" -> group = value;
                    case "--consumer" -> consumerName = value;
                    case "--count" -> count = positive(option, value);
                    case "--block-ms" -> blockMs = positive(option, value);
                    case "--dedup-window" -> dedupWindow = Math.min(positive(option, value), 10_000_000);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            redisUrl = url.isEmpty() ? "redis://127.0.0.1:6379" : url;
            if (consumerName == null)
            {
                consumerName = env.getOrDefault("HOSTNAME", "");
                consumerName = consumerName.isEmpty() ? InetAddress.getLocalHost().getHostName() : consumerName;
            }
        }
        catch (final IllegalArgumentException | UnknownHostException e)
        {
            err.println("consume: " + e.getMessage() + " (see --help)");
            return 2;
        }

        final RedisURI uri;
        try
        {
            // a blocking read must end before the command times out
            uri = RedisUrl.parse(redisUrl).toRedisUri(Duration.ofMillis(blockMs + 10_000));
        }
        catch (final IllegalArgumentException e)
        {
            err.println("consume: --redis / REDIS_URL " + e.getMessage() + " (see --help)");
            return 2;
        }
        final RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> connection = client.connect())
        {
            final RedisCommands<String, String> redis = connection.sync();
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
            final StreamConsumer consumer = new StreamConsumer(redis, stream, group, consumerName, blockMs, (int)dedupWindow);
            final boolean created = consumer.ensureGroup(fromStart);
            err.println("consume: reading " + stream + " as " + consumerName + " in group " + group + " (" +
                (!created ? "existing group: from where it stopped" : fromStart ? "new group: from the first entry" :
                    "new group: new entries only; --from-start reads what is there") + ")");
            final StreamConsumer.EntryHandler printer = (s, id, fields) -> out.println(EntryLine.of(s, id, fields));
            while (running.get() && (count < 0 || consumer.handled() < count))
            {
                final long left = count < 0 ? BATCH : Math.min(BATCH, count - consumer.handled());
                consumer.poll(printer, (int)left);
            }
            out.flush();
            return 0;
        }
        catch (final RedisException e)
        {
            err.println("consume: Redis failed: " + e.getMessage());
            return 1;
        }
        finally
        {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    private static long positive(final String option, final String value)
    {
        try
        {
            final long n = Long.parseLong(value);
            if (n > 0)
            {
                return n;
            }
        }
        catch (final NumberFormatException e)
        {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a positive whole number, got " + value);
    }
}
