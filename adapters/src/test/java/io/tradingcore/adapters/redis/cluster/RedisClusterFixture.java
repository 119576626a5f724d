package io.tradingcore.adapters.redis.cluster;

import io.tradingcore.adapters.Pause;
import io.tradingcore.adapters.redis.RedisServerFixture;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A real Redis Cluster of child redis-servers on free loopback ports: {@code masters} masters sharing
 * the 16,384 slots in equal ranges, each with {@code replicasPerMaster} replicas. Formed by hand
 * (SET-CONFIG-EPOCH, ADDSLOTSRANGE, MEET, REPLICATE) rather than by {@code redis-cli --cluster create},
 * which refuses fewer than three masters; the scale benchmarks need one and two. A node timeout of one
 * second makes a failed master's replica take over in two or three seconds. Everything is driven
 * through {@code redis-cli}, never through the Lettuce code under test.
 */
public final class RedisClusterFixture implements AutoCloseable
{
    private static final int SLOTS = 16_384;
    private static final long FORM_TIMEOUT_MS = 30_000;
    private static final long FAILOVER_TIMEOUT_MS = 30_000;

    private final List<RedisServerFixture> nodes = new ArrayList<>();
    private final List<Integer> busPorts = new ArrayList<>();
    private final Set<RedisServerFixture> down = new HashSet<>();

    private RedisClusterFixture()
    {
    }

    /** Starts and forms the cluster; returns once every node reports {@code cluster_state:ok}. */
    public static RedisClusterFixture start(final int masters, final int replicasPerMaster)
    {
        final RedisClusterFixture cluster = new RedisClusterFixture();
        try
        {
            cluster.form(masters, replicasPerMaster);
        }
        catch (final RuntimeException ex)
        {
            cluster.close();
            throw ex;
        }
        return cluster;
    }

    /** Every node's URL, comma-separated: the seed list for {@code --redis} with {@code --redis-cluster}. */
    public String seedUrls()
    {
        return nodes.stream().map(RedisServerFixture::url).collect(Collectors.joining(","));
    }

    /** One node's URL, as a user who names a single seed would. */
    public String seedUrl()
    {
        return nodes.get(0).url();
    }

    public List<RedisServerFixture> nodes()
    {
        return List.copyOf(nodes);
    }

    /** The masters that own slots now, as a live node sees them, in the order of their lowest slot. */
    public List<RedisServerFixture> masters()
    {
        return rows(live()).stream().filter(row -> row.master() && !row.slots().isEmpty())
            .sorted(Comparator.comparingInt(NodeRow::lowestSlot))
            .map(row -> node(row.port())).collect(Collectors.toList());
    }

    public int slotOf(final String key)
    {
        return Integer.parseInt(RedisCli.call(live().port(), "CLUSTER", "KEYSLOT", key).trim());
    }

    /** The master that owns {@code key}'s slot now, as a live node sees it. */
    public RedisServerFixture ownerOf(final String key)
    {
        final int slot = slotOf(key);
        for (final NodeRow row : rows(live()))
        {
            if (row.master() && row.owns(slot))
            {
                return node(row.port());
            }
        }
        throw new IllegalStateException("no master owns slot " + slot + ":\n" + nodesTable());
    }

    /** A replica of {@code master} (the one a failover of it promotes, when it has one). */
    public RedisServerFixture replicaOf(final RedisServerFixture master)
    {
        final String id = id(master);
        return rows(live()).stream().filter(row -> id.equals(row.masterId()))
            .map(row -> node(row.port())).findFirst()
            .orElseThrow(() -> new IllegalStateException(master.url() + " has no replica:\n" + nodesTable()));
    }

    /** Makes {@code replica} a replica of {@code master} (CLUSTER REPLICATE) and waits until it is in sync. */
    public void replicate(final RedisServerFixture replica, final RedisServerFixture master)
    {
        RedisCli.call(replica.port(), "CLUSTER", "REPLICATE", id(master));
        Pause.until(replica.url() + " in sync with " + master.url(), FORM_TIMEOUT_MS, () ->
            RedisCli.call(replica.port(), "INFO", "replication").contains("master_port:" + master.port())
                && RedisCli.call(replica.port(), "INFO", "replication").contains("master_link_status:up"));
    }

