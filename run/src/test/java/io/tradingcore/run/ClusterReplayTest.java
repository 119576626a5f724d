package io.tradingcore.run;

import io.tradingcore.adapters.redis.RedisServerFixture;
import io.tradingcore.adapters.redis.cluster.RedisClusterFixture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same recording replayed by the core into one redis-server and, with --redis-cluster, into a Redis
 * Cluster of three masters: every stream of the catalog holds the same entries in the same order, under
 * the same key names (signals:active included), spread over the masters by hash slot.
 */
@Tag("cluster")
class ClusterReplayTest
{
    /** Written on wall-clock intervals, measuring latency or stamped when the feed connected: not a function of the recording. */
    private static final Set<String> WALL_CLOCK_STREAMS = Set.of("metrics:ticks", "metrics:md:lag", "metrics:signals:e2e",
        "events:bus", "kraken:heartbeat", "kraken:status");
    /** When this process received the frame: wall clock, unlike the exchange's timestamp. */
    private static final String RECEIVED_AT = "received_at";

    @TempDir
    Path dir;

    @Test
    void aReplayIntoTheClusterGivesExactlyTheEntriesOfAReplayIntoOneServer() throws IOException
    {
        final Path recording = TestRecording.write(dir.resolve("session.jsonl"));
        final SortedSet<String> keys;
        final Map<String, List<Map<String, String>>> single = new TreeMap<>();
        try (RedisServerFixture redis = RedisServerFixture.plain(); RedisReadBack streams = new RedisReadBack(redis.url()))
        {
            CoreRun.run(CoreRun.replay(recording, redis.url(), dir.resolve("single-spill"))).assertExit(TradingCoreMain.EXIT_OK);
            keys = streams.keys();
            for (final String key : keys)
            {
                if (!WALL_CLOCK_STREAMS.contains(key) && "stream".equals(streams.type(key)))
                {
                    single.put(key, replayed(streams.entries(key)));
                }
            }
        }
        assertTrue(single.size() > 40, "streams to compare: " + single.keySet());

        try (RedisClusterFixture cluster = RedisClusterFixture.start(3, 0))
        {
            CoreRun.run(CoreRun.replay(recording, cluster.seedUrls(), dir.resolve("cluster-spill"), "--redis-cluster"))
                .assertExit(TradingCoreMain.EXIT_OK);
            final SortedSet<String> clusterKeys = new TreeSet<>();
            for (final RedisServerFixture master : cluster.masters())
            {
                try (RedisReadBack node = new RedisReadBack(master.url()))
                {
                    clusterKeys.addAll(node.keys());
                }
            }
            assertEquals(keys, clusterKeys, "the same key names, nothing renamed or tagged");
            final Map<RedisServerFixture, Integer> perMaster = new LinkedHashMap<>();
            final List<String> differing = new ArrayList<>();
            for (final Map.Entry<String, List<Map<String, String>>> stream : single.entrySet())
            {
                final RedisServerFixture owner = cluster.ownerOf(stream.getKey());
                perMaster.merge(owner, 1, Integer::sum);
                try (RedisReadBack node = new RedisReadBack(owner.url()))
                {
                    if (!stream.getValue().equals(replayed(node.entries(stream.getKey()))))
                    {
                        differing.add(stream.getKey());
                    }
                }
            }
            assertEquals(List.of(), differing, "streams whose entries differ from the single-server replay");
            assertEquals(3, perMaster.size(), "the catalog's streams spread over every master: " + perMaster.values());
            try (RedisReadBack node = new RedisReadBack(cluster.ownerOf("signals:active").url()))
            {
                assertEquals("signals:paper", node.get("signals:active"));
            }
        }
    }

    /** The entries as a function of the recording: run ids taken out, the receive time dropped. */
    private static List<Map<String, String>> replayed(final List<RedisReadBack.Entry> entries)
    {
        final List<Map<String, String>> fields = RedisOutageTest.normalized(entries);
        fields.forEach(entry -> entry.remove(RECEIVED_AT));
        return fields;
    }
}
