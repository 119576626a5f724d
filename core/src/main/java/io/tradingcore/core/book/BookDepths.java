package io.tradingcore.core.book;

import io.tradingcore.core.market.SymbolTable;

import java.util.Arrays;

/**
 * The depth each symbol's book is kept at: the depth the feed says, not the configuration's. The
 * subscribe ack's {@code depth} wins (in a recording, the ack frame in the file); without an ack the
 * snapshot's level count rounded up to a depth Kraken serves; without either the configured depth.
 * Truncating to any other depth breaks the checksum as soon as a deletion pulls a level into range.
 */
public final class BookDepths
{
    /** Kraken's whitelist: any other depth is refused at subscribe. */
    private static final int[] DEPTHS = {10, 25, 100, 500, 1000};
    public static final int MAX_DEPTH = DEPTHS[DEPTHS.length - 1];

    private static final byte FROM_CONFIG = 0;
    private static final byte FROM_SNAPSHOT = 1;
    private static final byte FROM_ACK = 2;

    private final int configured;
    private final int[] depth = new int[SymbolTable.MAX_SYMBOLS];
    private final byte[] source = new byte[SymbolTable.MAX_SYMBOLS];

    public BookDepths(final int configured)
    {
        if (!valid(configured))
        {
            throw new IllegalArgumentException("book depth must be one of 10, 25, 100, 500, 1000: " + configured);
        }
        this.configured = configured;
        Arrays.fill(depth, configured);
    }

    public static boolean valid(final long depth)
    {
        for (final int d : DEPTHS)
        {
            if (d == depth)
            {
                return true;
            }
        }
        return false;
    }

    public int depth(final int symbolId)
    {
        return depth[symbolId];
    }

    /** The subscribe ack named the depth (a valid one: the parser rejects any other). */
    public void acknowledged(final int symbolId, final int ackDepth)
    {
        depth[symbolId] = ackDepth;
        source[symbolId] = FROM_ACK;
    }

    /**
     * A snapshot of {@code levels} levels on its longer side arrived: unless an ack said otherwise, the
     * depth is that count rounded up to a served depth (the configured one for an empty book). Returns the depth.
     */
    public int snapshot(final int symbolId, final int levels)
    {
        if (source[symbolId] != FROM_ACK)
        {
            depth[symbolId] = levels > 0 ? roundUp(levels) : configured;
            source[symbolId] = FROM_SNAPSHOT;
        }
        return depth[symbolId];
    }

    static int roundUp(final int levels)
    {
        for (final int d : DEPTHS)
        {
            if (levels <= d)
            {
                return d;
            }
        }
        return MAX_DEPTH;
    }
}
