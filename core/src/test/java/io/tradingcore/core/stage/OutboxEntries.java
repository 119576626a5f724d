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

/**
 * Test side of an {@link Outbox}: drains it the way the Redis writer does (an {@link EntryReader}
 * over each entry) and names each entry's Redis key, so tests assert on {@code md:book:BTC/USD}.
 */
public final class OutboxEntries
{
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
        return entries;
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
