package io.tradingcore.adapters.config;

/** {@code ring.*}: the inbound ring and how its four stages are run. */
public final class RingSettings
{
    public enum Topology
    {
        /** The four stages in order on one thread: hosts with few cores. */
        COMPACT("compact"),
        /** One busy thread per stage, each pinned to an isolated core: the production layout. */
        PINNED("pinned");

        private final String id;

        Topology(final String id)
        {
            this.id = id;
        }

        public String id()
        {
            return id;
        }
    }

    public enum WaitStrategy
    {
        BUSY_SPIN("busy-spin"), YIELDING("yielding"), SLEEPING("sleeping"), BLOCKING("blocking");

        private final String id;

        WaitStrategy(final String id)
        {
            this.id = id;
        }

        public String id()
        {
            return id;
        }
    }

    private final int size;
    private final int frameCapacityBytes;
    private final Topology topology;
    private final WaitStrategy waitStrategy;
    private final int[] cpus;

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
        final String waitId = tree.choice("ring.waitStrategy", "yielding", "busy-spin", "yielding", "sleeping", "blocking");
        WaitStrategy wait = WaitStrategy.YIELDING;
        for (final WaitStrategy w : WaitStrategy.values())
        {
            if (w.id.equals(waitId))
            {
                wait = w;
            }
        }
        waitStrategy = wait;
        cpus = tree.integers("ring.cpus", new int[0], 0, 4095);
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

    public WaitStrategy waitStrategy()
    {
        return waitStrategy;
    }

    /** CPUs for the pinned stages, in stage order; empty lets the affinity library pick reserved CPUs. */
    public int[] cpus()
    {
        return cpus.clone();
    }
}
