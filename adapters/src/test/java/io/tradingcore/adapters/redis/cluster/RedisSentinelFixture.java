package io.tradingcore.adapters.redis.cluster;

import io.tradingcore.adapters.Pause;
import io.tradingcore.adapters.redis.RedisServerFixture;

import java.util.List;

/**
 * One master, one replica and one Sentinel watching them (quorum 1), all real child redis-servers on free
 * loopback ports. Sentinel declares the master down after one second and promotes the replica, as three
 * Sentinels of a production group would after their {@code down-after-milliseconds}.
 */
public final class RedisSentinelFixture implements AutoCloseable
{
    public static final String MASTER_NAME = "core";
    private static final long TIMEOUT_MS = 30_000;

    private final RedisServerFixture first;
    private final RedisServerFixture second;
    private final RedisServerFixture sentinel;

    private RedisSentinelFixture(final RedisServerFixture first, final RedisServerFixture second,
        final RedisServerFixture sentinel)
    {
        this.first = first;
        this.second = second;
        this.sentinel = sentinel;
    }

    /** Starts the group; returns once Sentinel knows the replica and the replica is in sync. */
    public static RedisSentinelFixture start()
    {
        final RedisServerFixture master = RedisServerFixture.plain();
        final RedisServerFixture replica = RedisServerFixture.withArgs("--replicaof", "127.0.0.1",
            Integer.toString(master.port()));
        final RedisServerFixture sentinel = RedisServerFixture.sentinel(
            "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + master.port() + " 1\n" +
            "sentinel down-after-milliseconds " + MASTER_NAME + " 1000\n" +
            "sentinel failover-timeout " + MASTER_NAME + " 5000\n");
        final RedisSentinelFixture group = new RedisSentinelFixture(master, replica, sentinel);
        try
        {
            Pause.until("the replica in sync and known to Sentinel", TIMEOUT_MS, () ->
                RedisCli.call(replica.port(), "INFO", "replication").contains("master_link_status:up") &&
                RedisCli.call(sentinel.port(), "SENTINEL", "REPLICAS", MASTER_NAME).contains(Integer.toString(replica.port())));
        }
        catch (final RuntimeException ex)
        {
            group.close();
            throw ex;
        }
        return group;
    }

    /** The seed URL a client gives Lettuce: {@code redis-sentinel://127.0.0.1:<port>#core}. */
    public String url()
    {
        return "redis-sentinel://127.0.0.1:" + sentinel.port() + "#" + MASTER_NAME;
    }

    /** The server Sentinel names as master now. */
    public RedisServerFixture master()
    {
        final List<String> address = RedisCli.call(sentinel.port(), "SENTINEL", "GET-MASTER-ADDR-BY-NAME", MASTER_NAME)
            .lines().toList();
        final int port = Integer.parseInt(address.get(1).trim());
        return port == first.port() ? first : second;
    }

    public RedisServerFixture sentinel()
    {
        return sentinel;
    }

    /** Waits until Sentinel has promoted a server other than {@code failed} and it answers as master. */
    public RedisServerFixture awaitFailover(final RedisServerFixture failed)
    {
        Pause.until("Sentinel to promote the replica of " + failed.url(), TIMEOUT_MS, () -> master() != failed
            && RedisCli.call(master().port(), "ROLE").startsWith("master"));
        return master();
    }

    @Override
    public void close()
    {
        sentinel.close();
        second.close();
        first.close();
    }

}
