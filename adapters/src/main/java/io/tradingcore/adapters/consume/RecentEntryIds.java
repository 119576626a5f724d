package io.tradingcore.adapters.consume;

import java.util.HashSet;
import java.util.Set;

/**
 * The {@code id} fields of the last N entries handed on: the Redis writer delivers at least once, so
 * an entry whose reply was lost in an outage is written again with the same {@code id}, and this
 * window lets the reader see it once. Bounded: an id older than the window is forgotten.
 */
final class RecentEntryIds
{
    private final String[] window;
    private final Set<String> ids;
    private int next;

    RecentEntryIds(final int size)
    {
        window = new String[size];
        ids = new HashSet<>(size * 2);
    }

    boolean contains(final String id)
    {
        return ids.contains(id);
    }

    /** Remembers {@code id}, forgetting the oldest one when the window is full. */
    void add(final String id)
    {
        if (window.length == 0 || !ids.add(id))
        {
            return;
        }
        final String oldest = window[next];
        if (oldest != null)
        {
            ids.remove(oldest);
        }
        window[next] = id;
        next = (next + 1) % window.length;
    }
}
