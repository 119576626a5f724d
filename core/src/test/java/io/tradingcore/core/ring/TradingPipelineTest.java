package io.tradingcore.core.ring;

import com.lmax.disruptor.EventHandler;
import io.tradingcore.core.time.EventClock;
import com.lmax.disruptor.ExceptionHandler;
import io.tradingcore.core.book.ResyncRequests;
import io.tradingcore.core.kraken.ParseError;
import io.tradingcore.core.kraken.Side;
import io.tradingcore.core.market.Instruments;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.stage.KrakenFrames;
import io.tradingcore.core.stage.NormalizeStage;
import io.tradingcore.core.stage.OutboxEntries;
import io.tradingcore.core.stream.EntryWriter;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.StreamCatalog;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real Disruptor ring in both topologies, fed through {@link RingFrameSink}. */
class TradingPipelineTest
{
    private static final int RING_SIZE = 64;
    private static final int FRAME_CAPACITY = 256;
    private static final int FRAMES = 2_000;
    private static final long T0 = 1_764_086_400_000_000L;

    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger threadsMade = new AtomicInteger();
    private final ThreadFactory plainThreads = r ->
    {
        final Thread t = new Thread(r, "stage-" + threadsMade.incrementAndGet());
        t.setDaemon(true);
        return t;
    };

    /**
     * Stage {@code index} of a chain: checks that the stage before it already handled the slot (the
     * baton it left in {@link FrameEvent#channel}), passes the baton on and records what it saw.
     */
    private static final class RecordingStage implements EventHandler<FrameEvent>
    {
        final int index;
        final List<String> seen = new ArrayList<>();
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();
        final CountDownLatch shutdown = new CountDownLatch(1);
        volatile int starts;
        int outOfOrder;
        int sequenceGaps;
        long lastSequence = -1;

        RecordingStage(final int index)
        {
            this.index = index;
        }

        @Override
        public void onEvent(final FrameEvent event, final long sequence, final boolean endOfBatch)
        {
            threads.add(Thread.currentThread());
            if (index > 0 && event.channel != index)
            {
                outOfOrder++;
            }
            if (sequence != lastSequence + 1)
            {
                sequenceGaps++;
            }
            lastSequence = sequence;
            event.channel = index + 1;
            seen.add(describe(event));
        }

        @Override
        public void onStart()
        {
            starts++;
        }

        @Override
        public void onShutdown()
        {
            shutdown.countDown();
        }

        static String describe(final FrameEvent event)
        {
            return event.kind == FrameEvent.KIND_FRAME ? event.frame.getStringWithoutLengthAscii(0, event.length) :
                "kind " + event.kind + " length " + event.length;
        }
    }

    @Test
    void compactRunsTheStagesInOrderOnOneThread() throws Exception
    {
        final RecordingStage[] stages = stages();
        final TradingPipeline pipeline = pipeline(Topology.COMPACT, stages);
        final List<String> expected = publish(pipeline.start());
        awaitDrained(pipeline);
        pipeline.stop(5, TimeUnit.SECONDS);

        assertRecorded(expected, stages);
        assertEquals(1, threadsMade.get());
        final Thread only = stages[0].threads.iterator().next();
        for (final RecordingStage stage : stages)
        {
            assertEquals(Set.of(only), stage.threads);
        }
    }

    @Test
    void pinnedRunsEachStageOnItsOwnThreadAndStopDrainsTheRing() throws Exception
    {
        final RecordingStage[] stages = stages();
        final TradingPipeline pipeline = pipeline(Topology.PINNED, stages);
        final List<String> expected = publish(pipeline.start());
        pipeline.stop(10, TimeUnit.SECONDS); // no wait for isDrained: stop itself lets every stage finish the ring

        assertRecorded(expected, stages);
        assertTrue(pipeline.isDrained());
        assertEquals(4, threadsMade.get());
        final Set<Thread> all = ConcurrentHashMap.newKeySet();
        for (final RecordingStage stage : stages)
        {
            assertEquals(1, stage.threads.size());
            all.addAll(stage.threads);
        }
        assertEquals(4, all.size());
    }

