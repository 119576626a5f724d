package io.tradingcore.run;

import net.openhft.affinity.AffinityLock;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for the ring's stages, in stage order. Pinned: each thread binds itself to the next
 * configured CPU (or a reserved one when none is configured) for its whole life, so a stage never
 * migrates and its caches stay warm. Compact: one unpinned thread.
 */
final class StageThreads implements ThreadFactory
{
    private final boolean pin;
    private final int[] cpus;
    private final AtomicInteger next = new AtomicInteger();

    StageThreads(final boolean pin, final int[] cpus)
    {
        this.pin = pin;
        this.cpus = cpus;
    }

    @Override
    public Thread newThread(final Runnable stage)
    {
        final int index = next.getAndIncrement();
        final Runnable body = pin ? () -> runPinned(index, stage) : stage;
        final Thread thread = new Thread(body, "stage-" + index);
        thread.setDaemon(true);
        return thread;
    }

    private void runPinned(final int index, final Runnable stage)
    {
        final AffinityLock lock = index < cpus.length ? AffinityLock.acquireLock(cpus[index]) : AffinityLock.acquireLock();
        try
        {
            stage.run();
        }
        finally
        {
            lock.release();
        }
    }
}
