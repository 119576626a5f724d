package io.tradingcore.run;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;

/** Reads back what the core wrote, over its own connection, as a downstream consumer would. */
final class RedisReadBack implements AutoCloseable
{
    /** One stream entry: its Redis id and its fields in stream order. */
    record Entry(String id, Map<String, String> fields)
    {
        String get(final String field)
        {
            return fields.get(field);
        }

        /** The millisecond part of the id: when Redis took the entry. */
        long millis()
        {
            return Long.parseLong(id.substring(0, id.indexOf('-')));
        }
    }

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> commands;

    RedisReadBack(final String url)
    {
        client = RedisClient.create(url);
        connection = client.connect();
        commands = connection.sync();
    }

    /** Every entry of {@code key}, oldest first; empty when the stream does not exist. */
    List<Entry> entries(final String key)
    {
        final List<Entry> entries = new ArrayList<>();
        for (final StreamMessage<String, String> m : commands.xrange(key, Range.create("-", "+")))
        {
            entries.add(new Entry(m.getId(), m.getBody()));
        }
        return entries;
    }

    /** The entries of {@code key} whose {@code field} is {@code value}. */
    List<Entry> entries(final String key, final String field, final String value)
    {
        return entries(key).stream().filter(e -> value.equals(e.get(field))).toList();
    }

    long length(final String key)
    {
        return commands.xlen(key);
    }

    String get(final String key)
    {
        return commands.get(key);
    }

    String type(final String key)
    {
        return commands.type(key);
    }

    /** Every key of the database, by SCAN. */
    SortedSet<String> keys()
    {
        final SortedSet<String> keys = new TreeSet<>();
        KeyScanCursor<String> cursor = commands.scan();
        keys.addAll(cursor.getKeys());
        while (!cursor.isFinished())
        {
            cursor = commands.scan(ScanCursor.of(cursor.getCursor()));
            keys.addAll(cursor.getKeys());
        }
        return keys;
    }

    /** Polls {@code key} until an entry matches; false on timeout. */
    boolean awaitEntry(final String key, final Predicate<Entry> match, final Duration timeout) throws InterruptedException
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        do
        {
            if (commands.exists(key) > 0 && entries(key).stream().anyMatch(match))
            {
                return true;
            }
            Thread.sleep(50);
        }
        while (System.nanoTime() < deadline);
        return false;
    }

    @Override
    public void close()
    {
        connection.close();
        client.shutdown();
    }
}
