package io.tradingcore.adapters.redis;

import io.lettuce.core.RedisURI;
import io.tradingcore.adapters.config.ConfigException;
import io.tradingcore.adapters.config.ConfigLoader;
import io.tradingcore.adapters.config.TradingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sentinel URLs and cluster seed lists, as parsed and as the configuration takes them. */
final class RedisUrlTest
{
    @TempDir
    Path noConfigFiles;

    @Test
    void aSentinelUrlNamesEverySentinelAndTheMaster()
    {
        final RedisUrl url = RedisUrl.parse("redis-sentinel://u:p#w@s1:26380,s2,s3:26381/2#core");
        assertTrue(url.sentinel());
        final RedisURI uri = url.toRedisUri(Duration.ofSeconds(1));
        assertEquals("core", uri.getSentinelMasterId());
        assertEquals(List.of("s1:26380", "s2:26379", "s3:26381"),
            uri.getSentinels().stream().map(s -> s.getHost() + ":" + s.getPort()).toList());
        assertEquals(2, uri.getDatabase());
        assertEquals("p#w", new String(uri.getCredentialsProvider().resolveCredentials().block().getPassword()));
        final IllegalArgumentException noMaster =
            assertThrows(IllegalArgumentException.class, () -> RedisUrl.parse("redis-sentinel://s1:26379"));
        assertTrue(noMaster.getMessage().contains("master"), noMaster.getMessage());
    }

    @Test
    void seedUrlsSplitAtEachSchemeSoACommaInAPasswordStays()
    {
        assertEquals(List.of("redis://a:7000", "rediss://u:p,w@b:7001", "redis://c:7002"),
            RedisUrl.seeds("redis://a:7000,rediss://u:p,w@b:7001,redis://c:7002"));
        assertEquals(List.of("redis://a:7000"), RedisUrl.seeds("redis://a:7000"));
    }

    @Test
    void theConfigurationTakesSeedsWithTheClusterFlagAndRefusesSentinelSeeds() throws Exception
    {
        final TradingConfig config = ConfigLoader.load(
            new String[] {"--redis-cluster", "--redis", "redis://a:7000,redis://u:secret@b:7001"}, Map.of(), noConfigFiles);
        assertTrue(config.redis().cluster());
        assertEquals(0, config.redis().ackReplicas());
        assertFalse(config.redis().maskedUrl().contains("secret"));

        final ConfigException sentinelSeed = assertThrows(ConfigException.class, () -> ConfigLoader.load(
            new String[] {"--redis-cluster", "--redis", "redis-sentinel://s:26379#core"}, Map.of(), noConfigFiles));
        assertTrue(sentinelSeed.getMessage().contains("seed URLs"), sentinelSeed.getMessage());
        final ConfigException commaWithoutFlag = assertThrows(ConfigException.class, () -> ConfigLoader.load(
            new String[] {"--redis", "redis://a:7000,redis://b:7001"}, Map.of(), noConfigFiles));
        assertTrue(commaWithoutFlag.getMessage().contains("redis.url"), commaWithoutFlag.getMessage());
        assertTrue(ConfigLoader.load(new String[] {"--redis", "redis-sentinel://s:26379#core"}, Map.of(), noConfigFiles)
            .redis().url().startsWith("redis-sentinel://"));
    }
}
