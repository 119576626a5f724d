package io.tradingcore.bench;

import io.tradingcore.adapters.sim.SyntheticMarket;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How fast the synthetic market produces frames (the WebSocket simulator needs 200k frames/s):
 * steps per second, and frames per second as an auxiliary counter.
 */
public class SyntheticMarketBenchmark extends OpsPerSecondBenchmark
{
    @Param({"10", "1000"})
    public int depth;

    private SyntheticMarket market;

    /** Frames handed to the sink, reported per second next to the steps. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Frames
    {
        public long frames;

        @Setup(Level.Iteration)
        public void reset()
        {
            frames = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp()
    {
        market = new SyntheticMarket(42, depth, SyntheticMarket.defaultSymbols());
    }

    @Benchmark
    public void step(final Frames frames, final Blackhole blackhole)
    {
        market.step((channel, symbol, frame) ->
        {
            frames.frames++;
            blackhole.consume(frame);
        });
    }
}
