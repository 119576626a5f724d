package io.tradingcore.bench;

import io.tradingcore.adapters.redis.RedisConnector;
import io.tradingcore.adapters.redis.RedisStreamWriter;
import io.tradingcore.adapters.redis.RedisWriterOptions;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.stream.EntryWriter;
import io.tradingcore.core.stream.Environment;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.StreamCatalog;

import com.sun.management.ThreadMXBean;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Throughput of the Redis adapter end to end: entries encoded with EntryWriter into the Outbox, drained by
 * the writer thread and pipelined as XADD MAXLEN ~ 10000 to a redis-server, timed until Redis acknowledged
 * the last one. A plain main, not JMH: the figure is a drain rate, not a per-call cost. Its last line,
 * for {@code run/bench redis-writer}, sums the rounds after the first (the warm-up): entries per second
 * and the bytes allocated per entry by every thread of the JVM (producer, writer, Lettuce I/O), as
 * {@code -prof gc} counts them.
 * <pre>
 * redis-server --port 6390 --bind 127.0.0.1 --save "" --appendonly no --daemonize yes
 * java --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED -cp jmh-benchmarks/target/benchmarks.jar \
 *     io.tradingcore.bench.RedisWriterThroughput redis://127.0.0.1:6390 [entries] [rounds]
 * </pre>
 */
public final class RedisWriterThroughput
{
    static final String NAME = "redis-writer";
    private static final byte[] TYPE = EntryWriter.ascii("type");
    private static final byte[] SIGNAL = EntryWriter.ascii("signal");
    private static final byte[] STRATEGY = EntryWriter.ascii("strategy");
    private static final byte[] TREND = EntryWriter.ascii("trend");
    private static final byte[] SYMBOL = EntryWriter.ascii("symbol");
    private static final byte[] BTC = EntryWriter.ascii("BTC/USD");
    private static final byte[] SIDE = EntryWriter.ascii("side");
    private static final byte[] BUY = EntryWriter.ascii("buy");
    private static final byte[] CONFIDENCE = EntryWriter.ascii("confidence");
    private static final byte[] SEQ = EntryWriter.ascii("seq");
    private static final byte[] TIMESTAMP = EntryWriter.ascii("timestamp");

    private RedisWriterThroughput()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final String url = args.length > 0 ? args[0] : "redis://127.0.0.1:6390";
        final int entries = args.length > 1 ? Integer.parseInt(args[1]) : 300_000;
        final int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        final StreamCatalog catalog = new StreamCatalog();
        final Outbox outbox = new Outbox(catalog);
        final EntryWriter writer = new EntryWriter(outbox);
        final Path journal = Files.createTempFile("throughput", ".spill");
        final RedisWriterOptions options = new RedisWriterOptions().journalFile(journal);
        try (RedisStreamWriter redis = new RedisStreamWriter(
            new RedisConnector(url), outbox, new SymbolTable(), Environment.DEVELOPMENT, options).start())
        {
            long seq = 0;
            long measuredEntries = 0;
            long measuredNanos = 0;
            long measuredBytes = 0;
            for (int round = 0; round < rounds; round++)
            {
                final long written = redis.written(StreamCatalog.SIGNALS_PAPER);
                final long allocated = allocatedByAllThreads();
                final long start = System.nanoTime();
                for (int i = 0; i < entries; i++, seq++)
                {
                    writer.begin(StreamCatalog.SIGNALS_PAPER, -1, -1)
                        .string(TYPE, SIGNAL).string(STRATEGY, TREND).string(SYMBOL, BTC).string(SIDE, BUY)
                        .decimal(CONFIDENCE, 8125, 4).integer(SEQ, seq).timestamp(TIMESTAMP, start / 1000)
                        .publish();
                }
                if (!redis.awaitDrained(Duration.ofMinutes(2)))
                {
                    throw new IllegalStateException("not drained in 2 minutes");
                }
                final long nanos = System.nanoTime() - start;
                final double seconds = nanos / 1e9;
                final long done = redis.written(StreamCatalog.SIGNALS_PAPER) - written;
                if (round > 0)
                {
                    measuredEntries += done;
                    measuredNanos += nanos;
                    measuredBytes += allocatedByAllThreads() - allocated;
                }
                System.out.printf("round %d%s: %,d entries (7 fields) in %.3f s = %,.0f entries/s, producer waits %d%n",
                    round, round == 0 ? " (warm-up)" : "", done, seconds, done / seconds,
                    outbox.keptWaits(StreamCatalog.SIGNALS_PAPER));
            }
            if (measuredEntries == 0)
            {
                throw new IllegalArgumentException("nothing measured: give at least 2 rounds (the first warms up)");
            }
            System.out.println(new BenchLine(NAME)
                .put("entries_per_s", measuredEntries * 1e9 / measuredNanos)
                .put("alloc_bytes_per_entry", measuredBytes / (double)measuredEntries));
        }
        Files.deleteIfExists(journal);
    }

    /** Bytes allocated so far by the live threads; one that ends between two calls takes its bytes with it. */
    private static long allocatedByAllThreads()
    {
        final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (final long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds()))
        {
            sum += Math.max(0, bytes);
        }
        return sum;
    }
}
