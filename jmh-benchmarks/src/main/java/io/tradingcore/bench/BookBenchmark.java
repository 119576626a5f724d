package io.tradingcore.bench;

import io.tradingcore.core.book.BookChecksum;
import io.tradingcore.core.book.OrderBook;
import io.tradingcore.core.kraken.Side;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import java.util.SplittableRandom;

/**
 * One Kraken book message as the normalize stage handles it: apply 1-3 levels (about 24% deletions,
 * prices near the top, in no particular order), truncate to the subscribed depth, checksum the top 10.
 * The updates are pre-generated on a fixed price grid around a BTC/USD-like mid so the book stays at
 * its depth and never crosses; the benchmark cycles through them.
 */
public class BookBenchmark extends NanosPerOpBenchmark
{
    private static final int UPDATES = 4096;
    private static final long MID = 628_070L;

    @Param({"10", "25"})
    public int depth;

    private final OrderBook book = new OrderBook(2048);
    private final BookChecksum checksum = new BookChecksum();
    /** Update u holds levels [starts[u], starts[u + 1]). */
    private final int[] starts = new int[UPDATES + 1];
    private int[] sides;
    private long[] prices;
    private long[] qtys;
    private int next;

    @Setup(Level.Trial)
    public void setUp()
    {
        final SplittableRandom random = new SplittableRandom(7);
        sides = new int[UPDATES * 3];
        prices = new long[UPDATES * 3];
        qtys = new long[UPDATES * 3];
        int level = 0;
        for (int u = 0; u < UPDATES; u++)
        {
            starts[u] = level;
            final int count = 1 + (random.nextInt(10) < 6 ? 0 : random.nextInt(10) < 8 ? 1 : 2);
            for (int i = 0; i < count; i++, level++)
            {
                final int side = random.nextBoolean() ? Side.BID : Side.ASK;
                // geometric-ish distance from the top: most activity in the first few levels
                final int ticks = 1 + (int)(Math.abs(random.nextGaussian()) * depth * 0.6);
                sides[level] = side;
                prices[level] = side == Side.BID ? MID - ticks : MID + ticks;
                qtys[level] = random.nextInt(100) < 24 ? 0 : 1 + random.nextLong(500_000_000L);
            }
        }
        starts[UPDATES] = level;

        book.depth(depth);
        for (int i = 1; i <= depth; i++)
        {
            book.apply(Side.BID, MID - i, 100_000_000L + i);
            book.apply(Side.ASK, MID + i, 100_000_000L + i);
        }
    }

    @Benchmark
    public long applyTruncateChecksum()
    {
        final int u = next;
        next = (u + 1) & (UPDATES - 1);
        for (int i = starts[u], end = starts[u + 1]; i < end; i++)
        {
            book.apply(sides[i], prices[i], qtys[i]);
        }
        book.truncate();
        return checksum.compute(book);
    }

    /** The checksum alone on the current book: the share of the message cost spent on the CRC text. */
    @Benchmark
    public long checksumOnly()
    {
        return checksum.compute(book);
    }
}
