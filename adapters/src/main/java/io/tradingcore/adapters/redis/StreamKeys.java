package io.tradingcore.adapters.redis;

import io.lettuce.core.cluster.SlotHash;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.stream.StreamCatalog;
import io.tradingcore.core.stream.Timeframe;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The concrete Redis keys of the streams, resolved once per (stream, symbol, timeframe) and cached with
 * their XADD header, each with its count of entries written (for the run summary). Resolved and counted on the
 * Redis adapter thread; {@link #writtenByKey()} may be read from any thread.
 */
final class StreamKeys
{
    /** One resolved key: its name, its XADD header, and whether the template was fully filled in. */
    static final class Key
    {
        final int stream;
        final String name;
        /** {@code XADD key MAXLEN ~ n *} as RESP, ready to be copied in front of each entry's fields. */
        final byte[] xaddHeader;
        final boolean complete;
        /** The cluster hash slot of the key name (as it is: no hash tags), which picks its master. */
        final int slot;
        final AtomicLong written = new AtomicLong();

        Key(final int stream, final String name, final int maxLen)
        {
            this.stream = stream;
            this.name = name;
            final byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            this.xaddHeader = XaddEncoder.header(bytes, maxLen);
            this.slot = SlotHash.getSlot(bytes);
            this.complete = name.indexOf('{') < 0;
        }

        void countWritten()
        {
            written.lazySet(written.get() + 1);
        }
    }

    private static final int SYMBOL_SLOTS = SymbolTable.MAX_SYMBOLS + 1;
    private static final int TIMEFRAME_SLOTS = Timeframe.COUNT + 1;

    private final StreamCatalog catalog;
    private final SymbolTable symbols;
    private final Key[][] byStream = new Key[StreamCatalog.COUNT][];
    private final CopyOnWriteArrayList<Key> all = new CopyOnWriteArrayList<>();

    StreamKeys(final StreamCatalog catalog, final SymbolTable symbols)
    {
        this.catalog = catalog;
        this.symbols = symbols;
    }

    /** The key of an entry; symbolId and timeframe are -1 (or unknown) when the stream has none. */
    Key key(final int stream, final int symbolId, final int timeframe)
    {
        final boolean knownSymbol = symbolId >= 0 && symbolId < symbols.size();
        final boolean knownTimeframe = timeframe >= 0 && timeframe < Timeframe.COUNT;
        final int slot = (knownSymbol ? symbolId + 1 : 0) * TIMEFRAME_SLOTS + (knownTimeframe ? timeframe + 1 : 0);
        Key[] keys = byStream[stream];
        if (keys == null)
        {
            keys = new Key[SYMBOL_SLOTS * TIMEFRAME_SLOTS];
            byStream[stream] = keys;
        }
        Key key = keys[slot];
        if (key == null)
        {
            key = new Key(stream, catalog.name(
                stream,
                knownSymbol ? symbols.name(symbolId) : null,
                knownTimeframe ? Timeframe.name(timeframe) : null), catalog.maxLen(stream));
            keys[slot] = key;
            all.add(key);
        }
        return key;
    }

    /** Entries written so far, by key name (sorted), for the run summary. */
    Map<String, Long> writtenByKey()
    {
        final Map<String, Long> counts = new TreeMap<>();
        for (final Key key : all)
        {
            final long written = key.written.get();
            if (written > 0)
            {
                counts.merge(key.name, written, Long::sum);
            }
        }
        return counts;
    }
}
