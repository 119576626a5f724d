package io.tradingcore.run;

import com.lmax.disruptor.EventHandler;
import io.tradingcore.adapters.config.TradingConfig;
import io.tradingcore.adapters.sim.RecordingGenerator;
import io.tradingcore.adapters.sim.SyntheticMarket;
import io.tradingcore.core.book.ResyncRequests;
import io.tradingcore.core.market.Instruments;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.ring.FrameEvent;
import io.tradingcore.core.strategy.StrategyParameters;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.StreamCatalog;
import io.tradingcore.core.time.EventClock;
import io.tradingcore.core.time.MicrosClock;
import org.agrona.concurrent.MessageHandler;

import java.nio.charset.StandardCharsets;

/**
 * Runs a synthetic market through a throwaway copy of the stages ({@link StageAssembly}: the same code
 * built the same way, with its own books, portfolio and outbox) before a live feed is subscribed, so
 * the JIT has compiled the parser, books, strategies, risk, execution and the renderer the adapter
 * thread runs by the time the first real tick arrives. Nothing it does reaches the live stages or Redis.
 */
final class StageWarmup
{
    private static final long SEED = 20_260_817L;
    private static final int DRAIN_EVERY = 256;
    private static final MessageHandler DISCARD = (stream, buffer, index, length) -> { };

    private final StageAssembly assembly;
    private final EventHandler<FrameEvent>[] stages;
    private final int bookDepth;
    private final Outbox outbox;
    private final FrameEvent event;
    private final MicrosClock clock = new MicrosClock();
    private long sequence;
    private long limit;

    StageWarmup(final TradingConfig config, final StrategyParameters parameters)
    {
        final SymbolTable symbols = new SymbolTable();
        for (final String pair : SyntheticMarket.defaultSymbols())
        {
            symbols.intern(pair);
        }
        final StreamCatalog catalog = new StreamCatalog();
        config.streams().applyTo(catalog);
        outbox = new Outbox(catalog);
        // the synthetic market's clock is its own, as a replay's is: paced by its frames, not by the wall clock
        final EventClock clock = new EventClock(config.kraken().clockMaxJumpMicros(), false);
        assembly = new StageAssembly(config, parameters, symbols, new Instruments(), new ResyncRequests(), clock, outbox,
            "warmup", null, true, null);
        stages = assembly.inOrder();
        bookDepth = config.kraken().bookDepth();
        event = new FrameEvent(config.ring().frameCapacityBytes());
    }

    /** Runs {@code frames} frames (a session's acks and snapshots, then market steps); returns the frames run. */
    long run(final int frames)
    {
        final SyntheticMarket market = new SyntheticMarket(SEED, bookDepth, SyntheticMarket.defaultSymbols());
        limit = frames;
        final SyntheticMarket.MarketFrameSink sink = (channel, symbol, frame) -> onFrame(frame);
        RecordingGenerator.session(market, sink);
        while (sequence < frames)
        {
            market.step(sink);
        }
        while (!outbox.isEmpty())
        {
            outbox.drain(DISCARD, Integer.MAX_VALUE);
        }
        return sequence;
    }

    /** The throwaway copy's stages, to show what the warm-up exercised. */
    StageAssembly stages()
    {
        return assembly;
    }

    private void onFrame(final String frame)
    {
        final byte[] bytes = frame.getBytes(StandardCharsets.US_ASCII);
        if (sequence == limit || bytes.length > event.frameCapacity())
        {
            return;
        }
        event.kind = FrameEvent.KIND_FRAME;
        event.length = bytes.length;
        event.receiveEpochMicros = clock.epochMicros();
        event.receiveNanos = System.nanoTime();
        event.frame.putBytes(0, bytes);
        final long s = sequence++;
        try
        {
            for (final EventHandler<FrameEvent> stage : stages)
            {
                stage.onEvent(event, s, true);
            }
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException("warm-up frame " + s + " failed: " + ex.getMessage(), ex);
        }
        if (s % DRAIN_EVERY == 0)
        {
            outbox.drain(DISCARD, Integer.MAX_VALUE); // renders the records, as the adapter thread will
        }
    }
}
