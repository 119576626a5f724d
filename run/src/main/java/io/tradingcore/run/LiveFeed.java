package io.tradingcore.run;

import io.tradingcore.adapters.config.TradingConfig;
import io.tradingcore.adapters.kraken.KrakenFeedClient;
import io.tradingcore.adapters.kraken.KrakenFeedSettings;
import io.tradingcore.adapters.sim.KrakenSimulator;
import io.tradingcore.adapters.sim.KrakenSimulatorSettings;
import io.tradingcore.core.book.ResyncRequests;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.ring.FrameSink;
import io.tradingcore.core.stream.Outbox;

/**
 * The socket feeds: Kraken's public WebSocket ({@code --feed kraken}) or the local simulator
 * ({@code --feed sim}, which starts a Kraken-compatible server on a loopback port and connects the
 * same production client to it). Runs until {@link #close()}.
 */
final class LiveFeed implements AutoCloseable
{
    /** The simulator's pace for {@code --feed sim}: a busy venue, well within what Redis takes. */
    static final int SIMULATED_FRAMES_PER_SECOND = 2_000;
    /** Candles for every strategy's indicators (the slowest, trend's EMA, needs 48), as Kraken's snapshot has them. */
    static final int SIMULATED_HISTORY_MINUTES = 50;

    private final KrakenSimulator simulator;
    private final KrakenFeedClient client;

    LiveFeed(
        final TradingConfig config, final boolean simulated, final SymbolTable symbols, final FrameSink sink,
        final ResyncRequests resync, final Outbox outbox)
    {
        final KrakenFeedSettings feed = config.kraken().feed();
        if (simulated)
        {
            simulator = new KrakenSimulator(new KrakenSimulatorSettings()
                .symbols(feed.symbols())
                .bookDepth(feed.bookDepth())
                .framesPerSecond(SIMULATED_FRAMES_PER_SECOND)
                .historyMinutes(SIMULATED_HISTORY_MINUTES)
                .hostClock(true));
            simulator.start(0);
            feed.endpoint(simulator.uri());
        }
        else
        {
            simulator = null;
        }
        client = new KrakenFeedClient(feed, symbols, sink, resync, outbox);
    }

    void start()
    {
        client.start();
    }

    KrakenFeedClient client()
    {
        return client;
    }

    @Override
    public void close()
    {
        client.close();
        if (simulator != null)
        {
            simulator.close();
        }
    }
}
