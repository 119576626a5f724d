package io.tradingcore.adapters.consume;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.sync.RedisStreamCommands;

import java.util.List;
import java.util.Map;

/**
 * One member of a consumer group on one stream, at-least-once: it first re-reads and handles the
 * entries it was given before but never acknowledged (a crash between handling and XACK), then
 * reads new ones. Each entry is acknowledged right after its handler returns; a handler that throws
 * leaves that entry and the rest of its batch pending for the next start. An entry whose {@code id}
 * field was handed on within the last {@code dedupWindow} entries (the writer's redelivery after an
 * outage) is acknowledged without being handed on again.
 */
public final class StreamConsumer
{
    /** Handles one entry; returning normally lets the consumer acknowledge it. */
    @FunctionalInterface
    public interface EntryHandler
    {
        void onEntry(String stream, String id, Map<String, String> fields);
    }

    /** Read from id 0, XREADGROUP returns this consumer's pending entries; acknowledged ones have left that list. */
    private static final String FIRST_PENDING = "0";
    /** The field that names an entry across redeliveries (signals, order intents). */
    private static final String ID = "id";

    private final RedisStreamCommands<String, String> redis;
    private final String stream;
    private final String group;
    private final Consumer<String> consumer;
    private final long blockMs;
    private final RecentEntryIds recentIds;
    private boolean pendingDrained;
    private long handled;
    private long acked;
    private long redundantAcks;
    private long trimmedPending;
    private long duplicates;

    public StreamConsumer(
        final RedisStreamCommands<String, String> redis,
        final String stream,
        final String group,
        final String consumerName,
        final long blockMs,
        final int dedupWindow)
    {
        this.redis = redis;
        this.stream = stream;
        this.group = group;
        this.consumer = Consumer.from(group, consumerName);
        this.blockMs = blockMs;
        this.recentIds = new RecentEntryIds(dedupWindow);
    }

    /**
     * XGROUP CREATE stream group $|0 MKSTREAM: a new group starts at the end of the stream, or with
     * {@code fromStart} at its first entry. Returns false when the group exists already (BUSYGROUP),
     * which keeps its position and pending entries.
     */
    public boolean ensureGroup(final boolean fromStart)
    {
        try
        {
            redis.xgroupCreate(XReadArgs.StreamOffset.from(stream, fromStart ? "0" : "$"), group, XGroupCreateArgs.Builder.mkstream());
            return true;
        }
        catch (final RedisBusyException e)
        {
            if (e.getMessage() != null && e.getMessage().startsWith("BUSYGROUP"))
            {
                return false;
            }
            throw e;
        }
    }

    /**
     * Handles and acknowledges up to {@code max} entries: this consumer's pending entries while any
     * are left, then new entries, waiting up to the block time for them. Returns how many were handled.
     */
    @SuppressWarnings("unchecked") // Lettuce takes the stream offsets as generic varargs
    public int poll(final EntryHandler handler, final int max)
    {
        if (!pendingDrained)
        {
            final List<StreamMessage<String, String>> pending =
                redis.xreadgroup(consumer, XReadArgs.Builder.count(max), XReadArgs.StreamOffset.from(stream, FIRST_PENDING));
            if (!pending.isEmpty())
            {
                return handle(pending, handler);
            }
            pendingDrained = true;
        }
        return handle(redis.xreadgroup(consumer, XReadArgs.Builder.count(max).block(blockMs),
            XReadArgs.StreamOffset.lastConsumed(stream)), handler);
    }

    private int handle(final List<StreamMessage<String, String>> messages, final EntryHandler handler)
    {
        int count = 0;
        for (final StreamMessage<String, String> message : messages)
        {
            final Map<String, String> body = message.getBody();
            if (body == null || body.isEmpty())
            {
                // a pending entry trimmed away by MAXLEN: nothing to hand on, only the acknowledgement
                trimmedPending++;
            }
            else if (body.containsKey(ID) && recentIds.contains(body.get(ID)))
            {
                duplicates++;
            }
            else
            {
                handler.onEntry(message.getStream(), message.getId(), body);
                if (body.containsKey(ID))
                {
                    recentIds.add(body.get(ID));
                }
                handled++;
                count++;
            }
            if (redis.xack(stream, group, message.getId()) == 1L)
            {
                acked++;
            }
            else
            {
                redundantAcks++;
            }
        }
        return count;
    }

    public String stream()
    {
        return stream;
    }

    /** Entries handed to the handler since this consumer started. */
    public long handled()
    {
        return handled;
    }

    /** XACKs that acknowledged an entry (XACK returned 1). */
    public long acked()
    {
        return acked;
    }

    /** XACKs that found nothing to acknowledge (XACK returned 0): an entry acknowledged twice. */
    public long redundantAcks()
    {
        return redundantAcks;
    }

    /** Entries acknowledged without handling because their {@code id} was handed on already. */
    public long duplicates()
    {
        return duplicates;
    }

    /** Pending entries found already trimmed from the stream, acknowledged without handling. */
    public long trimmedPending()
    {
        return trimmedPending;
    }
}