    /** SIGSTOP of a node: it hangs with its sockets open until {@link #resume} (or a crash). */
    public void suspend(final RedisServerFixture node)
    {
        down.add(node);
        node.suspend();
    }

    public void resume(final RedisServerFixture node)
    {
        node.resume();
        down.remove(node);
    }

    /** SIGKILL of a node. */
    public void crash(final RedisServerFixture node)
    {
        down.add(node);
        node.crash();
    }

    /**
     * Waits until a replica has taken over every slot {@code failed} owned and the surviving nodes report
     * {@code cluster_state:ok}; returns the master that now owns {@code key}.
     */
    public RedisServerFixture awaitPromotion(final RedisServerFixture failed, final String key)
    {
        final String failedId = rows(live()).stream().filter(row -> row.port() == failed.port())
            .map(NodeRow::id).findFirst().orElseThrow();
        Pause.until("a replica to take over from " + failed.url(), FAILOVER_TIMEOUT_MS, () -> allOk()
            && rows(live()).stream().noneMatch(row -> row.id().equals(failedId) && !row.slots().isEmpty()));
        return ownerOf(key);
    }

    /**
     * Moves {@code key}'s slot to {@code target} while clients keep writing, the way {@code redis-cli
     * --cluster reshard} moves each slot: IMPORTING/MIGRATING, MIGRATE of its keys (clients get ASK for a
     * key already moved), then SETSLOT NODE on every master (clients get MOVED).
     */
    public void migrateSlot(final String key, final RedisServerFixture target)
    {
        final RedisServerFixture source = ownerOf(key);
        if (source == target)
        {
            throw new IllegalArgumentException(key + " already lives on " + target.url());
        }
        final String slot = Integer.toString(slotOf(key));
        final String sourceId = id(source);
        final String targetId = id(target);
        RedisCli.call(target.port(), "CLUSTER", "SETSLOT", slot, "IMPORTING", sourceId);
        RedisCli.call(source.port(), "CLUSTER", "SETSLOT", slot, "MIGRATING", targetId);
        while (true)
        {
            final String[] keys = RedisCli.call(source.port(), "CLUSTER", "GETKEYSINSLOT", slot, "100")
                .lines().filter(line -> !line.isEmpty()).toArray(String[]::new);
            if (keys.length == 0)
            {
                break;
            }
            final List<String> migrate = new ArrayList<>(List.of(
                "MIGRATE", "127.0.0.1", Integer.toString(target.port()), "", "0", "10000", "KEYS"));
            migrate.addAll(List.of(keys));
            RedisCli.call(source.port(), migrate.toArray(String[]::new));
        }
        for (final RedisServerFixture master : masters())
        {
            RedisCli.call(master.port(), "CLUSTER", "SETSLOT", slot, "NODE", targetId);
        }
    }

    /**
     * {@code redis-cli --cluster reshard}: moves {@code from}'s lowest-numbered {@code slots} slots, keys
     * and all, to {@code to}, one slot at a time as an operator's resharding does.
     */
    public String reshard(final RedisServerFixture from, final RedisServerFixture to, final int slots)
    {
        return RedisCli.cluster("reshard", "127.0.0.1:" + live().port(), "--cluster-from", id(from),
            "--cluster-to", id(to), "--cluster-slots", Integer.toString(slots));
    }

    /** CLUSTER NODES as a live node sees it, for failure messages. */
    public String nodesTable()
    {
        return RedisCli.call(live().port(), "CLUSTER", "NODES");
    }

    @Override
    public void close()
    {
        nodes.forEach(RedisServerFixture::close);
    }

