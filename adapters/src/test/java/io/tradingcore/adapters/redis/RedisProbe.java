package io.tradingcore.adapters.redis;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads back what the writer wrote, through its own connection (plain or TLS). */
final class RedisProbe implements AutoCloseable
{
    private final RedisConnector connector;
    private final StatefulRedisConnection<byte[], byte[]> connection;
    private final RedisCommands<byte[], byte[]> commands;

    RedisProbe(final String url)
    {
        this(new RedisConnector(url));
    }

    RedisProbe(final RedisConnector connector)
    {
        this.connector = connector;
        this.connection = connector.connect();
        this.commands = connection.sync();
    }

    boolean isOpen()
    {
        return connection.isOpen();
    }

    RedisCommands<byte[], byte[]> commands()
    {
        return commands;
    }

    /** Every entry of the stream, oldest first, fields in stream order. */
    List<Map<String, String>> entries(final String key)
    {
        final List<Map<String, String>> entries = new ArrayList<>();
        for (final StreamMessage<byte[], byte[]> message : commands.xrange(bytes(key), Range.create("-", "+")))
        {
            final Map<String, String> fields = new LinkedHashMap<>();
            message.getBody().forEach((name, value) -> fields.put(text(name), text(value)));
            entries.add(fields);
        }
        return entries;
    }

    long length(final String key)
    {
        return commands.xlen(bytes(key));
    }

    String get(final String key)
    {
        final byte[] value = commands.get(bytes(key));
        return value == null ? null : text(value);
    }

    void flushAll()
    {
        commands.flushall();
    }

    @Override
    public void close()
    {
        if (connection.isOpen())
        {
            connection.close();
        }
        connector.close();
    }

    private static byte[] bytes(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(final byte[] bytes)
    {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
