package io.tradingcore.run;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

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

    /** Keys, and stream fields and values, whose bytes are not UTF-8: what a reader decoding text would fail on. */
    List<String> notUtf8()
    {
        final List<String> bad = new ArrayList<>();
        try (StatefulRedisConnection<byte[], byte[]> raw = client.connect(ByteArrayCodec.INSTANCE))
        {
            final RedisCommands<byte[], byte[]> bytes = raw.sync();
            KeyScanCursor<byte[]> cursor = bytes.scan();
            while (true)
            {
                for (final byte[] key : cursor.getKeys())
                {
                    if (!utf8(key))
                    {
                        bad.add("key " + new String(key, StandardCharsets.ISO_8859_1));
                    }
                    else if ("stream".equals(bytes.type(key)))
                    {
                        for (final StreamMessage<byte[], byte[]> m : bytes.xrange(key, Range.create("-", "+")))
                        {
                            m.getBody().forEach((field, value) ->
                            {
                                if (!utf8(field) || !utf8(value))
                                {
                                    bad.add(new String(key, StandardCharsets.UTF_8) + " " + new String(field, StandardCharsets.ISO_8859_1));
                                }
                            });
                        }
                    }
                }
                if (cursor.isFinished())
                {
                    return bad;
                }
                cursor = bytes.scan(ScanCursor.of(cursor.getCursor()));
            }
        }
    }

    private static boolean utf8(final byte[] bytes)
    {
        try
        {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        }
        catch (final CharacterCodingException ex)
        {
            return false;
        }
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
