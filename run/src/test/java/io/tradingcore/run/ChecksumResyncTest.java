package io.tradingcore.run;

import io.tradingcore.adapters.redis.RedisServerFixture;
import io.tradingcore.adapters.sim.KrakenSimulator;
import io.tradingcore.adapters.sim.KrakenSimulatorSettings;
import io.tradingcore.adapters.sim.SyntheticMarket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The book check end to end: {@code --feed kraken} pointed at a simulator that sends one BTC/USD book
 * update with a wrong checksum. The core reports the mismatch, drops that book, resubscribes it and
 * is valid again, while the other books keep verifying.
 */
class ChecksumResyncTest
{
    private static final String CORRUPTED = "BTC/USD";

    @TempDir
    Path dir;

    @Test
    void aWrongChecksumInvalidatesOnlyThatBookUntilItIsResynced() throws Exception
    {
        final List<String> symbols = SyntheticMarket.defaultSymbols();
        try (KrakenSimulator kraken = new KrakenSimulator(new KrakenSimulatorSettings().symbols(symbols).framesPerSecond(1_000))
                .start(0);
            RedisServerFixture redis = RedisServerFixture.plain();
            RedisReadBack streams = new RedisReadBack(redis.url()))
        {
            final Path config = Files.writeString(dir.resolve("simulated-kraken.yaml"),
                "kraken:\n  publicUrl: " + kraken.uri() + "\n  ohlc:\n    intervals: [1, 5]\n");
            final CoreRun run = CoreRun.start(Map.of(), List.of("--feed", "kraken", "--config", config.toString(),
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
                assertTrue(streams.awaitEntry("md:book:" + symbol, e -> e.millis() > after, Duration.ofSeconds(30)),
                    symbol + " book entries continue after " + after);
            }
            run.stop().assertExit(TradingCoreMain.EXIT_OK);

            final List<RedisReadBack.Entry> mismatches = streams.entries("kraken:errors", "error", "checksum_mismatch");
            assertEquals(1, mismatches.size(), "one mismatch: " + mismatches);
            final RedisReadBack.Entry mismatch = mismatches.get(0);
            assertEquals(CORRUPTED, mismatch.get("symbol"));
            assertNotEquals(Long.parseLong(mismatch.get("expected")), Long.parseLong(mismatch.get("computed")));

            final List<RedisReadBack.Entry> bookEvents = streams.entries("events:bus").stream()
                .filter(e -> e.get("event") != null && e.get("event").startsWith("book_")).toList();
            assertEquals(List.of("book_invalid " + CORRUPTED, "book_resynced " + CORRUPTED),
                bookEvents.stream().map(e -> e.get("event") + " " + e.get("symbol")).toList());
            assertEquals("checksum_mismatch", bookEvents.get(0).get("reason"));
            assertEquals(List.of("resync_requested " + CORRUPTED, "resync_done " + CORRUPTED),
                streams.entries("events:bus").stream()
                    .filter(e -> e.get("event") != null && e.get("event").startsWith("resync_"))
                    .map(e -> e.get("event") + " " + e.get("symbol")).toList(), "the feed client's resubscription");
            assertEquals(1, run.checksumsFailed(), run.out());
            assertEquals(1, run.booksResynced(), run.out());
        }
    }
}