    @Test
    void theNormalizeStageCountsAndReportsAnOversizedFrameInSequence() throws Exception
    {
        final SymbolTable symbols = new SymbolTable();
        final Instruments instruments = new Instruments();
        instruments.offer(symbols.intern("BTC/USD"), 1, 8, Instruments.SOURCE_CONFIG);
        final Outbox outbox = new Outbox(new StreamCatalog(), 1 << 20, 100);
        final NormalizeStage normalize = new NormalizeStage(
            symbols, instruments, new ResyncRequests(), outbox, 10, new EventClock(5_000_000, false), 10);
        final RecordingStage after = new RecordingStage(0);
        final List<Integer> updates = new CopyOnWriteArrayList<>();
        final EventHandler<FrameEvent> updateCounter = (event, sequence, endOfBatch) -> updates.add(event.updateCount);
        final TradingPipeline pipeline = new TradingPipeline(RING_SIZE, 4096, Topology.PINNED,
            WaitStrategies.of("blocking"), plainThreads, exceptionHandler(), normalize, updateCounter, after);
        final RingFrameSink sink = pipeline.start();

        final KrakenFrames frames = new KrakenFrames(10).symbol("BTC/USD", 1, 8);
        sink.onSessionStart(T0);
        publish(sink, frames.snapshot("BTC/USD", T0, new long[] {628_000, 100}, new long[] {628_005, 100}));
        assertFalse(sink.onFrame(new UnsafeBuffer(new byte[5_000]), 0, 5_000, T0, System.nanoTime()));
        publish(sink, KrakenFrames.trades(false, frames.tradeItem("BTC/USD", Side.BUY, 628_001, 1, 1, T0 + 1)));
        awaitDrained(pipeline);
        pipeline.stop(5, TimeUnit.SECONDS);

        assertEquals(3, sink.published(), "the session start is not a frame");
        assertEquals(1, sink.oversized());
        assertEquals(1, normalize.counters().errors(ParseError.OVERSIZED));
        assertEquals(List.of(0, 1, 0, 1), updates, "session start, book, oversized, trade");
        assertEquals("kind 2 length 5000", after.seen.get(2));
        final List<OutboxEntries.Entry> written = new OutboxEntries(outbox, symbols).drain();
        final OutboxEntries.Entry error = OutboxEntries.one(written, "kraken:errors");
        assertEquals("oversized_frame", error.get("error"));
        assertEquals("5000", error.get("length"));
        assertEquals("4096", error.get("capacity"));
        OutboxEntries.one(written, "md:book:BTC/USD");
        OutboxEntries.one(written, "md:trades:BTC/USD");
        assertTrue(failures.isEmpty(), failures.toString());
    }

    @Test
    void aRingSizeThatIsNotAPowerOfTwoIsRefused()
    {
        assertThrows(IllegalArgumentException.class, () -> pipeline(Topology.COMPACT, 1000, stages()));
        assertThrows(IllegalArgumentException.class, () -> pipeline(Topology.PINNED, 0, stages()));
        assertEquals(0, threadsMade.get());
    }

    private static RecordingStage[] stages()
    {
        return new RecordingStage[] {new RecordingStage(0), new RecordingStage(1), new RecordingStage(2), new RecordingStage(3)};
    }

    private TradingPipeline pipeline(final Topology topology, final RecordingStage[] stages)
    {
        return pipeline(topology, RING_SIZE, stages);
    }

    private TradingPipeline pipeline(final Topology topology, final int ringSize, final RecordingStage[] stages)
    {
        return new TradingPipeline(ringSize, FRAME_CAPACITY, topology, WaitStrategies.of("blocking"), plainThreads,
            exceptionHandler(), stages[0], stages[1], stages[2], stages[3]);
    }

    /** {@link #FRAMES} frames with an oversized one and a session start among them; returns what each stage must see. */
    private static List<String> publish(final RingFrameSink sink)
    {
        final List<String> expected = new ArrayList<>();
        for (int i = 0; i < FRAMES; i++)
        {
            if (i == FRAMES / 3)
            {
                assertFalse(sink.onFrame(new UnsafeBuffer(new byte[FRAME_CAPACITY + 1]), 0, FRAME_CAPACITY + 1, T0, 0));
                expected.add("kind 2 length " + (FRAME_CAPACITY + 1));
            }
            if (i == FRAMES / 2)
            {
                sink.onSessionStart(T0);
                expected.add("kind 1 length 0");
            }
            final String frame = "{\"frame\":" + i + "}";
            publish(sink, frame);
            expected.add(frame);
        }
        assertEquals(FRAMES + 1, sink.published());
        assertEquals(1, sink.oversized());
        assertEquals(expected.size() - 1, sink.lastSequence());
        return expected;
    }

    private static void publish(final RingFrameSink sink, final String frame)
    {
        final byte[] bytes = frame.getBytes(StandardCharsets.US_ASCII);
        assertTrue(sink.onFrame(new UnsafeBuffer(bytes), 0, bytes.length, T0, System.nanoTime()));
    }

    private void assertRecorded(final List<String> expected, final RecordingStage[] stages) throws InterruptedException
    {
        assertTrue(failures.isEmpty(), failures.toString());
        for (final RecordingStage stage : stages)
        {
            assertEquals(expected, stage.seen, "stage " + stage.index);
            assertEquals(0, stage.outOfOrder, "stage " + stage.index + " saw a slot before the stage ahead of it");
            assertEquals(0, stage.sequenceGaps);
            assertEquals(1, stage.starts);
            assertTrue(stage.shutdown.await(5, TimeUnit.SECONDS), "stage " + stage.index + " shut down");
        }
    }

    private static void awaitDrained(final TradingPipeline pipeline) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!pipeline.isDrained())
        {
            assertTrue(System.nanoTime() < deadline, "the stages did not drain the ring");
            Thread.sleep(1);
        }
    }

    private ExceptionHandler<FrameEvent> exceptionHandler()
    {
        return new ExceptionHandler<>()
        {
            @Override
            public void handleEventException(final Throwable ex, final long sequence, final FrameEvent event)
            {
                failures.add(ex);
            }

            @Override
            public void handleOnStartException(final Throwable ex)
            {
                failures.add(ex);
            }

            @Override
            public void handleOnShutdownException(final Throwable ex)
            {
                failures.add(ex);
            }
        };
    }
}
