package io.tradingcore.run;

import io.tradingcore.adapters.redis.RedisServerFixture;
import io.tradingcore.adapters.sim.RecordingGenerator;
import io.tradingcore.adapters.sim.SyntheticMarket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recordings of the simulator's market subscribed at depths other than the configured 10, replayed
 * under the default configuration: every book keeps the depth its ack names (or, without acks, its
 * snapshot's), so every checksum verifies though deletions keep pulling levels from beyond the top
 * ten back into range. Several symbols at different depths share one recording.
 */
class FeedDepthReplayTest
{
    private static final int FRAMES = 15_000;
    private static final long EVENT_GAP_MICROS = 50_000;
    private static final List<String> SYMBOLS = List.of("BTC/USD", "ETH/USD", "SOL/USD");

    @TempDir
    static Path dir;
    private static RedisServerFixture redis;

    @BeforeAll
    static void startRedis()
    {
        redis = RedisServerFixture.plain();
    }

    @AfterAll
    static void stopRedis()
    {
        redis.close();
    }

    @ParameterizedTest(name = "depths {0}, acks {1}")
    @CsvSource({"10 10 10, true", "25 25 25, true", "100 100 100, true", "25 100 10, true", "25 100 10, false"})
    void everyChecksumVerifiesUnderTheDefaultConfiguration(final String depthList, final boolean acks) throws IOException
    {
        final List<Integer> depths = Arrays.stream(depthList.split(" ")).map(Integer::valueOf).collect(Collectors.toList());
        final Path recording = dir.resolve("depths-" + depthList.replace(' ', '-') + "-" + acks + ".jsonl");
        RecordingGenerator.generate(recording, new SyntheticMarket(7, SYMBOLS, depths, EVENT_GAP_MICROS), FRAMES);
        if (!acks)
        {
            try (Stream<String> lines = Files.lines(recording))
            {
                final List<String> kept = lines.filter(line -> !line.startsWith("{\"method\":\"subscribe\"")).toList();
                Files.write(recording, kept);
            }
        }
        final long bookFrames;
        try (Stream<String> lines = Files.lines(recording))
        {
            bookFrames = lines.filter(line -> line.startsWith("{\"channel\":\"book\"")).count();
        }
        final CoreRun run = CoreRun.run(CoreRun.replay(recording, redis.url(), dir.resolve("spill-" + recording.getFileName())))
            .assertExit(TradingCoreMain.EXIT_OK);
        assertTrue(bookFrames > 1_000, "book frames: " + bookFrames);
        assertEquals(0, run.checksumsFailed(), "checksum failures");
        assertEquals(bookFrames, run.checksumsVerified(), "one verified checksum per book frame");
    }
}
