package io.tradingcore.adapters.redis.cluster;

import io.tradingcore.adapters.redis.RedisServerFixture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fixtures the cluster and Sentinel tests stand on: they form, fail over and move slots for real. */
@Tag("cluster")
class RedisClusterFixtureTest
{
    private static final String KEY = "signals:paper";

    @Test
    void aSingleMasterClusterOwnsEverySlot()
    {
        try (RedisClusterFixture cluster = RedisClusterFixture.start(1, 0))
        {
            assertEquals(1, cluster.masters().size());
            assertSame(cluster.nodes().get(0), cluster.ownerOf(KEY));
        }
    }

    @Test
    void aCrashedMastersReplicaTakesOverWithItsData()
    {
        try (RedisClusterFixture cluster = RedisClusterFixture.start(3, 1))
        {
            assertEquals(3, cluster.masters().size());
            final RedisServerFixture owner = cluster.ownerOf(KEY);
            final RedisServerFixture replica = cluster.replicaOf(owner);
            RedisCli.call(owner.port(), "XADD", KEY, "*", "signal", "1");
            RedisCli.call(owner.port(), "WAIT", "1", "5000");

            cluster.crash(owner);

            assertSame(replica, cluster.awaitPromotion(owner, KEY));
            assertEquals("1", RedisCli.call(replica.port(), "XLEN", KEY).trim());
        }
    }

    @Test
    void aMigratedSlotTakesItsKeysToTheNewOwner()
    {
        try (RedisClusterFixture cluster = RedisClusterFixture.start(2, 0))
        {
            final RedisServerFixture owner = cluster.ownerOf(KEY);
            final RedisServerFixture target = cluster.masters().stream().filter(m -> m != owner).findFirst().orElseThrow();
            RedisCli.call(owner.port(), "XADD", KEY, "*", "signal", "1");

            cluster.migrateSlot(KEY, target);

            assertSame(target, cluster.ownerOf(KEY));
            assertEquals("1", RedisCli.call(target.port(), "XLEN", KEY).trim());
            assertTrue(RedisCli.call(owner.port(), "XLEN", KEY).startsWith("MOVED"));
        }
    }

    @Test
    void sentinelPromotesTheReplicaWhenTheMasterDies()
    {
        try (RedisSentinelFixture group = RedisSentinelFixture.start())
        {
            final RedisServerFixture master = group.master();
            RedisCli.call(master.port(), "XADD", KEY, "*", "signal", "1");
            RedisCli.call(master.port(), "WAIT", "1", "5000");

            master.crash();

            final RedisServerFixture promoted = group.awaitFailover(master);
            assertNotSame(master, promoted);
            assertEquals("1", RedisCli.call(promoted.port(), "XLEN", KEY).trim());
            assertTrue(group.url().startsWith("redis-sentinel://127.0.0.1:"));
        }
    }

    @Test
    void reshardMovesTheLowestSlotsWithTheirKeys()
    {
        try (RedisClusterFixture cluster = RedisClusterFixture.start(2, 0))
        {
            final RedisServerFixture first = cluster.masters().get(0);
            final RedisServerFixture second = cluster.masters().get(1);

            assertSame(first, cluster.ownerOf(KEY));
            RedisCli.call(first.port(), "XADD", KEY, "*", "signal", "1");

            cluster.reshard(first, second, cluster.slotOf(KEY) + 1);

            assertSame(second, cluster.ownerOf(KEY));
            assertEquals("1", RedisCli.call(second.port(), "XLEN", KEY).trim());
        }
    }
}
