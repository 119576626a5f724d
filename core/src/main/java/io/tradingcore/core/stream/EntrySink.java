package io.tradingcore.core.stream;

import org.agrona.DirectBuffer;

/** Where an {@link EntryWriter} publishes: the {@link Outbox} on a stage, the drain handler on the adapter thread. */
@FunctionalInterface
public interface EntrySink
{
    /** Takes one encoded entry for {@code stream}; false when it was not taken. */
    boolean offer(int stream, DirectBuffer entry, int offset, int length);
}
