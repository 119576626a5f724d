package io.tradingcore.core.stage;

import io.tradingcore.core.ring.FrameEvent;
import io.tradingcore.core.ring.SymbolUpdate;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A fill is never dropped: a burst that fills the feedback ring reaches the risk stage whole and in order. */
class ExecutionFeedbackTest
{
    private static final int BURST = 5_000;
    /** 1 KiB: about 21 records. */
    private static final int SMALL = 1024;

    /** Collects fills, checking that prices come 1, 2, 3... */
    private static final class Portfolio implements ExecutionFeedback.Handler
    {
        private long fills;
        private long outOfOrder;

        @Override
        public void onFill(final int symbolId, final int side, final long price, final long qty, final double fee, final long micros)
        {
            if (price != ++fills)
            {
                outOfOrder++;
            }
        }

        @Override
        public void onOrderClosed(final int symbolId, final int side, final long unfilledQty)
        {
        }
    }

    @Test
    void aBurstFromAnotherThreadWaitsForTheRiskStageAndLosesNothing() throws Exception
    {
        final ExecutionFeedback feedback = new ExecutionFeedback(SMALL);
        final Portfolio portfolio = new Portfolio();
        final CompletableFuture<Void> producer = CompletableFuture.runAsync(() ->
        {
            for (int i = 1; i <= BURST; i++)
            {
                feedback.fill(0, 0, i, 1, 0.0, i);
            }
        });
        while (!producer.isDone() || feedback.drain(portfolio) > 0)
        {
            feedback.drain(portfolio);
            Thread.yield();
        }
        producer.get(10, TimeUnit.SECONDS);
        assertEquals(BURST, portfolio.fills, "every fill of the burst reached the risk stage");
        assertEquals(0, portfolio.outOfOrder, "in order");
        assertTrue(feedback.waits() > 0, "the burst filled the ring and the producer waited");
    }

    @Test
    void onTheRiskStagesOwnThreadAFullRingIsHandedOverInsteadOfWaitedFor()
    {
        final ExecutionFeedback feedback = new ExecutionFeedback(SMALL);
        final Portfolio portfolio = new Portfolio();
        feedback.drain(portfolio); // the compact topology: risk and execution on this thread
        for (int i = 1; i <= BURST; i++)
        {
            feedback.fill(0, 0, i, 1, 0.0, i);
        }
        feedback.drain(portfolio);
        assertEquals(BURST, portfolio.fills);
        assertEquals(0, portfolio.outOfOrder);
        assertEquals(0, feedback.waits(), "nothing to wait for on its own thread");
    }

    @Test
    void theRiskStageStaysWithinTwoEventsOfTheExecutionStage() throws Exception
    {
        final ExecutionFeedback feedback = new ExecutionFeedback(SMALL);
        feedback.awaitStage(100); // no stage produces yet: nothing to wait for
        feedback.stageDone(2);
        final CompletableFuture<Void> risk = CompletableFuture.runAsync(() -> feedback.awaitStage(5));
        Thread.sleep(100);
        assertFalse(risk.isDone(), "event 5 waits until the execution stage has finished event 3");
        feedback.stageDone(3);
        risk.get(10, TimeUnit.SECONDS);
        final CompletableFuture<Void> afterStop = CompletableFuture.runAsync(() -> feedback.awaitStage(50));
        feedback.stageStopped();
        afterStop.get(10, TimeUnit.SECONDS);
    }

    @Test
    void theExecutionStagesRingHoldsTwoEventsOfItsWorstCase() throws Exception
    {
        final int reportsPerCall = 68;
        final long callsPerEvent = (long)FrameEvent.MAX_SYMBOL_UPDATES * SymbolUpdate.MAX_TRADES + FrameEvent.MAX_SIGNALS;
        final long worstTwoEvents = 2 * callsPerEvent * reportsPerCall * 2;
        final ExecutionFeedback feedback = ExecutionFeedback.forExecutionStage(reportsPerCall);
        final Portfolio portfolio = new Portfolio();
        final CompletableFuture<Void> producer = CompletableFuture.runAsync(() ->
        {
            for (int i = 1; i <= worstTwoEvents; i++)
            {
                feedback.fill(0, 0, i, 1, 0.0, i);
            }
        });
        producer.get(30, TimeUnit.SECONDS);
        assertEquals(0, feedback.waits(), "two worst-case events fit without the risk stage draining");
        feedback.drain(portfolio);
        assertEquals(worstTwoEvents, portfolio.fills);
    }
}
