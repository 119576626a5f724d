package io.tradingcore.adapters.redis;

import io.tradingcore.adapters.Pause;
import io.tradingcore.adapters.config.RedisSettings;
import io.tradingcore.adapters.redis.cluster.RedisClusterFixture;
import io.tradingcore.adapters.redis.cluster.RedisSentinelFixture;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.stream.EntryWriter;
import io.tradingcore.core.stream.Environment;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.StreamCatalog;
import io.tradingcore.core.stream.Timeframe;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The writer against a real Redis Cluster and a real Sentinel group, started by the fixtures: the same
 * entries as one server, and nothing kept lost through a master's failover, a slot migration and a
 * Sentinel failover.
 */
@Tag("cluster")
@Timeout(180)
final class RedisClusterWriterTest
{
    private static final byte[] TYPE = EntryWriter.ascii("type");
    private static final byte[] SEQ = EntryWriter.ascii("seq");
    private static final byte[] CLOSE = EntryWriter.ascii("close");
    private static final String[] SYMBOLS = {"BTC/USD", "ETH/USD", "ETH/BTC", "SOL/USD", "XRP/USD"};
    private static final String SIGNALS = "signals:paper";
    private static final Duration COMMAND_TIMEOUT = Duration.ofMillis(1000);

    @TempDir
    Path dir;

    private final StreamCatalog catalog = new StreamCatalog();
    private final SymbolTable symbols = new SymbolTable();
    private final Outbox outbox = new Outbox(catalog, 4 * 1024 * 1024, 50);
    private final EntryWriter entries = new EntryWriter(outbox);

    @Test
    void theClusterHoldsExactlyTheEntriesOneServerHoldsPerStreamInOrder()
    {
        final Map<String, List<Map<String, String>>> single;
        try (RedisServerFixture server = RedisServerFixture.plain())
        {
            single = writeMix(new RedisConnector(server.url()), key -> server);
        }
        try (RedisClusterFixture cluster = RedisClusterFixture.start(3, 0))
        {
            final Map<String, List<Map<String, String>>> clustered =
                writeMix(RedisConnector.cluster(cluster.seedUrls(), null, COMMAND_TIMEOUT), cluster::ownerOf);
            assertEquals(single.keySet(), clustered.keySet());
            assertEquals(single, clustered);
            assertTrue(clustered.keySet().stream().map(cluster::ownerOf).distinct().count() == 3,
                "the streams spread over every master");
            try (RedisProbe probe = new RedisProbe(cluster.ownerOf(StreamCatalog.SIGNALS_ACTIVE_KEY).url()))
            {
                assertEquals(SIGNALS, probe.get(StreamCatalog.SIGNALS_ACTIVE_KEY));
            }
        }
    }

    @ParameterizedTest(name = "ackReplicas {0}")
    @ValueSource(ints = {0, 1})
    void theMasterOfSignalsPaperDiesMidWriteAndNoKeptEntryIsLostOrReordered(final int ackReplicas)
    {
        try (RedisClusterFixture cluster = RedisClusterFixture.start(3, 1);
            RedisStreamWriter writer = writer(RedisConnector.cluster(cluster.seedUrls(), null, COMMAND_TIMEOUT), ackReplicas))
        {
            awaitConnected(writer);
            final List<Integer> sent = new ArrayList<>();
            final RedisServerFixture promoted = loseMasterMidWrite(cluster, cluster.ownerOf(SIGNALS), SIGNALS, sent);
            if (ackReplicas > 0)
            {
                // the promoted master has no replica left: kept entries wait on it until one is there
                final RedisServerFixture other = cluster.masters().stream().filter(m -> m != promoted).findFirst()
                    .orElseThrow();
                cluster.replicate(cluster.replicaOf(other), promoted);
            }
            for (int seq = 4000; seq < 6000; seq++)
            {
                produceKeptAndMarketData(seq, sent);
            }
            assertTrue(writer.awaitDrained(Duration.ofSeconds(60)));
            assertTrue(writer.reconnects() >= 1, "the link was rebuilt on the new topology");
            assertEquals(sent, firstOccurrences(promoted, SIGNALS));
            assertEquals(sent, firstOccurrences(cluster.ownerOf("events:bus"), "events:bus"));
            final long trades = firstOccurrences(cluster.ownerOf("md:trades:BTC/USD"), "md:trades:BTC/USD").size();
            assertEquals(6000 - sent.size(), trades + writer.shed(StreamCatalog.MD_TRADES_SYMBOL)
                + outbox.shed(StreamCatalog.MD_TRADES_SYMBOL), "market data written or counted as shed");
        }
    }

