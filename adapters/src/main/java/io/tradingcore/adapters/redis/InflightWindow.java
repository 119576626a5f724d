package io.tradingcore.adapters.redis;

/**
 * The entries sent and not yet answered, oldest first, in the order they left the backlog (which is the
 * order they are released and, after a lost link, resent). Per entry: the pipeline that carries it and its
 * sequence there (or {@link XaddPipeline#MALFORMED} for one rejected before sending), its key, its journal
 * record length (-1 when it came from memory) and when its batch was flushed. Parallel arrays, no
 * allocation; adapter thread only.
 */
final class InflightWindow
{
    private final long[] sequence;
    private final XaddPipeline[] pipeline;
    private final StreamKeys.Key[] key;
    private final int[] journalLength;
    private final long[] sentNs;
    private int head;
    private int count;

    InflightWindow(final int capacity)
    {
        this.sequence = new long[capacity];
        this.pipeline = new XaddPipeline[capacity];
        this.key = new StreamKeys.Key[capacity];
        this.journalLength = new int[capacity];
        this.sentNs = new long[capacity];
    }

    int capacity()
    {
        return key.length;
    }

    int count()
    {
        return count;
    }

    int room()
    {
        return key.length - count;
    }

    boolean isEmpty()
    {
        return count == 0;
    }

    /** Appends the newest entry; the caller keeps {@link #room()} above zero. */
    void add(final XaddPipeline via, final long commandSequence, final StreamKeys.Key entryKey, final int journalRecord,
        final long batchSentNs)
    {
        final int slot = (head + count) % key.length;
        pipeline[slot] = via;
        sequence[slot] = commandSequence;
        key[slot] = entryKey;
        journalLength[slot] = journalRecord;
        sentNs[slot] = batchSentNs;
        count++;
    }

    long oldestSequence()
    {
        return sequence[head];
    }

    XaddPipeline oldestPipeline()
    {
        return pipeline[head];
    }

    StreamKeys.Key oldestKey()
    {
        return key[head];
    }

    int oldestJournalLength()
    {
        return journalLength[head];
    }

    /** When the oldest entry's batch was flushed: the link is lost if it stays unanswered a command timeout. */
    long oldestSentNs()
    {
        return sentNs[head];
    }

    void retireOldest()
    {
        key[head] = null;
        pipeline[head] = null;
        head = (head + 1) % key.length;
        count--;
    }

    /** Forgets every entry (the link was lost; the backlog makes them due again). */
    void clear()
    {
        for (int i = 0; i < count; i++)
        {
            final int slot = (head + i) % key.length;
            key[slot] = null;
            pipeline[slot] = null;
        }
        head = 0;
        count = 0;
    }
}
