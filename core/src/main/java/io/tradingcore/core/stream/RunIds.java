package io.tradingcore.core.stream;

import static io.tradingcore.core.stream.EntryWriter.ascii;

/**
 * The prefixes of the ids one run writes ({@code sig-<runId>-<n>}, {@code tick-}, {@code ord-},
 * {@code fill-}): the run id makes them unique across restarts. Built once, shared by every stage that
 * writes or refers to them, so a signal's id reads the same on each of its streams.
 */
public final class RunIds
{
    public final byte[] signal;
    public final byte[] tick;
    public final byte[] order;
    public final byte[] fill;

    public RunIds(final String runId)
    {
        signal = prefix("sig", runId);
        tick = prefix("tick", runId);
        order = prefix("ord", runId);
        fill = prefix("fill", runId);
    }

    private static byte[] prefix(final String kind, final String runId)
    {
        return ascii(kind + "-" + runId + "-");
    }
}
