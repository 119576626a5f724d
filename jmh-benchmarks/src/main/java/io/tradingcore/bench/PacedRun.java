package io.tradingcore.bench;

import io.tradingcore.core.ring.Topology;
import io.tradingcore.core.stage.ExecutionStage;
import org.HdrHistogram.Histogram;

/**
 * One measurement of the real pipeline at a fixed offered rate: a fresh {@link DrainedPipeline} (the
 * JIT stays warm across runs in one JVM), frames offered for the warm-up, histograms reset, the
 * measured frames offered, then everything processed. The feed thread paces itself with
 * {@link System#nanoTime()} and stamps each frame with the time it was due, not the time it went out:
 * when the pipeline or the feed falls behind, the response time counts the queueing a real socket would
 * have seen (no coordinated omission) and the achieved rate drops.
 */
final class PacedRun
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** Due time → execution's decision, ns ({@link ExecutionStage#receiveToDecision()}): what a caller waits. */
    final Histogram responseTime;
    /** Normalize took the slot → execution's decision, ns ({@link ExecutionStage#tickToDecision()}): the work. */
    final Histogram serviceTime;
    final double achievedRate;
    /** Market-data entries the outbox shed: the drainer (the Redis thread's stand-in) fell behind. */
    final long shedEntries;
    /** No stage fault and no checksum failure: the stages did their real work on every frame. */
    final boolean valid;
    /** What the stages did, from {@link TradingStages#summary()}. */
    final String summary;

    private PacedRun(
        final Histogram responseTime, final Histogram serviceTime, final double achievedRate, final long shedEntries,
        final boolean valid, final String summary)
    {
        this.responseTime = responseTime;
        this.serviceTime = serviceTime;
        this.achievedRate = achievedRate;
        this.shedEntries = shedEntries;
        this.valid = valid;
        this.summary = summary;
    }

    static PacedRun measure(
        final LoopedRecording recording, final Topology topology, final String waitStrategy, final int depth,
        final long rate, final double warmupSeconds, final double seconds)
    {
        try (DrainedPipeline pipeline = new DrainedPipeline(topology, waitStrategy, depth))
        {
            recording.endPass();
            offer(pipeline, recording, rate, (long)(rate * warmupSeconds));
            pipeline.awaitProcessed();
            final ExecutionStage execution = pipeline.trading.execution;
            execution.tickToDecision().reset();
            execution.receiveToDecision().reset();

            final long frames = (long)(rate * seconds);
            final long start = System.nanoTime();
            offer(pipeline, recording, rate, frames);
            final double achieved = frames * (double)NANOS_PER_SECOND / (System.nanoTime() - start);
            pipeline.awaitProcessed();
            final TradingStages trading = pipeline.trading;
            final boolean valid = trading.faults.count() == 0 && trading.normalize.counters().checksumsFailed() == 0;
            return new PacedRun(execution.receiveToDecision().copy(), execution.tickToDecision().copy(), achieved,
                trading.shedEntries(), valid, trading.summary());
        }
    }

    /** Offers {@code frames} frames at {@code rate} per second, each stamped with the time it was due. */
    private static void offer(final DrainedPipeline pipeline, final LoopedRecording recording, final long rate, final long frames)
    {
        final long start = System.nanoTime();
        for (long i = 0; i < frames; i++)
        {
            final long due = start + i * NANOS_PER_SECOND / rate;
            while (System.nanoTime() < due)
            {
                Thread.yield();
            }
            pipeline.play(recording, due);
        }
    }
}
