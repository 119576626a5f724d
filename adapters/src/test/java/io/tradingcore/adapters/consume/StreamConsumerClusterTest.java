package io.tradingcore.adapters.consume;

import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import io.tradingcore.adapters.redis.RedisServerFixture;
import io.tradingcore.adapters.redis.cluster.RedisClusterFixture;
import io.tradingcore.core.stream.StreamCatalog;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** run/consume against a Redis Cluster: with --redis-cluster it reads wherever the stream lives; without, a node that does not own it answers MOVED. */
@Tag("cluster")
class StreamConsumerClusterTest
{
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void withTheClusterFlagItFollowsSignalsActiveToTheMasterThatOwnsTheStream()
    {
        try (RedisClusterFixture cluster = RedisClusterFixture.start(3, 0))
        {
            final RedisClusterClient client = RedisClusterClient.create(cluster.seedUrl());
            try (StatefulRedisClusterConnection<String, String> connection = client.connect())
            {
                final RedisAdvancedClusterCommands<String, String> producer = connection.sync();
                producer.set(StreamCatalog.SIGNALS_ACTIVE_KEY, "signals:paper");
                for (int seq = 0; seq < 5; seq++)
                {
                    producer.xadd("signals:paper", Map.of("type", "signal", "seq", Integer.toString(seq)));
                }
            }
            finally
            {
                client.shutdown();
            }
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            final ByteArrayOutputStream err = new ByteArrayOutputStream();
            final int code = StreamConsumerMain.run(new String[] {"--redis", cluster.seedUrls(), "--redis-cluster",
                "--from-start", "--count", "5", "--block-ms", "200", "--consumer", "test-host"}, Map.of(),
                print(out), print(err), new AtomicBoolean(true));

            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
            final List<String> seqs = new ArrayList<>();
            for (final String line : out.toString(StandardCharsets.UTF_8).split("\n"))
            {
                final JsonNode entry = JSON.readTree(line);
                assertEquals("signals:paper", entry.get("stream").asString());
                seqs.add(entry.get("fields").get("seq").asString());
            }
            assertEquals(List.of("0", "1", "2", "3", "4"), seqs);
        }
    }

    @Test
    void withoutTheFlagANodeThatDoesNotOwnTheStreamAnswersMoved()
    {
        try (RedisClusterFixture cluster = RedisClusterFixture.start(2, 0))
        {
            final RedisServerFixture owner = cluster.ownerOf("signals:paper");
            final RedisServerFixture other = cluster.masters().stream().filter(m -> m != owner).findFirst().orElseThrow();
            final ByteArrayOutputStream err = new ByteArrayOutputStream();
            final int code = StreamConsumerMain.run(new String[] {"--redis", other.url(), "--stream", "signals:paper",
                "--count", "1", "--block-ms", "200", "--consumer", "test-host"}, Map.of(),
                print(new ByteArrayOutputStream()), print(err), new AtomicBoolean(true));

            assertEquals(1, code);
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("MOVED"), err.toString(StandardCharsets.UTF_8));
        }
    }

    private static PrintStream print(final ByteArrayOutputStream bytes)
    {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
