package io.tradingcore.adapters.redis;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** URL parsing and masking; no server needed. */
final class RedisConnectorTest
{
    @Test
    void describeMasksThePasswordInEveryUserInfoForm()
    {
        assertEquals("redis://127.0.0.1:6379", RedisConnector.describe("redis://127.0.0.1:6379"));
        assertEquals("rediss://app:***@cache.example:6380/2", RedisConnector.describe("rediss://app:s3cr%40t@cache.example:6380/2"));
        assertEquals("redis://:***@host:6379", RedisConnector.describe("redis://:s3cret@host:6379"));
        assertEquals("redis://***@host:6379", RedisConnector.describe("redis://s3cret@host:6379"));
        assertEquals("redis://us er:***@host:6379", RedisConnector.describe("redis://us er:s3cret@host:6379"));
        // passwords that leave java.net.URI without user info are still masked
        assertEquals("redis://:***@host:6379", RedisConnector.describe("redis://:p@ss@host:6379"));
        assertEquals("redis://u:***@host:6379", RedisConnector.describe("redis://u:pa#ss@host:6379"));
        assertEquals("redis://u:***@host:6379", RedisConnector.describe("redis://u:pa/ss@host:6379"));
    }

    @Test
    void badUrlsAreRefusedWithoutEchoingThePassword()
    {
        final IllegalArgumentException scheme =
            assertThrows(IllegalArgumentException.class, () -> new RedisConnector("http://u:s3cret@host:1"));
        assertTrue(scheme.getMessage().contains("redis:// or rediss://"), scheme.getMessage());
        assertFalse(scheme.getMessage().contains("s3cret"));
        final IllegalArgumentException database =
            assertThrows(IllegalArgumentException.class, () -> new RedisConnector("redis://u:s3cret@host:1/x"));
        assertFalse(database.getMessage().contains("s3cret"));
    }

    @Test
    void aCaFileNeedsTls()
    {
        assertThrows(IllegalArgumentException.class,
            () -> new RedisConnector("redis://host:1", java.nio.file.Path.of("pom.xml"), RedisConnector.DEFAULT_COMMAND_TIMEOUT));
    }
}
