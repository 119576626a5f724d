package io.tradingcore.core.stage;

import io.tradingcore.core.kraken.Channel;
import io.tradingcore.core.kraken.ParseError;
import io.tradingcore.core.market.SymbolTable;

/**
 * What the normalize stage has seen, for the run summary and the feed metrics. Single writer
 * (the normalize thread); readers on other threads take a racy but untorn snapshot, which is all
 * a metric needs, and the final summary reads after the stage threads have stopped.
 */
public final class FeedCounters
{
    final long[] framesByChannel = new long[Channel.COUNT];
    final long[] errorsByKind = new long[ParseError.COUNT];
    private final long[] checksumsFailedBySymbol = new long[SymbolTable.MAX_SYMBOLS];
    long frameBytes;
    long bookMessages;
    long checksumsVerified;
    long checksumsFailed;
    long crossedBooks;
    long bookOverflows;
    long updatesSkippedWhileInvalid;
    long booksResynced;
    long failedAcks;
    long sessions;
    long updatesNotCarried;
    long timestampsRejected;

    public long frames(final int channel)
    {
        return framesByChannel[channel];
    }

    public long frames()
    {
        long total = 0;
        for (final long n : framesByChannel)
        {
            total += n;
        }
        return total;
    }

    public long errors(final int parseError)
    {
        return errorsByKind[parseError];
    }

    /** Frames rejected as malformed, unknown, oversized or of a private channel (which the public feed never carries). */
    public long rejectedFrames()
    {
        long total = framesByChannel[Channel.UNKNOWN] + framesByChannel[Channel.MALFORMED];
        total += framesByChannel[Channel.EXECUTIONS] + framesByChannel[Channel.BALANCES];
        total += errorsByKind[ParseError.OVERSIZED];
        return total;
    }

    public long frameBytes()
    {
        return frameBytes;
    }

    public long bookMessages()
    {
        return bookMessages;
    }

    public long checksumsVerified()
    {
        return checksumsVerified;
    }

    public long checksumsFailed()
    {
        return checksumsFailed;
    }

    public long checksumsFailed(final int symbolId)
    {
        return checksumsFailedBySymbol[symbolId];
    }

    void checksumFailed(final int symbolId)
    {
        checksumsFailed++;
        checksumsFailedBySymbol[symbolId]++;
    }

    public long crossedBooks()
    {
        return crossedBooks;
    }

    public long bookOverflows()
    {
        return bookOverflows;
    }

    public long updatesSkippedWhileInvalid()
    {
        return updatesSkippedWhileInvalid;
    }

    public long booksResynced()
    {
        return booksResynced;
    }

    public long failedAcks()
    {
        return failedAcks;
    }

    /** Symbol updates a frame had beyond what one ring slot carries to the later stages. */
    public long updatesNotCarried()
    {
        return updatesNotCarried;
    }

    /** Items whose exchange time the event clock rejected (ahead of the market, or behind the clock). */
    public long timestampsRejected()
    {
        return timestampsRejected;
    }

    public long sessions()
    {
        return sessions;
    }
}
