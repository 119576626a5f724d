package io.tradingcore.bench;

import com.sun.management.ThreadMXBean;
import io.lettuce.core.cluster.SlotHash;
import io.tradingcore.adapters.config.RedisSettings;
import io.tradingcore.adapters.redis.RedisConnector;
import io.tradingcore.adapters.redis.RedisStreamWriter;
import io.tradingcore.adapters.redis.RedisWriterOptions;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.stream.EntryWriter;
import io.tradingcore.core.stream.Environment;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.StreamCatalog;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Throughput of the Redis adapter end to end: entries encoded with EntryWriter into the Outbox, drained by
 * the writer thread and pipelined as XADD MAXLEN ~ 10000 to a redis-server, timed until Redis acknowledged
 * the last one. A plain main, not JMH: the figure is a drain rate, not a per-call cost.
 * <p>
 * Per round it prints entries/s, the bytes allocated and the CPU time per entry of the writer thread and of
 * Lettuce's I/O threads (ThreadMXBean; CPU time per entry does not depend on what else the box runs), and
 * the CPU time of the JVM's GC threads as a share of the process's CPU time (both from /proc, Linux only;
 * pause wall time would count the time a loaded box leaves the GC threads waiting). Before and after the rounds it runs
 * {@code redis-benchmark -P 64 -c 4} with the same 7-field entry against the same server (when
 * redis-benchmark is on the PATH), so the ratio is measured side by side. Its last line, for
 * {@code run/bench redis-writer}, sums the rounds after the first (the warm-up): entries per second and the
 * bytes allocated per entry by every thread of the JVM.
 * <p>
 * With {@code --cluster} the URL is a Redis Cluster's comma-separated seed list and the entries go round
 * {@link #CLUSTER_KEYS} {@code kraken:fills:<symbol>} streams (kept, like the signal), chosen so that each
 * sixth of the hash slots holds as many: as even a load for one, two or three masters with equal slot ranges
 * as one stream is for a single server. redis-benchmark is not run then.
 * <pre>
 * redis-server --port 6390 --bind 127.0.0.1 --save "" --appendonly no --daemonize yes
 * java --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED -cp jmh-benchmarks/target/benchmarks.jar \
 *     io.tradingcore.bench.RedisWriterThroughput redis://127.0.0.1:6390 [entries] [rounds] [--cluster]
 * </pre>
 */
public final class RedisWriterThroughput
{
    static final String NAME = "redis-writer";
    private static final String ENTRY_TIMESTAMP = "2026-12-04T19:20:00.123456Z";
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
    private static final int CLOCK_TICKS_PER_SECOND = 100;
    private static final Pattern RATE = Pattern.compile("([0-9.]+) requests per second");
    /** The entry the writer sends below (field names, value lengths, a 6-digit seq), for redis-benchmark. */
    private static final String[] SAME_ENTRY = {"type", "signal", "strategy", "trend", "symbol", "BTC/USD",
        "side", "buy", "confidence", "0.8125", "seq", "123456", "timestamp", ENTRY_TIMESTAMP};
    /** Streams written round-robin against a cluster: 4 in each sixth of the hash slots. */
    private static final int CLUSTER_KEYS = 24;
    private static final String[] SHORT_ENTRY = {"f1", "v1", "f2", "v2", "f3", "v3", "f4", "v4", "f5", "v5",
        "f6", "v6", "f7", "v7"};

    private RedisWriterThroughput()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final String url = args.length > 0 ? args[0] : "redis://127.0.0.1:6390";
        final int entries = args.length > 1 ? Integer.parseInt(args[1]) : 300_000;
        final int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        final boolean cluster = args.length > 3 && "--cluster".equals(args[3]);
        final URI uri = cluster ? null : URI.create(url);
        // the same entry the writer sends below (field names, value lengths, a 6-digit seq)
        final double sameEntryBefore = cluster ? 0 : redisBenchmark(uri, SAME_ENTRY);
        final double shortEntry = cluster ? 0 : redisBenchmark(uri, SHORT_ENTRY);
        final SymbolTable symbols = new SymbolTable();
        final int stream = cluster ? StreamCatalog.KRAKEN_FILLS : StreamCatalog.SIGNALS_PAPER;
        final int[] symbolIds = cluster ? spreadSymbols(symbols) : new int[] {-1};

        final StreamCatalog catalog = new StreamCatalog();
        final Outbox outbox = new Outbox(catalog);
        final EntryWriter writer = new EntryWriter(outbox);
        final Path journal = Files.createTempFile("throughput", ".spill");
        final RedisWriterOptions options = new RedisWriterOptions().journalFile(journal)
            .batchSize(RedisSettings.DEFAULT_BATCH_SIZE);
        final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
        final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean)ManagementFactory.getOperatingSystemMXBean();
        final long timestampMicros = 1_796_412_000_123_456L;
        double best = 0;
        long measuredEntries = 0;
        long measuredNanos = 0;
        long measuredBytes = 0;
        final RedisConnector connector = cluster
            ? RedisConnector.cluster(url, null, RedisConnector.DEFAULT_COMMAND_TIMEOUT) : new RedisConnector(url);
        try (RedisStreamWriter redis = new RedisStreamWriter(connector, outbox, symbols, Environment.DEVELOPMENT, options)
            .start())
        {
            long seq = 100_000;
            for (int round = 0; round < rounds; round++)
            {
                final long allocatedBefore = allocatedByAllThreads(threads);
                final long[] writerIds = threadIds("redis-writer");
                final long[] ioIds = threadIds("lettuce-");
                final long writerBytes = allocated(threads, writerIds);
                final long ioBytes = allocated(threads, ioIds);
                final long writerCpu = cpu(threads, writerIds);
                final long ioCpu = cpu(threads, ioIds);
                final long gcTicks = gcCpuTicks();
                final long cpuNs = os.getProcessCpuTime();
                final long written = redis.written(stream);
                final long start = System.nanoTime();
                for (int i = 0; i < entries; i++, seq++)
                {
                    writer.begin(stream, symbolIds[i % symbolIds.length], -1)
                        .string(TYPE, SIGNAL).string(STRATEGY, TREND).string(SYMBOL, BTC).string(SIDE, BUY)
                        .decimal(CONFIDENCE, 8125, 4).integer(SEQ, seq).timestamp(TIMESTAMP, timestampMicros)
                        .publish();
                }
                if (!redis.awaitDrained(Duration.ofMinutes(2)))
                {
                    throw new IllegalStateException("not drained in 2 minutes");
                }
                final long nanos = System.nanoTime() - start;
                final double seconds = nanos / 1e9;
                final long done = redis.written(stream) - written;
                final double rate = done / seconds;
                if (round > 0)
                {
                    best = Math.max(best, rate);
                    measuredEntries += done;
                    measuredNanos += nanos;
                    measuredBytes += allocatedByAllThreads(threads) - allocatedBefore;
                }
                final double cpuMs = (os.getProcessCpuTime() - cpuNs) / 1e6;
                final double gcCpuMs = (gcCpuTicks() - gcTicks) * 1000.0 / CLOCK_TICKS_PER_SECOND;
                System.out.printf(
                    "round %d%s: %,d entries (7 fields) in %.3f s = %,.0f entries/s; per entry: writer thread " +
                    "%.1f B %.2f us CPU, Lettuce I/O threads %.1f B %.2f us CPU; GC threads %.0f ms CPU = %.1f%% " +
                    "of %.0f ms process CPU; producer waits %d, reconnects %d%n",
                    round, round == 0 ? " (warm-up)" : "", done, seconds, rate,
                    (allocated(threads, writerIds) - writerBytes) / (double)done,
                    (cpu(threads, writerIds) - writerCpu) / 1e3 / done,
                    (allocated(threads, ioIds) - ioBytes) / (double)done,
                    (cpu(threads, ioIds) - ioCpu) / 1e3 / done,
                    gcCpuMs, 100.0 * gcCpuMs / cpuMs, cpuMs,
                    outbox.keptWaits(stream), redis.reconnects());
            }
        }
        Files.deleteIfExists(journal);
        final double sameEntryAfter = cluster ? 0 : redisBenchmark(uri, SAME_ENTRY);
        if (sameEntryBefore > 0)
        {
            final double sameEntry = (sameEntryBefore + sameEntryAfter) / 2;
            System.out.printf("writer best %,.0f entries/s = %.0f%% of redis-benchmark with the same entry " +
                "(mean of %,.0f/s before and %,.0f/s after; %,.0f/s with f1 v1 ... f7 v7)%n",
                best, 100 * best / sameEntry, sameEntryBefore, sameEntryAfter, shortEntry);
        }
        if (measuredEntries == 0)
        {
            throw new IllegalArgumentException("nothing measured: give at least 2 rounds (the first warms up)");
        }
        System.out.println(new BenchLine(NAME)
            .put("entries_per_s", measuredEntries * 1e9 / measuredNanos)
            .put("alloc_bytes_per_entry", measuredBytes / (double)measuredEntries));
    }

    /**
     * Interns {@link #CLUSTER_KEYS} symbols whose {@code kraken:fills:<symbol>} keys fall evenly on the six
     * sixths of the hash slots; returns their ids.
     */
    private static int[] spreadSymbols(final SymbolTable symbols)
    {
        final int perSixth = CLUSTER_KEYS / 6;
        final int[] taken = new int[6];
        final int[] ids = new int[CLUSTER_KEYS];
        int found = 0;
        for (int n = 0; found < CLUSTER_KEYS; n++)
        {
            final String symbol = "B" + n + "/USD";
            final int sixth = SlotHash.getSlot("kraken:fills:" + symbol) * 6 / SlotHash.SLOT_COUNT;
            if (taken[sixth] < perSixth)
            {
                taken[sixth]++;
                ids[found++] = symbols.intern(symbol);
            }
        }
        return ids;
    }

    /** Bytes allocated so far by every live thread (producer, writer, Lettuce I/O), as {@code -prof gc} counts them. */
    private static long allocatedByAllThreads(final ThreadMXBean threads)
    {
        long sum = 0;
        for (final long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds()))
        {
            sum += Math.max(0, bytes);
        }
        return sum;
    }

    /** XADD/s of {@code redis-benchmark -P 64 -c 4 -n 1000000} with the given fields, or 0 without redis-benchmark. */
    private static double redisBenchmark(final URI uri, final String[] fields) throws Exception
    {
        final List<String> command = new ArrayList<>(List.of("redis-benchmark", "-h", uri.getHost(),
            "-p", Integer.toString(uri.getPort()), "-P", "64", "-c", "4", "-n", "1000000", "-q",
            "XADD", "bench", "MAXLEN", "~", "10000", "*"));
        command.addAll(List.of(fields));
        final Process process;
        try
        {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        }
        catch (final java.io.IOException ex)
        {
            System.out.println("redis-benchmark not run: " + ex.getMessage());
            return 0;
        }
        double rate = 0;
        try (BufferedReader out = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII)))
        {
            String line;
            while ((line = out.readLine()) != null)
            {
                // -q rewrites its progress line with '\r'; the summary is the last segment
                final String last = line.substring(line.lastIndexOf('\r') + 1);
                final Matcher matcher = RATE.matcher(last);
                if (matcher.find())
                {
                    rate = Double.parseDouble(matcher.group(1));
                }
            }
        }
        process.waitFor();
        System.out.printf("%s: %,.0f XADD/s%n", String.join(" ", command), rate);
        return rate;
    }

    private static long[] threadIds(final String namePrefix)
    {
        return Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().startsWith(namePrefix)).mapToLong(Thread::getId).toArray();
    }

    private static long allocated(final ThreadMXBean threads, final long[] ids)
    {
        long sum = 0;
        for (final long bytes : threads.getThreadAllocatedBytes(ids))
        {
            sum += Math.max(0, bytes);
        }
        return sum;
    }

    private static long cpu(final ThreadMXBean threads, final long[] ids)
    {
        long sum = 0;
        for (final long id : ids)
        {
            sum += Math.max(0, threads.getThreadCpuTime(id));
        }
        return sum;
    }

    /** User and system clock ticks of the JVM's GC threads (G1: "GC Thread#n", "G1 ..."), from /proc. */
    private static long gcCpuTicks() throws java.io.IOException
    {
        long ticks = 0;
        try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc/self/task")))
        {
            for (final Path task : (Iterable<Path>)tasks::iterator)
            {
                final String stat;
                try
                {
                    stat = Files.readString(task.resolve("stat"));
                }
                catch (final java.io.IOException ex)
                {
                    continue; // the thread ended
                }
                final String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (name.startsWith("GC Thread") || name.startsWith("G1 "))
                {
                    final String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                }
            }
        }
        return ticks;
    }
}
