package io.tradingcore.bench;

import io.tradingcore.adapters.sim.SyntheticMarket;
import io.tradingcore.core.ring.RingFrameSink;
import io.tradingcore.core.ring.Topology;
import io.tradingcore.core.ring.TradingPipeline;
import io.tradingcore.core.ring.WaitStrategies;
import io.tradingcore.core.time.MicrosClock;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The real ring and its four real stages ({@link TradingStages}) in a given topology and wait
 * strategy, with the outbox drained by a background thread that discards every entry, as the Redis
 * adapter thread would take them (no Redis). Stage threads are plain daemon threads: affinity
 * pinning needs a reservable CPU per stage, and a 2-core box has one.
 */
final class DrainedPipeline implements AutoCloseable
{
    static final int RING_SIZE = 4096;
    static final int FRAME_CAPACITY = 16_384;
    private static final int DRAIN_LIMIT = 4096;
    private static final long DRAINER_IDLE_NANOS = 100_000;
    private static final MessageHandler DISCARD = (type, buffer, index, length) -> { };

    final TradingStages trading;
    private final TradingPipeline pipeline;
    private final RingFrameSink sink;
    private final MicrosClock clock = new MicrosClock();
    private final Thread drainer;
    private volatile boolean draining = true;

    DrainedPipeline(final Topology topology, final String waitStrategy, final int bookDepth)
    {
        trading = new TradingStages(SyntheticMarket.defaultSymbols(), bookDepth);
        pipeline = new TradingPipeline(RING_SIZE, FRAME_CAPACITY, topology, WaitStrategies.of(waitStrategy),
            stageThreads(), trading.faults, trading.inOrder());
        drainer = new Thread(this::drainOutbox, "outbox-drainer");
        drainer.setDaemon(true);
        drainer.start();
        sink = pipeline.start();
    }

    /**
     * Publishes the recording's next frame (after a session start when it opens a pass), received
     * at {@code receiveNanos}; blocks while the ring is full.
     */
    void play(final LoopedRecording recording, final long receiveNanos)
    {
        final long epochMicros = clock.epochMicros();
        if (recording.next())
        {
            sink.onSessionStart(epochMicros);
        }
        final UnsafeBuffer frame = recording.frame();
        sink.onFrame(frame, 0, frame.capacity(), epochMicros, receiveNanos);
    }

    /** Waits until the last stage has processed everything published so far. */
    void awaitProcessed()
    {
        while (!pipeline.isDrained())
        {
            Thread.yield();
        }
    }

    @Override
    public void close()
    {
        awaitProcessed();
        pipeline.stop(1, TimeUnit.SECONDS);
        draining = false;
        try
        {
            drainer.join();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void drainOutbox()
    {
        while (draining)
        {
            if (trading.outbox.drain(DISCARD, DRAIN_LIMIT) == 0)
            {
                LockSupport.parkNanos(DRAINER_IDLE_NANOS);
            }
        }
        while (trading.outbox.drain(DISCARD, DRAIN_LIMIT) > 0)
        {
            Thread.onSpinWait();
        }
    }

    private static ThreadFactory stageThreads()
    {
        final AtomicInteger next = new AtomicInteger();
        return stage ->
        {
            final Thread thread = new Thread(stage, "stage-" + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
    }
}
