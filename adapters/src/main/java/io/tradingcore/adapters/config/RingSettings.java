package io.tradingcore.adapters.config;

import io.tradingcore.core.ring.Topology;
import io.tradingcore.core.ring.WaitStrategies;
import net.openhft.affinity.Affinity;

import java.util.BitSet;

/** {@code ring.*}: the inbound ring and how its four stages are run. */
public final class RingSettings
{
    private final int size;
    private final int frameCapacityBytes;
    private final Topology topology;
    private final String waitStrategy;
    private final int[] cpus;
    private final int warmupFrames;

    RingSettings(final ConfigTree tree) throws ConfigException
    {
        size = tree.integer("ring.size", 4096, 2, 1 << 24);
        if (Integer.bitCount(size) != 1)
        {
            throw tree.invalid("ring.size", "a power of two from 2 to 16777216 (e.g. 1024, 4096, 65536)");
        }
        frameCapacityBytes = tree.integer("ring.frameCapacityBytes", 16_384, 1024, 16 << 20);
        final String topologyId = tree.choice("ring.topology", "compact", "compact", "pinned");
        topology = "pinned".equals(topologyId) ? Topology.PINNED : Topology.COMPACT;
        waitStrategy = tree.choice("ring.waitStrategy", "yielding", WaitStrategies.NAMES);
        cpus = tree.integers("ring.cpus", new int[0], 0, 4095);
        final BitSet allowed = Affinity.getAffinity();
        for (final int cpu : cpus)
        {
            if (!allowed.isEmpty() && !allowed.get(cpu))
            {
                throw tree.invalid("ring.cpus", "CPUs this process may run on: " + allowed + " (taskset or TRADING_CPUS decide which)");
            }
        }
        warmupFrames = tree.integer("ring.warmupFrames", 50_000, 0, 10_000_000);
    }

    /** Synthetic frames run through a throwaway copy of the stages before a live feed is subscribed; 0 = none. */
    public int warmupFrames()
    {
        return warmupFrames;
    }

    /** Slots in the ring, a power of two. */
    public int size()
    {
        return size;
    }

    /** The largest raw frame a slot holds; a larger frame is rejected and counted. */
    public int frameCapacityBytes()
    {
        return frameCapacityBytes;
    }

    public Topology topology()
    {
        return topology;
    }

    /** One of {@link WaitStrategies#NAMES}. */
    public String waitStrategy()
    {
        return waitStrategy;
    }

    /** CPUs for the pinned stages, in stage order; empty lets the affinity library pick reserved CPUs. */
    public int[] cpus()
    {
        return cpus.clone();
    }
}
