package io.tradingcore.adapters.kraken;

import io.tradingcore.adapters.Pause;
import io.tradingcore.core.stream.EntryReader;
import io.tradingcore.core.stream.Outbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The entries a Kraken client under test wrote to its {@link Outbox}, drained and decoded into field
 * maps on demand (test thread only): every entry on a stream so far, or a wait for the first that matches.
 */
public final class OutboxEntries
{
    private final Outbox outbox;
    private final EntryReader reader = new EntryReader();
    private final List<Entry> entries = new ArrayList<>();

    public OutboxEntries(final Outbox outbox)
    {
        this.outbox = outbox;
    }

    /** Every entry written to {@code stream} so far, oldest first. */
    public List<Map<String, String>> on(final int stream)
    {
        drain();
        final List<Map<String, String>> found = new ArrayList<>();
        for (final Entry entry : entries)
        {
            if (entry.stream == stream)
            {
                found.add(entry.fields);
            }
        }
        return found;
    }

    /** Waits for the first entry on {@code stream} whose fields match; fails naming {@code what} and every entry seen. */
    public Map<String, String> await(final int stream, final Predicate<Map<String, String>> match, final String what,
        final long timeoutMillis)
    {
        final long deadline = System.currentTimeMillis() + timeoutMillis;
        int seen = 0;
        while (true)
        {
            drain();
            for (; seen < entries.size(); seen++)
            {
                final Entry entry = entries.get(seen);
                if (entry.stream == stream && match.test(entry.fields))
                {
                    return entry.fields;
                }
            }
            if (System.currentTimeMillis() > deadline)
            {
                fail("no " + what + " entry on " + outbox.catalog().template(stream) + " within " + timeoutMillis
                    + " ms; entries: " + entries);
            }
            Pause.millis(5);
        }
    }

    private void drain()
    {
        outbox.drain((stream, buffer, index, length) ->
        {
            final Map<String, String> fields = new LinkedHashMap<>();
            reader.wrap(buffer, index, length);
            while (reader.next())
            {
                fields.put(reader.name(), reader.value());
            }
            entries.add(new Entry(stream, fields));
        }, 10_000);
    }

    private record Entry(int stream, Map<String, String> fields)
    {
        @Override
        public String toString()
        {
            return stream + "=" + fields;
        }
    }
}
