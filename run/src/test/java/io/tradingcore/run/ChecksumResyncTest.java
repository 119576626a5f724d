package io.tradingcore.run;

import io.tradingcore.adapters.redis.RedisServerFixture;
import io.tradingcore.adapters.sim.KrakenSimulator;
import io.tradingcore.adapters.sim.KrakenSimulatorSettings;
import io.tradingcore.adapters.sim.SyntheticMarket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The book check end to end: {@code --feed kraken} pointed at a simulator that sends one BTC/USD book
 * update with a wrong checksum. The core reports the mismatch, drops that book, resubscribes it and
 * is valid again, while the other books keep verifying.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChecksumResyncTest
{
    private static final String CORRUPTED = "BTC/USD";

    @TempDir
    static Path dir;

    private final List<String> symbols = SyntheticMarket.defaultSymbols();
    /** Per symbol, the time of its book event: book_resynced for the corrupted book, book_invalid for the others. */
    private final Map<String, Long> bookEventMillis = new HashMap<>();
    /** The symbols whose book entries went on after {@link #bookEventMillis}. */
    private final Set<String> continued = new HashSet<>();
    private CoreRun run;
    private List<RedisReadBack.Entry> mismatches;
    private List<RedisReadBack.Entry> events;

    /** One run serves every test: a core, a Redis and a simulator per behaviour would replay the same minute each time. */
    @BeforeAll
    void corruptOneChecksumInARunningCore() throws Exception
    {
        try (KrakenSimulator kraken = new KrakenSimulator(new KrakenSimulatorSettings().symbols(symbols).framesPerSecond(1_000))
                .start(0);
            RedisServerFixture redis = RedisServerFixture.plain();
            RedisReadBack streams = new RedisReadBack(redis.url()))
        {
            final Path config = Files.writeString(dir.resolve("simulated-kraken.yaml"),
                "kraken:\n  publicUrl: " + kraken.uri() + "\n  ohlc:\n    intervals: [1, 5]\n");
            run = CoreRun.start(Map.of(), List.of("--feed", "kraken", "--config", config.toString(),
                "--redis", redis.url(), "--spill-path", dir.resolve("spill").toString(),
                "--topology", "compact", "--wait-strategy", "yielding"));
            for (final String symbol : symbols)
            {
                assertTrue(streams.awaitEntry("md:book:" + symbol, e -> true, Duration.ofSeconds(30)), symbol + " book");
            }
            kraken.faults().corruptNextChecksum(CORRUPTED);
            assertTrue(streams.awaitEntry("events:bus", e -> "book_resynced".equals(e.get("event")), Duration.ofSeconds(30)),
                "the book was resynced");
            final List<RedisReadBack.Entry> invalid = streams.entries("events:bus", "event", "book_invalid");
            final List<RedisReadBack.Entry> resynced = streams.entries("events:bus", "event", "book_resynced");
            assertEquals(1, invalid.size(), "one book_invalid: " + invalid);
            for (final String symbol : symbols)
            {
                final long after = (CORRUPTED.equals(symbol) ? resynced : invalid).get(0).millis();
                bookEventMillis.put(symbol, after);
                if (streams.awaitEntry("md:book:" + symbol, e -> e.millis() > after, Duration.ofSeconds(30)))
                {
                    continued.add(symbol);
                }
            }
            run.stop();
            mismatches = streams.entries("kraken:errors", "error", "checksum_mismatch");
            events = streams.entries("events:bus");
        }
    }

    @Test
    void theCoreStopsCleanlyAfterAResync()
    {
        run.assertExit(TradingCoreMain.EXIT_OK);
    }

    @Test
    void theMismatchIsReportedOnceWithTheExpectedAndTheComputedChecksum()
    {
        assertEquals(1, mismatches.size(), "one mismatch: " + mismatches);
        final RedisReadBack.Entry mismatch = mismatches.get(0);
        assertEquals(CORRUPTED, mismatch.get("symbol"));
        assertNotEquals(Long.parseLong(mismatch.get("expected")), Long.parseLong(mismatch.get("computed")));
    }

    @Test
    void onlyTheCorruptedBookIsInvalidatedAndThenResynced()
    {
        final List<RedisReadBack.Entry> bookEvents = events.stream()
            .filter(e -> e.get("event") != null && e.get("event").startsWith("book_")).toList();
        assertEquals(List.of("book_invalid " + CORRUPTED, "book_resynced " + CORRUPTED),
            bookEvents.stream().map(e -> e.get("event") + " " + e.get("symbol")).toList());
        assertEquals("checksum_mismatch", bookEvents.get(0).get("reason"));
    }

    @Test
    void theFeedClientResubscribesTheCorruptedBook()
    {
        assertEquals(List.of("resync_requested " + CORRUPTED, "resync_done " + CORRUPTED),
            events.stream()
                .filter(e -> e.get("event") != null && e.get("event").startsWith("resync_"))
                .map(e -> e.get("event") + " " + e.get("symbol")).toList(), "the feed client's resubscription");
    }

    @Test
    void everyBookKeepsStreamingTheOthersThroughAndTheCorruptedOneAfterItsResync()
    {
        for (final String symbol : symbols)
        {
            assertTrue(continued.contains(symbol), symbol + " book entries continue after " + bookEventMillis.get(symbol));
        }
    }

    @Test
    void theRunSummaryCountsOneFailedChecksumAndOneResync()
    {
        assertEquals(1, run.checksumsFailed(), run.out());
        assertEquals(1, run.booksResynced(), run.out());
    }
}