    @Test
    void aMasterLostMidWriteRepeatsNothingTheOtherMastersAcknowledged()
    {
        try (RedisClusterFixture cluster = RedisClusterFixture.start(3, 1);
            RedisStreamWriter writer = writer(RedisConnector.cluster(cluster.seedUrls(), null, COMMAND_TIMEOUT)))
        {
            awaitConnected(writer);
            final String trades = "md:trades:BTC/USD";
            final RedisServerFixture owner = cluster.ownerOf(trades);
            final RedisServerFixture healthy = cluster.ownerOf(SIGNALS);
            assertTrue(healthy != owner, SIGNALS + " lives on another master than " + trades);
            final List<Integer> sent = new ArrayList<>();
            final RedisServerFixture promoted = loseMasterMidWrite(cluster, owner, trades, sent);
            for (int seq = 4000; seq < 6000; seq++)
            {
                produceKeptAndMarketData(seq, sent);
            }
            assertTrue(writer.awaitDrained(Duration.ofSeconds(60)));
            assertTrue(writer.reconnects() >= 1, "the link was lost and rebuilt");
            assertEquals(sent, everyOccurrence(healthy, SIGNALS), "acknowledged entries are never sent again");
            assertEquals(sent, everyOccurrence(healthy, "events:bus"), "acknowledged entries are never sent again");
            final List<Integer> written = firstOccurrences(promoted, trades);
            assertEquals(written.stream().sorted().toList(), written, "the failed master's stream keeps its order");
            assertEquals(6000 - sent.size(), written.size() + writer.shed(StreamCatalog.MD_TRADES_SYMBOL)
                + outbox.shed(StreamCatalog.MD_TRADES_SYMBOL), "market data written or counted as shed");
        }
    }

    @Test
    void aSlotMigratedMidWriteLosesNothing()
    {
        try (RedisClusterFixture cluster = RedisClusterFixture.start(2, 0);
            RedisStreamWriter writer = writer(RedisConnector.cluster(cluster.seedUrls(), null, COMMAND_TIMEOUT)))
        {
            awaitConnected(writer);
            final RedisServerFixture owner = cluster.ownerOf(SIGNALS);
            final RedisServerFixture target = cluster.masters().stream().filter(m -> m != owner).findFirst().orElseThrow();
            final List<Integer> sent = new ArrayList<>();
            int seq = 0;
            for (; seq < 3000; seq++)
            {
                produceKeptAndMarketData(seq, sent);
            }
            cluster.migrateSlot(SIGNALS, target);
            for (; seq < 6000; seq++)
            {
                produceKeptAndMarketData(seq, sent);
            }
            assertTrue(writer.awaitDrained(Duration.ofSeconds(60)));
            assertEquals(target, cluster.ownerOf(SIGNALS));
            assertEquals(sent, firstOccurrences(target, SIGNALS));
        }
    }

    @Test
    void aReshardByRedisCliMidWriteLosesNothing()
    {
        try (RedisClusterFixture cluster = RedisClusterFixture.start(2, 0);
            RedisStreamWriter writer = writer(RedisConnector.cluster(cluster.seedUrls(), null, COMMAND_TIMEOUT)))
        {
            awaitConnected(writer);
            final RedisServerFixture first = cluster.masters().get(0);
            final RedisServerFixture second = cluster.masters().get(1);
            final List<Integer> sent = new ArrayList<>();
            int seq = 0;
            for (; seq < 2000; seq++)
            {
                produceKeptAndMarketData(seq, sent);
            }
            final Thread producer = new Thread(() ->
            {
                for (int s = 2000; s < 8000; s++)
                {
                    produceKeptAndMarketData(s, null);
                }
            });
            producer.start();
            cluster.reshard(first, second, 8192);
            join(producer);
            for (int s = 2000; s < 8000; s++)
            {
                if (s % 2 == 0)
                {
                    sent.add(s);
                }
            }
            assertTrue(writer.awaitDrained(Duration.ofSeconds(60)));
            assertEquals(sent, firstOccurrences(cluster.ownerOf(SIGNALS), SIGNALS));
            assertEquals(sent, firstOccurrences(cluster.ownerOf("events:bus"), "events:bus"));
        }
    }

    @Test
    void aSentinelFailoverLosesNoKeptEntry()
    {
        try (RedisSentinelFixture group = RedisSentinelFixture.start();
            RedisStreamWriter writer = writer(new RedisConnector(group.url(), null, COMMAND_TIMEOUT)))
        {
            awaitConnected(writer);
            final RedisServerFixture master = group.master();
            final List<Integer> sent = new ArrayList<>();
            int seq = 0;
            for (; seq < 3000; seq++)
            {
                produceKeptAndMarketData(seq, sent);
            }
            master.crash();
            for (; seq < 4000; seq++)
            {
                produceKeptAndMarketData(seq, sent);
            }
            final RedisServerFixture promoted = group.awaitFailover(master);
            for (; seq < 6000; seq++)
            {
                produceKeptAndMarketData(seq, sent);
            }
            assertTrue(writer.awaitDrained(Duration.ofSeconds(60)));
            assertTrue(writer.reconnects() >= 1);
            assertEquals(sent, firstOccurrences(promoted, SIGNALS));
            assertEquals(sent, firstOccurrences(promoted, "events:bus"));
        }
    }

