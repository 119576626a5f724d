package io.tradingcore.adapters.redis;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.async.RedisStringAsyncCommands;
import io.tradingcore.core.stream.StreamCatalog;

import java.nio.charset.StandardCharsets;

/**
 * {@code SET signals:active <primary signals stream>}, sent on every new link before any entry, so a
 * reader that follows the alias finds the stream this environment writes even after Redis lost its data.
 */
final class SignalsActive
{
    private final byte[] key = StreamCatalog.SIGNALS_ACTIVE_KEY.getBytes(StandardCharsets.UTF_8);
    private final byte[] value;

    SignalsActive(final String primaryStream)
    {
        this.value = primaryStream.getBytes(StandardCharsets.UTF_8);
    }

    RedisFuture<String> set(final RedisStringAsyncCommands<byte[], byte[]> commands)
    {
        return commands.set(key, value);
    }
}
