package io.tradingcore.bench;

import com.lmax.disruptor.EventHandler;
import io.tradingcore.adapters.sim.SyntheticMarket;
import io.tradingcore.core.ring.FrameEvent;
import io.tradingcore.core.time.MicrosClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import com.sun.management.ThreadMXBean;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * One recorded Kraken frame per operation through the stages in order on the benchmark thread, as
 * the compact topology runs them: copied into a ring slot the way {@code RingFrameSink} does, then
 * normalize (parse, book, checksum, market data entries), signal (six strategies, arbitrage), risk,
 * paper execution. The frames are a synthetic session (status, instrument, acks, snapshots, then
 * book, trade, ticker and ohlc updates for four pairs) played in a loop, each pass a new session with
 * its timestamps and trade ids moved forward ({@link LoopedRecording}). The outbox is emptied every 256
 * frames without rendering its market-data records: rendering is the Redis adapter thread's work, not
 * the decision path's.
 * <p>
 * {@code stages} shows each part's cost: {@code copyOnly} is the harness alone (slot copy, the next
 * pass's shifting, the drain), then normalize, up to signal, up to risk, and all four. With
 * {@code -prof gc}, {@code gc.alloc.rate.norm} is the allocation per frame.
 */
public class HotPathBenchmark extends NanosPerOpBenchmark
{
    static final long SEED = 42;
    static final int FRAMES = 100_000;
    static final int DEPTH = 10;
    private static final int FRAME_CAPACITY = 16_384;
    private static final int DRAIN_EVERY_MASK = 255;
    private static final ThreadMXBean THREADS = (ThreadMXBean)ManagementFactory.getThreadMXBean();

    @Param({"copyOnly", "normalizeOnly", "toSignal", "toRisk", "allStages"})
    public String stages;

    private final FrameEvent event = new FrameEvent(FRAME_CAPACITY);
    private final MicrosClock clock = new MicrosClock();
    private LoopedRecording recording;
    private TradingStages trading;
    private EventHandler<FrameEvent>[] chain;
    private long sequence;
    private long allocatedAtStart;
    private long cpuAtStart;
    private long sequenceAtStart;

    @Setup(Level.Trial)
    public void setUp() throws IOException
    {
        recording = LoopedRecording.synthetic(SEED, FRAMES, DEPTH);
        trading = new TradingStages(SyntheticMarket.defaultSymbols(), DEPTH);
        final int count = Arrays.asList("copyOnly", "normalizeOnly", "toSignal", "toRisk", "allStages").indexOf(stages);
        if (count < 0)
        {
            throw new IllegalArgumentException("unknown stages " + stages);
        }
        chain = Arrays.copyOf(trading.inOrder(), count);
    }

    @Benchmark
    public int frame() throws Exception
    {
        if (recording.next())
        {
            event.kind = FrameEvent.KIND_SESSION_START;
            event.length = 0;
            event.receiveEpochMicros = clock.epochMicros();
            event.receiveNanos = System.nanoTime();
            process();
        }
        final UnsafeBuffer frame = recording.frame();
        final int length = frame.capacity();
        event.kind = FrameEvent.KIND_FRAME;
        event.length = length;
        event.receiveEpochMicros = clock.epochMicros();
        event.receiveNanos = System.nanoTime();
        event.frame.putBytes(0, frame, 0, length);
        process();
        if ((sequence & DRAIN_EVERY_MASK) == 0)
        {
            trading.outbox.discard(Integer.MAX_VALUE);
        }
        return event.updateCount;
    }

    private void process() throws Exception
    {
        final long s = sequence++;
        for (final EventHandler<FrameEvent> stage : chain)
        {
            stage.onEvent(event, s, true);
        }
    }

    @Setup(Level.Iteration)
    public void startCounting()
    {
        allocatedAtStart = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
        cpuAtStart = THREADS.getCurrentThreadCpuTime();
        sequenceAtStart = sequence;
    }

    /**
     * Drains the outbox and prints what this thread allocated over the iteration, exactly (where
     * {@code gc.alloc.rate.norm} also counts JMH's own threads, some 0.05 B/op of a 100 ns op), and
     * its CPU time per frame, which time slices lost to other processes on a shared box do not inflate.
     */
    @TearDown(Level.Iteration)
    public void drainAndCount()
    {
        final long cpu = THREADS.getCurrentThreadCpuTime() - cpuAtStart;
        final long frames = sequence - sequenceAtStart;
        while (trading.outbox.discard(Integer.MAX_VALUE) > 0)
        {
            Thread.onSpinWait();
        }
        final long allocated = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId()) - allocatedAtStart;
        System.out.print("[thread allocated " + allocated + " B, cpu " + cpu / Math.max(1, frames) + " ns/frame] ");
    }

    @TearDown(Level.Trial)
    public void check()
    {
        System.out.println();
        System.out.println("passes " + recording.passes() + ", " + trading.summary());
        if (chain.length > 0 && (trading.normalize.counters().checksumsFailed() > 0 || trading.shedEntries() > 0))
        {
            throw new IllegalStateException("invalid run: " + trading.summary());
        }
    }
}
