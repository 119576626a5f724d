package io.tradingcore.core.ring;

/** How the four stages map onto threads. */
public enum Topology
{
    /** The four stages in order on one thread: for hosts with few cores (and 2-core build boxes). */
    COMPACT,
    /** One busy thread per stage, each meant for its own isolated core: the production layout. */
    PINNED;

    public static Topology of(final String name)
    {
        for (final Topology t : values())
        {
            if (t.name().equalsIgnoreCase(name))
            {
                return t;
            }
        }
        throw new IllegalArgumentException("topology must be compact or pinned, not " + name);
    }
}
