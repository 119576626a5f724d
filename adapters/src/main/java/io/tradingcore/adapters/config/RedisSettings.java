package io.tradingcore.adapters.config;

import io.tradingcore.adapters.redis.RedisUrl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code redis.*}: where the streams go and how much the writer may hold while Redis is away. */
public final class RedisSettings
{
    public static final String DEFAULT_URL = "redis://127.0.0.1:6379";
    /** Entries per pipelined flush: the one default of the writer's batch size (base.yaml says the same). */
    public static final int DEFAULT_BATCH_SIZE = 256;

    private final String url;
    private final String caFile;
    private final long pendingBoundBytes;
    private final String spillPath;
    private final int batchSize;
    private final boolean cluster;
    private final int ackReplicas;

    RedisSettings(final ConfigTree tree) throws ConfigException
    {
        url = tree.text("redis.url", DEFAULT_URL);
        final String shown = mask(url);
        tree.show("redis.url", shown);
        cluster = tree.flag("redis.cluster", false);
        try
        {
            for (final String one : cluster ? RedisUrl.seeds(url) : List.of(url))
            {
                if (RedisUrl.parse(one).sentinel() && cluster)
                {
                    throw new IllegalArgumentException("is a Sentinel URL; a cluster takes redis:// or rediss:// seeds");
                }
            }
        }
        catch (final IllegalArgumentException e)
        {
            throw tree.invalid("redis.url", shown, (cluster ? "seed URLs redis://host:port,redis://host:port,... " :
                "redis://[user:password@]host[:port][/db], rediss://... for TLS or redis-sentinel://host:port[,...]#master ")
                + "(it " + e.getMessage() + ")");
        }
        caFile = tree.text("redis.caFile", "");
        if (!caFile.isEmpty() && !Files.isReadable(Path.of(caFile)))
        {
            throw tree.invalid("redis.caFile", "a readable PEM file of CA certificates (no such readable file)");
        }
        pendingBoundBytes = tree.integer("redis.pendingBoundBytes", 64L << 20, 1L << 16, 1L << 40);
        spillPath = tree.text("redis.spillPath", "var/spill");
        if (spillPath.isEmpty())
        {
            throw tree.invalid("redis.spillPath", "a directory for the spill journal");
        }
        batchSize = tree.integer("redis.batchSize", DEFAULT_BATCH_SIZE, 1, 100_000);
        ackReplicas = tree.integer("redis.ackReplicas", 0, 0, 1);
    }

    /** {@code redis.url} names seed nodes of a Redis Cluster. */
    public boolean cluster()
    {
        return cluster;
    }

    /** Replicas that must hold a batch of kept entries (WAIT) before it counts as written: 0 or 1. */
    public int ackReplicas()
    {
        return ackReplicas;
    }

    /** The URL with its credentials: for the connection only, never for a log. */
    public String url()
    {
        return url;
    }

    public boolean tls()
    {
        return url.startsWith("rediss:");
    }

    /** The URL with any password (or lone user-info token, which Redis takes as a password) as {@code ****}. */
    public String maskedUrl()
    {
        return mask(url);
    }

    /** A PEM file of CA certificates for {@code rediss://}; empty for the JVM's trust store. */
    public String caFile()
    {
        return caFile;
    }

    /** Bytes of entries held in memory while Redis is slow or away; past it, kept streams spill to disk. */
    public long pendingBoundBytes()
    {
        return pendingBoundBytes;
    }

    public String spillPath()
    {
        return spillPath;
    }

    /** Entries per pipelined flush. */
    public int batchSize()
    {
        return batchSize;
    }

    static String mask(final String url)
    {
        final int scheme = url.indexOf("://");
        final int at = url.lastIndexOf('@');
        if (scheme < 0 || at < scheme)
        {
            return url;
        }
        final String userInfo = url.substring(scheme + 3, at);
        final int colon = userInfo.indexOf(':');
        final String user = colon < 0 ? "" : userInfo.substring(0, colon + 1);
        return url.substring(0, scheme + 3) + user + "****" + url.substring(at);
    }
}
