package io.tradingcore.core.ring;

import com.lmax.disruptor.EventHandler;

/** The compact topology: the stages called in order on one thread for each event. */
final class StageChain implements EventHandler<FrameEvent>
{
    private final EventHandler<FrameEvent>[] stages;

    StageChain(final EventHandler<FrameEvent>[] stages)
    {
        this.stages = stages;
    }

    @Override
    public void onEvent(final FrameEvent event, final long sequence, final boolean endOfBatch) throws Exception
    {
        for (final EventHandler<FrameEvent> stage : stages)
        {
            stage.onEvent(event, sequence, endOfBatch);
        }
    }

    @Override
    public void onStart()
    {
        for (final EventHandler<FrameEvent> stage : stages)
        {
            stage.onStart();
        }
    }

    @Override
    public void onShutdown()
    {
        for (final EventHandler<FrameEvent> stage : stages)
        {
            stage.onShutdown();
        }
    }
}
