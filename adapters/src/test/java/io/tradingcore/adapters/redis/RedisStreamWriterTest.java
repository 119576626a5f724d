package io.tradingcore.adapters.redis;

import io.tradingcore.adapters.config.RedisSettings;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.stream.EntryWriter;
import io.tradingcore.core.stream.Environment;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.StreamCatalog;
import io.tradingcore.core.stream.Timeframe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The writer against a real redis-server: keys and fields, trimming, signals:active, outages, spill and replay. */
@Timeout(90)
final class RedisStreamWriterTest
{
    private static final byte[] TYPE = EntryWriter.ascii("type");
    private static final byte[] SEQ = EntryWriter.ascii("seq");
    private static final byte[] STRATEGY = EntryWriter.ascii("strategy");
    private static final byte[] SYMBOL = EntryWriter.ascii("symbol");
    private static final byte[] CONFIDENCE = EntryWriter.ascii("confidence");
    private static final byte[] TIMESTAMP = EntryWriter.ascii("timestamp");
    private static final byte[] FEATURES = EntryWriter.ascii("features");
    private static final byte[] RSI = EntryWriter.ascii("rsi");
    private static final byte[] CLOSE = EntryWriter.ascii("close");
    private static final String BTC = "BTC/USD";

    private static RedisServerFixture redis;
    private static RedisProbe probe;

    @TempDir
    Path dir;

    private final StreamCatalog catalog = new StreamCatalog();
    private final SymbolTable symbols = new SymbolTable();
    private final Outbox outbox = new Outbox(catalog, 1024 * 1024, 50);
    private final EntryWriter entries = new EntryWriter(outbox);
    private final int btc = symbols.intern(BTC);

    @BeforeAll
    static void startRedis()
    {
        redis = RedisServerFixture.plain();
    }

    @AfterAll
    static void stopRedis()
    {
        if (probe != null)
        {
            probe.close();
        }
        redis.close();
    }

    @BeforeEach
    void emptyRedis()
    {
        if (!redis.running())
        {
            redis.start();
        }
        probe().flushAll();
    }

    @Test
    void entriesLandInTheirKeysWithTheirFieldsInOrder()
    {
        try (RedisStreamWriter writer = writer(options().journalFile(dir.resolve("j.spill"))))
        {
            assertTrue(entries.begin(StreamCatalog.SIGNALS_PAPER, btc, Timeframe.ofName("5m"))
                .string(TYPE, "signal").string(STRATEGY, "trend").string(SYMBOL, BTC)
                .decimal(CONFIDENCE, 875, 3).timestamp(TIMESTAMP, 1_795_624_776_123_456L)
                .beginJson(FEATURES).jsonObjectStart().jsonKey(RSI).jsonDecimal(6125, 2).jsonObjectEnd().endJson()
                .publish());
            assertTrue(entries.begin(StreamCatalog.MD_CANDLES_SYMBOL, btc, Timeframe.ofName("1m"))
                .string(TYPE, "candle").decimal(CLOSE, 6_512_345, 2).publish());
            assertTrue(entries.begin(StreamCatalog.KRAKEN_OHLC, btc, Timeframe.ofName("1h"))
                .string(TYPE, "ohlc").publish());

            assertTrue(writer.awaitDrained(Duration.ofSeconds(10)));

            final List<Map<String, String>> signals = probe().entries("signals:paper");
            assertEquals(1, signals.size());
            assertEquals(List.of("type", "strategy", "symbol", "confidence", "timestamp", "features"),
                List.copyOf(signals.get(0).keySet()));
            assertEquals("0.875", signals.get(0).get("confidence"));
            assertEquals("2026-11-25T16:39:36.123456Z", signals.get(0).get("timestamp"));
            assertEquals("{\"rsi\":61.25}", signals.get(0).get("features"));
            assertEquals("65123.45", probe().entries("md:candles:BTC/USD:1m").get(0).get("close"));
            assertEquals("ohlc", probe().entries("kraken:ohlc:1h:BTC/USD").get(0).get("type"));
            assertEquals("signals:paper", probe().get(StreamCatalog.SIGNALS_ACTIVE_KEY));
            assertEquals(1, writer.written(StreamCatalog.SIGNALS_PAPER));
            assertEquals(
                Map.of("signals:paper", 1L, "md:candles:BTC/USD:1m", 1L, "kraken:ohlc:1h:BTC/USD", 1L),
                writer.writtenByKey());
        }
    }

