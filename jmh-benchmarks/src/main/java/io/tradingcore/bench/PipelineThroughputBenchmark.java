package io.tradingcore.bench;

import io.tradingcore.core.ring.Topology;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;

/**
 * Whole-pipeline throughput: the benchmark thread is the feed, publishing recorded frames through
 * {@code RingFrameSink} into the real ring as fast as the stages take them (a full ring blocks it),
 * the four stages run on their own threads, and a background thread drains and discards the outbox.
 * One operation is one frame, so the score is frames per second. Each iteration ends once the stages
 * have processed every frame it published.
 * <p>
 * {@code pinned} runs a thread per stage: on a 2-core box that is 4 stage threads, the feed and the
 * drainer on 2 CPUs, oversubscribed by design of the box, not of the topology.
 */
public class PipelineThroughputBenchmark extends OpsPerSecondBenchmark
{
    @Param({"compact", "pinned"})
    public String topology;

    @Param({"yielding", "busy-spin"})
    public String waitStrategy;

    private LoopedRecording recording;
    private DrainedPipeline pipeline;

    @Setup(Level.Trial)
    public void setUp() throws IOException
    {
        recording = LoopedRecording.synthetic(HotPathBenchmark.SEED, HotPathBenchmark.FRAMES, HotPathBenchmark.DEPTH);
        pipeline = new DrainedPipeline(Topology.of(topology), waitStrategy, HotPathBenchmark.DEPTH);
    }

    @Benchmark
    public void frame()
    {
        pipeline.play(recording, System.nanoTime());
    }

    @TearDown(Level.Iteration)
    public void awaitProcessed()
    {
        pipeline.awaitProcessed();
    }

    @TearDown(Level.Trial)
    public void tearDown()
    {
        pipeline.close();
        final TradingStages trading = pipeline.trading;
        System.out.println();
        System.out.println("passes " + recording.passes() + ", " + trading.summary());
        if (trading.faults.count() > 0 || trading.normalize.counters().checksumsFailed() > 0
            || trading.shedEntries() > 0)
        {
            throw new IllegalStateException("invalid run: " + trading.summary());
        }
    }
}
