package io.tradingcore.adapters.kraken;

import io.tradingcore.adapters.Pause;
import io.tradingcore.adapters.sim.KrakenSimulator;
import io.tradingcore.adapters.sim.KrakenSimulatorSettings;
import io.tradingcore.core.book.ResyncRequests;
import io.tradingcore.core.market.SymbolTable;
import io.tradingcore.core.ring.FrameSink;
import io.tradingcore.core.stage.OutboxEntries;
import io.tradingcore.core.stream.Outbox;
import io.tradingcore.core.stream.StreamCatalog;
import org.agrona.DirectBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A {@link KrakenFeedClient} connected to a {@link KrakenSimulator} over loopback, with the frames the
 * client hands on and the stream entries it writes collected for assertions.
 */
final class SimulatedFeed implements AutoCloseable
{
    static final List<String> SYMBOLS = List.of("BTC/USD", "ETH/USD", "SOL/USD");

    final KrakenSimulator simulator;
    final KrakenFeedClient client;
    final SymbolTable symbols = new SymbolTable();
    final ResyncRequests resyncs = new ResyncRequests();
    final Outbox outbox = new Outbox(new StreamCatalog(), 1 << 22, 50);
    final ConcurrentLinkedQueue<String> frames = new ConcurrentLinkedQueue<>();
    final AtomicInteger sessionStarts = new AtomicInteger();
    private final OutboxEntries entries = new OutboxEntries(outbox, symbols);

    /** A simulator at a modest pace and a client with every timeout shrunk for tests. */
    static KrakenSimulatorSettings simulatorSettings()
    {
        return new KrakenSimulatorSettings().seed(7).bookDepth(10).symbols(SYMBOLS).framesPerSecond(2_000);
    }

    static KrakenFeedSettings clientSettings(final List<String> symbols)
    {
        return new KrakenFeedSettings().symbols(symbols).bookDepth(10).ohlcIntervals(1, 5)
            .controlRate(50, 20).tickMillis(10)
            .connectionSilenceMillis(3_000).pingTimeoutMillis(1_000).dataSilenceMillis(2_000)
            .backoff(20, 500, 0.2).stableConnectionMillis(5_000).rateLimitRetryMillis(200)
            .resync(3, 5_000, 2_000).metricsIntervalMillis(500).connectTimeoutMillis(2_000);
    }

    SimulatedFeed(final KrakenSimulatorSettings simulatorSettings, final KrakenFeedSettings clientSettings)
    {
        this(new KrakenSimulator(simulatorSettings).start(0), clientSettings);
    }

    SimulatedFeed(final KrakenSimulator simulator, final KrakenFeedSettings clientSettings)
    {
        this.simulator = simulator;
        for (final String symbol : clientSettings.symbols())
        {
            symbols.intern(symbol);
        }
        if (clientSettings.endpoint().getPort() <= 0 || "ws.kraken.com".equals(clientSettings.endpoint().getHost()))
        {
            clientSettings.endpoint(simulator.uri());
        }
        this.client = new KrakenFeedClient(clientSettings, symbols, new FrameSink()
        {
            @Override
            public boolean onFrame(final DirectBuffer buffer, final int offset, final int length,
                final long receiveEpochMicros, final long receiveNanos)
            {
                frames.add(buffer.getStringWithoutLengthUtf8(offset, length));
                return true;
            }

            @Override
            public void onSessionStart(final long receiveEpochMicros)
            {
                sessionStarts.incrementAndGet();
            }
        }, resyncs, outbox);
        client.start();
    }

    int id(final String symbol)
    {
        return symbols.intern(symbol);
    }

    /** Waits for an entry of {@code kind} (see {@link #kindOf}) on {@code stream} whose fields match. */
    Map<String, String> await(final int stream, final String kind, final Predicate<Map<String, String>> match,
        final long timeoutMillis)
    {
        return entries.await(stream, fields -> kind.equals(kindOf(stream, fields)) && match.test(fields), kind, timeoutMillis);
    }

    Map<String, String> await(final int stream, final String kind, final long timeoutMillis)
    {
        return await(stream, kind, fields -> true, timeoutMillis);
    }

    /** Every entry of {@code kind} (see {@link #kindOf}) on {@code stream} written so far. */
    List<Map<String, String>> entries(final int stream, final String kind)
    {
        final List<Map<String, String>> found = new ArrayList<>();
        for (final Map<String, String> fields : entries(stream))
        {
            if (kind.equals(kindOf(stream, fields)))
            {
                found.add(fields);
            }
        }
        return found;
    }

    /** Every entry on {@code stream} written so far. */
    List<Map<String, String>> entries(final int stream)
    {
        return entries.all(stream);
    }

    /**
     * What an entry is under the README's entry conventions: the {@code error} of a {@code type=error}
     * entry on kraken:errors, the {@code event} of a {@code type=event} entry on events:bus, the
     * {@code state} of a {@code type=status, source=connection} entry on kraken:status, else its
     * {@code type}. An entry in any other shape on those three streams is of no kind, so fails every wait.
     */
    private static String kindOf(final int stream, final Map<String, String> fields)
    {
        final String type = fields.get("type");
        switch (stream)
        {
            case StreamCatalog.KRAKEN_ERRORS:
                return "error".equals(type) ? fields.get("error") : null;
            case StreamCatalog.EVENTS_BUS:
                return "event".equals(type) ? fields.get("event") : null;
            case StreamCatalog.KRAKEN_STATUS:
                return "status".equals(type) && "connection".equals(fields.get("source")) ? fields.get("state") : null;
            default:
                return type;
        }
    }

    /** Waits for a frame containing every one of {@code parts} that arrived after the first {@code after} frames. */
    String awaitFrame(final int after, final long timeoutMillis, final String... parts)
    {
        final int index = awaitFrameIndex(after, timeoutMillis, parts);
        return frames.stream().skip(index).findFirst().orElseThrow();
    }

    /** The index of the first frame at or after {@code after} containing every one of {@code parts}. */
    int awaitFrameIndex(final int after, final long timeoutMillis, final String... parts)
    {
        final long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline)
        {
            int index = 0;
            for (final String frame : frames)
            {
                if (index >= after && containsAll(frame, parts))
                {
                    return index;
                }
                index++;
            }
            Pause.millis(5);
        }
        fail("no frame with " + List.of(parts) + " within " + timeoutMillis + " ms");
        return -1;
    }

    int frameCount()
    {
        return frames.size();
    }

    private static boolean containsAll(final String frame, final String... parts)
    {
        for (final String part : parts)
        {
            if (!frame.contains(part))
            {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close()
    {
        client.stop();
        simulator.close();
    }
}
