package io.tradingcore.run;

import io.tradingcore.adapters.redis.RedisServerFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A damaged recording exits 1 with one line naming it and the summary of what was read; no stack trace. */
class DamagedRecordingTest
{
    private static RedisServerFixture redis;

    @TempDir
    Path dir;

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

    private CoreRun replay(final Path recording, final int exit)
    {
        final CoreRun run = CoreRun.run(CoreRun.replay(recording, redis.url(), dir.resolve("spill"))).assertExit(exit);
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), "no stack trace: " + run.err());
        return run;
    }

    private Path gzipped(final String name) throws IOException
    {
        final byte[] plain = Files.readAllBytes(TestRecording.write(dir.resolve("session.jsonl"), 4_000, TestRecording.EVENT_GAP_MICROS));
        final Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file)))
        {
            out.write(plain);
        }
        return file;
    }

    @Test
    void aTruncatedGzipExitsOneNamingTheFileAfterTheSummaryOfWhatWasRead() throws IOException
    {
        final byte[] whole = Files.readAllBytes(gzipped("whole.jsonl.gz"));
        final Path cut = Files.write(dir.resolve("cut.jsonl.gz"), Arrays.copyOf(whole, whole.length / 2));
        final CoreRun run = replay(cut, TradingCoreMain.EXIT_FAULT);
        assertTrue(run.err().contains("trading-core: fatal: recording " + cut + " is damaged after "), run.err());
        assertTrue(run.err().contains("the file is truncated"), run.err());
        assertTrue(run.out().contains("=== trading-core run summary ==="), "the summary of what was read: " + run.out());
        assertFalse(run.out().contains(" 0 frames read"), run.out());
    }

    @Test
    void anEmptyOrCorruptGzipExitsOneNamingTheFileAfterTheSummaryOfNothingRead() throws IOException
    {
        final Path empty = Files.write(dir.resolve("empty.jsonl.gz"), new byte[0]);
        final CoreRun emptyRun = replay(empty, TradingCoreMain.EXIT_FAULT);
        assertTrue(emptyRun.err().contains("recording " + empty + " is damaged after 0 lines: empty"), emptyRun.err());
        assertSummaryOfNothingRead(emptyRun);
        final Path corrupt = Files.writeString(dir.resolve("plain.jsonl.gz"), "{\"channel\":\"heartbeat\"}\n");
        final CoreRun corruptRun = replay(corrupt, TradingCoreMain.EXIT_FAULT);
        assertTrue(corruptRun.err().contains("recording " + corrupt + " is damaged after 0 lines: corrupt gzip"), corruptRun.err());
        assertSummaryOfNothingRead(corruptRun);
    }

    private static void assertSummaryOfNothingRead(final CoreRun run)
    {
        assertTrue(run.out().contains("=== trading-core run summary ==="), "the summary of what was read: " + run.out());
        assertTrue(run.out().contains(" 0 frames read"), run.out());
    }

    @Test
    void aDirectoryIsReportedAsOneAndExitsTwo() throws IOException
    {
        final Path folder = Files.createDirectory(dir.resolve("recordings"));
        final CoreRun run = replay(folder, TradingCoreMain.EXIT_BAD_CONFIG);
        assertTrue(run.err().contains("replay file " + folder + " is a directory, not a recording"), run.err());
    }

    @Test
    void aLineLongerThanAFrameIsRejectedAndCountedLikeAnOversizedFrame() throws IOException
    {
        final Path recording = TestRecording.write(dir.resolve("with-long-line.jsonl"), 500, TestRecording.EVENT_GAP_MICROS);
        try (OutputStream out = Files.newOutputStream(recording, StandardOpenOption.APPEND))
        {
            final byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte)'x');
            for (int i = 0; i < 8; i++)
            {
                out.write(chunk);
            }
        }
        final CoreRun run = replay(recording, TradingCoreMain.EXIT_OK);
        assertTrue(run.out().matches("(?s).*rejected frames \\(reported to kraken:errors\\)\\s+oversized\\s+1\\n.*"), run.out());
        assertEquals(501, Long.parseLong(run.out().replaceAll("(?s).*?([\\d,]+) frames read.*", "$1").replace(",", "")));
    }
}
