package io.tradingcore.adapters.redis;

/**
 * The entries sent and not yet answered, oldest first, in the order they left the backlog (which is the
 * order they are released and, after a lost link, resent). Per entry: the pipeline that carries it and its
 * sequence there (or {@link XaddPipeline#MALFORMED} for one rejected before sending), its key, its journal
 * record length (-1 when it came from memory) and when its batch was flushed. Parallel arrays, no
 * allocation; adapter thread only.
 * <p>
 * A lost link leaves entries that some pipeline answered behind one that another did not (each master
 * answers its own). {@link #rememberAnswered} keeps, per entry in order, whether it was written; the
 * backlog then resends them all in the same order and {@link #nextResendAnswered} says which of them
 * to retire as {@link #ANSWERED} instead of writing them twice.
 */
final class InflightWindow
{
    /** Sequence of an entry a pipeline of an earlier link acknowledged: written, not sent again. */
    static final long ANSWERED = -3;

    private final long[] sequence;
    private final XaddPipeline[] pipeline;
    private final StreamKeys.Key[] key;
    private final int[] journalLength;
    private final long[] sentNs;
    private int head;
    private int count;
    /** Per entry due again after a lost link, in send order: whether it was written already. */
    private final boolean[] resendAnswered;
    private int resendNext;
    private int resendCount;

    InflightWindow(final int capacity)
    {
        this.sequence = new long[capacity];
        this.pipeline = new XaddPipeline[capacity];
        this.key = new StreamKeys.Key[capacity];
        this.journalLength = new int[capacity];
        this.sentNs = new long[capacity];
        this.resendAnswered = new boolean[capacity];
    }

    /**
     * The link was lost: records, in send order, which entries in flight were written (answered without
     * error, with no error before them on their pipeline, so a stream's entries stay in order), followed by
     * those still due from an earlier loss; then forgets the entries. With journal records among them
     * everything is resent, as before.
     */
    void rememberAnswered()
    {
        for (int i = 0; i < count; i++)
        {
            if (journalLength[(head + i) % key.length] >= 0)
            {
                // the backlog resends memory before the journal, not always in the order these left it
                resendCount = 0;
                resendNext = 0;
                clear();
                return;
            }
        }
        final int pending = resendCount - resendNext;
        System.arraycopy(resendAnswered, resendNext, resendAnswered, count, pending);
        for (int i = 0; i < count; i++)
        {
            final int slot = (head + i) % key.length;
            resendAnswered[i] = sequence[slot] == ANSWERED || sequence[slot] >= 0 && answered(i);
        }
        resendCount = count + pending;
        resendNext = 0;
        clear();
    }

    /** Whether the next entry the backlog sends was written on an earlier link (it is not sent again). */
    boolean nextResendAnswered()
    {
        return resendNext < resendCount && resendAnswered[resendNext++];
    }

    /** The {@code index}th entry got an OK reply and no earlier entry on its pipeline got an error. */
    private boolean answered(final int index)
    {
        final int slot = (head + index) % key.length;
        final XaddPipeline via = pipeline[slot];
        if (sequence[slot] >= via.acknowledged() || via.error(sequence[slot]) != null)
        {
            return false;
        }
        for (int i = 0; i < index; i++)
        {
            final int earlier = (head + i) % key.length;
            if (pipeline[earlier] == via && via.error(sequence[earlier]) != null)
            {
                return false;
            }
        }
        return true;
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
