package io.tradingcore.adapters.sim;

import io.tradingcore.adapters.Pause;
import io.tradingcore.adapters.kraken.FramePeek;
import io.tradingcore.adapters.kraken.KrakenFeedClient;
import io.tradingcore.adapters.kraken.KrakenFeedSettings;
import io.tradingcore.core.book.ResyncRequests;
import io.tradingcore.core.kraken.Channel;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.ring.FrameSink;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.StreamCatalog;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulator streaming flat out to the real client over loopback for two seconds. The rate is
 * measured and logged, not asserted (speed is proven by measurement, never by a timed unit test);
 * what is asserted is that every frame arrived whole and in the order the market made them.
 */
class KrakenSimulatorThroughputTest
{
    private static final Logger LOG = LoggerFactory.getLogger(KrakenSimulatorThroughputTest.class);

    @Test
    void streamsFlatOutToOneClientWithoutLosingAFrame()
    {
        final List<String> symbols = SyntheticMarket.defaultSymbols();
        final KrakenSimulator simulator = new KrakenSimulator(new KrakenSimulatorSettings().symbols(symbols)
            .framesPerSecond(0)).start(0);
        final SymbolTable table = new SymbolTable();
        symbols.forEach(table::intern);
        final CountingSink sink = new CountingSink();
        final KrakenFeedClient client = new KrakenFeedClient(new KrakenFeedSettings().endpoint(simulator.uri())
            .symbols(symbols).instrument(false).ohlcIntervals(1, 5).controlRate(50, 20),
            table, sink, new ResyncRequests(), new Outbox(new StreamCatalog(), 1 << 22, 50));
        final long start = System.nanoTime();
        client.start();
        Pause.millis(500);
        final long warmedUp = simulator.framesSent();
        Pause.millis(2_000);
        final long sentDuringRun = simulator.framesSent() - warmedUp;
        simulator.faults().freezeConnections();
        // what is in flight on loopback arrives at the client's pace: on a loaded box that can take seconds
        long arrived;
        do
        {
            arrived = sink.seen;
            Pause.millis(300);
        }
        while (sink.seen != arrived && System.nanoTime() - start < 60_000_000_000L);
        client.stop();
        final long elapsed = System.nanoTime() - start;
        final long sent = simulator.framesSent();
        simulator.close();

        LOG.info("simulator -> client over loopback: {} market frames/s after warm-up ({} frames in {} ms, {} bytes a frame)",
            sentDuringRun / 2, sent, elapsed / 1_000_000, sink.bytes / Math.max(1, sink.frames));
        assertTrue(sent > 0);
        assertEquals(sent, sink.marketFrames, "every market frame the simulator sent arrived whole");
        assertEquals(0, sink.unknown);
        assertEquals(client.metrics().framesTotal(), sink.frames);
    }

    /** Counts on the feed thread; read after the client stopped. */
    private static final class CountingSink implements FrameSink
    {
        long frames;
        /** The frames so far, for the test thread to see when they stop arriving. */
        volatile long seen;
        long marketFrames;
        long unknown;
        long bytes;
        private boolean snapshotsDone;

        @Override
        public boolean onFrame(final DirectBuffer buffer, final int offset, final int length,
            final long receiveEpochMicros, final long receiveNanos)
        {
            frames++;
            seen = frames;
            bytes += length;
            final int channel = FramePeek.channel(buffer, offset, length);
            if (channel == Channel.UNKNOWN)
            {
                unknown++;
            }
            else if (channel >= Channel.TICKER && channel <= Channel.OHLC && !FramePeek.isSnapshot(buffer, offset, length))
            {
                marketFrames++;
            }
            return true;
        }

        @Override
        public void onSessionStart(final long receiveEpochMicros)
        {
        }
    }
}
