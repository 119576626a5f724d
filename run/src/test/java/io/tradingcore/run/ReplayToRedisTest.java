package io.tradingcore.run;

import io.tradingcore.adapters.consume.SchemaContract;
import io.tradingcore.adapters.redis.RedisServerFixture;
import io.tradingcore.adapters.sim.SyntheticMarket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A replay of a synthetic session fills every stream of the catalog it should, with what the recording holds. */
class ReplayToRedisTest
{
    private static final List<String> SYMBOLS = SyntheticMarket.defaultSymbols();
    /** Each strategy's own stream (STREAMS.md section 1). */
    static final Map<String, String> STRATEGY_STREAMS = Map.of(
        "scalp", "signals:scalp", "trend", "signals:trend", "sideways", "signals:sideways",
        "momentum", "signals:momentum", "breakout", "signals:breakout",
        "mean_reversion", "stream:signals:mean_reversion");

    @TempDir
    static Path dir;
    private static RedisServerFixture redis;
    private static RedisReadBack streams;
    private static Path recording;
    private static CoreRun run;

    @BeforeAll
    static void replay() throws IOException
    {
        redis = RedisServerFixture.plain();
        recording = TestRecording.write(dir.resolve("session.jsonl"));
        run = CoreRun.run(CoreRun.replay(recording, redis.url(), dir.resolve("spill"))).assertExit(TradingCoreMain.EXIT_OK);
        streams = new RedisReadBack(redis.url());
    }

    @AfterAll
    static void stopRedis()
    {
        if (streams != null)
        {
            streams.close();
        }
        redis.close();
    }

    @Test
    void everyBookMessageOfTheRecordingVerifiesItsChecksum() throws IOException
    {
        final long bookFrames;
        try (Stream<String> lines = Files.lines(recording))
        {
            bookFrames = lines.filter(line -> line.startsWith("{\"channel\":\"book\"")).count();
        }
        assertEquals(0, run.checksumsFailed(), "checksum failures");
        assertEquals(bookFrames, run.checksumsVerified(), "one verified checksum per book frame");
    }

    @Test
    void theActiveAliasNamesThePaperStream()
    {
        assertEquals("string", streams.type("signals:active"));
        assertEquals("signals:paper", streams.get("signals:active"));
    }

    @Test
    void eachMarketDataAndExchangeStreamHoldsEntriesOfItsType()
    {
        final Map<String, String> expected = new LinkedHashMap<>();
        expected.put("md:trades", "trade");
        expected.put("md:spread", "spread");
        expected.put("md:orderbook", "orderbook");
        expected.put("md:candles", "candle");
        expected.put("kraken:status", "status");
        expected.put("kraken:heartbeat", "heartbeat");
        for (final String symbol : SYMBOLS)
        {
            expected.put("md:trades:" + symbol, "trade");
            expected.put("md:spread:" + symbol, "spread");
            expected.put("md:book:" + symbol, "orderbook");
            expected.put("kraken:trades:" + symbol, "trade");
            expected.put("kraken:ticker:" + symbol, "ticker");
            expected.put("kraken:orderbook:" + symbol, "book");
            for (final String timeframe : List.of("1m", "5m"))
            {
                expected.put("md:candles:" + symbol + ":" + timeframe, "candle");
                expected.put("kraken:ohlc:" + timeframe + ":" + symbol, "candle");
            }
        }
        for (final Map.Entry<String, String> stream : expected.entrySet())
        {
            final String key = stream.getKey();
            final List<RedisReadBack.Entry> entries = streams.entries(key);
            assertFalse(entries.isEmpty(), key + " has entries");
            for (final RedisReadBack.Entry e : entries)
            {
                assertEquals(stream.getValue(), e.get("type"), key + " entry " + e);
                assertTrue(e.fields().containsKey("timestamp"), key + " entry has a timestamp: " + e);
                final String symbol = symbolOf(key);
                if (symbol != null)
                {
                    assertEquals(symbol, e.get("symbol"), key + " entry " + e.id());
                }
            }
        }
        assertEquals("online", streams.entries("kraken:status").get(0).get("system"));
    }

    @Test
    void theEventBusCarriesTheStartAndTheStop()
    {
        final List<RedisReadBack.Entry> events = streams.entries("events:bus");
        assertTrue(events.size() >= 2, "start and stop: " + events);
        final RedisReadBack.Entry first = events.get(0);
        final RedisReadBack.Entry last = events.get(events.size() - 1);
        assertEquals("event", first.get("type"));
        assertEquals("start", first.get("event"));
        assertEquals("stop", last.get("event"));
        for (final RedisReadBack.Entry lifecycle : List.of(first, last))
        {
            assertEquals("development", lifecycle.get("environment"));
            assertEquals("PAPER", lifecycle.get("mode"));
            assertEquals("replay", lifecycle.get("feed"));
            assertEquals("true", lifecycle.get("order_entry"));
        }
    }

    @Test
    void theTradeStreamsHoldEveryTradePrintOfTheRecording() throws IOException
    {
        final Map<String, Long> prints = TestRecording.tradePrints(recording);
        assertEquals(Set.copyOf(SYMBOLS), prints.keySet(), "the recording trades every symbol");
        final long total = prints.values().stream().mapToLong(Long::longValue).sum();
        assertTrue(total < 10_000, "under MAXLEN ~ 10000, so nothing was trimmed: " + total);
        assertEquals(total, streams.length("md:trades"));
        assertEquals(total, run.written("md:trades"));
        for (final String symbol : SYMBOLS)
        {
            assertEquals(prints.get(symbol), streams.length("md:trades:" + symbol), symbol);
            assertEquals(prints.get(symbol), streams.length("kraken:trades:" + symbol), symbol);
        }
    }

    @Test
    void everySignalIntentAndMetricsTickValidatesAgainstItsSchema()
    {
        for (final String stream : List.of("signals:paper", "orders:requests", "metrics:ticks"))
        {
            final List<RedisReadBack.Entry> entries = streams.entries(stream);
            assertFalse(entries.isEmpty(), stream + " has entries");
            for (final RedisReadBack.Entry e : entries)
            {
                assertEquals(List.of(), SchemaContract.validateEntry(e.fields()), stream + " entry " + e);
            }
        }
    }

    @Test
    void signalsComeFromSeveralStrategies()
    {
        final Set<String> strategies = streams.entries("signals:paper").stream()
            .map(e -> e.get("strategy")).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(strategies.size() >= 4, "strategies that signalled: " + strategies);
        assertTrue(STRATEGY_STREAMS.keySet().containsAll(strategies), "known strategies: " + strategies);
        assertEquals(streams.length("signals:paper"), run.written("signals:paper"));
    }

    @Test
    void eachStrategyStreamHoldsExactlyThatStrategysSignals()
    {
        final List<RedisReadBack.Entry> primary = streams.entries("signals:paper");
        for (final Map.Entry<String, String> strategy : STRATEGY_STREAMS.entrySet())
        {
            final List<Map<String, String>> expected = primary.stream()
                .filter(e -> strategy.getKey().equals(e.get("strategy"))).map(RedisReadBack.Entry::fields).toList();
            final List<Map<String, String>> own = streams.entries(strategy.getValue()).stream()
                .map(RedisReadBack.Entry::fields).toList();
            assertEquals(expected, own, strategy.getValue());
        }
    }

    /** The symbol a per-symbol stream key names, or null for an aggregate stream. */
    private static String symbolOf(final String key)
    {
        for (final String symbol : SYMBOLS)
        {
            if (key.endsWith(":" + symbol) || key.contains(":" + symbol + ":"))
            {
                return symbol;
            }
        }
        return null;
    }
}