    private void form(final int masters, final int replicasPerMaster)
    {
        if (masters < 1 || replicasPerMaster < 0)
        {
            throw new IllegalArgumentException("masters >= 1 and replicas >= 0, not " + masters + "/" + replicasPerMaster);
        }
        for (int i = 0; i < masters * (1 + replicasPerMaster); i++)
        {
            // the bus port by default is port + 10000, which may be taken or past 65535: name a free one
            final int busPort = RedisServerFixture.freePort();
            busPorts.add(busPort);
            nodes.add(RedisServerFixture.withArgs("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                "--cluster-node-timeout", "1000", "--repl-diskless-sync-delay", "0",
                "--cluster-port", Integer.toString(busPort)));
            RedisCli.call(nodes.get(i).port(), "CLUSTER", "SET-CONFIG-EPOCH", Integer.toString(i + 1));
        }
        for (int m = 0; m < masters; m++)
        {
            final int first = SLOTS * m / masters;
            final int last = SLOTS * (m + 1) / masters - 1;
            RedisCli.call(nodes.get(m).port(), "CLUSTER", "ADDSLOTSRANGE", Integer.toString(first), Integer.toString(last));
        }
        meetFirst();
        final long deadline = System.currentTimeMillis() + FORM_TIMEOUT_MS;
        for (int polls = 1; !nodes.stream().allMatch(this::knowsEveryNode); polls++)
        {
            if (System.currentTimeMillis() > deadline)
            {
                final StringBuilder views = new StringBuilder("every node did not get to know every other in "
                    + FORM_TIMEOUT_MS + " ms:");
                for (int i = 0; i < nodes.size(); i++)
                {
                    views.append("\n-- ").append(nodes.get(i).port()).append(" bus ").append(busPorts.get(i))
                        .append('\n').append(RedisCli.call(nodes.get(i).port(), "CLUSTER", "NODES"));
                }
                throw new IllegalStateException(views.toString());
            }
            if (polls % 50 == 0)
            {
                meetFirst(); // a handshake lost on a busy box is tried again; MEET of a known node is harmless
            }
            Pause.millis(20);
        }
        for (int r = masters; r < nodes.size(); r++)
        {
            RedisCli.call(nodes.get(r).port(), "CLUSTER", "REPLICATE", id(nodes.get((r - masters) % masters)));
        }
        Pause.until("replicas attached and cluster_state:ok", FORM_TIMEOUT_MS, () -> allOk()
            && nodes.stream().allMatch(node -> rows(node).stream().filter(row -> !row.master()).count()
                == (long)masters * replicasPerMaster));
        // a replica that never finished its first sync has no data to offer and refuses to fail over
        Pause.until("every replica in sync with its master", FORM_TIMEOUT_MS, () -> nodes.subList(masters, nodes.size())
            .stream().allMatch(node -> RedisCli.call(node.port(), "INFO", "replication").contains("master_link_status:up")));
    }

    /** {@code node} lists every node of the fixture past its handshake, and no other. */
    private boolean knowsEveryNode(final RedisServerFixture node)
    {
        final Set<Integer> known = rows(node).stream().filter(row -> !row.handshake()).map(NodeRow::port)
            .collect(Collectors.toSet());
        return known.equals(nodes.stream().map(RedisServerFixture::port).collect(Collectors.toSet()));
    }

    private void meetFirst()
    {
        for (int i = 1; i < nodes.size(); i++)
        {
            RedisCli.call(nodes.get(i).port(), "CLUSTER", "MEET", "127.0.0.1", Integer.toString(nodes.get(0).port()),
                Integer.toString(busPorts.get(0)));
        }
    }

    private boolean allOk()
    {
        return nodes.stream().filter(node -> !down.contains(node))
            .allMatch(node -> RedisCli.call(node.port(), "CLUSTER", "INFO").contains("cluster_state:ok"));
    }


    private RedisServerFixture live()
    {
        return nodes.stream().filter(node -> !down.contains(node)).findFirst()
            .orElseThrow(() -> new IllegalStateException("every node is down"));
    }

    private RedisServerFixture node(final int port)
    {
        return nodes.stream().filter(node -> node.port() == port).findFirst()
            .orElseThrow(() -> new IllegalStateException("no node on port " + port));
    }

    private String id(final RedisServerFixture node)
    {
        return RedisCli.call(node.port(), "CLUSTER", "MYID").trim();
    }

    private static List<NodeRow> rows(final RedisServerFixture node)
    {
        return RedisCli.call(node.port(), "CLUSTER", "NODES").lines()
            .filter(line -> !line.isBlank()).map(NodeRow::parse).collect(Collectors.toList());
    }
}