    @Test
    void maxLenApproximatelyTrimsTheStream()
    {
        final int total = 25_000;
        try (RedisStreamWriter writer = writer(options().journalFile(dir.resolve("j.spill"))))
        {
            for (int i = 0; i < total; i++)
            {
                assertTrue(kept(StreamCatalog.EVENTS_BUS, i));
            }
            assertTrue(writer.awaitDrained(Duration.ofSeconds(30)));
            assertEquals(total, writer.written(StreamCatalog.EVENTS_BUS));
        }
        final long length = probe().length("events:bus");
        assertTrue(length >= StreamCatalog.DEFAULT_MAXLEN && length <= StreamCatalog.DEFAULT_MAXLEN + 200,
            "XLEN " + length);
        final List<Map<String, String>> kept = probe().entries("events:bus");
        assertEquals(Integer.toString(total - 1), kept.get(kept.size() - 1).get("seq"));
    }

    @Test
    void signalsActiveIsSetAgainAfterRedisRestarts()
    {
        try (RedisStreamWriter writer = new RedisStreamWriter(new RedisConnector(redis.url()), outbox, symbols,
            Environment.PRODUCTION, options().journalFile(dir.resolve("j.spill"))).start())
        {
            await(writer::connected);
            assertEquals("signals:live", probe().get(StreamCatalog.SIGNALS_ACTIVE_KEY));

            redis.stop();
            redis.start();
            await(() -> writer.reconnects() == 1 && writer.connected());
            assertEquals("signals:live", probe().get(StreamCatalog.SIGNALS_ACTIVE_KEY));
        }
    }

    @Test
    void keptEntriesSurviveAnOutageInProductionOrder()
    {
        final RedisWriterOptions options = options()
            .journalFile(dir.resolve("j.spill")).queueBytes(128 * 1024);
        final List<Integer> keptSeqs = new ArrayList<>();
        int marketData = 0;
        try (RedisStreamWriter writer = writer(options))
        {
            await(writer::connected);
            int seq = 0;
            for (int phase = 0; phase < 3; phase++)
            {
                if (phase == 1)
                {
                    redis.stopSaving();
                }
                if (phase == 2)
                {
                    redis.start();
                }
                for (int i = 0; i < 3000; i++, seq++)
                {
                    if (phase != 1 && i % 100 == 0)
                    {
                        pause();
                    }
                    if (seq % 3 == 0)
                    {
                        assertTrue(kept(StreamCatalog.SIGNALS_PAPER, seq));
                        keptSeqs.add(seq);
                    }
                    else
                    {
                        marketData(seq);
                        marketData++;
                    }
                }
            }
            assertTrue(writer.awaitDrained(Duration.ofSeconds(30)));
            assertTrue(writer.reconnects() >= 1);
            assertTrue(writer.shed(StreamCatalog.MD_TRADES_SYMBOL) > 0, "the outage overflowed the bound");
            assertTrue(writer.spilled() > 0 && writer.replayed() == writer.spilled());
            assertEquals(0, outbox.keptWaits(StreamCatalog.SIGNALS_PAPER), "a producer waited");

            assertEquals(keptSeqs, firstOccurrences("signals:paper"));
            final long mdSeen = firstOccurrences("md:trades:BTC/USD").size();
            assertEquals(marketData,
                mdSeen + writer.shed(StreamCatalog.MD_TRADES_SYMBOL) + outbox.shed(StreamCatalog.MD_TRADES_SYMBOL));
        }
    }