    /** Writes a mix of kept and market-data streams, keyed by symbol and timeframe; returns each key's entries. */
    /**
     * Writes 3,000 entries, stalls {@code owner} (SIGSTOP) through 1,000 more, kills it and returns the replica
     * promoted to own {@code key}: a master lost mid-write, sequences 0 to 3,999 produced.
     */
    private RedisServerFixture loseMasterMidWrite(final RedisClusterFixture cluster, final RedisServerFixture owner,
        final String key, final List<Integer> sent)
    {
        for (int seq = 0; seq < 3000; seq++)
        {
            produceKeptAndMarketData(seq, sent);
        }
        cluster.suspend(owner);
        for (int seq = 3000; seq < 4000; seq++)
        {
            produceKeptAndMarketData(seq, sent);
        }
        Pause.millis(500);
        cluster.crash(owner);
        try
        {
            return cluster.awaitPromotion(owner, key);
        }
        catch (final IllegalStateException ex)
        {
            throw new IllegalStateException(cluster.nodesTable(), ex);
        }
    }

    private Map<String, List<Map<String, String>>> writeMix(
        final RedisConnector connector, final Function<String, RedisServerFixture> ownerOf)
    {
        final Map<String, Long> written;
        try (RedisStreamWriter writer = writer(connector))
        {
            for (int seq = 0; seq < 5000; seq++)
            {
                final int symbol = symbols.intern(SYMBOLS[seq % SYMBOLS.length]);
                switch (seq % 5)
                {
                    case 0 -> assertTrue(kept(StreamCatalog.SIGNALS_PAPER, seq));
                    case 1 -> assertTrue(kept(StreamCatalog.EXEC_PAPER_CONFIRMS, seq));
                    case 2 -> assertTrue(entries.begin(StreamCatalog.MD_CANDLES_SYMBOL, symbol, seq % Timeframe.COUNT)
                        .string(TYPE, "candle").integer(SEQ, seq).publish());
                    default -> entries.begin(StreamCatalog.MD_TRADES_SYMBOL, symbol, -1).string(TYPE, "trade")
                        .integer(SEQ, seq).decimal(CLOSE, 6_512_345, 2).publish();
                }
                if (seq % 200 == 0)
                {
                    Pause.millis(2);
                }
            }
            assertTrue(writer.awaitDrained(Duration.ofSeconds(60)));
            written = writer.writtenByKey();
        }
        final Map<String, List<Map<String, String>>> byKey = new TreeMap<>();
        for (final String key : written.keySet())
        {
            try (RedisProbe probe = new RedisProbe(ownerOf.apply(key).url()))
            {
                byKey.put(key, probe.entries(key));
            }
        }
        return byKey;
    }

    /** Even seqs go to signals:paper and events:bus (kept), odd ones to md:trades:BTC/USD; spread over time. */
    private void produceKeptAndMarketData(final int seq, final List<Integer> sent)
    {
        if (seq % 2 == 0)
        {
            assertTrue(kept(StreamCatalog.SIGNALS_PAPER, seq));
            assertTrue(kept(StreamCatalog.EVENTS_BUS, seq));
            if (sent != null)
            {
                sent.add(seq);
            }
        }
        else
        {
            entries.begin(StreamCatalog.MD_TRADES_SYMBOL, symbols.intern("BTC/USD"), -1).string(TYPE, "trade")
                .integer(SEQ, seq).decimal(CLOSE, 6_512_345, 2).publish();
        }
        if (seq % 100 == 0)
        {
            Pause.millis(2);
        }
    }

    private boolean kept(final int stream, final int seq)
    {
        return entries.begin(stream, -1, -1).string(TYPE, "event").integer(SEQ, seq).publish();
    }

    private RedisStreamWriter writer(final RedisConnector connector)
    {
        return writer(connector, 0);
    }

    private RedisStreamWriter writer(final RedisConnector connector, final int ackReplicas)
    {
        return new RedisStreamWriter(connector, outbox, symbols, Environment.DEVELOPMENT,
            new RedisWriterOptions().batchSize(RedisSettings.DEFAULT_BATCH_SIZE).journalFile(dir.resolve("j.spill"))
                .reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(200)).ackReplicas(ackReplicas)).start();
    }

    /** The seq of every entry of the stream, duplicates (at-least-once) removed, first occurrence kept. */
    private static List<Integer> firstOccurrences(final RedisServerFixture node, final String key)
    {
        return List.copyOf(new LinkedHashSet<>(everyOccurrence(node, key)));
    }

    /** The seq of every entry of the stream in stream order, repeats included. */
    private static List<Integer> everyOccurrence(final RedisServerFixture node, final String key)
    {
        final List<Integer> seqs = new ArrayList<>();
        try (RedisProbe probe = new RedisProbe(node.url()))
        {
            for (final Map<String, String> entry : probe.entries(key))
            {
                seqs.add(Integer.parseInt(entry.get("seq")));
            }
        }
        return seqs;
    }

    /** Production starts on a live link, so the fault lands mid-write rather than before the first connection. */
    private static void awaitConnected(final RedisStreamWriter writer)
    {
        Pause.until("the writer connected", 20_000, writer::connected);
    }

    private static void join(final Thread thread)
    {
        try
        {
            thread.join();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
