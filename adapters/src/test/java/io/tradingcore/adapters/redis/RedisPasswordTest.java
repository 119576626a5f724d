package io.tradingcore.adapters.redis;

import io.lettuce.core.AclSetuserArgs;
import io.tradingcore.adapters.config.ConfigLoader;
import io.tradingcore.adapters.config.TradingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A password holding '#', a raw '@', '/', '?' or a lone '%' is taken as typed, by the configuration and the connection. */
final class RedisPasswordTest
{
    @TempDir
    Path noConfigFiles;

    @Test
    void aPasswordWithHashAndRawAtIsAcceptedAndAuthenticates() throws Exception
    {
        try (RedisServerFixture redis = RedisServerFixture.plain(); RedisProbe admin = new RedisProbe(redis.url()))
        {
            final String password = "p#ss@w/rd?1%";
            admin.commands().aclSetuser("trader", AclSetuserArgs.Builder.on().addPassword(password).allKeys().allCommands());
            final String url = "redis://trader:" + password + "@127.0.0.1:" + redis.port() + "/0";
            final TradingConfig config = ConfigLoader.load(new String[] {"--redis", url}, Map.of(), noConfigFiles);
            assertEquals("redis://trader:****@127.0.0.1:" + redis.port() + "/0", config.redis().maskedUrl());
            try (RedisProbe trader = new RedisProbe(config.redis().url()))
            {
                assertEquals("trader", trader.commands().aclWhoami());
            }
        }
    }
}
