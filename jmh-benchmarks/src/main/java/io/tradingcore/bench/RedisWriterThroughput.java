package io.tradingcore.bench;

import io.tradingcore.adapters.redis.RedisConnector;
import io.tradingcore.adapters.redis.RedisStreamWriter;
import io.tradingcore.adapters.redis.RedisWriterOptions;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.stream.EntryWriter;
import io.tradingcore.core.stream.Environment;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.StreamCatalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Throughput of the Redis adapter end to end: entries encoded with EntryWriter into the Outbox, drained by
 * the writer thread and pipelined as XADD MAXLEN ~ 10000 to a redis-server, timed until Redis acknowledged
 * the last one. A plain main, not JMH: the figure is a drain rate, not a per-call cost.
 * <pre>
 * redis-server --port 6390 --bind 127.0.0.1 --save "" --appendonly no --daemonize yes
 * java --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED -cp jmh-benchmarks/target/benchmarks.jar \
 *     io.tradingcore.bench.RedisWriterThroughput redis://127.0.0.1:6390 [entries] [rounds]
 * </pre>
 */
public final class RedisWriterThroughput
{
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
            for (int round = 0; round < rounds; round++)
            {
                final long written = redis.written(StreamCatalog.SIGNALS_PAPER);
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
                final double seconds = (System.nanoTime() - start) / 1e9;
                final long done = redis.written(StreamCatalog.SIGNALS_PAPER) - written;
                System.out.printf("round %d%s: %,d entries (7 fields) in %.3f s = %,.0f entries/s, producer waits %d%n",
                    round, round == 0 ? " (warm-up)" : "", done, seconds, done / seconds,
                    outbox.keptWaits(StreamCatalog.SIGNALS_PAPER));
            }
        }
        Files.deleteIfExists(journal);
    }
}
