package io.tradingcore.core.stage;

import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.stream.EntryReader;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.StreamCatalog;
import io.tradingcore.core.stream.Timeframe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * Test side of an {@link Outbox}: drains it the way the Redis writer does (an {@link EntryReader}
 * over each entry) and names each entry's Redis key, so tests assert on {@code md:book:BTC/USD}.
 * Everything drained is kept, so a test thread can also ask for every entry on a stream so far, or
 * wait for one while another thread writes (the outbox's single consumer is this helper).
 */
public final class OutboxEntries
{
    private static final long POLL_NANOS = 5_000_000;

    /** One drained entry: its concrete stream key and its fields in order. */
    public record Entry(int stream, String key, Map<String, String> fields)
    {
        public String get(final String name)
        {
            return fields.get(name);
        }
    }

    private final Outbox outbox;
    private final SymbolTable symbols;
    private final EntryReader reader = new EntryReader();
    private final List<Entry> kept = new ArrayList<>();

    public OutboxEntries(final Outbox outbox, final SymbolTable symbols)
    {
        this.outbox = outbox;
        this.symbols = symbols;
    }

    /** Every entry offered since the last drain, in order. */
    public List<Entry> drain()
    {
        final List<Entry> entries = new ArrayList<>();
        final StreamCatalog catalog = outbox.catalog();
        while (!outbox.isEmpty()) // one drain stops at the end of the buffer: entries that wrapped need another
        {
            outbox.drain((stream, buffer, index, length) ->
            {
                reader.wrap(buffer, index, length);
                final int symbolId = reader.symbolId();
                final int timeframe = reader.timeframe();
                final String key = catalog.name(stream, symbolId >= 0 ? symbols.name(symbolId) : null,
                    timeframe >= 0 ? Timeframe.name(timeframe) : null);
                final Map<String, String> fields = new LinkedHashMap<>();
                while (reader.next())
                {
                    fields.put(reader.name(), reader.value());
                }
                if (fields.size() != reader.fieldCount())
                {
                    throw new AssertionError("entry for " + key + " has duplicate or unreadable fields: " + fields);
                }
                entries.add(new Entry(stream, key, fields));
            }, Integer.MAX_VALUE);
        }
        kept.addAll(entries);
        return entries;
    }

    /** The fields of every entry on {@code stream} so far, drained now or before, oldest first. */
    public List<Map<String, String>> all(final int stream)
    {
        drain();
        final List<Map<String, String>> found = new ArrayList<>();
        for (final Entry e : kept)
        {
            if (e.stream() == stream)
            {
                found.add(e.fields());
            }
        }
        return found;
    }

    /** Waits for the first entry on {@code stream} whose fields match; fails naming {@code what} and every entry seen. */
    public Map<String, String> await(
        final int stream, final Predicate<Map<String, String>> match, final String what, final long timeoutMillis)
    {
        final long deadline = System.currentTimeMillis() + timeoutMillis;
        int seen = 0;
        while (true)
        {
            drain();
            for (; seen < kept.size(); seen++)
            {
                final Entry e = kept.get(seen);
                if (e.stream() == stream && match.test(e.fields()))
                {
                    return e.fields();
                }
            }
            if (System.currentTimeMillis() > deadline)
            {
                throw new AssertionError("no " + what + " entry on " + outbox.catalog().template(stream) + " within "
                    + timeoutMillis + " ms; entries: " + kept);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    public static List<Entry> on(final List<Entry> entries, final String key)
    {
        final List<Entry> matching = new ArrayList<>();
        for (final Entry e : entries)
        {
            if (e.key().equals(key))
            {
                matching.add(e);
            }
        }
        return matching;
    }

    /** The only entry on {@code key}; fails when there are none or several. */
    public static Entry one(final List<Entry> entries, final String key)
    {
        final List<Entry> matching = on(entries, key);
        if (matching.size() != 1)
        {
            throw new AssertionError("expected one entry on " + key + ", got " + matching.size() + ": " + entries);
        }
        return matching.get(0);
    }

    /** Entries on {@code key} whose {@code field} is {@code value}. */
    public static List<Entry> where(final List<Entry> entries, final String key, final String field, final String value)
    {
        final List<Entry> matching = new ArrayList<>();
        for (final Entry e : on(entries, key))
        {
            if (value.equals(e.get(field)))
            {
                matching.add(e);
            }
        }
        return matching;
    }
}