    @Test
    void theJournalTakesKeptEntriesPastTheBoundAndIsReplayedInOrder()
    {
        redis.stop();
        final Path journal = dir.resolve("j.spill");
        final RedisWriterOptions options = options().journalFile(journal).queueBytes(4096)
            .reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(50));
        final List<Integer> keptSeqs = new ArrayList<>();
        try (RedisStreamWriter writer = writer(options))
        {
            for (int seq = 0; seq < 2000; seq++)
            {
                if (seq % 4 == 3)
                {
                    marketData(seq);
                }
                else
                {
                    assertTrue(kept(seq % 2 == 0 ? StreamCatalog.SIGNALS_PAPER : StreamCatalog.ORDERS_REQUESTS, seq));
                    keptSeqs.add(seq);
                }
            }
            await(() -> outbox.isEmpty());
            assertTrue(writer.spilled() > 1000, "spilled " + writer.spilled());
            assertTrue(writer.shed(StreamCatalog.MD_TRADES_SYMBOL) > 0);
            assertFalse(writer.awaitDrained(Duration.ofMillis(100)));

            redis.start();
            assertTrue(writer.awaitDrained(Duration.ofSeconds(30)));
            assertEquals(writer.spilled(), writer.replayed());
            assertTrue(!Files.exists(journal) || sizeOf(journal) == 0, "the journal was truncated");

            final List<Integer> seen = new ArrayList<>(firstOccurrences("signals:paper"));
            seen.addAll(firstOccurrences("orders:requests"));
            seen.sort(null);
            assertEquals(keptSeqs, seen);
            assertEquals(keptSeqs.stream().filter(s -> s % 2 == 0).toList(), firstOccurrences("signals:paper"));
            assertEquals(keptSeqs.stream().filter(s -> s % 2 == 1).toList(), firstOccurrences("orders:requests"));
        }
    }

    @Test
    void aJournalLeftByAPreviousWriterIsReplayedAtStart()
    {
        redis.stop();
        final Path journal = dir.resolve("j.spill");
        final RedisWriterOptions options = options().journalFile(journal).queueBytes(8192)
            .closeTimeout(Duration.ofMillis(500));
        final List<Integer> keptSeqs = new ArrayList<>();
        final RedisStreamWriter first = writer(options);
        for (int seq = 0; seq < 500; seq++)
        {
            assertTrue(kept(StreamCatalog.EXEC_PAPER_CONFIRMS, seq));
            keptSeqs.add(seq);
        }
        await(() -> outbox.isEmpty());
        first.close();
        assertTrue(sizeOf(journal) > 0, "close left the unwritten entries in the journal");

        redis.start();
        try (RedisStreamWriter second = writer(options))
        {
            for (int seq = 500; seq < 600; seq++)
            {
                assertTrue(kept(StreamCatalog.EXEC_PAPER_CONFIRMS, seq));
                keptSeqs.add(seq);
            }
            assertTrue(second.awaitDrained(Duration.ofSeconds(30)));
            assertEquals(keptSeqs, firstOccurrences("exec:paper:confirms"));
            assertTrue(second.replayed() >= 500, "replayed " + second.replayed());
        }
        assertFalse(Files.exists(journal), "an empty journal is deleted at close");
    }

    @Test
    void anErrorReplyNoRetryCanFixRejectsThatEntryAndTheRestIsWritten()
    {
        probe().commands().set(EntryWriter.ascii("signals:paper"), EntryWriter.ascii("not a stream"));
        try (RedisStreamWriter writer = writer(options().journalFile(dir.resolve("j.spill"))))
        {
            for (int seq = 0; seq < 20; seq++)
            {
                assertTrue(kept(seq % 2 == 0 ? StreamCatalog.SIGNALS_PAPER : StreamCatalog.EVENTS_BUS, seq));
            }
            assertTrue(writer.awaitDrained(Duration.ofSeconds(10)));
            assertEquals(10, writer.rejected(StreamCatalog.SIGNALS_PAPER));
            assertEquals(0, writer.written(StreamCatalog.SIGNALS_PAPER));
            assertEquals(10, writer.written(StreamCatalog.EVENTS_BUS));
            assertEquals(10, writer.writeErrors());
            assertEquals(0, writer.reconnects());
            assertEquals(List.of(1, 3, 5, 7, 9, 11, 13, 15, 17, 19), firstOccurrences("events:bus"));
        }
    }

    @Test
    void anErrorReplyARetryMayFixDropsTheLinkAndEverythingIsResentInOrder() throws InterruptedException
    {
        final RedisWriterOptions options = options().journalFile(dir.resolve("j.spill"))
            .reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(50));
        try (RedisStreamWriter writer = writer(options))
        {
            await(writer::connected);
            probe().commands().configSet("maxmemory", "1"); // every write is refused with OOM
            try
            {
                for (int seq = 0; seq < 200; seq++)
                {
                    assertTrue(kept(StreamCatalog.SIGNALS_PAPER, seq));
                }
                await(() -> writer.writeErrors() > 0);
                Thread.sleep(200);
            }
            finally
            {
                probe().commands().configSet("maxmemory", "0");
            }
            assertTrue(writer.awaitDrained(Duration.ofSeconds(10)));
            assertEquals(0, writer.rejected(StreamCatalog.SIGNALS_PAPER));
            assertEquals(200, writer.written(StreamCatalog.SIGNALS_PAPER));
            assertTrue(writer.reconnects() >= 1);
            assertEquals(seqs(0, 200), firstOccurrences("signals:paper"));
        }
    }

    @Test
    void aBatchUnansweredForTheCommandTimeoutIsALostLinkAndIsResent()
    {
        final RedisWriterOptions options = options().journalFile(dir.resolve("j.spill"))
            .reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(50));
        try (RedisStreamWriter writer = new RedisStreamWriter(
            new RedisConnector(redis.url(), null, Duration.ofMillis(300)), outbox, symbols, Environment.DEVELOPMENT,
            options).start())
        {
            await(writer::connected);
            probe().commands().clientPause(1500); // Redis holds every reply for 1.5 s
            for (int seq = 0; seq < 200; seq++)
            {
                assertTrue(kept(StreamCatalog.SIGNALS_PAPER, seq));
            }
            assertTrue(writer.awaitDrained(Duration.ofSeconds(20)));
            assertTrue(writer.reconnects() >= 1, "the unanswered batch dropped the link");
            assertTrue(writer.writeErrors() > 0);
            assertEquals(seqs(0, 200), firstOccurrences("signals:paper"));
        }
    }

    private RedisStreamWriter writer(final RedisWriterOptions options)
    {
        return new RedisStreamWriter(new RedisConnector(redis.url()), outbox, symbols, Environment.DEVELOPMENT, options)
            .start();
    }

    private boolean kept(final int stream, final int seq)
    {
        return entries.begin(stream, -1, -1).string(TYPE, "event").integer(SEQ, seq).publish();
    }

    private void marketData(final int seq)
    {
        entries.begin(StreamCatalog.MD_TRADES_SYMBOL, btc, -1).string(TYPE, "trade").integer(SEQ, seq)
            .decimal(CLOSE, 6_512_345, 2).publish();
    }

    private static List<Integer> seqs(final int from, final int to)
    {
        final List<Integer> seqs = new ArrayList<>();
        for (int seq = from; seq < to; seq++)
        {
            seqs.add(seq);
        }
        return seqs;
    }

    /** The seq of every entry of the stream, duplicates (at-least-once) removed, first occurrence kept. */
    private List<Integer> firstOccurrences(final String key)
    {
        final LinkedHashSet<Integer> seqs = new LinkedHashSet<>();
        for (final Map<String, String> entry : probe().entries(key))
        {
            seqs.add(Integer.parseInt(entry.get("seq")));
        }
        return List.copyOf(seqs);
    }

    private static RedisProbe probe()
    {
        if (probe == null || !probe.isOpen())
        {
            if (probe != null)
            {
                probe.close();
            }
            probe = new RedisProbe(redis.url());
        }
        return probe;
    }

    private static long sizeOf(final Path file)
    {
        try
        {
            return Files.size(file);
        }
        catch (final java.io.IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    /** Spreads production over time so that Redis stops while commands are in flight. */
    private static void pause()
    {
        try
        {
            Thread.sleep(1);
        }
        catch (final InterruptedException ex)
        {
            throw new AssertionError(ex);
        }
    }

    private static void await(final BooleanSupplier condition)
    {
        final long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("condition not met in 20 s");
            }
            try
            {
                Thread.sleep(5);
            }
            catch (final InterruptedException ex)
            {
                throw new AssertionError(ex);
            }
        }
    }

    /** The writer's settings with the configuration's batch size. */
    private static RedisWriterOptions options()
    {
        return new RedisWriterOptions().batchSize(RedisSettings.DEFAULT_BATCH_SIZE);
    }
}
